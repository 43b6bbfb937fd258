//! The database, on a thread of its own: the screen's thread never waits for it. A locked
//! database (another kiosk, a backup) costs the person an "Un instant…", not a frozen
//! screen; answers come back as inputs, tagged with the request's id.
use std::sync::mpsc::{self, RecvTimeoutError, Sender, SyncSender};
use std::thread;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};

use super::input::Input;
use crate::places::update::{FetchedFile, Source};
use crate::store::postgres::Heartbeat;
use crate::store::{Reply, Request, StoreError, Stores};
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::profile::Profile;

/// Work for the database.
// One job at a time through a channel: boxing the large request would only add noise.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Job {
    /// A screen's question; its answer comes back as `Input::Stored`.
    Ask {
        id: u64,
        request: Request,
        now: NaiveDateTime,
    },
    Audit {
        at: NaiveDateTime,
        actor: String,
        action: String,
    },
    CountDiagnostic {
        day: NaiveDate,
        profile: Profile,
        needs: Vec<Thematique>,
    },
    SavePinGuard(u32, Option<NaiveDateTime>),
    /// A PIN typed for a counsellor (their id), checked by the network's database; the
    /// answer comes back as `Input::SignedIn`.
    SignIn {
        counsellor: String,
        pin: String,
    },
    /// The counsellor left their mode: the network forgets their session.
    SignOut,
    /// What the welcome screen does not need, prepared once it is shown: the file checked
    /// whole, the configuration's data files imported if they changed, the lieux search's
    /// index built (the first key on the lieux screen then finds it ready).
    Prepare {
        config_dir: std::path::PathBuf,
        now: NaiveDateTime,
    },
    /// The retention rule.
    Erase {
        now: NaiveDateTime,
        days: u32,
    },
    /// The daily lieux update (from the network, else from `source`, the feed).
    Lieux {
        now: NaiveDateTime,
        source: Option<Source>,
        /// Where the fetched file comes back as a job (the worker holds no sender of its
        /// own: its jobs' end is the kiosk's).
        again: Sender<Job>,
    },
    /// The feed's file, fetched away from the worker: checked and imported.
    LieuxFetched {
        fetched: FetchedFile,
        now: NaiveDateTime,
    },
    /// A network kiosk's heartbeat, completed here with what the store knows.
    Heartbeat(Heartbeat),
}

/// How often a kiosk holding callback requests tries its network again when nothing else
/// reaches it.
const CALLBACK_RETRY: Duration = Duration::from_secs(15);

/// The worker's thread: its jobs, and its end (the stores closed) once the jobs' senders
/// are gone.
pub(crate) fn spawn(mut stores: Stores, answers: SyncSender<Input>) -> (Sender<Job>, Closing) {
    let (jobs, queue) = mpsc::channel::<Job>();
    let thread = thread::spawn(move || {
        loop {
            let job = match queue.recv_timeout(CALLBACK_RETRY) {
                Ok(job) => job,
                Err(RecvTimeoutError::Timeout) => {
                    send_callbacks(&mut stores);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            match job {
                Job::Ask { id, request, now } => {
                    let kind = request.kind();
                    let reply = stores.answer(request, now);
                    // The network answered: callback requests waiting here go with it.
                    let reached = !matches!(&reply, Reply::Failed(StoreError::Unreachable(_)));
                    match &reply {
                        Reply::Failed(e) => {
                            tracing::error!(request = kind, error = %e, "database request failed")
                        }
                        _ => {
                            tracing::debug!(request = kind, refused = ?refusal(&reply), "store answered")
                        }
                    }
                    if answers.send(Input::Stored { id, reply }).is_err() {
                        return;
                    }
                    if reached {
                        send_callbacks(&mut stores);
                    }
                }
                Job::Audit { at, actor, action } => {
                    if let Err(e) = stores.agenda().and_then(|a| a.audit(at, &actor, &action)) {
                        tracing::error!(error = %e, "audit failed");
                    }
                }
                Job::CountDiagnostic {
                    day,
                    profile,
                    needs,
                } => {
                    if let Err(e) = stores
                        .agenda()
                        .and_then(|a| a.count_diagnostic(day, profile, &needs))
                    {
                        tracing::error!(error = %e, "diagnostic count failed");
                    }
                }
                Job::SignIn { counsellor, pin } => {
                    if answers
                        .send(Input::SignedIn(stores.sign_in(&counsellor, &pin)))
                        .is_err()
                    {
                        return;
                    }
                }
                Job::SignOut => {
                    if let Err(e) = stores.sign_out() {
                        tracing::warn!(error = %e, "counsellor session not ended on the network");
                    }
                }
                Job::SavePinGuard(failures, until) => {
                    if let Err(e) = stores
                        .local
                        .still_its_files()
                        .map_err(String::from)
                        .and_then(|()| stores.local.save_pin_guard(failures, until))
                    {
                        tracing::error!(error = %e, "PIN lockout not saved");
                    }
                }
                Job::Lieux { now, source, again } => {
                    super::lieux::refresh(&mut stores, now, source.as_ref(), &again)
                }
                Job::LieuxFetched { fetched, now } => {
                    super::lieux::take(&mut stores, &fetched, now)
                }
                Job::Heartbeat(mut beat) => {
                    let today = beat.last_frame_at.unwrap_or(beat.started_at).date();
                    beat.lieux_date = stores.local.lieux_date(today).ok().flatten();
                    beat.callbacks_waiting = stores.local.queued_callbacks().map_or(0, |q| q.len());
                    match stores.local_and_network() {
                        Some(Ok((_, network))) => {
                            if let Err(e) = network.beat(&beat) {
                                tracing::warn!(error = %e, "heartbeat not written");
                            }
                        }
                        Some(Err(e)) => {
                            tracing::debug!(error = %e, "heartbeat: the network is out of reach")
                        }
                        None => {}
                    }
                }
                Job::Prepare { config_dir, now } => {
                    if let Err(e) = stores.local.check_integrity() {
                        tracing::error!(error = %e, "database damaged: writing stopped");
                    }
                    let now = now.format("%Y-%m-%dT%H:%M").to_string();
                    let imported = stores
                        .local
                        .still_its_files()
                        .map_err(String::from)
                        .and_then(|()| {
                            crate::places::load::shipped(
                                &mut stores.local,
                                &config_dir,
                                &now,
                                &mut |_, _, _| {},
                            )
                        });
                    if let Err(e) = imported {
                        tracing::error!(error = %e, "data files not imported (the lieux search may be incomplete)");
                    }
                    if let Err(e) = stores.local.place_index() {
                        tracing::warn!(error = %e, "the lieux search's index is not ready");
                    }
                }
                Job::Erase { now, days } => match stores
                    .agenda()
                    .and_then(|a| a.erase_personal_data(now, days))
                {
                    Ok(0) => {}
                    Ok(n) => {
                        tracing::info!(appointments = n, "personal data past retention erased")
                    }
                    Err(e) => tracing::error!(error = %e, "retention erase failed"),
                },
            }
        }
    });
    (jobs, Closing(thread))
}

/// The worker as the kiosk ends.
pub(crate) struct Closing(thread::JoinHandle<()>);

impl Closing {
    /// Waits a moment for the worker to close the database (its jobs' senders dropped):
    /// closed cleanly, SQLite folds its write-ahead log into the file and deletes it, and
    /// the next start need not read it all again. A worker busy on a slow request is not
    /// waited for longer.
    pub(crate) fn wait(self) {
        let until = std::time::Instant::now() + Duration::from_secs(2);
        while !self.0.is_finished() && std::time::Instant::now() < until {
            thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Sends the callback requests waiting on this kiosk, if any.
fn send_callbacks(stores: &mut Stores) {
    if !stores.callbacks_waiting() {
        return;
    }
    match stores.send_callbacks() {
        Ok(sent) => tracing::info!(sent, "callback requests sent to the network"),
        Err(e) => {
            tracing::debug!(error = %e, "callback requests wait: the network is out of reach")
        }
    }
}

/// The refusal in a reply, for the log (a refusal holds no personal data).
fn refusal(reply: &Reply) -> Option<crate::store::Refusal> {
    match reply {
        Reply::Booked(Err(r))
        | Reply::Registered(Err(r))
        | Reply::Cancelled(Err(r))
        | Reply::Rescheduled(Err(r))
        | Reply::StatusRefused(r)
        | Reply::ReportSaved(Err(r)) => Some(*r),
        _ => None,
    }
}

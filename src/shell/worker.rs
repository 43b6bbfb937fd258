//! The database, on a thread of its own: the screen's thread never waits for it. A locked
//! database (another kiosk, a backup) costs the person an "Un instant…", not a frozen
//! screen; answers come back as inputs, tagged with the request's id.
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
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
pub(crate) fn spawn(stores: Stores, answers: SyncSender<Input>) -> (Sender<Job>, Closing) {
    let (jobs, queue) = mpsc::channel::<Job>();
    let worker = Worker { stores, answers };
    let thread = thread::spawn(move || worker.run(queue));
    (jobs, Closing(thread))
}

/// The database's side of the kiosk: the stores it alone holds, and where its answers go.
struct Worker {
    stores: Stores,
    answers: SyncSender<Input>,
}

/// Nobody reads the worker's answers any more: the kiosk has ended.
struct KioskGone;

impl Worker {
    /// Does the jobs in their order until their senders are gone or the kiosk is; when none
    /// comes for a while, sends the callback requests waiting. The stores close as it returns.
    fn run(mut self, queue: Receiver<Job>) {
        loop {
            let job = match queue.recv_timeout(CALLBACK_RETRY) {
                Ok(job) => job,
                Err(RecvTimeoutError::Timeout) => {
                    send_callbacks(&mut self.stores);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if let Err(KioskGone) = self.take(job) {
                return;
            }
        }
    }

    /// One job, done.
    fn take(&mut self, job: Job) -> Result<(), KioskGone> {
        match job {
            Job::Ask { id, request, now } => return self.ask(id, request, now),
            Job::SignIn { counsellor, pin } => return self.sign_in(&counsellor, &pin),
            Job::Audit { at, actor, action } => self.audit(at, &actor, &action),
            Job::CountDiagnostic {
                day,
                profile,
                needs,
            } => self.count_diagnostic(day, profile, &needs),
            Job::SignOut => self.sign_out(),
            Job::SavePinGuard(failures, until) => self.save_pin_guard(failures, until),
            Job::Lieux { now, source, again } => {
                super::lieux::refresh(&mut self.stores, now, source.as_ref(), &again)
            }
            Job::LieuxFetched { fetched, now } => {
                super::lieux::take(&mut self.stores, &fetched, now)
            }
            Job::Heartbeat(beat) => self.heartbeat(beat),
            Job::Prepare { config_dir, now } => self.prepare(&config_dir, now),
            Job::Erase { now, days } => self.erase(now, days),
        }
        Ok(())
    }

    /// A screen's question, answered as `Input::Stored`.
    fn ask(&mut self, id: u64, request: Request, now: NaiveDateTime) -> Result<(), KioskGone> {
        let kind = request.kind();
        let reply = self.stores.answer(request, now);
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
        self.answers
            .send(Input::Stored {
                id,
                reply: Box::new(reply),
            })
            .map_err(|_| KioskGone)?;
        if reached {
            send_callbacks(&mut self.stores);
        }
        Ok(())
    }

    /// A counsellor's PIN checked by the network's database, answered as `Input::SignedIn`.
    fn sign_in(&mut self, counsellor: &str, pin: &str) -> Result<(), KioskGone> {
        let signed_in = self.stores.sign_in(counsellor, pin);
        self.answers
            .send(Input::SignedIn(signed_in))
            .map_err(|_| KioskGone)
    }

    fn sign_out(&mut self) {
        if let Err(e) = self.stores.sign_out() {
            tracing::warn!(error = %e, "counsellor session not ended on the network");
        }
    }

    fn audit(&mut self, at: NaiveDateTime, actor: &str, action: &str) {
        if let Err(e) = self
            .stores
            .agenda()
            .and_then(|a| a.audit(at, actor, action))
        {
            tracing::error!(error = %e, "audit failed");
        }
    }

    fn count_diagnostic(&mut self, day: NaiveDate, profile: Profile, needs: &[Thematique]) {
        if let Err(e) = self
            .stores
            .agenda()
            .and_then(|a| a.count_diagnostic(day, profile, needs))
        {
            tracing::error!(error = %e, "diagnostic count failed");
        }
    }

    /// The PIN lockout, kept across a restart (in the help point's own file).
    fn save_pin_guard(&mut self, failures: u32, until: Option<NaiveDateTime>) {
        let local = &mut self.stores.local;
        if let Err(e) = local
            .still_its_files()
            .map_err(String::from)
            .and_then(|()| local.save_pin_guard(failures, until))
        {
            tracing::error!(error = %e, "PIN lockout not saved");
        }
    }

    /// The heartbeat completed with the lieux' date and the callbacks waiting, written on the
    /// network if it is in reach.
    fn heartbeat(&mut self, mut beat: Heartbeat) {
        let local = &self.stores.local;
        let today = beat.last_frame_at.unwrap_or(beat.started_at).date();
        beat.lieux_date = local.lieux_date(today).ok().flatten();
        beat.callbacks_waiting = local.queued_callbacks().map_or(0, |q| q.len());
        match self.stores.local_and_network() {
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

    /// What the welcome did not wait for: the file's integrity, the configuration's data
    /// files imported if they changed, the lieux search's index.
    fn prepare(&mut self, config_dir: &Path, now: NaiveDateTime) {
        let local = &mut self.stores.local;
        if let Err(e) = local.check_integrity() {
            tracing::error!(error = %e, "database damaged: writing stopped");
        }
        let now = now.format("%Y-%m-%dT%H:%M").to_string();
        let imported = local
            .still_its_files()
            .map_err(String::from)
            .and_then(|()| {
                crate::places::load::shipped(local, config_dir, &now, &mut |_, _, _| {})
            });
        if let Err(e) = imported {
            tracing::error!(error = %e, "data files not imported (the lieux search may be incomplete)");
        }
        if let Err(e) = local.place_index() {
            tracing::warn!(error = %e, "the lieux search's index is not ready");
        }
    }

    /// The retention rule: personal data past `days` erased.
    fn erase(&mut self, now: NaiveDateTime, days: u32) {
        match self
            .stores
            .agenda()
            .and_then(|a| a.erase_personal_data(now, days))
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(appointments = n, "personal data past retention erased"),
            Err(e) => tracing::error!(error = %e, "retention erase failed"),
        }
    }
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

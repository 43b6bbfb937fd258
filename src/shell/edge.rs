//! What the kiosk has asked of the slow things around it (the database, the printer, the PIN
//! check) and not heard back from yet, and how it hands them the core's effects.
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::mpsc::{Sender, SyncSender};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

use super::input::Input;
use super::printer;
use super::worker::Job;
use crate::app::{App, Effect, Msg};
use crate::domain::pin;
use crate::kiosk::Config;
use crate::store::SignIn;

#[derive(PartialEq)]
pub(super) enum Flow {
    Go,
    Quit,
}

/// After this long without an answer, the screen says "Un instant…".
const WAITING_SHOWS_AFTER: Duration = Duration::from_millis(300);

/// Nothing is said of a screen that waits for its data less than this.
const LOADING_UNSAID: Duration = Duration::from_secs(1);

/// What the kiosk has asked of the slow things around it (the database, the printer, the
/// PIN check) and not heard back from yet.
pub(super) struct Edge {
    /// The PIN hashes and the printer, for the threads that check and print.
    config: Rc<Config>,
    pub(super) jobs: Sender<Job>,
    answers: SyncSender<Input>,
    next_id: u64,
    /// (request id, the screens' generation when asked, when)
    pending: Vec<(u64, u64, Instant)>,
}

impl Edge {
    pub(super) fn new(config: Rc<Config>, jobs: Sender<Job>, answers: SyncSender<Input>) -> Edge {
        Edge {
            config,
            jobs,
            answers,
            next_id: 0,
            pending: Vec::new(),
        }
    }

    /// The configuration the kiosk runs on.
    pub(super) fn config(&self) -> &Config {
        &self.config
    }

    /// Checks a PIN away from the screen's thread (argon2 is slow on purpose): the staff's
    /// here, a counsellor's here too, or, when the agenda is the network's, by the network's
    /// database on the PIN's proof (it alone keeps the counsellors' hashes), for one
    /// counsellor at a time: whose it is is asked when the agenda has several.
    fn check_pin(&self, entered: String) {
        let staff = self.config.kiosk.staff_pin_hash.clone();
        let counsellors: Vec<(String, String)> = self
            .config
            .agenda
            .counsellors
            .iter()
            .map(|c| (c.id.clone(), c.pin_hash.clone()))
            .collect();
        let names: Vec<String> = self
            .config
            .agenda
            .counsellors
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let published = self.config.agenda_published;
        let (answers, jobs) = (self.answers.clone(), self.jobs.clone());
        std::thread::spawn(move || {
            if !published {
                let hashes: Vec<&str> = counsellors.iter().map(|(_, h)| h.as_str()).collect();
                let who = pin::signer(&entered, &staff, &hashes);
                let _ = answers.send(Input::PinChecked(who));
            } else if pin::verify_pin(&entered, &staff) {
                let _ = answers.send(Input::PinChecked(Some(pin::Signer::Admin)));
            } else if let [(id, _)] = counsellors.as_slice() {
                let _ = jobs.send(Job::SignIn {
                    counsellor: id.clone(),
                    pin: entered,
                });
            } else {
                let names = names.into_iter().collect();
                let _ = answers.send(Input::PinAsksWho {
                    names,
                    pin: entered,
                });
            }
        });
    }

    /// The generation of the screens that asked, once the answer to `id` came.
    pub(super) fn answered(&mut self, id: u64) -> Option<u64> {
        let at = self.pending.iter().position(|(i, _, _)| *i == id)?;
        Some(self.pending.remove(at).1)
    }

    pub(super) fn waiting_too_long(&self) -> bool {
        self.pending
            .first()
            .is_some_and(|(_, _, at)| at.elapsed() >= WAITING_SHOWS_AFTER)
    }

    /// Since when the screens of `generation` await an answer.
    fn awaited_since(&self, generation: u64) -> Option<Instant> {
        self.pending
            .iter()
            .filter(|(_, g, _)| *g == generation)
            .map(|(_, _, at)| *at)
            .min()
    }

    /// An answer has been awaited for less than a second: the screen is not said yet (it is
    /// said once, when its data has come).
    pub(super) fn loading(&self, generation: u64) -> bool {
        self.awaited_since(generation)
            .is_some_and(|at| at.elapsed() < LOADING_UNSAID)
    }

    /// When to wake to say that the kiosk waits, if it is not said yet.
    pub(super) fn until_loading_said(&self, generation: u64) -> Option<Duration> {
        LOADING_UNSAID.checked_sub(self.awaited_since(generation)?.elapsed())
    }

    /// When to wake to say "Un instant…", if an answer is awaited and it is not said yet.
    pub(super) fn until_waiting_shows(&self) -> Option<Duration> {
        let (_, _, at) = self.pending.first()?;
        WAITING_SHOWS_AFTER.checked_sub(at.elapsed())
    }

    /// Hands the effects to whatever carries them out; none is waited for here.
    pub(super) fn carry_out(
        &mut self,
        effects: Vec<Effect>,
        app: &mut App,
        now: NaiveDateTime,
    ) -> Flow {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let job = match effect {
                Effect::Quit => return Flow::Quit,
                // Said by the loop, which holds the voice.
                Effect::SayScreen | Effect::SayHowToUse | Effect::Say(_) => continue,
                Effect::Audit { actor, action } => Job::Audit {
                    at: now,
                    actor,
                    action,
                },
                Effect::CountDiagnostic {
                    day,
                    profile,
                    needs,
                } => Job::CountDiagnostic {
                    day,
                    profile,
                    needs,
                },
                Effect::SavePinGuard(failures, until) => Job::SavePinGuard(failures, until),
                Effect::Store(request) => {
                    self.next_id += 1;
                    self.pending
                        .push((self.next_id, app.generation(), Instant::now()));
                    Job::Ask {
                        id: self.next_id,
                        request,
                        now,
                    }
                }
                // The printer and the PIN check take their time away from the screen: the
                // kiosk keeps answering, the idle reset included.
                Effect::Print(ticket) => {
                    let printer = app.kiosk.ticket_printer.clone();
                    let answers = self.answers.clone();
                    std::thread::spawn(move || {
                        let printed = printer.is_some_and(|p| match printer::print(&p, &ticket) {
                            Ok(()) => true,
                            Err(e) => {
                                // Only the failure is logged: the ticket holds a first name
                                // and a code.
                                tracing::error!(error = %e, "ticket printer failed");
                                false
                            }
                        });
                        let _ = answers.send(Input::Printed(printed));
                    });
                    continue;
                }
                Effect::CheckPin(entered) => {
                    self.check_pin(entered);
                    continue;
                }
                Effect::CheckPinOf { counsellor, pin } => {
                    match self.config.agenda.counsellors.get(counsellor) {
                        Some(c) => Job::SignIn {
                            counsellor: c.id.clone(),
                            pin,
                        },
                        None => continue,
                    }
                }
            };
            if self.jobs.send(job).is_err() {
                tracing::error!("the database worker stopped");
                return Flow::Quit;
            }
        }
        Flow::Go
    }
}

/// What the network's database said of a counsellor's PIN, for the core: the network out of
/// reach is not a wrong PIN.
pub(super) fn signed_in(config: &Config, signed: Result<SignIn, String>) -> Msg {
    match signed {
        Ok(SignIn::Counsellor(id)) => Msg::PinChecked(
            config
                .agenda
                .counsellor_by_id(&id)
                .map(pin::Signer::Counsellor),
        ),
        Ok(SignIn::Wrong) => Msg::PinChecked(None),
        Ok(SignIn::Locked(why)) => {
            tracing::warn!(%why, "the network locked this kiosk's PIN");
            Msg::PinChecked(None)
        }
        Err(e) => {
            tracing::warn!(error = %e, "PIN not checked: the network is out of reach");
            Msg::PinUnchecked
        }
    }
}

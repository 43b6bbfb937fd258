//! The edge of the kiosk: the terminal, signals, the clock and the database. It feeds keys and
//! ticks to the pure core and carries out the effects the core returns.
pub mod display;
pub mod font;
mod health;
mod input;
mod keys;
mod lieux;
mod mouse;
pub mod printer;
mod signals;
mod speech;
mod worker;

pub use signals::{ignore_interrupts, quiet_broken_pipe};

use std::collections::VecDeque;
use std::sync::mpsc::{self, RecvTimeoutError, Sender, SyncSender};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

use crate::app::{App, Effect, Msg};
use crate::clock::Clock;
use crate::domain::pin;
use crate::kiosk::Config;
use crate::store::{SignIn, Stores};
use input::Input;
use std::rc::Rc;

use crate::app::speech::{Batch, Heard, Kind, Said};
use worker::Job;

/// At most this many inputs are handled between two frames, so the screen follows a flood.
const INPUTS_PER_FRAME: usize = 512;

/// NO_COLOR (any non-empty value) selects the monochrome theme.
pub fn monochrome_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn run(config: Config, stores: Stores, clock: Clock) -> Result<(), String> {
    let config = Rc::new(config);
    let monochrome = monochrome_requested();
    // crossterm, seeing NO_COLOR, would emit resets that also cancel reverse video and bold:
    // the monochrome theme relies on those, so colours stay "enabled" and we pick none.
    crossterm::style::Colored::set_ansi_color_disabled(false);

    let mut app = crate::kiosk::app(config.clone(), clock.now());
    // Wrong PINs slow the next tries down, and a restart does not skip the wait.
    match stores.local.pin_guard() {
        Ok((failures, until)) => app.restore_pin_guard(failures, until, clock.now()),
        Err(e) => tracing::error!(error = %e, "PIN lockout not read"),
    }

    // Bounded: when the kiosk is behind, the reader waits and the terminal holds the rest,
    // instead of a queue that grows without end.
    let (tx, rx) = mpsc::sync_channel(1024);
    signals::listen(tx.clone())?;
    let (jobs, worker) = worker::spawn(stores, tx.clone());
    crate::log::hold_while_drawing();
    // Before ratatui's own hook, which runs it after putting the terminal back.
    font::restore_on_panic();
    mouse::disable_on_panic();
    // The terminal may be gone already (a hung-up line, a session closed): said, not a panic.
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            ratatui::restore();
            crate::log::release();
            return Err(format!(
                "the terminal cannot be used (gone or not set up): {e}"
            ));
        }
    };
    // A paste then arrives marked, so its line breaks never press Enter for the person.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    // Taps and clicks as SGR reports (a touchscreen, a mouse); put back at every end.
    mouse::enable(&mut std::io::stdout());
    tracing::info!(help_point = %app.kiosk.help_point.name, "kiosk started");
    // Asks xterm or kitty what it must before the reader takes their answers.
    let mut large_font = font::LargeFont::start(&app.kiosk, &mut std::io::stdout());
    input::spawn_reader(tx.clone());

    // Personal data past its retention is erased once the welcome is shown, then once a day.
    let retention = app.kiosk.retention_days;
    let mut purged_on = clock.now().date();
    let feed = feed_of(&config);
    let mut health = health::Health::new(clock.now(), config.kiosk.ticket_printer.is_some());
    let mut first_frame = true;
    let mut edge = Edge {
        config: config.clone(),
        jobs,
        answers: tx,
        next_id: 0,
        pending: Vec::new(),
    };
    // The wall clock against the time really elapsed: a step is told to the core's timers.
    let mut seen = (clock.now(), Instant::now());
    let speaker = config.kiosk.speech.clone().map(speech::Speaker::start);
    let mut heard: Option<Heard> = None;
    let result = (|| -> Result<(), String> {
        loop {
            health.hang_if_asked();
            app.waiting = edge.waiting_too_long();
            // F2, the idle reset, "Terminer": the terminal's font follows the person's
            // choice; its new grid comes as a resize.
            app.large_font = large_font.show(app.settings.large_text, &mut std::io::stdout());
            terminal
                .draw(|frame| {
                    crate::app::frame::draw(frame, &app, clock.now(), monochrome);
                })
                .map_err(|e| format!("cannot draw: {e}"))?;
            // The welcome is on the screen: what it did not need is done now, on the worker.
            if std::mem::take(&mut first_frame) {
                let _ = edge.jobs.send(Job::Prepare {
                    config_dir: config.dir.clone(),
                    now: clock.now(),
                });
                let _ = edge.jobs.send(Job::Erase {
                    now: clock.now(),
                    days: retention,
                });
                let _ = edge.jobs.send(Job::Lieux {
                    now: clock.now(),
                    source: feed.clone(),
                    again: edge.jobs.clone(),
                });
            }
            // What the screen means, said; an answer awaited for less than a second is
            // waited for, so the screen is said once, whole.
            if let Some(speaker) = &speaker
                && !edge.loading(app.generation())
            {
                let now_heard = crate::app::voice::heard(&app, clock.now());
                if !app.staff_signed_in() {
                    let batch = crate::app::speech::batch(heard.as_ref(), &now_heard);
                    speaker.say(batch, &app.settings.locale);
                }
                heard = Some(now_heard);
            }
            let now = clock.now();
            health.drawn(now);
            let speech = speaker.as_ref().map_or("none", |s| s.state());
            if let Some(beat) = health.beat(speech) {
                let _ = edge.jobs.send(Job::Heartbeat(beat));
            }
            let deadline = [
                app.next_deadline(now)
                    .map(|d| (d - now).to_std().unwrap_or_default()),
                edge.until_waiting_shows(),
                speaker
                    .as_ref()
                    .and_then(|_| edge.until_loading_said(app.generation())),
                Some(health.until_due()),
                until_tomorrow(now),
            ]
            .into_iter()
            .flatten()
            .min();
            let input = match deadline {
                Some(wait) => match rx.recv_timeout(wait) {
                    Ok(input) => input,
                    Err(RecvTimeoutError::Timeout) => Input::Tick,
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                },
                None => match rx.recv() {
                    Ok(input) => input,
                    Err(_) => return Ok(()),
                },
            };
            // Everything already typed is handled before the next frame: a burst (a paste,
            // a stuck key) costs one frame, not one per key.
            let mut inputs = vec![input];
            while inputs.len() < INPUTS_PER_FRAME
                && let Ok(more) = rx.try_recv()
            {
                inputs.push(more);
            }
            for input in inputs {
                let now = clock.now();
                if let Some(step) = clock_step(seen, now, Instant::now()) {
                    tracing::info!(seconds = step.num_seconds(), "the wall clock stepped");
                    app.clock_stepped(step);
                }
                seen = (now, Instant::now());
                let was_signed_in = app.counsellor.is_some();
                let effects = match input {
                    Input::Key(key) => app.update(Msg::Key(key), now),
                    Input::Tick => app.update(Msg::Tick, now),
                    Input::Resize => Vec::new(),
                    Input::Terminal(answer) => {
                        large_font.answer(&answer);
                        Vec::new()
                    }
                    Input::Printed(ok) => {
                        health.printer = if ok { "ok" } else { "failed" };
                        app.update(Msg::Printed(ok), now)
                    }
                    Input::PinChecked(who) => app.update(Msg::PinChecked(who), now),
                    Input::PinAsksWho { names, pin } => {
                        app.update(Msg::PinAsksWho { names, pin }, now)
                    }
                    Input::SignedIn(signed) => app.update(signed_in(&config, signed), now),
                    Input::Stored { id, reply } => match edge.answered(id) {
                        // The screen that asked is still there: it gets its answer.
                        Some(generation) if generation == app.generation() => {
                            app.update(Msg::Reply(reply), now)
                        }
                        // The person has moved on (Esc, Home, the idle reset): dropped.
                        _ => Vec::new(),
                    },
                    Input::Terminate => return Ok(()),
                };
                if was_signed_in && app.counsellor.is_none() {
                    let _ = edge.jobs.send(Job::SignOut);
                }
                if purged_on != now.date() {
                    purged_on = now.date();
                    let _ = edge.jobs.send(Job::Erase {
                        now,
                        days: retention,
                    });
                    let _ = edge.jobs.send(Job::Lieux {
                        now,
                        source: feed.clone(),
                        again: edge.jobs.clone(),
                    });
                }
                // F4, F1 and a code repeated: said now, in counsellor mode too (asked for).
                let (say, effects): (Vec<Effect>, Vec<Effect>) =
                    effects.into_iter().partition(|e| {
                        matches!(e, Effect::SayScreen | Effect::SayHowToUse | Effect::Say(_))
                    });
                if let Some(speaker) = &speaker {
                    for effect in say {
                        let words = match effect {
                            Effect::SayScreen => crate::app::voice::whole(&app, now),
                            Effect::SayHowToUse => crate::app::voice::with_view(&app, now, |v| {
                                vec![Said::new(crate::app::voice::how_to_use(&v.tr))]
                            }),
                            Effect::Say(words) => words,
                            _ => continue,
                        };
                        speaker.say(Batch::only(Kind::Question, words), &app.settings.locale);
                    }
                }
                if edge.carry_out(effects, &mut app, now) == Flow::Quit {
                    return Ok(());
                }
            }
        }
    })();
    large_font.restore(&mut std::io::stdout());
    mouse::disable(&mut std::io::stdout());
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    crate::log::release();
    drop(edge);
    worker.wait();
    result
}

/// The feed the kiosk on its own updates its lieux from daily, when `[lieux] update_url` says
/// so (a network's kiosk takes them from its database).
fn feed_of(config: &Config) -> Option<crate::places::update::Source> {
    config
        .kiosk
        .lieux
        .daily
        .then(|| crate::places::update::Source::Url {
            url: config.kiosk.lieux.url.clone(),
            token: config.kiosk.lieux.token.clone(),
        })
}

/// Until the next midnight: the daily work (the retention rule, the lieux) starts then.
fn until_tomorrow(now: NaiveDateTime) -> Option<Duration> {
    let midnight = now.date().succ_opt()?.and_hms_opt(0, 0, 0)?;
    (midnight - now).to_std().ok()
}

#[derive(PartialEq)]
enum Flow {
    Go,
    Quit,
}

/// After this long without an answer, the screen says "Un instant…".
const WAITING_SHOWS_AFTER: Duration = Duration::from_millis(300);

/// Nothing is said of a screen that waits for its data less than this.
const LOADING_UNSAID: Duration = Duration::from_secs(1);

/// What the kiosk has asked of the slow things around it (the database, the printer, the
/// PIN check) and not heard back from yet.
struct Edge {
    /// The PIN hashes and the printer, for the threads that check and print.
    config: Rc<Config>,
    jobs: Sender<Job>,
    answers: SyncSender<Input>,
    next_id: u64,
    /// (request id, the screens' generation when asked, when)
    pending: Vec<(u64, u64, Instant)>,
}

impl Edge {
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
    fn answered(&mut self, id: u64) -> Option<u64> {
        let at = self.pending.iter().position(|(i, _, _)| *i == id)?;
        Some(self.pending.remove(at).1)
    }

    fn waiting_too_long(&self) -> bool {
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
    fn loading(&self, generation: u64) -> bool {
        self.awaited_since(generation)
            .is_some_and(|at| at.elapsed() < LOADING_UNSAID)
    }

    /// When to wake to say that the kiosk waits, if it is not said yet.
    fn until_loading_said(&self, generation: u64) -> Option<Duration> {
        LOADING_UNSAID.checked_sub(self.awaited_since(generation)?.elapsed())
    }

    /// When to wake to say "Un instant…", if an answer is awaited and it is not said yet.
    fn until_waiting_shows(&self) -> Option<Duration> {
        let (_, _, at) = self.pending.first()?;
        WAITING_SHOWS_AFTER.checked_sub(at.elapsed())
    }

    /// Hands the effects to whatever carries them out; none is waited for here.
    fn carry_out(&mut self, effects: Vec<Effect>, app: &mut App, now: NaiveDateTime) -> Flow {
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
fn signed_in(config: &Config, signed: Result<SignIn, String>) -> Msg {
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

/// How far the wall clock jumped since `seen` (its reading, and the instant it was read),
/// beyond what really elapsed; `None` for ordinary drift.
fn clock_step(
    seen: (NaiveDateTime, Instant),
    now: NaiveDateTime,
    instant: Instant,
) -> Option<chrono::Duration> {
    let elapsed = chrono::Duration::from_std(instant - seen.1).ok()?;
    let step = (now - seen.0) - elapsed;
    (step.num_seconds().abs() >= 2).then_some(step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_step_is_what_the_wall_clock_moved_beyond_real_time() {
        let t = crate::clock::parse_local("2026-10-25T02:59:50").unwrap();
        let read = std::time::Instant::now();
        let later = read + std::time::Duration::from_secs(20);
        // Twenty real seconds, and the clock reads 02:00:10: one hour back.
        let back = t - chrono::Duration::hours(1) + chrono::Duration::seconds(20);
        assert_eq!(
            clock_step((t, read), back, later),
            Some(chrono::Duration::hours(-1))
        );
        assert_eq!(
            clock_step((t, read), t + chrono::Duration::seconds(20), later),
            None
        );
    }
}

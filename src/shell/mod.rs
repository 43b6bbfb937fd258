//! The edge of the kiosk: the terminal, signals, the clock and the database. It feeds keys and
//! ticks to the pure core and carries out the effects the core returns.
mod backend;
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
mod terminal;
mod worker;

pub use signals::{ignore_interrupts, quiet_broken_pipe};

mod edge;

pub use terminal::Screen;

use std::rc::Rc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};

use crate::app::{App, Effect, Msg};
use crate::clock::Clock;
use crate::kiosk::Config;
use crate::store::Stores;
use edge::{Edge, Flow};
use input::Input;

use crate::app::speech::{Batch, Heard, Kind, Said};
use worker::Job;

/// At most this many inputs are handled between two frames, so the screen follows a flood.
const INPUTS_PER_FRAME: usize = 512;

/// NO_COLOR (any non-empty value) selects the monochrome theme.
pub fn monochrome_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The kiosk's loop on the terminal its first frame opened, until it is told to stop (a
/// signal, the staff's "Quitter"): each input to the core, each frame drawn and said, the
/// effects carried out.
pub fn run(mut screen: Screen, config: Config, stores: Stores, clock: Clock) -> Result<(), String> {
    let config = Rc::new(config);
    let mut app = crate::kiosk::app(config.clone(), clock.now());
    // Wrong PINs slow the next tries down, and a restart does not skip the wait.
    match stores.local.pin_guard() {
        Ok((failures, until)) => app.restore_pin_guard(failures, until, clock.now()),
        Err(e) => tracing::error!(error = %e, "PIN lockout not read"),
    }
    let answers = screen.inputs.0.clone();
    let (jobs, worker) = worker::spawn(stores, answers.clone());
    tracing::info!(help_point = %app.kiosk.help_point.name, "kiosk started");
    input::spawn_reader(answers.clone());
    let now = clock.now();
    let mut running = Running {
        health: health::Health::new(now, config.kiosk.ticket_printer.is_some()),
        speaker: config.kiosk.speech.clone().map(speech::Speaker::start),
        heard: None,
        daily_on: now.date(),
        feed: feed_of(&config),
        seen: (now, Instant::now()),
        edge: Edge::new(config, jobs, answers),
        app,
    };
    let result = running.go(&mut screen, &clock);
    screen.close();
    drop(running);
    worker.wait();
    result
}

/// The kiosk between its first frame and its end: the core's state and what it waits on.
struct Running {
    app: App,
    edge: Edge,
    health: health::Health,
    speaker: Option<speech::Speaker>,
    /// What the voice said of the screen last, so that only what changed is said.
    heard: Option<Heard>,
    /// The day the retention rule and the lieux update last ran.
    daily_on: NaiveDate,
    feed: Option<crate::places::update::Source>,
    /// The wall clock against the time really elapsed: a step is told to the core's timers.
    seen: (NaiveDateTime, Instant),
}

impl Running {
    fn go(&mut self, screen: &mut Screen, clock: &Clock) -> Result<(), String> {
        let mut first_frame = true;
        loop {
            self.health.hang_if_asked();
            self.app.waiting = self.edge.waiting_too_long();
            screen.draw(&mut self.app, clock.now())?;
            // The welcome is on the screen: what it did not need is done now, on the worker.
            if std::mem::take(&mut first_frame) {
                let _ = self.edge.jobs.send(Job::Prepare {
                    config_dir: self.edge.config().dir.clone(),
                    now: clock.now(),
                });
                self.daily_work(clock.now());
            }
            self.say_screen(clock.now());
            self.beat(clock.now());
            let Some(inputs) = self.next_inputs(&screen.inputs.1, clock.now()) else {
                return Ok(());
            };
            for input in inputs {
                if self.handle(input, screen, clock) == Flow::Quit {
                    return Ok(());
                }
            }
        }
    }

    /// Personal data past its retention is erased, and the lieux updated, once the welcome is
    /// shown, then once a day.
    fn daily_work(&self, now: NaiveDateTime) {
        let _ = self.edge.jobs.send(Job::Erase {
            now,
            days: self.app.kiosk.retention_days,
        });
        let _ = self.edge.jobs.send(Job::Lieux {
            now,
            source: self.feed.clone(),
            again: self.edge.jobs.clone(),
        });
    }

    /// What the screen means, said; an answer awaited for less than a second is waited
    /// for, so the screen is said once, whole.
    fn say_screen(&mut self, now: NaiveDateTime) {
        let Some(speaker) = &self.speaker else { return };
        if self.edge.loading(self.app.generation()) {
            return;
        }
        let now_heard = crate::app::voice::heard(&self.app, now);
        if !self.app.staff_signed_in() {
            let batch = crate::app::speech::batch(self.heard.as_ref(), &now_heard);
            speaker.say(batch, &self.app.settings.locale);
        }
        self.heard = Some(now_heard);
    }

    /// The kiosk's heartbeat, when it is due: drawn, and how its voice is.
    fn beat(&mut self, now: NaiveDateTime) {
        self.health.drawn(now);
        let speech = self.speaker.as_ref().map_or("none", |s| s.state());
        if let Some(beat) = self.health.beat(speech) {
            let _ = self.edge.jobs.send(Job::Heartbeat(beat));
        }
    }

    /// The inputs to handle before the next frame: the first waited for until something is
    /// due (a timer, "Un instant…", the heartbeat, midnight), then everything already typed,
    /// so that a burst (a paste, a stuck key) costs one frame, not one per key. `None` once
    /// nothing can come any more.
    fn next_inputs(&self, inputs: &Receiver<Input>, now: NaiveDateTime) -> Option<Vec<Input>> {
        let generation = self.app.generation();
        let deadline = [
            self.app
                .next_deadline(now)
                .map(|d| (d - now).to_std().unwrap_or_default()),
            self.edge.until_waiting_shows(),
            self.speaker
                .as_ref()
                .and_then(|_| self.edge.until_loading_said(generation)),
            Some(self.health.until_due()),
            until_tomorrow(now),
        ]
        .into_iter()
        .flatten()
        .min();
        let input = match deadline {
            Some(wait) => match inputs.recv_timeout(wait) {
                Ok(input) => input,
                Err(RecvTimeoutError::Timeout) => Input::Tick,
                Err(RecvTimeoutError::Disconnected) => return None,
            },
            None => inputs.recv().ok()?,
        };
        let mut all = vec![input];
        while all.len() < INPUTS_PER_FRAME
            && let Ok(more) = inputs.try_recv()
        {
            all.push(more);
        }
        Some(all)
    }

    /// One input to the core, and its effects carried out.
    fn handle(&mut self, input: Input, screen: &mut Screen, clock: &Clock) -> Flow {
        let now = clock.now();
        if let Some(step) = clock_step(self.seen, now, Instant::now()) {
            tracing::info!(seconds = step.num_seconds(), "the wall clock stepped");
            self.app.clock_stepped(step);
        }
        self.seen = (now, Instant::now());
        let was_signed_in = self.app.counsellor.is_some();
        let app = &mut self.app;
        let effects = match input {
            Input::Key(key) => app.update(Msg::Key(key), now),
            Input::Tick => app.update(Msg::Tick, now),
            Input::Resize => Vec::new(),
            Input::Terminal(answer) => {
                screen.font_answer(&answer);
                Vec::new()
            }
            Input::Printed(ok) => {
                self.health.printer = if ok { "ok" } else { "failed" };
                app.update(Msg::Printed(ok), now)
            }
            Input::PinChecked(who) => app.update(Msg::PinChecked(who), now),
            Input::PinAsksWho { names, pin } => app.update(Msg::PinAsksWho { names, pin }, now),
            Input::SignedIn(signed) => {
                let msg = edge::signed_in(self.edge.config(), signed);
                app.update(msg, now)
            }
            Input::Stored { id, reply } => match self.edge.answered(id) {
                // The screen that asked is still there: it gets its answer.
                Some(generation) if generation == app.generation() => {
                    app.update(Msg::Reply(*reply), now)
                }
                // The person has moved on (Esc, Home, the idle reset): dropped.
                _ => Vec::new(),
            },
            Input::Terminate => return Flow::Quit,
        };
        if was_signed_in && self.app.counsellor.is_none() {
            let _ = self.edge.jobs.send(Job::SignOut);
        }
        if self.daily_on != now.date() {
            self.daily_on = now.date();
            self.daily_work(now);
        }
        // F4, F1 and a code repeated: said now, in counsellor mode too (asked for).
        let (say, effects): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| matches!(e, Effect::SayScreen | Effect::SayHowToUse | Effect::Say(_)));
        self.say_now(say, now);
        self.edge.carry_out(effects, &mut self.app, now)
    }

    /// What the person asked to hear (F4, F1, a code repeated).
    fn say_now(&self, say: Vec<Effect>, now: NaiveDateTime) {
        let Some(speaker) = &self.speaker else { return };
        for effect in say {
            let words = match effect {
                Effect::SayScreen => crate::app::voice::whole(&self.app, now),
                Effect::SayHowToUse => crate::app::voice::with_view(&self.app, now, |v| {
                    vec![Said::new(crate::app::voice::how_to_use(&v.tr))]
                }),
                Effect::Say(words) => words,
                _ => continue,
            };
            speaker.say(
                Batch::only(Kind::Question, words),
                &self.app.settings.locale,
            );
        }
    }
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

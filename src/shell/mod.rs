//! The edge of the kiosk: the terminal, signals, the clock and the database. It feeds keys and
//! ticks to the pure core and carries out the effects the core returns.
mod input;
mod keys;
mod signals;

pub use signals::{ignore_interrupts, quiet_broken_pipe};

use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};

use std::collections::VecDeque;

use chrono::NaiveDateTime;

use crate::app::{App, Effect, Msg};
use crate::clock::Clock;
use crate::config::Config;
use crate::store::Reply;
use crate::store::Store;
use crate::ui;
use input::Input;

/// At most this many inputs are handled between two frames, so the screen follows a flood.
const INPUTS_PER_FRAME: usize = 512;

/// NO_COLOR (any non-empty value) selects the monochrome theme.
pub fn monochrome_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn run(config: Config, store: Store, clock: Clock) -> Result<(), String> {
    let config = std::rc::Rc::new(config);
    let monochrome = monochrome_requested();
    // crossterm, seeing NO_COLOR, would emit resets that also cancel reverse video and bold:
    // the monochrome theme relies on those, so colours stay "enabled" and we pick none.
    crossterm::style::Colored::set_ansi_color_disabled(false);

    // Bounded: when the kiosk is behind, the reader waits and the terminal holds the rest,
    // instead of a queue that grows without end.
    let (tx, rx) = mpsc::sync_channel(1024);
    signals::listen(tx.clone())?;
    crate::log::hold_while_drawing();
    let mut terminal = ratatui::init();
    // A paste then arrives marked, so its line breaks never press Enter for the person.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    tracing::info!(help_point = %config.kiosk.help_point.name, "kiosk started");
    input::spawn_reader(tx.clone());

    let mut app = App::new(config, clock.now());
    // Five wrong PINs lock the prompt, and a restart does not unlock it.
    match store.pin_guard() {
        Ok((failures, until)) => app.restore_pin_guard(failures, until),
        Err(e) => tracing::error!(error = %e, "PIN lockout not read"),
    }
    let mut store = store;
    // A database failure must not stop a citizen's session: it is reported on leaving.
    let mut store_errors = Vec::new();
    // Personal data past its retention is erased at start, then once a day.
    let mut purged_on = clock.now().date();
    erase(
        &mut store,
        clock.now(),
        app.config.kiosk.retention_days,
        &mut store_errors,
    );
    // The wall clock against the time really elapsed: a step is told to the core's timers.
    let mut seen = (clock.now(), std::time::Instant::now());
    let result = (|| -> Result<(), String> {
        loop {
            terminal
                .draw(|frame| ui::draw(frame, &app, clock.now(), monochrome))
                .map_err(|e| format!("cannot draw: {e}"))?;
            let now = clock.now();
            let input = match app.next_deadline(now) {
                Some(deadline) => {
                    let wait = (deadline - now).to_std().unwrap_or_default();
                    match rx.recv_timeout(wait) {
                        Ok(input) => input,
                        Err(RecvTimeoutError::Timeout) => Input::Tick,
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
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
                if let Some(step) = clock_step(seen, now, std::time::Instant::now()) {
                    tracing::info!(seconds = step.num_seconds(), "the wall clock stepped");
                    app.clock_stepped(step);
                }
                seen = (now, std::time::Instant::now());
                let effects = match input {
                    Input::Key(key) => app.update(Msg::Key(key), now),
                    Input::Tick => app.update(Msg::Tick, now),
                    Input::Printed(ok) => app.update(Msg::Reply(Reply::Printed(ok)), now),
                    Input::PinChecked(who) => app.update(Msg::PinChecked(who), now),
                    Input::Resize => Vec::new(),
                    Input::Terminate => return Ok(()),
                };
                if purged_on != now.date() {
                    purged_on = now.date();
                    erase(
                        &mut store,
                        now,
                        app.config.kiosk.retention_days,
                        &mut store_errors,
                    );
                }
                if carry_out(effects, &mut app, &mut store, now, &mut store_errors, &tx)
                    == Flow::Quit
                {
                    return Ok(());
                }
            }
        }
    })();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    crate::log::release();
    if !store_errors.is_empty() {
        eprintln!(
            "borne: {} database errors while running (see the log above)",
            store_errors.len()
        );
    }
    result
}

/// How far the wall clock jumped since `seen` (its reading, and the instant it was read),
/// beyond what really elapsed; `None` for ordinary drift.
fn clock_step(
    seen: (NaiveDateTime, std::time::Instant),
    now: NaiveDateTime,
    instant: std::time::Instant,
) -> Option<chrono::Duration> {
    let elapsed = chrono::Duration::from_std(instant - seen.1).ok()?;
    let step = (now - seen.0) - elapsed;
    (step.num_seconds().abs() >= 2).then_some(step)
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

/// The retention rule, run at start and once a day.
fn erase(store: &mut Store, now: NaiveDateTime, days: u32, errors: &mut Vec<String>) {
    match store.erase_personal_data(now, days) {
        Ok(0) => {}
        Ok(n) => tracing::info!(appointments = n, "personal data past retention erased"),
        Err(e) => {
            tracing::error!(error = %e, "retention erase failed");
            errors.push(e);
        }
    }
}

#[derive(PartialEq)]
enum Flow {
    Go,
    Quit,
}

/// Carries out effects, feeding each answer back to the core (which may ask more).
fn carry_out(
    effects: Vec<Effect>,
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    errors: &mut Vec<String>,
    answers: &SyncSender<Input>,
) -> Flow {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Quit => return Flow::Quit,
            Effect::Audit { actor, action } => {
                if let Err(e) = store.audit(now, &actor, &action) {
                    tracing::error!(error = %e, "audit failed");
                    errors.push(e);
                }
            }
            Effect::CountDiagnostic {
                day,
                profile,
                needs,
            } => {
                if let Err(e) = store.count_diagnostic(day, profile, &needs) {
                    tracing::error!(error = %e, "diagnostic count failed");
                    errors.push(e);
                }
            }
            Effect::Store(request) => {
                let kind = request.kind();
                let reply = store.answer(request, now);
                tracing::debug!(request = kind, refused = ?refusal(&reply), "store answered");
                if let Reply::Failed(e) = &reply {
                    tracing::error!(error = %e, "database request failed");
                    errors.push(e.clone());
                }
                queue.extend(app.update(Msg::Reply(reply), now));
            }
            // The printer and the PIN check take their time away from the screen: the
            // kiosk keeps answering, the idle reset included; their answers come back as
            // inputs.
            Effect::Print(ticket) => {
                let printer = app.config.kiosk.ticket_printer.clone();
                let answers = answers.clone();
                std::thread::spawn(move || {
                    let printed = print(printer.as_deref(), &ticket);
                    let _ = answers.send(Input::Printed(printed));
                });
            }
            Effect::CheckPin(entered) => {
                let staff = app.config.kiosk.staff_pin_hash.clone();
                let counsellors: Vec<String> = app
                    .config
                    .agenda
                    .counsellors
                    .iter()
                    .map(|c| c.pin_hash.clone())
                    .collect();
                let answers = answers.clone();
                std::thread::spawn(move || {
                    let hashes: Vec<&str> = counsellors.iter().map(String::as_str).collect();
                    let who = crate::staff::pin::signer(&entered, &staff, &hashes);
                    let _ = answers.send(Input::PinChecked(who));
                });
            }
            Effect::SavePinGuard(failures, until) => {
                if let Err(e) = store.save_pin_guard(failures, until) {
                    tracing::error!(error = %e, "PIN lockout not saved");
                    errors.push(e);
                }
            }
        }
    }
    Flow::Go
}

/// How long the ticket printer may take before it is stopped.
const PRINTER_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Sends a ticket's text to the printer command on its standard input.
fn print(command: Option<&[String]>, ticket: &str) -> bool {
    let Some(command) = command else {
        return false;
    };
    match crate::command::run(command, None, ticket, PRINTER_LIMIT) {
        Ok(()) => true,
        Err(e) => {
            // The ticket holds the person's first name and code: only the failure is logged.
            tracing::error!(error = %e.summary, "ticket printer failed");
            false
        }
    }
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

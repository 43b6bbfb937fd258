//! The edge of the kiosk: the terminal, signals, the clock and the database. It feeds keys and
//! ticks to the pure core and carries out the effects the core returns.
mod input;
mod signals;

use std::sync::mpsc::{self, RecvTimeoutError};

use crate::app::{App, Effect, Msg};
use crate::clock::Clock;
use crate::config::Config;
use crate::store::Store;
use crate::ui;
use input::Input;

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

    let (tx, rx) = mpsc::channel();
    signals::listen(tx.clone())?;
    let mut terminal = ratatui::init();
    input::spawn_reader(tx);

    let mut app = App::new(config, clock.now());
    // A database failure must not stop a citizen's session: it is reported on leaving.
    let mut store_errors = Vec::new();
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
            let now = clock.now();
            let effects = match input {
                Input::Key(key) => app.update(Msg::Key(key), now),
                Input::Tick => app.update(Msg::Tick, now),
                Input::Resize => Vec::new(),
                Input::Terminate => return Ok(()),
            };
            for effect in effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Audit { actor, action } => {
                        if let Err(e) = store.audit(now, &actor, &action) {
                            store_errors.push(e);
                        }
                    }
                    Effect::CountDiagnostic {
                        day,
                        profile,
                        needs,
                    } => {
                        if let Err(e) = store.count_diagnostic(day, profile, &needs) {
                            store_errors.push(e);
                        }
                    }
                }
            }
        }
    })();
    ratatui::restore();
    for error in store_errors {
        eprintln!("borne: {error}");
    }
    result
}

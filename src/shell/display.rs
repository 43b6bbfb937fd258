//! `borne display`: the waiting room's calling screen on a terminal of its own. It reads the
//! day's queue from the same store as the kiosk (the help point's file, or its network's
//! database) twice a second, draws `queue::display`, and says each new call aloud. No key
//! does anything but leave it (q, Échap or Ctrl+C, for the staff); the terminal is restored on
//! SIGTERM, SIGINT and SIGHUP too.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyModifiers};

use super::speech::Speaker;
use crate::app::speech::{Batch, Kind, Said};
use crate::clock::Clock;
use crate::kiosk::Config;
use crate::queue::display::{self, Board};
use crate::store::Stores;

/// How often the queue is read: a call shows within a second.
const EVERY: Duration = Duration::from_millis(400);

pub(crate) fn run(config: Config, mut stores: Stores, clock: Clock) -> Result<(), String> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, stop.clone())
            .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    }
    let locale = config.kiosk.default_locale.clone();
    let tr = config.i18n.tr(&locale);
    let spoken = tr.spoken();
    let speaker = config.kiosk.speech.clone().map(Speaker::start);
    let help_point = config.kiosk.help_point.name.clone();
    crate::log::hold_while_drawing();
    let mut terminal = ratatui::init();
    let mut board: Option<Board> = None;
    let mut told_unreachable = false;
    let result = (|| -> Result<(), String> {
        while !stop.load(Ordering::SeqCst) {
            let now = clock.now();
            match stores.agenda().and_then(|a| a.queue_day(now.date())) {
                Ok(entries) => {
                    told_unreachable = false;
                    let new = Board::of(&entries, &config.agenda, &tr, now);
                    // Calls made before it started are shown, not said.
                    if let (Some(before), Some(speaker)) = (&board, &speaker) {
                        for call in new.new_since(before) {
                            let words = vec![Said::new(display::said(call, &spoken))];
                            let mut batch = Batch::only(Kind::Message, words);
                            batch.cancel = false;
                            speaker.say(batch, &locale);
                        }
                    }
                    board = Some(new);
                }
                Err(e) if !told_unreachable => {
                    tracing::warn!(error = %e, "display: the queue cannot be read");
                    told_unreachable = true;
                }
                Err(_) => {}
            }
            let shown = board.clone().unwrap_or_default();
            terminal
                .draw(|frame| display::render(frame, &shown, &tr, &help_point))
                .map_err(|e| format!("cannot draw: {e}"))?;
            if event::poll(EVERY).map_err(|e| format!("terminal: {e}"))?
                && let Event::Key(key) = event::read().map_err(|e| format!("terminal: {e}"))?
            {
                let ctrl_c =
                    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
                if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                    return Ok(());
                }
            }
        }
        Ok(())
    })();
    ratatui::restore();
    crate::log::release();
    result
}

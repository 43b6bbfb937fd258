//! The kiosk's terminal from its first frame to its end: ratatui's, with the large font, the
//! mouse, pasting, and the signals that reach the kiosk.
use std::sync::mpsc::{self, Receiver, SyncSender};

use chrono::NaiveDateTime;

use super::font::{self, LargeFont};
use super::input::Input;
use super::{monochrome_requested, mouse, signals};
use crate::app::App;

pub struct Screen {
    terminal: ratatui::DefaultTerminal,
    large_font: LargeFont,
    monochrome: bool,
    /// Keys, signals and the slow things' answers, as they come (bounded: when the kiosk is
    /// behind, the reader waits and the terminal holds the rest).
    pub(super) inputs: (SyncSender<Input>, Receiver<Input>),
}

impl Screen {
    /// Takes the terminal and draws `welcome` on it: the first frame, as soon as the welcome
    /// can be drawn, before the rest of the kiosk is ready.
    pub fn open(welcome: &mut App, now: NaiveDateTime) -> Result<Screen, String> {
        // crossterm, seeing NO_COLOR, would emit resets that also cancel reverse video and
        // bold: the monochrome theme relies on those, so colours stay "enabled" and we pick
        // none.
        crossterm::style::Colored::set_ansi_color_disabled(false);
        let inputs = mpsc::sync_channel(1024);
        signals::listen(inputs.0.clone())?;
        crate::log::hold_while_drawing();
        // Before ratatui's own hook, which runs it after putting the terminal back.
        font::restore_on_panic();
        mouse::disable_on_panic();
        // The terminal may be gone already (a hung-up line, a session closed): said, not a
        // panic.
        let terminal = match ratatui::try_init() {
            Ok(terminal) => terminal,
            Err(e) => {
                ratatui::restore();
                crate::log::release();
                return Err(format!(
                    "the terminal cannot be used (gone or not set up): {e}"
                ));
            }
        };
        let mut out = std::io::stdout();
        // A paste then arrives marked, so its line breaks never press Enter for the person.
        let _ = crossterm::execute!(out, crossterm::event::EnableBracketedPaste);
        // Taps and clicks as SGR reports (a touchscreen, a mouse); put back at every end.
        mouse::enable(&mut out);
        // Asks xterm or kitty what it must before the reader takes their answers.
        let large_font = LargeFont::start(&welcome.kiosk, &mut out);
        let mut screen = Screen {
            terminal,
            large_font,
            monochrome: monochrome_requested(),
            inputs,
        };
        if let Err(e) = screen.draw(welcome, now) {
            screen.close();
            return Err(e);
        }
        Ok(screen)
    }

    /// Draws the app as it is now; the terminal's font follows the person's choice of large
    /// text (F2, the idle reset, "Terminer"), its new grid coming as a resize.
    pub(super) fn draw(&mut self, app: &mut App, now: NaiveDateTime) -> Result<(), String> {
        app.large_font = self
            .large_font
            .show(app.settings.large_text, &mut std::io::stdout());
        let monochrome = self.monochrome;
        self.terminal
            .draw(|frame| {
                crate::app::frame::draw(frame, app, now, monochrome);
            })
            .map_err(|e| format!("cannot draw: {e}"))?;
        Ok(())
    }

    /// Gives the terminal back while `work` says something on it and waits (the database
    /// held by another program, the first start's import), then takes it again and draws
    /// `app`.
    pub fn aside<T>(
        &mut self,
        app: &mut App,
        now: NaiveDateTime,
        work: impl FnOnce() -> T,
    ) -> Result<T, String> {
        let mut out = std::io::stdout();
        self.large_font.restore(&mut out);
        mouse::disable(&mut out);
        let _ = crossterm::execute!(out, crossterm::event::DisableBracketedPaste);
        ratatui::restore();
        crate::log::release();
        let done = work();
        crate::log::hold_while_drawing();
        crossterm::terminal::enable_raw_mode()
            .and_then(|()| {
                crossterm::execute!(
                    out,
                    crossterm::terminal::EnterAlternateScreen,
                    crossterm::event::EnableBracketedPaste
                )
            })
            .and_then(|()| self.terminal.clear())
            .map_err(|e| format!("the terminal cannot be used (gone or not set up): {e}"))?;
        mouse::enable(&mut out);
        self.draw(app, now)?;
        Ok(done)
    }

    /// What the terminal answered about its font.
    pub(super) fn font_answer(&mut self, answer: &super::keys::Answer) {
        self.large_font.answer(answer);
    }

    /// Puts the terminal back as it was, and writes the log lines held meanwhile.
    pub fn close(mut self) {
        let mut out = std::io::stdout();
        self.large_font.restore(&mut out);
        mouse::disable(&mut out);
        let _ = crossterm::execute!(out, crossterm::event::DisableBracketedPaste);
        ratatui::restore();
        crate::log::release();
    }
}

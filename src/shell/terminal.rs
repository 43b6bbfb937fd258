//! The kiosk's terminal from its first frame to its end: ratatui's, with the large font, the
//! mouse, pasting, and the signals that reach the kiosk.
use std::sync::mpsc::{self, Receiver, SyncSender};

use chrono::NaiveDateTime;

use super::backend::FrameWriter;
use super::font::{self, LargeFont};
use super::input::Input;
use super::{monochrome_requested, mouse, signals};
use crate::app::App;

type Terminal = ratatui::Terminal<FrameWriter>;

pub struct Screen {
    terminal: Terminal,
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
        // Nothing comes in before the first frame: the channel of its 512 slots (36 KiB,
        // each written as it is made) is made after it.
        let inputs = mpsc::sync_channel(0);
        let signals = signals::catch()?;
        crate::log::hold_while_drawing();
        // Before ratatui's own hook, which runs it after putting the terminal back.
        font::restore_on_panic();
        mouse::disable_on_panic();
        // The terminal may be gone already (a hung-up line, a session closed): said, not a
        // panic.
        let terminal = match take_terminal() {
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
        let theme = crate::ui::Theme::pick(welcome.settings.high_contrast, screen.monochrome);
        let mut blank = ratatui::buffer::Cell::default();
        blank.set_style(theme.base.style());
        if let Err(e) = screen.terminal.backend_mut().clear_to(&blank) {
            screen.close();
            return Err(format!("the terminal cannot be used: {e}"));
        }
        // ratatui's previous frame is now the screen just cleared: its diff leaves the blank
        // cells out of the first frame.
        screen.terminal.current_buffer_mut().content.fill(blank);
        screen.terminal.swap_buffers();
        if let Err(e) = screen.draw(welcome, now) {
            screen.close();
            return Err(e);
        }
        // For benches/slow_machine.py: the processor time the first frame took, a figure a
        // busy machine does not blur as it does the time waited.
        tracing::info!(
            cpu_us = cpu_time_us(),
            page_faults = page_faults(),
            "first frame drawn"
        );
        screen.inputs = mpsc::sync_channel(super::INPUTS_PER_FRAME);
        signals::forward(signals, screen.inputs.0.clone());
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
                // The size ratatui has just read: the screens page for it.
                let area = frame.area();
                app.screen_size = (area.width, area.height);
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
        self.give_back();
        let done = work();
        crate::log::hold_while_drawing();
        let mut out = std::io::stdout();
        // A new terminal draws the whole frame again. (ratatui's `clear` would ask the
        // terminal where its cursor is and wait for the answer, which some never give.)
        self.terminal = new_terminal()
            .and_then(|t| {
                crossterm::execute!(
                    out,
                    crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
                    crossterm::event::EnableBracketedPaste
                )
                .map(|()| t)
            })
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
        self.give_back();
    }

    /// The terminal as the kiosk found it: its font, no mouse or paste reports, cooked, on
    /// its main screen; the log lines held meanwhile written.
    fn give_back(&mut self) {
        let mut out = std::io::stdout();
        self.large_font.restore(&mut out);
        mouse::disable(&mut out);
        let _ = crossterm::execute!(out, crossterm::event::DisableBracketedPaste);
        ratatui::restore();
        crate::log::release();
    }
}

/// The terminal raw, on its alternate screen, put back by a panic: as `ratatui::try_init`,
/// with the buffered backend.
fn take_terminal() -> std::io::Result<Terminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    new_terminal()
}

/// The terminal raw, on its alternate screen, and a ratatui terminal that has drawn nothing.
fn new_terminal() -> std::io::Result<Terminal> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    ratatui::Terminal::new(FrameWriter::new())
}

/// The page faults this process has taken (minor: pages already in memory, mapped in).
fn page_faults() -> i64 {
    // SAFETY: getrusage fills the rusage it is given, nothing else.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0;
    }
    usage.ru_minflt + usage.ru_majflt
}

/// The processor time this process has used, in microseconds.
fn cpu_time_us() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given, nothing else.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } != 0 {
        return 0;
    }
    t.tv_sec as u64 * 1_000_000 + t.tv_nsec as u64 / 1_000
}

//! ratatui's crossterm backend, writing a frame into one buffer, and clearing the screen to
//! its background before the first frame.
use std::io::{self, BufWriter, Stdout, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A whole frame of 80×24 cells, their colours and their moves, fits: written once a frame,
/// where the terminal's line-buffered stream took three writes and a lock a cell.
const FRAME_BYTES: usize = 64 * 1024;

pub(super) struct FrameWriter {
    inner: CrosstermBackend<BufWriter<Stdout>>,
}

impl FrameWriter {
    pub(super) fn new() -> FrameWriter {
        FrameWriter {
            inner: CrosstermBackend::new(BufWriter::with_capacity(FRAME_BYTES, io::stdout())),
        }
    }

    /// Clears the screen in the colours of `blank` (the screen's own background), so that
    /// the next frame need not paint its blank cells one by one (the caller makes them
    /// ratatui's previous frame): the first frame paints every cell of a screen that is not
    /// the terminal's colour, most of them blank, and that was a third of its writing on an
    /// old machine. Terminals erase in the current background (xterm, kitty, the Linux
    /// console, tmux).
    pub(super) fn clear_to(&mut self, blank: &Cell) -> io::Result<()> {
        use crossterm::style::{Colors, ResetColor, SetColors};
        use ratatui::backend::IntoCrossterm;
        let colors = Colors::new(blank.fg.into_crossterm(), blank.bg.into_crossterm());
        // Nothing of a frame is buffered between two frames.
        let mut out = io::stdout();
        crossterm::queue!(
            out,
            SetColors(colors),
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            ResetColor
        )?;
        out.flush()
    }
}

impl Backend for FrameWriter {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

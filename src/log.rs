//! What went wrong, when it happens: store errors, gateway and printer failures, import
//! rejects, migrations. One line an event on standard error, without colours or time (journald
//! stamps each line), at the level `BORNE_LOG` sets (`info` by default; `off`, `error`, `warn`,
//! `debug`, `trace`). Never a name, phone number, e-mail, staff's reason or diagnostic
//! answer: callers log codes, counts and error kinds.
//!
//! While the kiosk draws on the terminal its standard error is often that same terminal:
//! lines written there would tear the screen. Then they are held in memory (the last ones)
//! and written out once the terminal is restored.
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex, OnceLock};

use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::MakeWriter;

pub(crate) const LEVEL_VARIABLE: &str = "BORNE_LOG";

/// How many held lines are kept (the oldest go first).
const HELD_LINES: usize = 500;

#[derive(Clone, Default)]
struct Sink {
    /// `Some` while lines are held back from the terminal.
    held: Arc<Mutex<Option<VecDeque<Vec<u8>>>>>,
}

static SINK: OnceLock<Sink> = OnceLock::new();

/// The last error line, for the kiosk's heartbeat (log lines hold no personal data).
static LAST_ERROR: Mutex<Option<String>> = Mutex::new(None);

/// The last error logged, as written (without its level).
pub(crate) fn last_error() -> Option<String> {
    LAST_ERROR
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone()
}

struct Line {
    sink: Sink,
    bytes: Vec<u8>,
}

impl Write for Line {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        if let Some(error) = String::from_utf8_lossy(&bytes)
            .trim()
            .strip_prefix("ERROR ")
        {
            *LAST_ERROR
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) =
                Some(error.chars().take(300).collect());
        }
        let mut held = self
            .sink
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match held.as_mut() {
            Some(lines) => {
                if lines.len() == HELD_LINES {
                    lines.pop_front();
                }
                lines.push_back(bytes);
            }
            None => {
                let _ = std::io::stderr().lock().write_all(&bytes);
            }
        }
    }
}

impl<'a> MakeWriter<'a> for Sink {
    type Writer = Line;
    fn make_writer(&'a self) -> Line {
        Line {
            sink: self.clone(),
            bytes: Vec::new(),
        }
    }
}

/// Starts logging; a second call does nothing.
pub(crate) fn init() {
    let sink = SINK.get_or_init(Sink::default).clone();
    // A level, not per-module directives: those need a regular expression engine, a quarter
    // of a MiB in every kiosk's memory for a choice nobody makes at a help point.
    let level = std::env::var(LEVEL_VARIABLE)
        .ok()
        .and_then(|v| v.parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::INFO);
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(sink)
        .with_ansi(false)
        .without_time()
        .with_target(false)
        .try_init();
}

/// While the kiosk owns the terminal: hold the lines if standard error is that terminal.
pub(crate) fn hold_while_drawing() {
    if std::io::stderr().is_terminal()
        && let Some(sink) = SINK.get()
    {
        let mut held = sink.held.lock().unwrap_or_else(|p| p.into_inner());
        held.get_or_insert_with(VecDeque::new);
    }
}

/// The terminal is restored: write what was held, and write straight on from now.
pub(crate) fn release() {
    if let Some(sink) = SINK.get() {
        let lines = sink.held.lock().unwrap_or_else(|p| p.into_inner()).take();
        let mut stderr = std::io::stderr().lock();
        for line in lines.into_iter().flatten() {
            let _ = stderr.write_all(&line);
        }
    }
}

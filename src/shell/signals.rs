//! SIGTERM and every other signal that would end the process (SIGUSR1, SIGALRM…) end the
//! kiosk cleanly, terminal restored; SIGHUP exits at once (the terminal is gone); SIGINT,
//! SIGQUIT and SIGTSTP are ignored like their keys, from the first moment of start-up.
use std::sync::mpsc::SyncSender;
use std::thread;

use signal_hook::consts::{
    SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM,
    SIGWINCH, SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::Signals;

use super::input::Input;

/// The kiosk's handlers, installed before the terminal is taken: a signal that comes before
/// `forward` waits for it.
pub(crate) fn catch() -> Result<Signals, String> {
    Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
        SIGPROF, SIGXCPU, SIGXFSZ,
    ])
    .map_err(|e| format!("cannot install signal handlers: {e}"))
}

/// The signals caught, acted on from a thread of their own, started once the first frame is
/// drawn (a thread started before it was processor time the welcome waited for).
pub(crate) fn forward(mut signals: Signals, tx: SyncSender<Input>) {
    thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                // SIGTERM, and the signals whose default is to end the process (which would
                // leave the terminal raw): end cleanly, terminal restored.
                SIGTERM | SIGUSR1 | SIGUSR2 | SIGALRM | SIGVTALRM | SIGPROF | SIGXCPU | SIGXFSZ => {
                    let _ = tx.send(Input::Terminate);
                }
                SIGHUP => {
                    // The console outlives its hang-up: its font is put back first.
                    super::font::restore_now();
                    super::mouse::disable(&mut std::io::stdout());
                    std::process::exit(129)
                }
                // The window changed size: draw again.
                SIGWINCH => {
                    let _ = tx.send(Input::Resize);
                }
                _ => {}
            }
        }
    });
}

/// Ctrl+C, Ctrl+\ and Ctrl+Z as signals do nothing (called first thing in kiosk mode).
pub fn ignore_interrupts() {
    for signal in [libc::SIGINT, libc::SIGQUIT, libc::SIGTSTP] {
        // SAFETY: setting a signal's disposition to "ignore" has no other effect.
        unsafe {
            libc::signal(signal, libc::SIG_IGN);
        }
    }
}

/// SIGPIPE back to its default: a command whose reader went away ends without a word.
pub fn quiet_broken_pipe() {
    // SAFETY: as above; Rust ignores SIGPIPE by default, this restores the Unix default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

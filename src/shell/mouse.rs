//! Taps and clicks: the terminal is asked for SGR mouse reports (button presses, `?1000h`,
//! in the SGR encoding, `?1006h`) while the kiosk runs, and told to stop at every end (the
//! loop's end, SIGTERM through it, SIGHUP and a panic) so that the shell left behind never
//! receives reports as typed text. `shell/keys.rs` reads the reports.
use std::io::Write;

pub const ENABLE: &[u8] = b"\x1b[?1000h\x1b[?1006h";
pub const DISABLE: &[u8] = b"\x1b[?1006l\x1b[?1000l";

pub fn enable(out: &mut impl Write) {
    let _ = out.write_all(ENABLE).and_then(|()| out.flush());
}

pub fn disable(out: &mut impl Write) {
    let _ = out.write_all(DISABLE).and_then(|()| out.flush());
}

/// Before ratatui's hook (which puts the rest of the terminal back).
pub fn disable_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        disable(&mut std::io::stdout());
        previous(info);
    }));
}

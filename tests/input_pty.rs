//! End-to-end: the keyboard never goes dead. Bursts of input, broken escape sequences and
//! unterminated pastes are read and dropped as they must be, and F12 still answers.
mod pty;

use pty::*;

/// F12 opens the PIN prompt: the kiosk still reads its keys.
fn still_answers(kiosk: &mut Kiosk) {
    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.keys(&[ESC]);
}

#[test]
fn a_long_burst_of_input_is_drained() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune :");
    // 8 KiB at full speed: a stuck key.
    kiosk.burst(&[b'a'; 8192]);
    kiosk.wait_for("aaaaaaaaaaaaaaaaaaaa");
    still_answers(&mut kiosk);
}

#[test]
fn an_unfinished_escape_sequence_is_dropped() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    // Alt+[ then "?": the start of a CSI sequence that never ends.
    kiosk.burst(b"\x1b[?");
    still_answers(&mut kiosk);
    kiosk.burst(b"\x1b[<");
    still_answers(&mut kiosk);
}

#[test]
fn an_unterminated_paste_does_not_swallow_the_keys_after_it() {
    let mut kiosk = Kiosk::start();
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune :");
    kiosk.burst(b"\x1b[200~05000");
    // The paste's end never comes: what came is typed once the input falls silent.
    kiosk.wait_for("1  Gap (05000)");
    still_answers(&mut kiosk);
}

#[test]
fn every_signal_that_ends_the_kiosk_restores_the_terminal() {
    for signal in ["USR1", "USR2", "ALRM"] {
        let mut kiosk = Kiosk::start();
        kiosk.wait_for("Bienvenue");
        kiosk.signal(signal);
        kiosk.wait_exit();
        assert!(!kiosk.alternate_screen(), "SIG{signal}");
        assert!(kiosk.cursor_visible(), "SIG{signal}");
    }
}

#[test]
fn ctrl_c_and_ctrl_backslash_during_start_up_are_ignored() {
    let mut kiosk = Kiosk::start();
    // The kiosk ignores them from the start of its main (the kernel shows its signal
    // dispositions); the first frame, and raw mode, come later. Until then Ctrl+C and
    // Ctrl+\ are signals.
    let status = format!("/proc/{}/status", kiosk.pid());
    let ignored = |name: &str| -> u64 {
        std::fs::read_to_string(&status)
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
            .unwrap_or(0)
    };
    let start = std::time::Instant::now();
    // SIGINT is 2, SIGQUIT 3: bits 1 and 2.
    while ignored("SigIgn:") & 0b110 != 0b110 {
        assert!(
            start.elapsed() < PATIENCE,
            "the kiosk never ignored SIGINT and SIGQUIT"
        );
        std::thread::yield_now();
    }
    for _ in 0..5 {
        kiosk.signal("INT");
        kiosk.signal("QUIT");
    }
    kiosk.wait_for("Bienvenue");
    assert!(kiosk.is_running());
}

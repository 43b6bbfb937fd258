//! End-to-end: the keyboard never goes dead. Bursts of input, broken escape sequences and
//! unterminated pastes are read and dropped as they must be, and F12 still answers.
use crate::pty;

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
    kiosk.wait_for("  Gap (05000)");
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

/// A small deterministic generator (xorshift): the same seed gives the same events.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const KEYS: &[&str] = &[
    "a",
    "z",
    "é",
    "1",
    "2",
    "3",
    "5",
    "9",
    "0",
    " ",
    "-",
    ENTER,
    ESC,
    "\t",
    "\x1b[Z",
    UP,
    DOWN,
    LEFT,
    RIGHT,
    "\x7f",
    F2,
    F3,
    HOME,
    "\x1b[5~",
    "\x1b[6~",
    "\x03",
    "\x1a",
    "\x1c",
    "\x04",
    "\x1bx",
    "\x1b[1;5A",
    F12,
];

/// `count` random events at full speed: keys, pastes of 1–8 KiB, resizes from 1×1 to
/// 250×80, broken escape sequences. Then the kiosk must still answer F12.
fn random_events(seed: u64, count: usize) {
    eprintln!("random events: seed {seed}, {count} events");
    let mut random = Random(seed);
    // The kiosk's log (a panic message, if any) goes to a file the failure shows.
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("borne.log");
    let mut kiosk = Kiosk::start_logging(&[], &log);
    kiosk.wait_for("Bienvenue");
    let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
    let mut bytes = 0usize;
    for _ in 0..count {
        match random.below(100) {
            0..=84 => {
                let key = KEYS[random.below(KEYS.len() as u64) as usize];
                bytes += key.len();
                kiosk.burst(key.as_bytes());
            }
            85..=87 => {
                let len = 1024 + random.below(7 * 1024) as usize;
                let text: Vec<u8> = (0..len).map(|_| b' ' + random.below(95) as u8).collect();
                let mut paste = b"\x1b[200~".to_vec();
                paste.extend(&text);
                if random.below(2) == 0 {
                    paste.extend(b"\x1b[201~");
                }
                bytes += paste.len();
                kiosk.burst(&paste);
            }
            88..=92 => {
                let cols = 1 + random.below(250) as u16;
                let rows = 1 + random.below(80) as u16;
                kiosk.resize(cols, rows);
            }
            _ => {
                let mut broken = b"\x1b".to_vec();
                for _ in 0..random.below(12) {
                    broken.push(random.below(128) as u8);
                }
                bytes += broken.len();
                kiosk.burst(&broken);
            }
        }
    }
    kiosk.resize(80, 24);
    assert!(
        kiosk.is_running(),
        "seed {seed}: the kiosk stopped; its log:\n{}",
        log_text()
    );
    // Back to the welcome screen, whatever the events left open (a PIN prompt, a question);
    // in large text its title is drawn in big glyphs, its question is not.
    let start = std::time::Instant::now();
    while !kiosk.screen().contains("Que voulez-vous faire ?") {
        assert!(
            start.elapsed() < PATIENCE,
            "seed {seed}: never back to the welcome screen (running: {}):\n{}\nits log:\n{}",
            kiosk.is_running(),
            kiosk.screen(),
            log_text()
        );
        // The events may have chosen another language ("7", then a digit): the welcome
        // screen names "Língua" in every one; French is the first language offered.
        let screen = kiosk.screen();
        if screen.contains("Língua") && !screen.contains('┌') {
            kiosk.keys(&["7", "1"]);
            continue;
        }
        kiosk.keys(&[ESC, HOME]);
        // "Revenir à l'accueil ?", in whatever language: its first choice is yes.
        if kiosk.screen().contains("│   1  ") {
            kiosk.keys(&["1"]);
        }
    }
    kiosk.keys(&[F12]);
    let screen = kiosk.wait_until(
        |s| s.contains("Code :") || s.contains("Espace conseiller") || s.contains("Quitter"),
        &format!("seed {seed}: the PIN prompt after {count} events ({bytes} bytes)"),
    );
    assert!(kiosk.is_running(), "seed {seed}: {screen}");
}

#[test]
fn thousands_of_random_events_leave_the_kiosk_answering() {
    random_events(20261124, 3000);
}

/// A long run: `cargo test --test terminal input_pty:: -- --ignored`.
#[test]
#[ignore = "a long run (10^6 events), for a machine with time"]
fn a_million_random_events_leave_the_kiosk_answering() {
    random_events(1, 1_000_000);
}

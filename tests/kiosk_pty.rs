//! End-to-end: the real binary in a pseudo-terminal.
use crate::pty;

use pty::*;

#[test]
fn the_welcome_screen_appears_and_the_cursor_follows_the_focus() {
    let mut kiosk = Kiosk::start();
    let screen = kiosk.wait_for("Bienvenue");
    assert!(
        screen.contains("Point numérique — Mairie de Gap"),
        "{screen}"
    );
    assert!(
        screen.contains("7  Langue et affichage · Language · Língua · Мова"),
        "{screen}"
    );
    assert!(
        screen.contains("Flèches : se déplacer"),
        "the key bar says what keys do"
    );
    kiosk.wait_for_focus("▶ 1  Faire le point sur mes besoins");
    assert!(kiosk.cursor_visible());
    kiosk.keys(&[DOWN, DOWN, DOWN, DOWN, DOWN, DOWN]);
    kiosk.wait_for_focus("▶ 7  Langue et affichage");
    // A digit with nothing behind it does nothing.
    kiosk.keys(&["9"]);
    kiosk.wait_for_focus("▶ 7  Langue et affichage");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for_focus("▶ 1  (•) Français");
    let screen = kiosk.screen();
    assert!(
        screen.contains("[ ] Texte en grand") && screen.contains("[ ] Contraste élevé"),
        "{screen}"
    );
    kiosk.keys(&[DOWN]);
    kiosk.wait_for_focus("▶ 2  ( ) Français facile");
    kiosk.keys(&[DOWN, ENTER]);
    kiosk.wait_for("Welcome");
    kiosk.wait_for("1  Find out what help I need");
    kiosk.wait_for_focus("▶ 7  Language and display");
}

#[test]
fn control_keys_never_exit_or_suspend_the_kiosk() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    // Ctrl+C, Ctrl+Z, Ctrl+\, Ctrl+D, Ctrl+S, Ctrl+Q, Alt+F4-ish Esc sequences.
    kiosk.keys(&["\x03", "\x1a", "\x1c", "\x04", "\x13", "\x11", "\x1b[1;3S"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(kiosk.is_running(), "still running");
    kiosk.keys(&[F2, "7"]);
    kiosk.wait_for("[x] Texte en grand");
    assert!(kiosk.is_running());
}

#[test]
fn after_the_idle_time_a_countdown_asks_and_a_key_extends() {
    let mut kiosk = Kiosk::start_with(
        &[
            ("idle_seconds = 90", "idle_seconds = 10"),
            ("warning_seconds = 30", "warning_seconds = 20"),
        ],
        80,
        24,
        &[],
    );
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&[F2, "7"]);
    kiosk.wait_for("[x] Texte en grand");
    kiosk.wait_for("Vous êtes toujours là ?");
    kiosk.wait_for("Appuyez sur une touche pour continuer");
    kiosk.wait_for("dans 2");
    kiosk.keys(&[" "]);
    kiosk.wait_until(|s| !s.contains("toujours là"), "the countdown closes");
    assert!(
        kiosk.screen().contains("[x] Texte en grand"),
        "the key only extended"
    );
}

#[test]
fn at_the_end_of_the_countdown_the_kiosk_forgets_everything() {
    let mut kiosk = Kiosk::start_with(
        &[
            ("idle_seconds = 90", "idle_seconds = 10"),
            ("warning_seconds = 30", "warning_seconds = 20"),
        ],
        80,
        24,
        &[],
    );
    kiosk.wait_for("Bienvenue");
    // Easy-to-read French, then large text.
    kiosk.keys(&to_languages());
    kiosk.keys(&[DOWN, ENTER, "7"]);
    kiosk.wait_for_focus("▶ 2  (•) Français facile");
    kiosk.keys(&[F2]);
    kiosk.wait_for("[x] Texte en grand");
    kiosk.wait_for("Vous êtes là ?");
    // 10 s idle + 20 s countdown at the most; PATIENCE is 20 s per wait.
    kiosk.wait_for("revient au départ dans 1 seconde.");
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&to_languages());
    let screen = kiosk.wait_for("Langue et affichage");
    assert!(screen.contains("[ ] Texte en grand"), "{screen}");
    assert!(screen.contains("(•) Français "), "{screen}");
}

#[test]
fn wrong_pins_slow_guessing_down_but_never_lock_the_staff_out() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&[F12]);
    kiosk.wait_for("Espace du personnel");
    for _ in 0..2 {
        kiosk.type_text("9753");
        kiosk.keys(&[ENTER]);
        kiosk.wait_for("Code incorrect.");
    }
    kiosk.type_text("9753");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Vous pourrez réessayer dans 5 secondes.");
    // Too soon: not even checked.
    kiosk.type_text("2468");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Patientez encore");
    // Five seconds later the staff's PIN opens: tried again each time the kiosk answers.
    let start = std::time::Instant::now();
    loop {
        let screen = kiosk.wait_until(
            |s| s.contains("Quitter la borne") || s.contains("Patientez encore"),
            "the staff menu or the wait",
        );
        if screen.contains("Quitter la borne") {
            break;
        }
        assert!(start.elapsed().as_secs() < 15, "still waiting: {screen}");
        std::thread::sleep(std::time::Duration::from_millis(500));
        kiosk.type_text("2468");
        kiosk.keys(&[ENTER]);
    }
}

#[test]
fn staff_pin_then_quit_exits_with_the_terminal_restored() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    assert!(kiosk.alternate_screen());
    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.type_text("2468");
    kiosk.wait_for("Code : ••••");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Quitter la borne");
    // The menu opens on the harmless entry: an Enter pressed once too often goes back to
    // the kiosk, it does not close it.
    kiosk.wait_for_focus("▶ 1  Revenir à la borne");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.type_text("2468");
    kiosk.wait_for("Code : ••••");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for_focus("▶ 1  Revenir à la borne");
    kiosk.keys(&[DOWN]);
    kiosk.wait_for_focus("▶ 2  Quitter la borne");
    kiosk.keys(&[ENTER]);
    let status = kiosk.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(!kiosk.alternate_screen(), "left the alternate screen");
    assert!(kiosk.cursor_visible(), "the cursor is shown again");
}

#[test]
fn sigterm_restores_the_terminal_and_exits_cleanly() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.signal("TERM");
    let status = kiosk.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(!kiosk.alternate_screen());
    assert!(kiosk.cursor_visible());
    // The database closed cleanly: its write-ahead log folded in and gone, so the next
    // start does not read it all again (the first start's import wrote megabytes).
    let mut wal = kiosk.db_path().into_os_string();
    wal.push("-wal");
    assert!(
        std::fs::metadata(&wal).is_err(),
        "{} left behind",
        std::path::Path::new(&wal).display()
    );
}

#[test]
fn sighup_ends_the_kiosk_at_once() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.signal("HUP");
    let status = kiosk.wait_exit();
    assert!(!status.success());
}

#[test]
fn sigint_from_outside_is_ignored_like_ctrl_c() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.signal("INT");
    kiosk.signal("TSTP");
    std::thread::sleep(std::time::Duration::from_millis(300));
    kiosk.keys(&[F3, "7"]);
    kiosk.wait_for("[x] Contraste élevé");
    assert!(kiosk.is_running());
}

#[test]
fn a_large_console_shows_the_title_in_big_glyphs() {
    let mut kiosk = Kiosk::start_with(&[("large_text = false", "large_text = true")], 120, 33, &[]);
    kiosk.wait_for("████");
    kiosk.keys(&[F2]);
    kiosk.wait_for("Bienvenue");
}

#[test]
fn no_color_keeps_the_focus_visible_by_reverse_video() {
    let mut kiosk = Kiosk::start_with(&[], 80, 24, &[("NO_COLOR", "1")]);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&to_languages());
    kiosk.wait_for_focus("▶ 1  (•) Français");
    let (y, x) = kiosk.cursor();
    assert!(
        kiosk.cell_inverse(y, x),
        "the focused choice is in reverse video under NO_COLOR"
    );
}

/// A large font's new grid is a resize: at 42×12 (what F2 leaves on a 1366×768 panel) the
/// person is on the same step, the focus on the same field, what they typed there.
#[test]
fn the_grid_a_large_font_leaves_keeps_the_step_the_focus_and_what_was_typed() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[ENTER, ENTER]);
    kiosk.type_text("06 12");
    kiosk.wait_for("▶ Téléphone : 06 12");
    kiosk.keys(&[F2]);
    kiosk.resize(42, 12);
    let screen = kiosk.wait_for("Prénom (obligatoire) : Marie");
    assert!(screen.contains("Vos coordonnées"), "{screen}");
    kiosk.wait_for("▶ Téléphone : 06 12");
    kiosk.type_text("34");
    kiosk.wait_for("▶ Téléphone : 06 12 34");
    kiosk.keys(&[F2]);
    kiosk.resize(80, 24);
    kiosk.wait_for("▶ Téléphone : 06 12 34");
    kiosk.wait_for("Prénom (obligatoire) : Marie");
}

#[test]
fn a_terminal_that_cannot_be_set_up_ends_the_kiosk_with_a_message_not_a_panic() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    // Its output is a terminal, but it has no controlling terminal to set up (raw mode
    // fails, as when the line hangs up before the first frame).
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills the two descriptors it is given.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0);
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (_master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let dir = tempfile::tempdir().unwrap();
    let mut kiosk = std::process::Command::new(env!("CARGO_BIN_EXE_borne"));
    kiosk
        .arg("--config")
        .arg(config_copy(dir.path(), &[]))
        .arg("--db")
        .arg(dir.path().join("borne.db"))
        .env("TERM", "xterm-256color")
        .env("BORNE_NOW", "2026-03-02T10:15:00")
        .stdin(std::process::Stdio::null())
        .stdout(slave)
        .stderr(std::process::Stdio::piped());
    // SAFETY: setsid is async-signal-safe; it leaves the child without a terminal.
    unsafe {
        kiosk.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let out = kiosk.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("borne: the terminal cannot be used"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn ctrl_c_typed_before_the_kiosk_starts_is_a_key_with_the_readmes_unit() {
    // The README's unit turns the terminal's signals off before the kiosk starts: its
    // ExecStartPre line, run here on the pseudo-terminal.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let stty = readme
        .lines()
        .find_map(|l| l.strip_prefix("ExecStartPre=/bin/stty -F /dev/tty1 "))
        .expect("the unit sets the terminal up before the kiosk");
    assert!(readme.contains("\nTTYReset=no\n"), "a reset would undo it");
    // The shell waits for a line before it becomes the kiosk: Ctrl+C typed then would kill
    // it (the moment before the kiosk's first line), unless it is only a key.
    let mut kiosk = Kiosk::start_after(&format!("stty {stty}; echo ExecStartPre; read line"));
    kiosk.wait_for("ExecStartPre");
    kiosk.keys(&["\x03", "\n"]);
    kiosk.wait_for("Bienvenue");
    assert!(kiosk.is_running());
}

/// Issue #27: a tap chooses a choice, ticks a check box, turns the page on the page line;
/// the keyboard works as before; the terminal stops reporting the mouse when the kiosk ends.
#[test]
fn a_tap_chooses_ticks_and_turns_the_page() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.wait_until(|_| kiosk.mouse_reports(), "mouse reports asked for");
    // A tap on the welcome's third choice: the lieux.
    kiosk.tap("Trouver un lieu");
    kiosk.wait_for("Votre code postal ou votre commune");
    kiosk.type_text("05000");
    kiosk.wait_for("Gap (05000)");
    kiosk.keys(&[ENTER]);
    let first = kiosk.wait_for("Page 1 sur");
    // A tap on the page line turns to the next page.
    kiosk.tap("Page 1 sur");
    let second = kiosk.wait_for("Page 2 sur");
    assert_ne!(first, second);
    // The filters: a tap on a check box ticks it, a second untick it.
    kiosk.keys(&[HOME]);
    kiosk.wait_for("Bienvenue");
    kiosk.tap("Trouver un lieu");
    kiosk.wait_for("Votre code postal ou votre commune");
    kiosk.type_text("gap");
    kiosk.wait_for("Gap (05000)");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Page 1 sur");
    // The filters by the keyboard (the last choices but one), then taps.
    kiosk.keys(&["\x1b[Z", "\x1b[Z"]);
    kiosk.wait_for_focus("▶ 2  Filtrer les lieux");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("[ ] gratuit");
    kiosk.tap("gratuit");
    kiosk.wait_for("[x] gratuit");
    kiosk.tap("gratuit");
    kiosk.wait_for("[ ] gratuit");
    // The keyboard as before.
    kiosk.keys(&[HOME]);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune");
    kiosk.signal("TERM");
    kiosk.wait_exit();
    assert!(!kiosk.mouse_reports(), "the mouse is given back at the end");
}

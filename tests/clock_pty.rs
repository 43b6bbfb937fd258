//! End-to-end: the running kiosk follows the wall clock. A kiosk started on Sunday 29 March
//! 2026 at 01:59 (one minute before the clocks go forward) whose wall clock then reads Monday
//! 30 March 10:15 says the lieux of Gap are open. libfaketime (Debian's `faketime`) moves the
//! wall clock of the real process; the monotonic clock stays true.
use crate::pty;

use std::path::Path;

use pty::*;

const LIBFAKETIME: &str = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

fn libfaketime() -> Option<&'static str> {
    if Path::new(LIBFAKETIME).exists() {
        return Some(LIBFAKETIME);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI needs libfaketime ({LIBFAKETIME}): .ci/run installs the faketime package"
    );
    eprintln!("skipped: {LIBFAKETIME} is absent (apt-get install faketime)");
    None
}

/// Searches "gap" from the welcome screen and returns the list of lieux.
fn lieux_of_gap(kiosk: &mut Kiosk) -> String {
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune :");
    kiosk.type_text("gap");
    kiosk.wait_for("  Gap (05000)");
    kiosk.keys(&[ENTER]);
    let list = kiosk.wait_for("Les lieux les plus proches de Gap (05000) :");
    list.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_kiosk_started_before_the_clock_change_follows_the_wall_clock() {
    let Some(lib) = libfaketime() else { return };
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("faketime");
    // The process runs in UTC: 00:59 UTC is 01:59 in Paris (winter time).
    std::fs::write(&clock, "@2026-03-29 00:59:00\n").unwrap();
    let clock_path = clock.to_str().unwrap().to_string();
    let mut kiosk = Kiosk::start_with(
        &[],
        80,
        24,
        &[
            ("BORNE_NOW", ""),
            ("TZ", "UTC"),
            ("LD_PRELOAD", lib),
            ("FAKETIME_TIMESTAMP_FILE", &clock_path),
            ("FAKETIME_NO_CACHE", "1"),
            ("FAKETIME_DONT_FAKE_MONOTONIC", "1"),
        ],
    );
    kiosk.wait_for("Bienvenue");
    let sunday = lieux_of_gap(&mut kiosk);
    assert!(sunday.contains("Fermé — ouvre demain"), "{sunday}");

    // The wall clock jumps (a suspend, an NTP step): Monday 08:15 UTC, 10:15 summer time.
    std::fs::write(&clock, "@2026-03-30 08:15:00\n").unwrap();
    kiosk.keys(&[HOME]);
    let screen = kiosk.wait_until(
        |s| s.contains("Revenir à l'accueil ?") || s.contains("Bienvenue"),
        "the welcome screen or its question",
    );
    if screen.contains("Revenir à l'accueil ?") {
        kiosk.keys(&["1"]);
    }
    kiosk.wait_for("Bienvenue");
    let monday = lieux_of_gap(&mut kiosk);
    assert!(
        monday.contains("Ouvert maintenant — ferme à 12 h"),
        "Monday 10:15 in Gap: {monday}"
    );
}

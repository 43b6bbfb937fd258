//! End-to-end: a database held by another program (another kiosk writing, a backup) never
//! freezes the screen: "Un instant…", then the technical-problem message; and a kiosk started
//! meanwhile starts at once.
use crate::pty;

use std::path::Path;
use std::sync::mpsc;

use borne::store::SqliteStore;
use pty::*;

/// Holds the database's write lock until told to let go (or 20 s pass).
fn hold(
    db: &Path,
) -> (
    mpsc::Sender<()>,
    std::thread::JoinHandle<()>,
    mpsc::Receiver<()>,
) {
    let (release, released) = mpsc::channel::<()>();
    let (held_tx, held) = mpsc::channel::<()>();
    let db = db.to_path_buf();
    let handle = std::thread::spawn(move || {
        let mut store = SqliteStore::open(&db).unwrap();
        store
            .immediate(|_| {
                held_tx.send(()).unwrap();
                let _ = released.recv_timeout(std::time::Duration::from_secs(20));
                Ok(())
            })
            .unwrap();
    });
    (release, handle, held)
}

#[test]
fn a_locked_database_shows_a_moment_then_the_problem_never_a_frozen_screen() {
    let mut kiosk = Kiosk::start();
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[ENTER, ENTER, DOWN, " ", DOWN, ENTER, ENTER]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    let (release, holder, held) = hold(&kiosk.db_path());
    held.recv().unwrap();
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Un instant…");
    // The kiosk still answers while it waits.
    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.keys(&[ESC]);
    let screen = kiosk.wait_for("Un problème technique nous empêche de continuer.");
    assert!(!screen.contains("Un instant…"), "{screen}");
    release.send(()).unwrap();
    holder.join().unwrap();
}

#[test]
fn a_kiosk_started_while_another_program_writes_starts_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    drop(SqliteStore::open(&db).unwrap());
    let (release, holder, held) = hold(&db);
    held.recv().unwrap();
    // An up-to-date database is only read at start: another writer does not stop it.
    let kiosk = Kiosk::start_on(&db);
    let screen = kiosk.wait_for("Bienvenue");
    assert!(!screen.contains("busy"), "{screen}");
    release.send(()).unwrap();
    holder.join().unwrap();
}

#[test]
fn a_write_ahead_log_deleted_while_the_kiosk_runs_stops_its_writing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("kiosk.log");
    let mut kiosk = Kiosk::start_logging(&[], &log);
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[ENTER, ENTER, DOWN, " ", DOWN, ENTER, ENTER]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    // A clean-up script or a backup tool removes the log under the running kiosk.
    let mut wal = kiosk.db_path().into_os_string();
    wal.push("-wal");
    std::fs::remove_file(&wal).unwrap();
    kiosk.keys(&[ENTER]);
    let screen = kiosk.wait_until(
        |s| s.contains("Un problème technique") || s.contains("Votre code"),
        "the booking's outcome",
    );
    assert!(screen.contains("Un problème technique"), "{screen}");
    // Not booked where no other kiosk would see it; the staff are told why.
    assert!(!screen.contains("Votre code"), "{screen}");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("write-ahead log"), "{logged}");
}

#[test]
fn a_damaged_database_is_found_once_the_welcome_shows_and_nothing_is_written_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("damaged.db");
    {
        let mut store = SqliteStore::open(&db).unwrap();
        store
            .immediate(|tx| {
                for i in 0..2000 {
                    tx.execute(
                        "INSERT INTO audit (at, actor, action) VALUES ('2026-03-01T09:00:00', 'admin', ?1)",
                        [format!("action {i}")],
                    )?;
                }
                Ok(())
            })
            .unwrap();
    }
    // A page in the middle overwritten (a crash, a disk).
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[4096 * 3..4096 * 4].fill(0x5a);
    std::fs::write(&db, &bytes).unwrap();
    let mut kiosk = Kiosk::start_on(&db);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["2", "1"]);
    kiosk.wait_for("Un problème technique nous empêche de continuer.");
}

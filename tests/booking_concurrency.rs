//! Several kiosk processes on one database file: never a double booking, never a lost one.
//! The workers are this test binary run again as child processes.
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

use borne::clock::parse_local;
use borne::domain::person::Person;
use borne::store::Bookings;
use borne::store::{Canceller, Move, NewBooking, Refusal, SqliteStore};
use chrono::{Duration, NaiveDateTime};

const DB: &str = "BORNE_TEST_DB";
const WORKER_ID: &str = "BORNE_TEST_WORKER";

fn now() -> NaiveDateTime {
    parse_local("2026-03-01T08:00").unwrap()
}

/// Slot `i`: 30-minute slots of one counsellor, six a morning.
fn slot(i: usize) -> (NaiveDateTime, NaiveDateTime) {
    let day = parse_local("2026-03-02T09:00").unwrap() + Duration::days((i / 6) as i64);
    let starts = day + Duration::minutes(30 * (i % 6) as i64);
    (starts, starts + Duration::minutes(30))
}

fn new_booking(i: usize, who: &str) -> NewBooking {
    let (starts, ends) = slot(i);
    NewBooking {
        counsellor: "camille".into(),
        motif: "telephone".into(),
        starts,
        ends,
        person: Person {
            first_name: who.into(),
            phone: Some("0612345678".into()),
            ..Person::default()
        },
        reminder: None,
        diagnostic: None,
        booked_by: borne::store::BookedBy::Kiosk,
        request_id: None,
    }
}

/// The harness's name of a test of this file: its path below the test binary's root.
fn harness_name(test: &str) -> String {
    match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::{test}"),
        None => test.to_string(),
    }
}

fn spawn_worker(test: &str, db: &std::path::Path, id: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &harness_name(test),
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(DB, db)
        .env(WORKER_ID, id.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Marks the workers' result lines: the test harness prints on the same stream (and may
/// start a line the worker finishes).
const MARK: &str = "@@ ";

/// The worker's results, "ok CODE SLOT" or "taken SLOT".
fn results(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|l| l.find(MARK).map(|at| l[at + MARK.len()..].to_string()))
        .collect()
}

#[test]
#[ignore = "a child process of four_processes_never_book_the_same_slot_twice"]
fn race_worker() {
    let db = std::env::var(DB).expect("run by the parent test");
    let id: usize = std::env::var(WORKER_ID).unwrap().parse().unwrap();
    let mut store = SqliteStore::open(std::path::Path::new(&db)).unwrap();
    let mut out = std::io::stdout().lock();
    for attempt in 0..200 {
        // Every worker walks all 30 slots, each in its own order.
        let i = (attempt * 7 + id * 11) % 30;
        match store
            .book(&new_booking(i, &format!("w{id}")), now())
            .unwrap()
        {
            Ok(code) => writeln!(out, "{MARK}ok {code} {i}").unwrap(),
            Err(Refusal::SlotTaken) => writeln!(out, "{MARK}taken {i}").unwrap(),
            Err(other) => panic!("{other:?}"),
        }
    }
}

#[test]
fn four_processes_never_book_the_same_slot_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("race.db");
    drop(SqliteStore::open(&db).unwrap());
    let workers: Vec<Child> = (0..4)
        .map(|id| spawn_worker("race_worker", &db, id))
        .collect();
    let mut lines = Vec::new();
    for worker in workers {
        let out = worker.wait_with_output().unwrap();
        assert!(out.status.success());
        lines.extend(results(&String::from_utf8(out.stdout).unwrap()));
    }
    assert_eq!(lines.len(), 4 * 200, "every attempt got an answer");
    let won: Vec<&String> = lines.iter().filter(|l| l.starts_with("ok ")).collect();
    assert_eq!(won.len(), 30, "exactly one booking per slot");
    let mut slots: Vec<&str> = won.iter().map(|l| l.split(' ').nth(2).unwrap()).collect();
    slots.sort();
    slots.dedup();
    assert_eq!(slots.len(), 30, "no slot twice");
    let mut codes: Vec<&str> = won.iter().map(|l| l.split(' ').nth(1).unwrap()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 30, "no code twice");
    let mut store = SqliteStore::open(&db).unwrap();
    let day = slot(0).0.date();
    assert_eq!(
        store
            .appointments_between(day, day + Duration::days(10))
            .unwrap()
            .len(),
        30
    );
}

#[test]
#[ignore = "a child process of a_killed_kiosk_loses_no_confirmed_booking"]
fn stream_worker() {
    let db = std::env::var(DB).expect("run by the parent test");
    let mut store = SqliteStore::open(std::path::Path::new(&db)).unwrap();
    let mut out = std::io::stdout();
    for i in 0..100_000 {
        let code = store
            .book(&new_booking(i, "stream"), now())
            .unwrap()
            .unwrap();
        // Printed only once committed: what the person would have been shown.
        writeln!(out, "{MARK}ok {code} {i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_killed_kiosk_loses_no_confirmed_booking() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    drop(SqliteStore::open(&db).unwrap());
    let mut worker = spawn_worker("stream_worker", &db, 0);
    let stdout = worker.stdout.take().unwrap();
    let mut confirmed = Vec::new();
    for line in BufReader::new(stdout).lines() {
        if let Some(result) = results(&line.unwrap()).first() {
            confirmed.push(result.split(' ').nth(1).unwrap().to_string());
        }
        if confirmed.len() == 150 {
            // SIGKILL in the middle of the stream.
            worker.kill().unwrap();
            break;
        }
    }
    worker.wait().unwrap();
    let mut store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    for code in &confirmed {
        assert!(
            store.appointment(code).unwrap().is_some(),
            "{code} was confirmed"
        );
    }
    let day = slot(0).0.date();
    let all = store
        .appointments_between(day, day + Duration::days(100_000 / 6 + 1))
        .unwrap();
    let mut codes: Vec<&str> = all.iter().map(|a| a.code.as_str()).collect();
    let n = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), n, "every booking once");
    assert!(n >= confirmed.len());
}

/// The bookings the cancel-versus-move race works on, and where each may move.
const RACED: usize = 24;

fn moved_to(i: usize) -> Move {
    // Thirty slots further: free, and never the other bookings'.
    let (starts, ends) = slot(i + 30);
    Move {
        counsellor: "camille".into(),
        starts,
        ends,
        reminder: None,
    }
}

#[test]
#[ignore = "a child process of a_cancelled_booking_never_keeps_its_time"]
fn cancel_or_move_worker() {
    let db = std::env::var(DB).expect("run by the parent test");
    let id: usize = std::env::var(WORKER_ID).unwrap().parse().unwrap();
    let mut store = SqliteStore::open(std::path::Path::new(&db)).unwrap();
    let codes: Vec<String> = std::env::var("BORNE_TEST_CODES")
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    let mut out = std::io::stdout().lock();
    for (i, code) in codes.iter().enumerate() {
        let outcome = if id == 0 {
            let by = Canceller::StaffForCitizen {
                actor: "test".into(),
            };
            store.cancel(code, &by, now()).unwrap()
        } else {
            store.reschedule(code, &moved_to(i), None).unwrap()
        };
        writeln!(out, "{MARK}{i} {outcome:?}").unwrap();
    }
}

#[test]
fn a_cancelled_booking_never_keeps_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cancel-move.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let codes: Vec<String> = (0..RACED)
        .map(|i| {
            store
                .book(&new_booking(i, "Marie"), now())
                .unwrap()
                .unwrap()
        })
        .collect();
    drop(store);
    // One process cancels every booking while another moves each of them.
    let workers: Vec<Child> = (0..2)
        .map(|id| {
            let mut c = Command::new(std::env::current_exe().unwrap());
            c.args([
                "--exact",
                &harness_name("cancel_or_move_worker"),
                "--ignored",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(DB, &db)
            .env(WORKER_ID, id.to_string())
            .env("BORNE_TEST_CODES", codes.join(","))
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
            c.spawn().unwrap()
        })
        .collect();
    for worker in workers {
        let out = worker.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(
            results(&String::from_utf8(out.stdout).unwrap()).len(),
            RACED
        );
    }
    let mut store = SqliteStore::open(&db).unwrap();
    for (i, code) in codes.iter().enumerate() {
        let a = store.appointment(code).unwrap().unwrap();
        assert!(
            a.status.cancelled(),
            "{code}: the cancel always wins in the end"
        );
        // Neither its first time nor the one it may have moved to is still held.
        for (starts, ends) in [slot(i), (moved_to(i).starts, moved_to(i).ends)] {
            let probe = NewBooking {
                starts,
                ends,
                ..new_booking(i, "probe")
            };
            assert!(
                store.book(&probe, now()).unwrap().is_ok(),
                "{code} (cancelled) still holds {starts}"
            );
        }
    }
}

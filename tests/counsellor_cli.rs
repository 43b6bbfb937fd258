//! `borne export agenda|activites`, `borne purge`, `borne stats`.
use borne::store::Bookings;
use std::path::Path;
use std::process::Command;

use borne::clock::parse_local;
use borne::domain::person::Person;
use borne::store::{NewBooking, SqliteStore, Status};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime};

fn borne(db: &Path, now: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_borne"));
    cmd.env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", now)
        .arg("--config")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config"))
        .arg("--db")
        .arg(db);
    cmd
}

fn book(store: &mut SqliteStore, counsellor: &str, starts: &str, name: &str) -> String {
    let starts = parse_local(starts).unwrap();
    store
        .book(
            &NewBooking {
                counsellor: counsellor.into(),
                motif: "demarche".into(),
                starts,
                ends: starts + chrono::Duration::minutes(45),
                person: Person {
                    first_name: name.into(),
                    phone: Some("0612345678".into()),
                    ..Person::default()
                },
                reminder: None,
                diagnostic: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            parse_local("2026-03-01T09:00").unwrap(),
        )
        .unwrap()
        .unwrap()
}

#[test]
fn the_agenda_file_parses_back_with_paris_times_and_no_phone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let mut store = SqliteStore::open(&db).unwrap();
    // Winter and summer: 09:00 in Paris is 08:00 then 07:00 UTC.
    book(&mut store, "camille", "2026-03-03T09:00", "Marie");
    book(&mut store, "camille", "2026-04-02T09:00", "Ali");
    book(&mut store, "karim", "2026-03-04T09:00", "Paul");
    // Booked without a first name (#27): "(sans prénom)", not a bare dash.
    book(&mut store, "camille", "2026-03-05T09:00", "");
    let out = borne(&db, "2026-03-02T10:00")
        .args([
            "export",
            "agenda",
            "--counsellor",
            "Camille",
            "--from",
            "2026-03-02",
            "--to",
            "2026-04-30",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("0612345678") && !text.contains("06 12"),
        "no phone in the agenda file"
    );
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    let start_of = |summary: &str| {
        let e = events
            .iter()
            .find(|e| e.get_summary().is_some_and(|s| s.starts_with(summary)))
            .unwrap();
        match e.get_start() {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t.naive_utc(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        start_of("Marie — Aide pour une démarche en ligne"),
        parse_local("2026-03-03T08:00").unwrap()
    );
    assert_eq!(start_of("Ali"), parse_local("2026-04-02T07:00").unwrap());
    assert_eq!(
        start_of("(sans prénom) — Aide pour une démarche en ligne"),
        parse_local("2026-03-05T08:00").unwrap()
    );
    assert!(
        events
            .iter()
            .all(|e| !e.get_summary().unwrap_or_default().contains("Paul")),
        "Karim's only"
    );
    assert!(
        events.iter().any(|e| e
            .get_summary()
            .unwrap_or_default()
            .starts_with("Atelier : ")),
        "workshops too"
    );
}

/// The counsellor marks the person after the appointment.
fn mark(store: &mut SqliteStore, code: &str, status: Status) {
    let after = borne::clock::parse_local("2026-03-03T18:00").unwrap();
    store
        .set_status(code, status, after, "camille", after)
        .unwrap()
        .unwrap();
}

#[test]
fn retention_erases_names_and_phones_and_keeps_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let code = book(&mut store, "camille", "2026-03-03T09:00", "Marie");
    mark(&mut store, &code, Status::Present);
    drop(store);
    // 30 days after is not yet past the retention.
    let out = borne(&db, "2026-04-02T09:00")
        .arg("purge")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("0 appointments erased"));
    let out = borne(&db, "2026-04-03T10:00")
        .arg("purge")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.starts_with("1 appointments erased"), "{said}");
    assert!(!said.contains("Marie"), "counts, never names");
    let mut store = SqliteStore::open(&db).unwrap();
    let erased = store.appointment(&code).unwrap().unwrap();
    assert_eq!(erased.person, Person::default());
    assert_eq!(
        erased.status,
        Status::Present,
        "what happened stays for the statistics"
    );
    let out = borne(&db, "2026-04-03T10:00")
        .args([
            "stats",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--json",
        ])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["weeks"][0]["bookings"], 1);
    assert_eq!(stats["weeks"][0]["present"], 1);
}

#[test]
fn stats_show_bars_with_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let a = book(&mut store, "camille", "2026-03-03T09:00", "A");
    let b = book(&mut store, "camille", "2026-03-03T10:30", "B");
    mark(&mut store, &a, Status::Present);
    mark(&mut store, &b, Status::Absent);
    drop(store);
    let out = borne(&db, "2026-03-09T10:00")
        .args(["stats", "--from", "2026-03-02", "--to", "2026-03-08"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Semaine du lundi 2 mars"), "{text}");
    assert!(
        text.contains("Présents 1 · absents 1 (absence 50\u{a0}%) · annulés 0"),
        "{text}"
    );
    assert!(text.contains('█'), "{text}");
    // Short lines: a terminal of 80 columns shows them whole.
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn the_statistics_and_the_booking_list_give_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let a = book(&mut store, "camille", "2026-03-03T09:00", "A");
    let b = book(&mut store, "camille", "2026-03-03T10:30", "B");
    let c = book(&mut store, "karim", "2026-03-04T09:00", "C");
    book(&mut store, "karim", "2026-03-06T09:00", "D");
    mark(&mut store, &a, Status::Present);
    mark(&mut store, &b, Status::Absent);
    let by = borne::store::Canceller::StaffForCitizen {
        actor: "test".into(),
    };
    store
        .cancel(&c, &by, parse_local("2026-03-02T09:00").unwrap())
        .unwrap()
        .unwrap();
    drop(store);
    let range = ["--from", "2026-03-02", "--to", "2026-03-08"];
    let out = borne(&db, "2026-03-09T10:00")
        .args(["stats", "--json"])
        .args(range)
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let week = &stats["weeks"][0];
    assert_eq!(stats["total"]["bookings"], week["bookings"]);
    let out = borne(&db, "2026-03-09T10:00")
        .args(["booking", "list"])
        .args(range)
        .output()
        .unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    let summary = list.lines().last().unwrap();
    assert_eq!(
        summary,
        format!(
            "Du lundi 2 mars au dimanche 8 mars : {} rendez-vous (présents {}, absents {}, annulés {}), {} inscriptions aux ateliers sur {} places",
            week["bookings"],
            week["present"],
            week["absent"],
            week["cancelled"],
            week["workshop_registered"],
            week["workshop_seats"]
        )
    );
    assert!(
        summary.contains(": 4 rendez-vous (présents 1, absents 1, annulés 1)"),
        "{summary}"
    );
    let out = borne(&db, "2026-03-09T10:00")
        .arg("stats")
        .args(range)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Présents 1 · absents 1"), "{text}");
}

#[test]
fn an_upside_down_or_impossible_range_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let out = borne(&db, "2026-03-09T10:00")
        .args([
            "export",
            "activites",
            "--from",
            "2026-03-31",
            "--to",
            "2026-03-01",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "borne: --from 2026-03-31 is after --to 2026-03-01: nothing lies between"
    );
    let out = borne(&db, "2026-03-09T10:00")
        .args([
            "export",
            "activites",
            "--from",
            "2026-02-30",
            "--to",
            "2026-03-01",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--from \"2026-02-30\" is not a day that exists"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = borne(&db, "2026-03-09T10:00")
        .args(["stats", "--from", "2026-03-09", "--to", "2026-03-02"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Whether `needle` appears anywhere in the bytes of the database or its journal files.
fn in_database_files(db: &Path, needle: &str) -> bool {
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut path = db.as_os_str().to_owned();
        path.push(suffix);
        std::fs::read(&path)
            .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
            .unwrap_or(false)
    })
}

#[test]
fn purged_personal_data_is_gone_from_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let starts = parse_local("2026-03-03T09:00").unwrap();
    store
        .book(
            &NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts,
                ends: starts + chrono::Duration::minutes(45),
                person: Person {
                    first_name: "Zéphyrine".into(),
                    phone: Some("+33687654321".into()),
                    email: Some("zephyrine.quelquepart@example.org".into()),
                    ..Person::default()
                },
                reminder: Some(borne::store::Reminder {
                    due: starts - chrono::Duration::hours(48),
                    recipient: "+33687654321".into(),
                    message: "Rappel pour Zéphyrine".into(),
                }),
                // Long enough to spill onto overflow pages, which erasing frees.
                diagnostic: Some(format!(
                    r#"{{"secret":"allocations CAF","notes":"{}"}}"#,
                    "réponse ".repeat(800)
                )),
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            parse_local("2026-03-01T09:00").unwrap(),
        )
        .unwrap()
        .unwrap();
    // The gateway refuses the reminder, quoting what it was given.
    let gateway: Vec<String> = [
        "sh",
        "-c",
        "echo \"GATEWAY-SAID refused $1: $(cat)\" >&2; exit 1",
        "gw",
    ]
    .map(String::from)
    .to_vec();
    let report = borne::store::outbox::send_due(
        &mut store,
        &gateway,
        parse_local("2026-03-02T09:00").unwrap(),
        std::time::Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(report.failed, 1);
    drop(store);
    let connection = rusqlite::Connection::open(&db).unwrap();
    let last_error: String = connection
        .query_row("SELECT last_error FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        last_error, "sh failed (exit status: 1)",
        "the gateway's output kept"
    );
    // What an older borne kept of the same failure, the gateway's output with it.
    connection
        .execute(
            "UPDATE outbox SET last_error = ?1",
            [format!(
                "{last_error}: GATEWAY-SAID refused +33687654321: Rappel pour Zéphyrine"
            )],
        )
        .unwrap();
    drop(connection);
    assert!(in_database_files(&db, "Zéphyrine"), "written at first");
    let out = borne(&db, "2026-04-03T10:00")
        .arg("purge")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for personal in [
        "GATEWAY-SAID",
        "Zéphyrine",
        "687654321",
        "zephyrine.quelquepart",
        "allocations CAF",
    ] {
        assert!(
            !in_database_files(&db, personal),
            "{personal:?} still readable in the database file after purge"
        );
    }
}

#[test]
fn a_database_file_is_only_its_owners_and_an_empty_file_is_no_database() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    drop(SqliteStore::open(&db).unwrap());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(SqliteStore::open(&db).unwrap());
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let err = SqliteStore::open(&empty).err().unwrap();
    assert!(
        err.cause()
            .contains("the file is empty, not a borne database"),
        "{err}"
    );
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "des notes, pas une base de données\n".repeat(200)).unwrap();
    let err = SqliteStore::open(&text).err().unwrap();
    assert!(err.cause().contains("not a SQLite database"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "des notes, pas une base de données\n".repeat(200),
        "left as it was"
    );
}

//! The network's agenda on a real PostgreSQL (started from the system's binaries, see
//! `pg/mod.rs`): the database itself refuses a counsellor in two places at once, whichever
//! kiosk books, however many book at the same moment.
mod pg;

use std::sync::{Arc, Barrier};

use borne::calendar::Calendar;
use borne::domain::person::Person;
use borne::store::Bookings;
use borne::store::postgres::{PgStore, latest};
use borne::store::{BookedBy, NewBooking, Refusal};
use chrono::NaiveDateTime;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

fn gap() -> Calendar {
    Calendar::of_postal_code("05000")
}

fn booking(counsellor: &str, starts: &str, ends: &str) -> NewBooking {
    NewBooking {
        counsellor: counsellor.into(),
        motif: "demarche".into(),
        starts: at(starts),
        ends: at(ends),
        person: Person {
            first_name: "Marie".into(),
            last_initial: None,
            phone: Some("+33612345678".into()),
            email: None,
        },
        reminder: None,
        diagnostic: None,
        booked_by: BookedBy::Kiosk,
    }
}

fn open(url: &str, help_point: &str) -> PgStore {
    let mut store = PgStore::open(url, help_point, gap()).unwrap();
    store.declare_help_point(help_point).unwrap();
    store
}

fn count(url: &str, sql: &str) -> i64 {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client.query_one(sql, &[]).unwrap().get(0)
}

const NOW: &str = "2026-03-02T10:15";

#[test]
fn the_schema_is_created_upgraded_once_and_a_newer_one_refused() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("schema");
    assert_eq!(PgStore::migrate(&url).unwrap(), (0, latest()));
    assert_eq!(PgStore::migrate(&url).unwrap(), (latest(), latest()));
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .execute("UPDATE borne_schema SET version = 99", &[])
        .unwrap();
    let e = PgStore::migrate(&url).unwrap_err();
    assert!(
        e.contains("schema version 99 is newer than this borne knows"),
        "{e}"
    );
}

#[test]
fn a_counsellor_is_never_booked_twice_at_once_across_help_points() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("overlap");
    let mut gap_kiosk = open(&url, "mairie-gap");
    let mut embrun_kiosk = open(&url, "mediatheque-embrun");
    let now = at(NOW);
    let first = gap_kiosk
        .book(
            &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
            now,
        )
        .unwrap();
    assert!(first.is_ok(), "{first:?}");
    // Karim cannot be at Embrun during his appointment at Gap, even for a quarter of an hour.
    assert_eq!(
        embrun_kiosk
            .book(
                &booking("karim", "2026-03-05T10:30", "2026-03-05T11:00"),
                now
            )
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
    // Half-open: the next appointment may start when the first ends; others are free.
    assert!(
        embrun_kiosk
            .book(
                &booking("karim", "2026-03-05T10:45", "2026-03-05T11:15"),
                now
            )
            .unwrap()
            .is_ok()
    );
    assert!(
        embrun_kiosk
            .book(
                &booking("camille", "2026-03-05T10:00", "2026-03-05T10:45"),
                now
            )
            .unwrap()
            .is_ok()
    );
    let busy = gap_kiosk
        .busy(at(NOW).date(), at("2026-03-06T00:00").date())
        .unwrap();
    let karim: Vec<String> = busy
        .iter()
        .filter(|b| b.counsellor == "karim")
        .map(|b| format!("{}–{}", b.starts.format("%H:%M"), b.ends.format("%H:%M")))
        .collect();
    assert_eq!(karim, ["10:00–10:45", "10:45–11:15"]);

    // A cancelled appointment frees its time, by the database's own rule.
    let code = first.unwrap();
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .execute(
            "UPDATE booking SET status = 'annulé par l''usager' WHERE code = $1",
            &[&code],
        )
        .unwrap();
    assert!(
        embrun_kiosk
            .book(
                &booking("karim", "2026-03-05T10:00", "2026-03-05T10:30"),
                now
            )
            .unwrap()
            .is_ok()
    );
}

#[test]
fn an_absence_and_an_appointment_exclude_each_other() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("absence");
    let mut kiosk = open(&url, "mairie-gap");
    let now = at(NOW);
    assert_eq!(
        kiosk
            .add_absence("karim", at("2026-03-05T09:00"), at("2026-03-05T12:00"))
            .unwrap(),
        Ok(())
    );
    assert_eq!(
        kiosk
            .book(
                &booking("karim", "2026-03-05T11:30", "2026-03-05T12:15"),
                now
            )
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
    assert!(
        kiosk
            .book(
                &booking("karim", "2026-03-05T14:00", "2026-03-05T14:45"),
                now
            )
            .unwrap()
            .is_ok()
    );
    assert_eq!(
        kiosk
            .add_absence("karim", at("2026-03-05T14:30"), at("2026-03-05T17:00"))
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
}

#[test]
fn eight_kiosks_racing_for_one_slot_make_exactly_one_booking() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("race");
    drop(open(&url, "mairie-gap"));
    let start = Arc::new(Barrier::new(8));
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                // Each its own connection: eight sessions on the server, as eight kiosks.
                let mut kiosk = open(&url, &format!("kiosk-{i}"));
                start.wait();
                kiosk
                    .book(
                        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
                        at(NOW),
                    )
                    .unwrap()
            })
        })
        .collect();
    let results: Vec<_> = racers.into_iter().map(|r| r.join().unwrap()).collect();
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .all(|r| r.is_ok() || *r == Err(Refusal::SlotTaken))
    );
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 1);
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM occupation a JOIN occupation b
             ON a.id < b.id AND a.counsellor = b.counsellor AND a.during && b.during"
        ),
        0
    );
}

#[test]
fn a_refused_connection_never_shows_the_password() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("secret");
    let wrong = url.replace("postgres@", "nobody:s3cret-word@");
    let e = PgStore::open(&wrong, "mairie-gap", gap()).err().unwrap();
    assert!(!e.contains("s3cret-word"), "{e}");
    assert!(e.contains("nobody@"), "{e}");
}

fn borne(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
        .args(args)
        .env(
            "BORNE_CONFIG",
            concat!(env!("CARGO_MANIFEST_DIR"), "/kiosk-config"),
        )
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn borne_db_migrate_creates_then_finds_the_schema_up_to_date_on_both_backends() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("borne.db");
    let file = file.to_str().unwrap();
    let (ok, said, _) = borne(&["db", "migrate", "--db", file]);
    assert!(ok);
    assert!(
        said.ends_with("borne.db: schema created (version 11)\n"),
        "{said}"
    );
    let (ok, said, _) = borne(&["db", "migrate", "--db", file]);
    assert!(
        ok && said.ends_with("borne.db: schema up to date (version 11)\n"),
        "{said}"
    );

    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("cli");
    let (ok, said, _) = borne(&["db", "migrate", "--db", &url]);
    assert!(ok, "{said}");
    assert_eq!(
        said,
        format!("{url}: schema created (version {})\n", latest())
    );
    let (ok, said, _) = borne(&["db", "migrate", "--db", &url]);
    assert!(ok);
    assert_eq!(
        said,
        format!("{url}: schema up to date (version {})\n", latest())
    );

    let wrong = url.replace("postgres@", "nobody:s3cret-word@");
    let (ok, said, told) = borne(&["db", "migrate", "--db", &wrong]);
    assert!(!ok && said.is_empty());
    assert!(
        told.starts_with("borne: database postgresql://nobody@"),
        "{told}"
    );
    assert!(!told.contains("s3cret-word"), "{told}");
    assert_eq!(told.lines().count(), 1, "{told}");
}

#[test]
fn eight_kiosks_registering_at_once_never_exceed_the_seats() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("seats");
    drop(open(&url, "mairie-gap"));
    let start = Arc::new(Barrier::new(8));
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                let mut kiosk = open(&url, &format!("kiosk-{i}"));
                start.wait();
                kiosk
                    .register(
                        &borne::store::NewRegistration {
                            workshop: "email@2026-03-04".into(),
                            starts: at("2026-03-04T14:00"),
                            ends: at("2026-03-04T16:00"),
                            seats: 3,
                            person: Person {
                                first_name: format!("Personne {i}"),
                                ..Person::default()
                            },
                            reminder: None,
                            booked_by: BookedBy::Kiosk,
                        },
                        at(NOW),
                    )
                    .unwrap()
            })
        })
        .collect();
    let results: Vec<_> = racers.into_iter().map(|r| r.join().unwrap()).collect();
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        3,
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .all(|r| r.is_ok() || *r == Err(Refusal::Full))
    );
    assert_eq!(count(&url, "SELECT count(*) FROM registration"), 3);
}

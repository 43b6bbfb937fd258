//! Booking speed: `cargo bench --bench booking`. Goals: free slots of 10 counsellors over
//! 3 months in 5 ms or less; a booking commit (reported).
use borne::store::Bookings;
use std::fmt::Write;
use std::path::Path;

use borne::booking::agenda::{Agenda, parse};
use borne::booking::slots::free_slots;
use borne::clock::parse_local;
use borne::domain::person::Person;
use borne::store::Busy;
use borne::store::{NewBooking, SqliteStore};
use chrono::Duration;
use divan::Bencher;

fn main() {
    divan::main();
}

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$eWa/S3TQeDgKzzHaPKNXSg$INcWuyxs7FjsU8vswNHNk+e0qAyyfZin18E0gflUX90";

/// Ten counsellors, each Monday to Friday 09:00–12:00 and 14:00–17:00, a 30-minute motif
/// bookable 13 weeks ahead.
fn agenda() -> Agenda {
    let mut text = String::from(
        "[[motif]]\nid = \"rdv\"\nduration_minutes = 30\nhorizon_weeks = 13\nmin_delay_hours = 2\n",
    );
    for c in 0..10 {
        write!(
            text,
            // The salt differs per counsellor: each has a PIN of their own.
            "[[counsellor]]\nid = \"c{c}\"\nname = \"C{c}\"\npin_hash = \"{}\"\n",
            HASH.replace("eWa/S3TQ", &format!("eWa/S{c:03}"))
        )
        .unwrap();
        for (start, end) in [("09:00", "12:00"), ("14:00", "17:00")] {
            write!(
                text,
                "[[plage]]\ncounsellor = \"c{c}\"\ndays = [\"lundi\", \"mardi\", \"mercredi\", \"jeudi\", \"vendredi\"]\nstart = \"{start}\"\nend = \"{end}\"\nvalid_from = \"2026-01-01\"\nmotifs = [\"rdv\"]\n"
            )
            .unwrap();
        }
    }
    parse(
        Path::new("bench.toml"),
        &text,
        None,
        borne::calendar::Calendar::default(),
    )
    .unwrap()
}

#[divan::bench]
fn free_slots_10_counsellors_3_months(bencher: Bencher) {
    let agenda = agenda();
    let now = parse_local("2026-03-02T08:00").unwrap();
    // A third of the slots already booked.
    let all = free_slots(&agenda, 0, &[], now);
    let busy: Vec<Busy> = all
        .iter()
        .step_by(3)
        .map(|s| Busy {
            counsellor: agenda.counsellors[s.counsellor].id.clone(),
            starts: s.starts,
            ends: s.ends,
        })
        .collect();
    bencher.bench_local(|| free_slots(&agenda, 0, divan::black_box(&busy), now).len());
}

#[divan::bench]
fn booking_commit(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("bench.db")).unwrap();
    let now = parse_local("2026-03-01T08:00").unwrap();
    let mut i = 0i64;
    bencher.bench_local(|| {
        let starts = parse_local("2026-03-02T09:00").unwrap() + Duration::minutes(30 * i);
        i += 1;
        store
            .book(
                &NewBooking {
                    counsellor: "c0".into(),
                    motif: "rdv".into(),
                    starts,
                    ends: starts + Duration::minutes(30),
                    person: Person {
                        first_name: "Marie".into(),
                        phone: Some("0612345678".into()),
                        ..Person::default()
                    },
                    reminder: None,
                    diagnostic: None,
                    booked_by: borne::store::BookedBy::CommandLine,
                    request_id: None,
                },
                now,
            )
            .unwrap()
            .unwrap()
    });
}

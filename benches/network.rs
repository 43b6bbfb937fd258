//! 20 kiosks of a network, 50 booking attempts each, on the same 30 slots of one counsellor,
//! through PostgreSQL on a Unix socket (a throwaway server, as in the tests): exactly 30
//! bookings, no overlap (checked by SQL), and the latency of an attempt. Each kiosk has shown
//! the week's slots before (as a kiosk does before anyone books); all start at once. Twice:
//! bookings alone, then each with a reminder to queue. A figure, not a test:
//! `cargo bench --bench network`.
#[path = "../tests/pg/mod.rs"]
mod pg;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use borne::calendar::Calendar;
use borne::domain::person::Person;
use borne::store::postgres::PgStore;
use borne::store::{BookedBy, Bookings, NewBooking, Reminder};
use chrono::NaiveDateTime;

const KIOSKS: usize = 20;
const ATTEMPTS: usize = 50;
const SLOTS: usize = 30;

fn slot(i: usize) -> (NaiveDateTime, NaiveDateTime) {
    let day = NaiveDateTime::parse_from_str("2026-03-03T09:00", "%Y-%m-%dT%H:%M").unwrap();
    let starts = day
        + chrono::Duration::days((i / 6) as i64)
        + chrono::Duration::minutes(45 * (i % 6) as i64);
    (starts, starts + chrono::Duration::minutes(45))
}

fn main() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    run(&server.database("alone"), false);
    run(&server.database("reminded"), true);
}

fn run(url: &str, reminded: bool) {
    let url = url.to_string();
    let calendar = Calendar::of_postal_code("05000");
    {
        let mut first = PgStore::open(&url, "kiosk-0", calendar).unwrap();
        first.declare_help_point("kiosk-0").unwrap();
    }
    let start = Arc::new(Barrier::new(KIOSKS));
    let kiosks: Vec<_> = (0..KIOSKS)
        .map(|k| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                let id = format!("kiosk-{k}");
                let mut store = PgStore::open(&url, &id, calendar).unwrap();
                store.declare_help_point(&id).unwrap();
                let now =
                    NaiveDateTime::parse_from_str("2026-03-02T10:15", "%Y-%m-%dT%H:%M").unwrap();
                store
                    .busy(now.date(), now.date() + chrono::Duration::days(7))
                    .unwrap();
                start.wait();
                let mut times = Vec::with_capacity(ATTEMPTS);
                let mut booked = 0;
                for a in 0..ATTEMPTS {
                    // Each kiosk walks the slots from its own place, so they collide often.
                    let (starts, ends) = slot((k * 7 + a) % SLOTS);
                    let new = NewBooking {
                        counsellor: "camille".into(),
                        motif: "demarche".into(),
                        starts,
                        ends,
                        person: Person {
                            first_name: format!("Personne {k}-{a}"),
                            ..Person::default()
                        },
                        reminder: reminded.then(|| Reminder {
                            due: starts - chrono::Duration::days(2),
                            recipient: "+33612345678".into(),
                            message: "Rappel : rendez-vous %CODE%".into(),
                        }),
                        diagnostic: None,
                        booked_by: BookedBy::Kiosk,
                        request_id: None,
                    };
                    let t = Instant::now();
                    let outcome = store.book(&new, now).unwrap();
                    times.push(t.elapsed());
                    booked += usize::from(outcome.is_ok());
                }
                (times, booked)
            })
        })
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut booked = 0;
    for k in kiosks {
        let (t, b) = k.join().unwrap();
        times.extend(t);
        booked += b;
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let rows: i64 = client
        .query_one("SELECT count(*) FROM booking", &[])
        .unwrap()
        .get(0);
    let overlaps: i64 = client
        .query_one(
            "SELECT count(*) FROM booking a JOIN booking b ON a.id < b.id
               AND a.counsellor = b.counsellor
               AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)",
            &[],
        )
        .unwrap()
        .get(0);
    println!(
        "{KIOSKS} kiosks × {ATTEMPTS} attempts on {SLOTS} slots{}: {booked} booked ({rows} rows), {overlaps} overlaps; \
         attempt latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        if reminded {
            ", each with a reminder"
        } else {
            ""
        },
        at(0.50).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
        times.last().unwrap().as_secs_f64() * 1000.0
    );
    assert_eq!((booked, rows, overlaps), (SLOTS, SLOTS as i64, 0));
}

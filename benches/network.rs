//! N kiosks of a network (20 unless given: `cargo bench --bench network -- 5 10 20 40`), 50
//! booking attempts each, on the same 30 slots of one counsellor, through PostgreSQL on a
//! Unix socket (a throwaway server, as in the tests): exactly 30 bookings, no overlap
//! (checked by SQL), and the latency of an attempt. Each kiosk has connected and shown the
//! week's slots before (as a kiosk does before anyone books); all start at once. Twice:
//! bookings alone, then each with a reminder to queue. Where the tail comes from: the
//! connection's start (timed apart), a kiosk's first attempt against its others, attempts
//! that booked against those refused (the slot taken: they waited on another's lock), and
//! the same kiosks sending a bare `SELECT 1` at once (the machine's own scheduling, no
//! booking at all). Each connection is warmed up as a kiosk's is (`PgStore::warm_up`);
//! `COLD=1` leaves them cold. A figure, not a test.
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
    // `cargo bench` adds `--bench`: only the numbers are kiosk counts.
    let mut counts: Vec<usize> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    if counts.is_empty() {
        counts.push(KIOSKS);
    }
    let Some(server) = pg::Server::start() else {
        return;
    };
    for kiosks in counts {
        run(&server.database(&format!("alone{kiosks}")), kiosks, false);
        run(&server.database(&format!("reminded{kiosks}")), kiosks, true);
        round_trips(&server.database(&format!("bare{kiosks}")), kiosks);
    }
}

/// The p50 and p99 of some times, in ms.
fn quantiles(times: &mut [Duration]) -> String {
    if times.is_empty() {
        return "none".into();
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    format!(
        "p50 {:.2} ms, p99 {:.2} ms",
        at(0.50).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0
    )
}

/// `kiosks` connections sending `SELECT 1`, ATTEMPTS times each, all at once: the round
/// trip's own tail on this machine, without any booking.
fn round_trips(url: &str, kiosks: usize) {
    let start = Arc::new(Barrier::new(kiosks));
    let threads: Vec<_> = (0..kiosks)
        .map(|_| {
            let (url, start) = (url.to_string(), start.clone());
            std::thread::spawn(move || {
                let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                let statement = client.prepare("SELECT 1").unwrap();
                start.wait();
                (0..ATTEMPTS)
                    .map(|_| {
                        let t = Instant::now();
                        client.query_one(&statement, &[]).unwrap();
                        t.elapsed()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut times: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    println!(
        "  {kiosks} connections sending SELECT 1 at once: {}",
        quantiles(&mut times)
    );
}

fn run(url: &str, kiosks: usize, reminded: bool) {
    let url = url.to_string();
    let calendar = Calendar::of_postal_code("05000");
    {
        let mut first = PgStore::open(&url, "kiosk-0", calendar).unwrap();
        first.declare_help_point("kiosk-0").unwrap();
    }
    // COLD=1: the connections are not warmed up (as before kiosks did it).
    let warmed = std::env::var_os("COLD").is_none();
    let start = Arc::new(Barrier::new(kiosks));
    let threads: Vec<_> = (0..kiosks)
        .map(|k| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                let id = format!("kiosk-{k}");
                let connecting = Instant::now();
                let mut store = PgStore::open(&url, &id, calendar).unwrap();
                store.declare_help_point(&id).unwrap();
                let now =
                    NaiveDateTime::parse_from_str("2026-03-02T10:15", "%Y-%m-%dT%H:%M").unwrap();
                // As a kiosk's network connection does (`store::protocol::Network`).
                if warmed {
                    store.warm_up(now).unwrap();
                }
                let connected = connecting.elapsed();
                store
                    .busy(now.date(), now.date() + chrono::Duration::days(7))
                    .unwrap();
                start.wait();
                // (latency, first attempt of this kiosk, booked)
                let mut times = Vec::with_capacity(ATTEMPTS);
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
                        // As a kiosk's booking carries it (`store::protocol`).
                        request_id: Some(format!("{k}-{a}")),
                    };
                    let t = Instant::now();
                    let outcome = store.book(&new, now).unwrap();
                    times.push((t.elapsed(), a == 0, outcome.is_ok()));
                }
                (connected, times)
            })
        })
        .collect();
    let mut attempts = Vec::new();
    let mut connects = Vec::new();
    for k in threads {
        let (connected, t) = k.join().unwrap();
        connects.push(connected);
        attempts.extend(t);
    }
    let booked = attempts.iter().filter(|(_, _, ok)| *ok).count();
    let pick = |keep: &dyn Fn(&(Duration, bool, bool)) -> bool| -> Vec<Duration> {
        attempts
            .iter()
            .filter(|a| keep(a))
            .map(|(t, _, _)| *t)
            .collect()
    };
    let mut times = pick(&|_| true);
    times.sort();
    // The slowest 1 %: how many were a kiosk's first attempt, how many booked.
    let slowest = times[(times.len() * 99 / 100).min(times.len() - 1)];
    let tail: Vec<_> = attempts.iter().filter(|(t, _, _)| *t >= slowest).collect();
    let tail_first = tail.iter().filter(|(_, first, _)| *first).count();
    let tail_booked = tail.iter().filter(|(_, _, ok)| *ok).count();
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
        "{kiosks} kiosks × {ATTEMPTS} attempts on {SLOTS} slots{}: {booked} booked ({rows} rows), {overlaps} overlaps; \
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
    println!(
        "  connecting (before, apart): {}; a kiosk's first attempt: {}, its others: {}; \
         booked: {}, refused (slot taken): {}; the slowest 1 % ({} attempts): {} first \
         attempts, {} booked",
        quantiles(&mut connects),
        quantiles(&mut pick(&|(_, first, _)| *first)),
        quantiles(&mut pick(&|(_, first, _)| !*first)),
        quantiles(&mut pick(&|(_, _, ok)| *ok)),
        quantiles(&mut pick(&|(_, _, ok)| !*ok)),
        tail.len(),
        tail_first,
        tail_booked
    );
    assert_eq!((booked, rows, overlaps), (SLOTS, SLOTS as i64, 0));
}

//! 20 kiosks of one help point issuing tickets while 5 counsellors call, through PostgreSQL
//! on a Unix socket (a throwaway server, as in the tests): numbers without gap or double,
//! each ticket called once, and the latency of a ticket and of a call (the goal: p99 under
//! 20 ms). A figure, not a test: `cargo bench --bench queue`.
#[path = "../tests/pg/mod.rs"]
mod pg;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use borne::calendar::Calendar;
use borne::domain::queue::NewEntry;
use borne::store::postgres::PgStore;
use borne::store::{Caller, Queue, QueueRefusal};
use chrono::NaiveDateTime;

const KIOSKS: usize = 20;
const TICKETS: usize = 25;
const COUNSELLORS: usize = 5;

fn main() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("queue");
    let calendar = Calendar::of_postal_code("05000");
    let now = NaiveDateTime::parse_from_str("2026-03-02T10:15", "%Y-%m-%dT%H:%M").unwrap();
    {
        let mut first = PgStore::open(&url, "mairie-gap", calendar).unwrap();
        first.declare_help_point("Mairie de Gap").unwrap();
    }
    let start = Arc::new(Barrier::new(KIOSKS + COUNSELLORS));
    let issued_all = Arc::new(AtomicBool::new(false));
    let kiosks: Vec<_> = (0..KIOSKS)
        .map(|k| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::spawn(move || {
                let mut store = PgStore::open(&url, "mairie-gap", calendar).unwrap();
                start.wait();
                (0..TICKETS)
                    .map(|t| {
                        let new = NewEntry {
                            motif: "demarche".into(),
                            first_name: Some(format!("Personne {k}-{t}")),
                            locale: "fr".into(),
                        };
                        let at = Instant::now();
                        let entry = store.take_ticket(&new, now).unwrap().unwrap();
                        (at.elapsed(), entry.number)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let counsellors: Vec<_> = (0..COUNSELLORS)
        .map(|c| {
            let (url, start, issued_all) = (url.clone(), start.clone(), issued_all.clone());
            std::thread::spawn(move || {
                let mut store = PgStore::open(&url, "mairie-gap", calendar).unwrap();
                let caller = Caller {
                    counsellor: format!("counsellor-{c}"),
                    desk: Some(format!("Bureau {c}")),
                };
                start.wait();
                let mut calls = Vec::new();
                loop {
                    let done = issued_all.load(Ordering::SeqCst);
                    let at = Instant::now();
                    match store.call(&caller, None, now).unwrap() {
                        Ok(entry) => calls.push((at.elapsed(), entry.number)),
                        Err(QueueRefusal::NobodyWaiting) if done => return calls,
                        // Nobody yet: the counsellor presses again a moment later.
                        Err(QueueRefusal::NobodyWaiting) => {
                            std::thread::sleep(Duration::from_millis(1))
                        }
                        Err(refusal) => panic!("{refusal:?}"),
                    }
                }
            })
        })
        .collect();
    let mut tickets: Vec<(Duration, u32)> = Vec::new();
    for k in kiosks {
        tickets.extend(k.join().unwrap());
    }
    issued_all.store(true, Ordering::SeqCst);
    let mut calls: Vec<(Duration, u32)> = Vec::new();
    for c in counsellors {
        calls.extend(c.join().unwrap());
    }
    let total = (KIOSKS * TICKETS) as u32;
    let mut numbers: Vec<u32> = tickets.iter().map(|(_, n)| *n).collect();
    numbers.sort();
    assert_eq!(
        numbers,
        (1..=total).collect::<Vec<_>>(),
        "no gap, no double"
    );
    let called: BTreeSet<u32> = calls.iter().map(|(_, n)| *n).collect();
    assert_eq!(
        (calls.len(), called.len()),
        (total as usize, total as usize)
    );
    let figures = |what: &str, times: &mut Vec<Duration>| {
        times.sort();
        let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "{what}: {} — p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            times.len(),
            at(0.50).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0,
            times.last().unwrap().as_secs_f64() * 1000.0
        );
    };
    println!(
        "{KIOSKS} kiosks × {TICKETS} tickets while {COUNSELLORS} counsellors call, one help point: \
         numbers 1..{total} without gap or double, each called once"
    );
    figures("tickets", &mut tickets.iter().map(|(t, _)| *t).collect());
    figures("calls", &mut calls.iter().map(|(t, _)| *t).collect());
}

//! The queue ("Je suis là") on both stores: the same scenarios on a help point's SQLite file
//! and on a network's PostgreSQL, as its owner and as a kiosk's own role; then the race —
//! 8 processes issuing tickets while 3 counsellors call, on one file and on one network —
//! and what a kiosk's role may not do to another help point's queue.
use crate::pg;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use borne::calendar::Calendar;
use borne::domain::person::Person;
use borne::domain::queue::{CheckInRefused, Entry, NewEntry, State, Window};
use borne::store::postgres::PgStore;
use borne::store::{
    AgendaStore, BookedBy, Caller, NewBooking, Queue, QueueRefusal, SqliteStore, Status,
};
use chrono::{Duration, NaiveDateTime};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

const NOW: &str = "2026-03-02T10:15";

fn walk_in(first_name: Option<&str>) -> NewEntry {
    NewEntry {
        motif: "demarche".into(),
        first_name: first_name.map(str::to_string),
        locale: "fr".into(),
    }
}

fn caller(counsellor: &str) -> Caller {
    Caller {
        counsellor: counsellor.into(),
        desk: Some(format!("Bureau de {counsellor}")),
    }
}

/// Marie's appointment with `counsellor` at `starts` (45 minutes); its code.
fn book(store: &mut dyn AgendaStore, counsellor: &str, starts: &str) -> String {
    let starts = at(starts);
    store
        .book(
            &NewBooking {
                counsellor: counsellor.into(),
                motif: "demarche".into(),
                starts,
                ends: starts + Duration::minutes(45),
                person: Person {
                    first_name: "Marie".into(),
                    last_initial: None,
                    phone: Some("+33612345678".into()),
                    email: None,
                    locale: None,
                },
                reminder: None,
                diagnostic: None,
                booked_by: BookedBy::Kiosk,
                request_id: None,
            },
            at("2026-03-01T09:00"),
        )
        .unwrap()
        .unwrap()
}

fn ticket(store: &mut dyn AgendaStore, first_name: Option<&str>, now: NaiveDateTime) -> Entry {
    store
        .take_ticket(&walk_in(first_name), now)
        .unwrap()
        .unwrap()
}

type Scenario = fn(&mut dyn AgendaStore);

const SCENARIOS: &[(&str, Scenario)] = &[
    ("tickets are numbered per day from 1", numbering),
    (
        "a call goes to one counsellor, in order, and twice to the same",
        calling,
    ),
    (
        "an appointment is checked in within its window only, once",
        checking_in,
    ),
    (
        "an appointment taken in charge is marked présent",
        taken_in_charge,
    ),
    ("a person gives their ticket up at the kiosk", leaving),
    ("the day's end closes the queue and erases names", days_end),
    ("the figures count each day's queue", figures),
];

fn numbering(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let numbers: Vec<u32> = (0..3).map(|_| ticket(store, None, now).number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let first = &store.queue_day(now.date()).unwrap()[0];
    assert_eq!(
        (first.label(), first.state, first.motif.as_str()),
        ("A-001".to_string(), State::Waiting, "demarche")
    );
    let tomorrow = now + Duration::days(1);
    assert_eq!(ticket(store, None, tomorrow).number, 1, "a new day");
    assert_eq!(store.queue_day(now.date()).unwrap().len(), 3);
}

fn calling(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let code = book(store, "karim", "2026-03-02T10:30");
    let a1 = ticket(store, Some("Ali"), now);
    let karims = store
        .check_in(&code, "78", "en", Window::default(), now)
        .unwrap()
        .unwrap();
    assert_eq!(karims.number, 2);
    let a3 = ticket(store, None, now);
    // Camille calls: the first walk-in (Karim's appointment is his).
    let called = store.call(&caller("camille"), None, now).unwrap().unwrap();
    assert_eq!(
        (called.number, called.state, called.desk.as_deref()),
        (a1.number, State::Called, Some("Bureau de camille"))
    );
    // Karim, before his appointment's time: the next walk-in; at its time, his appointment.
    let at_1031 = at("2026-03-02T10:31");
    assert_eq!(
        store
            .call(&caller("camille"), Some(karims.number), now)
            .unwrap(),
        Err(QueueRefusal::NotYours)
    );
    let his = store
        .call(&caller("karim"), None, at_1031)
        .unwrap()
        .unwrap();
    assert_eq!(his.number, karims.number, "his appointment's time has come");
    // A ticket called by another is never given to a second counsellor.
    assert_eq!(
        store.call(&caller("karim"), Some(a1.number), now).unwrap(),
        Err(QueueRefusal::CalledByAnother)
    );
    // Called twice by the same counsellor, then absent.
    let again = store
        .call(&caller("camille"), Some(a1.number), at("2026-03-02T10:20"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (again.calls, again.called_at),
        (2, Some(at("2026-03-02T10:20")))
    );
    assert_eq!(
        store
            .settle(now.date(), a1.number, State::Absent, "karim", now)
            .unwrap(),
        Err(QueueRefusal::CalledByAnother)
    );
    let absent = store
        .settle(now.date(), a1.number, State::Absent, "camille", now)
        .unwrap()
        .unwrap();
    assert_eq!(absent.state, State::Absent);
    assert_eq!(
        store
            .settle(now.date(), a1.number, State::Served, "camille", now)
            .unwrap(),
        Err(QueueRefusal::Settled)
    );
    let last = store.call(&caller("camille"), None, now).unwrap().unwrap();
    assert_eq!(last.number, a3.number);
    assert_eq!(
        store.call(&caller("camille"), None, now).unwrap(),
        Err(QueueRefusal::NobodyWaiting)
    );
    // Counsellors' actions are audited with the ticket, never the person.
    match store.audit_trail() {
        Ok(trail) => {
            assert!(
                trail
                    .iter()
                    .any(|(_, who, what)| who == "camille" && what == "queue call A-001")
            );
            assert!(
                trail
                    .iter()
                    .any(|(_, who, what)| who == "camille" && what == "queue absent A-001")
            );
            assert!(!trail.iter().any(|(_, _, what)| what.contains("Ali")));
        }
        Err(e) => assert!(e.contains("permission denied for table audit"), "{e}"),
    }
}

fn checking_in(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let w = Window::default();
    let later = book(store, "camille", "2026-03-02T14:00");
    let soon = book(store, "karim", "2026-03-02T10:30");
    let tomorrow = book(store, "karim", "2026-03-03T10:30");
    let gone = book(store, "karim", "2026-03-02T09:00");
    let refused = |store: &mut dyn AgendaStore, code: &str, check: &str| {
        store
            .check_in(code, check, "fr", w, now)
            .unwrap()
            .unwrap_err()
    };
    assert_eq!(refused(store, &soon, "77"), CheckInRefused::NotFound);
    assert_eq!(refused(store, "ZZZ999", "78"), CheckInRefused::NotFound);
    assert_eq!(
        refused(store, &later, "78"),
        CheckInRefused::TooEarly {
            starts: at("2026-03-02T14:00"),
            opens: at("2026-03-02T13:30")
        }
    );
    assert_eq!(
        refused(store, &tomorrow, "78"),
        CheckInRefused::AnotherDay {
            starts: at("2026-03-03T10:30")
        }
    );
    assert_eq!(
        refused(store, &gone, "78"),
        CheckInRefused::Past {
            starts: at("2026-03-02T09:00")
        }
    );
    let entry = store
        .check_in(&soon.to_lowercase(), " 78 ", "uk", w, now)
        .unwrap()
        .unwrap();
    let booked = entry.appointment.clone().unwrap();
    assert_eq!(
        (
            booked.code.as_str(),
            booked.starts,
            booked.counsellor.as_str()
        ),
        (soon.as_str(), at("2026-03-02T10:30"), "karim")
    );
    assert_eq!(
        (
            entry.first_name.as_deref(),
            entry.locale.as_str(),
            entry.motif.as_str()
        ),
        (Some("Marie"), "uk", "demarche")
    );
    // Checked in again (the person pressed twice, or came back): the same ticket.
    let again = store
        .check_in(&soon, "78", "fr", w, at("2026-03-02T10:50"))
        .unwrap()
        .unwrap();
    assert_eq!(again.number, entry.number);
    assert_eq!(store.queue_day(now.date()).unwrap().len(), 1);
    // A cancelled appointment is not checked in.
    let cancelled = book(store, "camille", "2026-03-02T10:30");
    store
        .cancel(
            &cancelled,
            &borne::store::Canceller::StaffForCitizen {
                actor: "camille".into(),
            },
            now,
        )
        .unwrap()
        .unwrap();
    assert_eq!(refused(store, &cancelled, "78"), CheckInRefused::Cancelled);
}

fn taken_in_charge(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let code = book(store, "karim", "2026-03-02T10:30");
    let entry = store
        .check_in(&code, "78", "fr", Window::default(), now)
        .unwrap()
        .unwrap();
    // Called 20 minutes early (he is free): taken in charge, présent.
    store
        .call(&caller("karim"), Some(entry.number), now)
        .unwrap()
        .unwrap();
    let served = store
        .settle(now.date(), entry.number, State::Served, "karim", now)
        .unwrap()
        .unwrap();
    assert_eq!((served.state, served.closed_at), (State::Served, Some(now)));
    assert_eq!(
        store.appointment(&code).unwrap().unwrap().status,
        Status::Present
    );
}

fn leaving(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let e = ticket(store, Some("Lina"), now);
    let left = store
        .settle(now.date(), e.number, State::Left, "kiosk", now)
        .unwrap()
        .unwrap();
    assert_eq!(left.state, State::Left);
    assert_eq!(
        store
            .settle(now.date(), e.number, State::Left, "kiosk", now)
            .unwrap(),
        Err(QueueRefusal::Settled)
    );
    assert_eq!(
        store
            .settle(now.date(), 99, State::Left, "kiosk", now)
            .unwrap(),
        Err(QueueRefusal::NotFound)
    );
    assert_eq!(
        store.call(&caller("camille"), None, now).unwrap(),
        Err(QueueRefusal::NobodyWaiting)
    );
}

fn days_end(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let waiting = ticket(store, Some("Ali"), now);
    let called = ticket(store, Some("Lina"), now);
    store
        .call(&caller("camille"), Some(called.number), now)
        .unwrap()
        .unwrap();
    let today = ticket(store, Some("Paul"), now + Duration::days(1));
    // The retention rule runs the next morning: yesterday's queue ends, its names go.
    store
        .erase_personal_data(now + Duration::days(1), 30)
        .unwrap();
    let yesterday = store.queue_day(now.date()).unwrap();
    assert_eq!(
        yesterday
            .iter()
            .map(|e| (e.number, e.state, e.first_name.clone()))
            .collect::<Vec<_>>(),
        [
            (waiting.number, State::Unseen, None),
            (called.number, State::Unseen, None)
        ]
    );
    let kept = store.queue_day(today.day).unwrap();
    assert_eq!(kept[0].first_name.as_deref(), Some("Paul"), "today's stay");
}

fn figures(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    for minutes in [0, 5] {
        ticket(store, None, now + Duration::minutes(minutes));
    }
    let first = store
        .call(&caller("camille"), None, now + Duration::minutes(10))
        .unwrap()
        .unwrap();
    store
        .settle(
            now.date(),
            first.number,
            State::Served,
            "camille",
            now + Duration::minutes(12),
        )
        .unwrap()
        .unwrap();
    let second = store
        .call(&caller("camille"), None, now + Duration::minutes(35))
        .unwrap()
        .unwrap();
    store
        .settle(
            now.date(),
            second.number,
            State::Redirected,
            "camille",
            now + Duration::minutes(36),
        )
        .unwrap()
        .unwrap();
    let entries = store.queue_between(now.date(), now.date()).unwrap();
    let figures = borne::domain::queue::figures(&entries);
    assert_eq!(figures.len(), 1);
    let f = &figures[0];
    assert_eq!(
        (f.walk_ins, f.helped_without_appointment, f.redirected),
        (2, 1, 1)
    );
    // Waits of 10 and 30 minutes.
    assert_eq!((f.wait_median, f.wait_p90), (Some(10), Some(30)));
    // The statistics carry them.
    let stats = borne::store::stats(store, now.date(), now.date(), &[]).unwrap();
    assert_eq!(stats.queue, figures);
}

#[test]
fn every_queue_scenario_on_sqlite() {
    for (name, scenario) in SCENARIOS {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("borne.db")).unwrap();
        eprintln!("SQLite: {name}");
        scenario(&mut store);
    }
}

#[test]
fn every_queue_scenario_on_postgresql() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    for (i, (name, scenario)) in SCENARIOS.iter().enumerate() {
        let url = server.database(&format!("queue{i}"));
        let mut store =
            PgStore::open(&url, "mairie-gap", Calendar::of_postal_code("05000")).unwrap();
        store
            .declare_help_point("Point numérique — Mairie de Gap")
            .unwrap();
        eprintln!("PostgreSQL: {name}");
        scenario(&mut store);
    }
}

/// A kiosk's role on `url`, mapped to `help_point`, Karim signed in on it: its store.
fn kiosk_role(url: &str, role: &str, help_point: &str) -> PgStore {
    let calendar = Calendar::of_postal_code("05000");
    let mut owner = PgStore::open(url, help_point, calendar).unwrap();
    owner
        .add_kiosk(role, &format!("Point numérique {help_point}"))
        .unwrap();
    pg::give_password(url, role);
    PgStore::open(&pg::as_role(url, role), help_point, calendar).unwrap()
}

#[test]
fn every_queue_scenario_on_postgresql_as_a_kiosks_role() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    for (i, (name, scenario)) in SCENARIOS.iter().enumerate() {
        let url = server.database(&format!("queuekiosk{i}"));
        let mut store = kiosk_role(&url, &format!("queue_kiosk{i}"), "mairie-gap");
        eprintln!("PostgreSQL, a kiosk's role: {name}");
        scenario(&mut store);
    }
}

/// Each help point its own queue: numbers start at 1 at each, and a kiosk's role neither
/// reads, numbers, calls nor settles another help point's tickets, whatever it sends.
#[test]
fn a_kiosks_role_reaches_its_own_help_points_queue_only() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("queuewalls");
    let now = at(NOW);
    let mut gap = kiosk_role(&url, "kiosk_gap", "mairie-gap");
    let mut embrun = kiosk_role(&url, "kiosk_embrun", "mediatheque-embrun");
    assert_eq!(ticket(&mut gap, Some("Ali"), now).number, 1);
    assert_eq!(ticket(&mut gap, Some("Lina"), now).number, 2);
    assert_eq!(
        ticket(&mut embrun, Some("Paul"), now).number,
        1,
        "its own numbers"
    );
    assert_eq!(embrun.queue_day(now.date()).unwrap().len(), 1);
    assert_eq!(
        embrun.call(&caller("karim"), Some(2), now).unwrap(),
        Err(QueueRefusal::NotFound)
    );
    // As a thief of Embrun's password would try, with psql's words.
    let mut thief =
        postgres::Client::connect(&pg::as_role(&url, "kiosk_embrun"), postgres::NoTls).unwrap();
    let seen: i64 = thief
        .query_one(
            "SELECT count(*) FROM queue_entry WHERE help_point = 'mairie-gap'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(seen, 0, "no row of Gap's queue is visible");
    let changed = thief
        .execute(
            "UPDATE queue_entry SET state = 'parti', first_name = 'x'
             WHERE help_point = 'mairie-gap'",
            &[],
        )
        .unwrap();
    assert_eq!(changed, 0);
    let err = thief
        .execute(
            "INSERT INTO queue_entry (help_point, day, number, motif, locale, arrived_at)
             VALUES ('mairie-gap', '2026-03-02', 3, 'demarche', 'fr', now())",
            &[],
        )
        .unwrap_err();
    let said = |e: postgres::Error| {
        e.as_db_error()
            .map(|d| d.message().to_string())
            .unwrap_or_default()
    };
    let err = said(err);
    assert!(err.contains("row-level security"), "{err}");
    let err = said(thief.execute("DELETE FROM queue_entry", &[]).unwrap_err());
    assert!(err.contains("permission denied"), "{err}");
    // Gap's queue is as it was.
    let names: Vec<Option<String>> = gap
        .queue_day(now.date())
        .unwrap()
        .into_iter()
        .map(|e| e.first_name)
        .collect();
    assert_eq!(names, [Some("Ali".into()), Some("Lina".into())]);
}

// ---- the race ----

/// The demo configuration with a third counsellor, as help point `mairie-gap` (what `borne
/// queue` reads).
fn race_config(dir: &Path) -> PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::copy(
        shipped.join("diagnostic.toml"),
        config.join("diagnostic.toml"),
    )
    .unwrap();
    let mut hashing = Command::new(env!("CARGO_BIN_EXE_borne"))
        .arg("hash-pin")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    hashing.stdin.take().unwrap().write_all(b"9753\n").unwrap();
    let out = hashing.wait_with_output().unwrap();
    let hash = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let agenda = std::fs::read_to_string(shipped.join("agenda.toml")).unwrap().replacen(
        "[[motif]]",
        &format!("[[counsellor]]\nid = \"lina\"\nname = \"Lina\"\npin_hash = \"{hash}\"\ndesk = \"Bureau 3\"\n\n[[motif]]"),
        1,
    );
    std::fs::write(config.join("agenda.toml"), agenda).unwrap();
    let toml = std::fs::read_to_string(shipped.join("kiosk.toml"))
        .unwrap()
        .replace(
            "phone = \"04 92 53 24 24\"",
            "phone = \"04 92 53 24 24\"\nid = \"mairie-gap\"",
        );
    std::fs::write(config.join("kiosk.toml"), toml).unwrap();
    config
}

fn borne(config: &Path, data: &Path, db: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_borne"))
        .env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", "2026-03-02T10:15")
        .env("XDG_DATA_HOME", data)
        .arg("--config")
        .arg(config)
        .args(["--db", db])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

const ISSUERS: usize = 8;
const TICKETS_EACH: usize = 5;
const COUNSELLORS: [&str; 3] = ["camille", "karim", "lina"];

/// 8 processes issuing tickets while 3 counsellors call, on `db`: the numbers have no gap and
/// no double, and no ticket is called twice.
fn race(config: &Path, data: &Path, db: &str) {
    // The help point's database exists before its kiosks start.
    let (ok, said) = borne(config, &data.join("migrate"), db, &["db", "migrate"]);
    assert!(ok, "{said}");
    let issued_all = AtomicBool::new(false);
    let (issued, called) = std::thread::scope(|scope| {
        let issuers: Vec<_> = (0..ISSUERS)
            .map(|i| {
                scope.spawn(move || {
                    (0..TICKETS_EACH)
                        .map(|_| {
                            let (ok, said) = borne(
                                config,
                                &data.join(format!("i{i}")),
                                db,
                                &["queue", "take", "--motif", "demarche", "--json"],
                            );
                            let v: serde_json::Value =
                                serde_json::from_str(&said).map_err(|_| said.clone())?;
                            match v["number"].as_u64() {
                                Some(n) if ok => Ok(n as u32),
                                _ => Err(said),
                            }
                        })
                        .collect::<Result<Vec<u32>, String>>()
                })
            })
            .collect();
        let issued_all = &issued_all;
        let callers: Vec<_> = COUNSELLORS
            .iter()
            .map(|who| {
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let done = issued_all.load(Ordering::SeqCst);
                        let (ok, said) = borne(
                            config,
                            &data.join(who),
                            db,
                            &["queue", "call", "--counsellor", who, "--json"],
                        );
                        if ok {
                            match serde_json::from_str::<serde_json::Value>(&said)
                                .ok()
                                .and_then(|v| v["number"].as_u64())
                            {
                                Some(n) => mine.push(n as u32),
                                None => return Err(said),
                            }
                        } else if !said.contains("nobody is waiting") {
                            return Err(said);
                        } else if done {
                            return Ok((who.to_string(), mine));
                        }
                    }
                })
            })
            .collect();
        let issued: Vec<Result<Vec<u32>, String>> =
            issuers.into_iter().map(|h| h.join().unwrap()).collect();
        // Set whatever happened, so the callers stop.
        issued_all.store(true, Ordering::SeqCst);
        let called: Vec<Result<(String, Vec<u32>), String>> =
            callers.into_iter().map(|h| h.join().unwrap()).collect();
        (issued, called)
    });
    let issued: Vec<u32> = issued
        .into_iter()
        .flat_map(|r| r.unwrap_or_else(|said| panic!("a ticket refused: {said}")))
        .collect();
    let called: Vec<(String, Vec<u32>)> = called
        .into_iter()
        .map(|r| r.unwrap_or_else(|said| panic!("a call failed: {said}")))
        .collect();
    let total = (ISSUERS * TICKETS_EACH) as u32;
    let mut sorted = issued.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=total).collect::<Vec<_>>(), "no gap, no double");
    let all_called: Vec<u32> = called.iter().flat_map(|(_, n)| n.clone()).collect();
    let distinct: BTreeSet<u32> = all_called.iter().copied().collect();
    assert_eq!(
        all_called.len(),
        distinct.len(),
        "a ticket called twice: {called:?}"
    );
    assert_eq!(
        distinct.len() as u32,
        total,
        "every ticket called: {called:?}"
    );
    // The store agrees: each ticket called once, by the counsellor who was told so.
    let (ok, listed) = borne(config, &data.join("list"), db, &["queue", "list", "--json"]);
    assert!(ok, "{listed}");
    let listed: Vec<serde_json::Value> = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed.len() as u32, total);
    for entry in &listed {
        let number = entry["number"].as_u64().unwrap() as u32;
        let who = entry["called_by"].as_str().unwrap();
        assert_eq!(entry["calls"], 1, "{entry}");
        assert!(
            called.iter().any(|(c, n)| c == who && n.contains(&number)),
            "{entry}"
        );
    }
}

#[test]
fn eight_processes_issuing_and_three_counsellors_calling_on_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = race_config(dir.path());
    let db = dir.path().join("borne.db");
    race(&config, dir.path(), db.to_str().unwrap());
}

#[test]
fn eight_processes_issuing_and_three_counsellors_calling_on_the_network() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("queuerace");
    let dir = tempfile::tempdir().unwrap();
    let config = race_config(dir.path());
    race(&config, dir.path(), &url);
}

/// The day's 999th ticket is the last: the next is refused kindly, on both stores, and the
/// next day starts again at 1.
#[test]
fn the_thousandth_ticket_of_a_day_is_refused() {
    let now = at(NOW);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("borne.db");
    let mut store = SqliteStore::open(&path).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO queue_entry (day, number, motif, locale, arrived_at)
             VALUES ('2026-03-02', 999, 'demarche', 'fr', '2026-03-02T10:00:00')",
            [],
        )
        .unwrap();
    assert_eq!(
        store.take_ticket(&walk_in(None), now).unwrap(),
        Err(QueueRefusal::Full)
    );
    assert_eq!(ticket(&mut store, None, now + Duration::days(1)).number, 1);
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("queuefull");
    let mut store = PgStore::open(&url, "mairie-gap", Calendar::of_postal_code("05000")).unwrap();
    store.declare_help_point("Mairie de Gap").unwrap();
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .execute(
            "INSERT INTO queue_counter (help_point, day, last) VALUES ('mairie-gap', '2026-03-02', 999)",
            &[],
        )
        .unwrap();
    assert_eq!(
        store.take_ticket(&walk_in(None), now).unwrap(),
        Err(QueueRefusal::Full)
    );
    assert_eq!(ticket(&mut store, None, now + Duration::days(1)).number, 1);
}

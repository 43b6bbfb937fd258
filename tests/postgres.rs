//! The network's agenda on a real PostgreSQL (started from the system's binaries, see
//! `pg/mod.rs`): the database itself refuses a counsellor in two places at once, whichever
//! kiosk books, however many book at the same moment.
use crate::pg;
use crate::pty;

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
            locale: None,
        },
        reminder: None,
        diagnostic: None,
        booked_by: BookedBy::Kiosk,
        request_id: None,
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

/// Eight kiosks, each on its own connection (eight sessions on the server), doing `attempt`
/// at the same instant; their outcomes, kiosk by kiosk. Kiosk `i` stands at help point
/// `at(i)`.
fn race<T: Send + 'static>(
    url: &str,
    at: fn(usize) -> String,
    attempt: impl Fn(&mut PgStore, usize) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let start = Arc::new(Barrier::new(8));
    let attempt = Arc::new(attempt);
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let (url, start, attempt) = (url.to_string(), start.clone(), attempt.clone());
            std::thread::spawn(move || {
                let mut kiosk = open(&url, &at(i));
                start.wait();
                attempt(&mut kiosk, i)
            })
        })
        .collect();
    racers.into_iter().map(|r| r.join().unwrap()).collect()
}

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
    // Each kiosk's answer, a store error included: a failure says which.
    let results = race(
        &url,
        |i| format!("kiosk-{i}"),
        |kiosk, _| {
            kiosk.book(
                &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
                at(NOW),
            )
        },
    );
    assert_eq!(
        results.iter().filter(|r| matches!(r, Ok(Ok(_)))).count(),
        1,
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .all(|r| matches!(r, Ok(Ok(_)) | Ok(Err(Refusal::SlotTaken)))),
        "{results:?}"
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

/// Eight kiosks booking the same counsellor's twenty slots, each in its own order: the
/// exclusion constraint alone made two of them wait on each other (PostgreSQL broke the
/// deadlock by failing one: "Un problème technique"). Each slot is booked once, every other
/// kiosk is told it was taken, and nobody sees an error.
#[test]
fn eight_kiosks_racing_over_twenty_slots_are_each_told_taken_never_an_error() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("race_many");
    drop(open(&url, "mairie-gap"));
    let results = race(
        &url,
        |i| format!("kiosk-{i}"),
        |kiosk, i| {
            (0..20)
                .map(|n| {
                    // Kiosk i starts at its own slot and goes round.
                    let slot = (n + i * 5) % 20;
                    let starts = at(NOW)
                        .date()
                        .succ_opt()
                        .unwrap()
                        .and_hms_opt(8, 0, 0)
                        .unwrap()
                        + chrono::Duration::minutes(30 * slot as i64);
                    let ends = starts + chrono::Duration::minutes(30);
                    let when = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
                    (
                        slot,
                        kiosk.book(&booking("karim", &when(starts), &when(ends)), at(NOW)),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    let all: Vec<_> = results.into_iter().flatten().collect();
    let errors: Vec<_> = all.iter().filter(|(_, r)| r.is_err()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    for slot in 0..20 {
        let booked = all
            .iter()
            .filter(|(s, r)| *s == slot && matches!(r, Ok(Ok(_))))
            .count();
        assert_eq!(booked, 1, "slot {slot}: {all:?}");
    }
    assert!(
        all.iter()
            .all(|(_, r)| matches!(r, Ok(Ok(_)) | Ok(Err(Refusal::SlotTaken)))),
        "{all:?}"
    );
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 20);
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
        said.ends_with("borne.db: schema created (version 18)\n"),
        "{said}"
    );
    let (ok, said, _) = borne(&["db", "migrate", "--db", file]);
    assert!(
        ok && said.ends_with("borne.db: schema up to date (version 18)\n"),
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
    // The kiosks of one help point (a session is its help point's).
    let results = race(
        &url,
        |_| "mairie-gap".into(),
        |kiosk, i| {
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
                        request_id: None,
                    },
                    at(NOW),
                )
                .unwrap()
        },
    );
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

#[test]
fn a_request_sent_again_finds_what_it_made_instead_of_booking_twice() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("replay");
    let mut kiosk = open(&url, "mairie-gap");
    // With and without a reminder (written in the same call).
    for (n, reminder) in [None, Some("Rappel".to_string())].into_iter().enumerate() {
        let mut new = booking("camille", "2026-03-03T09:00", "2026-03-03T09:30");
        new.starts += chrono::Duration::hours(n as i64);
        new.ends += chrono::Duration::hours(n as i64);
        new.reminder = reminder.map(|message| borne::store::Reminder {
            due: at("2026-03-02T18:00"),
            recipient: "+33612345678".into(),
            message,
        });
        new.request_id = Some(format!("replayed-{n}"));
        let first = kiosk.book(&new, at(NOW)).unwrap().unwrap();
        let again = kiosk.book(&new, at(NOW)).unwrap();
        assert_eq!(again, Ok(first), "the same booking's code, not SlotTaken");
    }
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 2);
    assert_eq!(count(&url, "SELECT count(*) FROM outbox"), 1);
    let registration = borne::store::NewRegistration {
        workshop: "email@2026-03-04".into(),
        starts: at("2026-03-04T14:00"),
        ends: at("2026-03-04T16:00"),
        seats: 3,
        person: Person {
            first_name: "Marie".into(),
            ..Person::default()
        },
        reminder: None,
        booked_by: BookedBy::Kiosk,
        request_id: Some("registered-once".into()),
    };
    let first = kiosk.register(&registration, at(NOW)).unwrap().unwrap();
    assert_eq!(kiosk.register(&registration, at(NOW)).unwrap(), Ok(first));
    assert_eq!(count(&url, "SELECT count(*) FROM registration"), 1);
}

#[test]
fn a_kiosk_warms_its_connection_up_and_leaves_nothing_behind() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("warm");
    // As the network's owner and as a kiosk's own role (its row-level security).
    let mut owner = open(&url, "mairie-gap");
    owner.warm_up(at(NOW)).unwrap();
    let mut kiosk = kiosk_role(&url, "warm_gap", "mairie-gap", "Mairie de Gap");
    kiosk.warm_up(at(NOW)).unwrap();
    for table in ["booking", "occupation", "outbox"] {
        assert_eq!(
            count(&url, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
    assert!(
        kiosk
            .book(
                &booking("camille", "2026-03-03T09:00", "2026-03-03T09:30"),
                at(NOW)
            )
            .unwrap()
            .is_ok()
    );
}

/// The demo configuration as help point `id` of a network (what `booking create` reads).
fn network_config(dir: &std::path::Path, id: &str) -> std::path::PathBuf {
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    for file in ["agenda.toml", "diagnostic.toml"] {
        std::fs::copy(shipped.join(file), config.join(file)).unwrap();
    }
    let toml = std::fs::read_to_string(shipped.join("kiosk.toml"))
        .unwrap()
        .replace(
            "phone = \"04 92 53 24 24\"",
            &format!("phone = \"04 92 53 24 24\"\nid = \"{id}\""),
        );
    std::fs::write(config.join("kiosk.toml"), toml).unwrap();
    config
}

#[test]
fn eight_processes_racing_for_one_slot_through_the_network_make_one_booking() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("processes");
    let dir = tempfile::tempdir().unwrap();
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let config = network_config(&dir.path().join(format!("k{i}")), &format!("kiosk-{i}"));
            std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
                .env_remove("BORNE_CONFIG")
                .env("BORNE_NOW", "2026-03-02T10:15")
                .env("XDG_DATA_HOME", dir.path().join(format!("k{i}")))
                .arg("--config")
                .arg(&config)
                .args(["--db", &url, "booking", "create", "--motif", "demarche"])
                .args(["--at", "2026-03-03T09:00", "--counsellor", "camille"])
                .args(["--first-name", "Marie", "--phone", "06 12 34 56 78"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outcomes: Vec<(bool, String)> = racers
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned()
                    + &String::from_utf8_lossy(&out.stderr),
            )
        })
        .collect();
    assert_eq!(
        outcomes.iter().filter(|(ok, _)| *ok).count(),
        1,
        "{outcomes:#?}"
    );
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 1);
    // Every other one was told the slot is not free (seen taken, or taken under it), never
    // an error.
    for (ok, said) in &outcomes {
        assert!(
            *ok || said.contains("is not a free slot") || said.contains("taken"),
            "{said}"
        );
    }
    let dir_list = network_config(&dir.path().join("list"), "kiosk-list");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
        .env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", "2026-03-02T10:15")
        .env("XDG_DATA_HOME", dir.path().join("list"))
        .arg("--config")
        .arg(&dir_list)
        .args(["--db", &url, "booking", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{listed}");
    assert!(listed.contains("2026-03-03 09:00"), "{listed}");
}

#[test]
fn a_kiosk_of_the_network_books_through_its_screens() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("screens");
    let mut kiosk = pty::Kiosk::start_on_network(&url, "mairie-gap");
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[pty::ENTER, pty::ENTER]);
    kiosk.type_text("0612345678");
    kiosk.wait_for("Téléphone : 06 12 34 56 78");
    kiosk.keys(&[pty::DOWN, pty::DOWN, pty::DOWN, pty::ENTER]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    kiosk.keys(&[pty::ENTER]);
    let screen = kiosk.wait_for("Votre code : ");
    assert!(
        screen.contains("Mardi 3 mars à 9 h 00, avec Camille."),
        "{screen}"
    );
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM booking WHERE help_point = 'mairie-gap'
               AND counsellor = 'camille' AND first_name = 'Marie'"
        ),
        1
    );
    // Another kiosk of the network sees Camille taken at 9 h 00…
    let mut other = pty::Kiosk::start_on_network(&url, "mediatheque-embrun");
    other.keys(&["2", "1"]);
    other.wait_for("mardi 3 mars — 3 créneaux");
    // …and, asked about Marie's code, says where it was booked: managed there.
    let at = screen.find("Votre code : ").unwrap() + "Votre code : ".len();
    let code: String = screen[at..at + 7]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    other.keys(&[pty::HOME]);
    other.wait_for("Bienvenue");
    other.keys(&["4"]);
    other.wait_for("Tapez le code de votre rendez-vous");
    other.type_text(&code);
    other.keys(&[pty::ENTER]);
    other.type_text("78");
    other.keys(&[pty::ENTER, pty::ENTER]);
    other.wait_for("Ce rendez-vous a été pris dans un autre lieu : Point numérique — Mairie");
}

#[test]
fn the_server_stopped_mid_run_tears_no_booking_and_the_kiosk_books_again_once_it_is_back() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("outage");
    let mut kiosk = pty::Kiosk::start_on_network(&url, "mairie-gap");
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[
        pty::ENTER,
        pty::ENTER,
        pty::DOWN,
        " ",
        pty::DOWN,
        pty::ENTER,
        pty::ENTER,
    ]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    server.stop();
    kiosk.keys(&[pty::ENTER]);
    // Said in plain words, never "confirmé".
    let screen = kiosk.wait_for("Le réseau ne répond pas");
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("rien n'a été enregistré"), "{screen}");
    assert!(!screen.contains("Votre code"), "{screen}");
    server.restart();
    assert_eq!(
        count(&url, "SELECT count(*) FROM booking"),
        0,
        "no torn booking"
    );
    assert_eq!(count(&url, "SELECT count(*) FROM occupation"), 0);
    // The line is back: Esc goes back to the same confirmation, which books when tried
    // again (a new connection).
    kiosk.keys(&[pty::ESC]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    kiosk.keys(&[pty::ENTER]);
    let screen = kiosk.wait_for("Votre code : ");
    assert!(
        screen.contains("Mardi 3 mars à 9 h 00, avec Camille."),
        "{screen}"
    );
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 1);
}

#[test]
fn after_the_server_restarted_the_first_person_books_on_the_first_try() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("restart");
    let mut kiosk = pty::Kiosk::start_on_network(&url, "mairie-gap");
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[
        pty::ENTER,
        pty::ENTER,
        pty::DOWN,
        " ",
        pty::DOWN,
        pty::ENTER,
        pty::ENTER,
    ]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    // The nightly maintenance: the server goes down and comes back while the kiosk idles;
    // the kiosk's connection is the old server's.
    server.stop();
    server.restart();
    kiosk.keys(&[pty::ENTER]);
    let screen = kiosk.wait_until(
        |s| s.contains("Votre code : ") || s.contains("Le réseau ne répond pas"),
        "the booking's outcome",
    );
    assert!(screen.contains("Votre code : "), "{screen}");
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 1);
}

#[test]
fn a_kiosk_started_while_the_network_is_down_welcomes_people_all_the_same() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("down");
    server.stop();
    let mut kiosk = pty::Kiosk::start_on_network(&url, "mairie-gap");
    kiosk.wait_for("Bienvenue");
    // What needs no network works: the lieux near a postal code.
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune");
    kiosk.type_text("05200");
    kiosk.keys(&[pty::ENTER]);
    kiosk.wait_for("Embrun");
}

/// A kiosk at Gap that has booked karim on 5 March, 10:00–10:45: it, and the code.
fn karim_booked_at_ten(url: &str) -> (PgStore, String) {
    let mut kiosk = open(url, "mairie-gap");
    let code = kiosk
        .book(
            &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
            at(NOW),
        )
        .unwrap()
        .unwrap();
    (kiosk, code)
}

#[test]
fn a_kiosk_waiting_on_another_s_lock_gives_up_rather_than_hang() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("held");
    let (mut kiosk, code) = karim_booked_at_ten(&url);
    // Another program holds the appointment's row, and keeps it.
    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut held = holder.transaction().unwrap();
    held.execute("SELECT 1 FROM booking WHERE code = $1 FOR UPDATE", &[&code])
        .unwrap();
    let started = std::time::Instant::now();
    let e = kiosk
        .cancel(
            &code,
            &borne::store::Canceller::StaffForCitizen {
                actor: "karim".into(),
            },
            at(NOW),
        )
        .unwrap_err();
    assert!(e.contains("statement timeout"), "{e}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    held.rollback().unwrap();
    assert_eq!(
        kiosk.appointment(&code).unwrap().unwrap().status,
        borne::store::Status::Upcoming
    );
}

/// Twenty kiosks racing for one counsellor's slots queued on his lock even to be told a slot
/// was taken: a slot another kiosk booked before is refused at once, whatever a third kiosk
/// is writing to that counsellor meanwhile.
#[test]
fn a_slot_already_taken_is_refused_at_once_while_another_kiosk_writes_to_that_counsellor() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("taken");
    karim_booked_at_ten(&url);
    // A kiosk in the middle of writing another of karim's appointments holds his lock.
    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut writing = holder.transaction().unwrap();
    writing
        .execute("SELECT public.borne_occupy_lock('karim')", &[])
        .unwrap();
    let mut second = open(&url, "mediatheque-briancon");
    // Waiting for the lock ends in the kiosk's statement timeout: "Un problème technique".
    assert_eq!(
        second.book(
            &booking("karim", "2026-03-05T10:30", "2026-03-05T11:00"),
            at(NOW)
        ),
        Ok(Err(Refusal::SlotTaken))
    );
    writing.rollback().unwrap();
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 1);
}

/// The network is down when a person wants an appointment: the kiosk says so, takes a
/// callback request, keeps it, and sends it once when the server is back; a request sent
/// twice (its answer lost) is found, not added.
#[test]
fn a_callback_request_made_offline_reaches_the_server_exactly_once() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("callback");
    // The schema is there, then the server goes.
    drop(open(&url, "mairie-gap"));
    server.stop();
    let mut kiosk = pty::Kiosk::start_on_network(&url, "mairie-gap");
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["2", "1"]);
    let screen = kiosk.wait_for("Le réseau ne répond pas");
    assert!(screen.contains("04 92 53 24 24"), "{screen}");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Un conseiller vous rappellera à ce numéro :");
    kiosk.type_text("Marie");
    kiosk.keys(&[pty::ENTER]);
    kiosk.type_text("0612345678");
    kiosk.keys(&[pty::ENTER, pty::ENTER, pty::ENTER]);
    let kept = kiosk.wait_for("Votre demande est gardée sur cette borne.");
    assert!(kept.contains("06 12 34 56 78"), "{kept}");
    server.restart();
    // The next request that reaches the network takes the waiting one with it.
    kiosk.keys(&[pty::ENTER]);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["2", "1"]);
    kiosk.wait_for("Choisissez un jour");
    let rows = "SELECT count(*) FROM callback_request WHERE help_point = 'mairie-gap'
                AND first_name = 'Marie' AND phone = '+33612345678'
                AND about = 'Aide pour une démarche en ligne'";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while count(&url, rows) == 0 && std::time::Instant::now() < deadline {
        std::thread::yield_now();
    }
    assert_eq!(count(&url, rows), 1);
    // More requests: nothing sent again.
    kiosk.keys(&[pty::ESC]);
    kiosk.keys(&["1"]);
    kiosk.wait_for("Choisissez un jour");
    assert_eq!(count(&url, "SELECT count(*) FROM callback_request"), 1);
    // The counsellors read it.
    let dir = tempfile::tempdir().unwrap();
    let config = network_config(dir.path(), "mairie-gap");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
        .arg("--config")
        .arg(&config)
        .args(["--db", &url, "callbacks"])
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("— mairie-gap — Marie — 06 12 34 56 78 — Aide pour une démarche en ligne"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The same request sent twice, as after a lost answer: one row.
    let mut store = open(&url, "mairie-gap");
    let again = borne::domain::callback::Callback {
        request_id: "0123456789abcdef0123456789abcdef".into(),
        first_name: "Ali".into(),
        phone: "+33698765432".into(),
        about: String::new(),
        asked_at: at(NOW),
    };
    assert!(store.receive_callback(&again).unwrap());
    assert!(!store.receive_callback(&again).unwrap());
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM callback_request WHERE first_name = 'Ali'"
        ),
        1
    );
}

/// `sslmode=require`: the kiosk talks TLS to the server and checks its certificate against
/// the authority in PGSSLROOTCERT; against another authority it refuses to connect, and says
/// why without the password.
#[test]
fn a_kiosk_asking_for_tls_gets_it_and_checks_the_servers_certificate() {
    let Some((server, port, ca)) = pg::Server::start_with_tls() else {
        return;
    };
    server.database("secure");
    let url = format!("postgresql://postgres:pass-word@localhost:{port}/secure?sslmode=require");
    let said = |root: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
            .args(["db", "migrate", "--db", &url])
            .env("PGSSLROOTCERT", root)
            .env(
                "BORNE_CONFIG",
                concat!(env!("CARGO_MANIFEST_DIR"), "/kiosk-config"),
            )
            .output()
            .unwrap()
    };
    let out = said(&ca);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The server saw a TLS connection: the schema was made through it.
    let mut client = postgres::Client::connect(
        &format!("host=localhost port={port} user=postgres dbname=secure"),
        postgres::NoTls,
    )
    .unwrap();
    let version: i32 = client
        .query_one("SELECT version FROM borne_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(version as u32, latest());
    // Another authority: refused, the password never said.
    let other = tempfile::tempdir().unwrap();
    let wrong = other.path().join("other.crt");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=other",
        ])
        .arg("-keyout")
        .arg(other.path().join("other.key"))
        .arg("-out")
        .arg(&wrong)
        .output()
        .unwrap();
    assert!(made.status.success());
    let out = said(&wrong);
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(told.contains("certificate"), "{told}");
    assert!(!told.contains("pass-word"), "{told}");
}

/// A kiosk's own role at `help_point`, made by the network's owner; its store.
fn kiosk_role(url: &str, role: &str, help_point: &str, name: &str) -> PgStore {
    let mut owner = PgStore::open(url, help_point, gap()).unwrap();
    owner.add_kiosk(role, name).unwrap();
    pg::give_password(url, role);
    let mut kiosk = PgStore::open(&pg::as_role(url, role), help_point, gap()).unwrap();
    kiosk.declare_help_point(name).unwrap();
    kiosk
}

/// What a query gives as a kiosk's role: its rows' first column, or the database's refusal.
fn as_kiosk(url: &str, role: &str, sql: &str) -> Result<Vec<String>, String> {
    let mut client = postgres::Client::connect(&pg::as_role(url, role), postgres::NoTls).unwrap();
    client
        .query(sql, &[])
        .map(|rows| rows.iter().map(|r| r.get::<_, String>(0)).collect())
        .map_err(|e| {
            e.as_db_error()
                .map_or(e.to_string(), |d| d.message().to_string())
        })
}

#[test]
fn a_kiosk_role_sees_only_the_people_of_its_own_help_point() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("roles");
    let mut gap_kiosk = kiosk_role(&url, "roles_gap", "mairie-gap", "Mairie de Gap");
    let mut embrun = kiosk_role(
        &url,
        "roles_embrun",
        "mediatheque-embrun",
        "Médiathèque d'Embrun",
    );
    let booked = gap_kiosk
        .book(
            &booking("camille", "2026-03-03T09:00", "2026-03-03T09:30"),
            at(NOW),
        )
        .unwrap()
        .unwrap();
    // Gap's kiosk sees its own booking; Embrun's sees nobody's name or phone at Gap, only
    // where a code was booked, to the person who gives its phone's last digits…
    assert!(gap_kiosk.appointment(&booked).unwrap().is_some());
    assert_eq!(embrun.appointment(&booked).unwrap(), None);
    assert_eq!(
        embrun.booked_elsewhere(&booked, "78").unwrap().as_deref(),
        Some("Mairie de Gap")
    );
    assert_eq!(embrun.booked_elsewhere(&booked, "77").unwrap(), None);
    assert_eq!(gap_kiosk.booked_elsewhere(&booked, "78").unwrap(), None);
    assert_eq!(embrun.booked_elsewhere("ZZZZZZ", "78").unwrap(), None);
    assert_eq!(
        as_kiosk(&url, "roles_embrun", "SELECT first_name FROM booking"),
        Ok(vec![])
    );
    assert_eq!(
        as_kiosk(&url, "roles_gap", "SELECT first_name FROM booking"),
        Ok(vec!["Marie".to_string()])
    );
    // …but sees Camille taken at 9 h 00, and cannot book her over it.
    let busy = embrun
        .busy(at(NOW).date(), at("2026-03-04T00:00").date())
        .unwrap();
    assert_eq!(busy.len(), 1, "{busy:?}");
    assert_eq!(
        embrun
            .book(
                &booking("camille", "2026-03-03T09:00", "2026-03-03T09:30"),
                at(NOW),
            )
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
    // Nor may it book for another help point, read the audit trail, the activity reports or
    // the counsellors' PIN hashes, or add a kiosk.
    for (sql, refusal) in [
        (
            "SELECT action FROM audit",
            "permission denied for table audit",
        ),
        (
            "SELECT encode(kept, 'hex') FROM counsellor_pin",
            "permission denied for table counsellor_pin",
        ),
        (
            "SELECT role::text FROM kiosk",
            "permission denied for table kiosk",
        ),
        (
            "INSERT INTO help_point (id, name) VALUES ('x', 'x') RETURNING id",
            "permission denied for table help_point",
        ),
        (
            "UPDATE booking SET help_point = 'mairie-gap' RETURNING code",
            "",
        ),
    ] {
        let got = as_kiosk(&url, "roles_embrun", sql);
        if refusal.is_empty() {
            assert_eq!(got, Ok(vec![]), "{sql}");
        } else {
            assert_eq!(got, Err(refusal.to_string()), "{sql}");
        }
    }
    assert_eq!(
        as_kiosk(
            &url,
            "roles_embrun",
            "INSERT INTO booking (code, help_point, counsellor, motif, starts_at, ends_at,
                 booked_by, created_at)
             VALUES ('ZZZZ', 'mairie-gap', 'karim', 'demarche', now() + interval '2 days',
                 now() + interval '2 days 30 minutes', 'kiosk', now()) RETURNING code"
        ),
        Err("new row violates row-level security policy for table \"booking\"".to_string())
    );
    assert_eq!(
        as_kiosk(&url, "roles_embrun", "SELECT count(*)::text FROM activite"),
        Ok(vec!["0".to_string()])
    );
    // What a kiosk writes for the statistics, it reads back: its own help point's only.
    use borne::store::Journal;
    let day = at(NOW).date();
    let needs = [borne::vocabulary::coop::Thematique::Email];
    let profile = borne::vocabulary::profile::Profile::Autonome;
    gap_kiosk.count_diagnostic(day, profile, &needs).unwrap();
    embrun.count_diagnostic(day, profile, &[]).unwrap();
    assert_eq!(
        embrun.diagnostics_between(day, day).unwrap(),
        [(day, vec![])]
    );
    // A kiosk whose kiosk.toml names another help point than its role's is told so.
    let wrong = PgStore::open(&pg::as_role(&url, "roles_embrun"), "mairie-gap", gap())
        .unwrap()
        .declare_help_point("Mairie de Gap")
        .unwrap_err();
    assert!(
        wrong.contains("belongs to help point mediatheque-embrun"),
        "{wrong}"
    );
}

#[test]
fn a_kiosk_role_reaches_its_own_help_points_waiting_lists_only() {
    use borne::store::{NewWaiting, Waitlist};
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("waitlist_roles");
    let mut gap_kiosk = kiosk_role(&url, "waiting_gap", "mairie-gap", "Mairie de Gap");
    let mut embrun = kiosk_role(
        &url,
        "waiting_embrun",
        "mediatheque-embrun",
        "Médiathèque d'Embrun",
    );
    let olena = NewWaiting {
        workshop: "email@2026-03-04".into(),
        starts: at("2026-03-04T14:00"),
        first_name: "Olena".into(),
        phone: "+380501234567".into(),
        locale: "uk".into(),
        seat_free: Some("Звільнилося місце".into()),
    };
    assert_eq!(gap_kiosk.join_waitlist(&olena, at(NOW)).unwrap(), 1);
    // The same session id at Embrun is Embrun's own list, empty.
    assert!(embrun.waitlist("email@2026-03-04").unwrap().is_empty());
    assert_eq!(
        embrun.join_waitlist(&olena, at(NOW)).unwrap(),
        1,
        "its own list"
    );
    assert_eq!(gap_kiosk.waitlist("email@2026-03-04").unwrap().len(), 1);
    for (sql, expected) in [
        (
            "SELECT first_name FROM waitlist WHERE help_point = 'mairie-gap'",
            Ok(vec![]),
        ),
        (
            "UPDATE waitlist SET phone = '+33600000000' WHERE help_point = 'mairie-gap'
             RETURNING phone",
            Ok(vec![]),
        ),
        (
            "INSERT INTO waitlist (help_point, workshop, starts_at, first_name, phone, locale,
                 created_at)
             VALUES ('mairie-gap', 'email@2026-03-04', now() + interval '2 days', 'Eve',
                 '+33600000000', 'fr', now()) RETURNING first_name",
            Err("new row violates row-level security policy for table \"waitlist\"".to_string()),
        ),
        // Nor queue a message hung on another help point's list (Gap's row is the first).
        (
            "INSERT INTO outbox (waitlist, due_at, recipient, message, kind, help_point)
             VALUES (1, now(), '+33600000000', 'x', 'avis', 'mediatheque-embrun')
             RETURNING recipient",
            Err("new row violates row-level security policy for table \"outbox\"".to_string()),
        ),
    ] {
        let got = as_kiosk(&url, "waiting_embrun", sql);
        assert_eq!(got, expected, "{sql}");
    }
}

#[test]
fn a_counsellor_signed_in_on_a_kiosk_sees_their_own_appointments_elsewhere_until_signing_out() {
    use borne::domain::pin;
    use borne::domain::pin::PublishedPin;
    use borne::store::SignIn;
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("signin");
    let mut gap_kiosk = kiosk_role(&url, "signin_gap", "mairie-gap", "Mairie de Gap");
    let mut embrun = kiosk_role(
        &url,
        "signin_embrun",
        "mediatheque-embrun",
        "Médiathèque d'Embrun",
    );
    let hash = pin::hash_pin("2468").unwrap();
    let (salted, kept) = pin::salted(&hash).unwrap();
    let mut owner = PgStore::open(&url, "mairie-gap", gap()).unwrap();
    owner
        .publish_agenda(
            "Mairie de Gap",
            "(the agenda)",
            &[PublishedPin {
                counsellor: "camille".into(),
                name: "Camille".into(),
                salted: salted.clone(),
                kept,
            }],
            &[],
            &[],
        )
        .unwrap()
        .unwrap();
    let booked = gap_kiosk
        .book(
            &booking("camille", "2026-03-03T09:00", "2026-03-03T09:30"),
            at(NOW),
        )
        .unwrap()
        .unwrap();
    // The kiosk reads the salt, never the hash; a wrong PIN's proof opens nothing.
    assert_eq!(
        as_kiosk(
            &url,
            "signin_embrun",
            "SELECT counsellor || ' ' || salted FROM counsellor_pin"
        ),
        Ok(vec![format!("camille {salted}")])
    );
    assert_eq!(embrun.sign_in("camille", "1357").unwrap(), SignIn::Wrong);
    assert_eq!(embrun.appointment(&booked).unwrap(), None);
    // Camille's own PIN on Embrun's kiosk: her appointment at Gap, with the person's name.
    assert_eq!(
        embrun.sign_in("camille", "2468").unwrap(),
        SignIn::Counsellor("camille".into())
    );
    let seen = embrun
        .appointment(&booked)
        .unwrap()
        .expect("her appointment");
    assert_eq!(seen.person.first_name, "Marie");
    assert_eq!(
        seen.elsewhere.as_deref(),
        Some("Mairie de Gap"),
        "where she goes"
    );
    let at_gap = gap_kiosk.appointment(&booked).unwrap().unwrap();
    assert_eq!(at_gap.elsewhere, None);
    // She cancels another appointment of hers made at Gap with a reminder: the reminder Gap's
    // kiosk queued is voided, and the notice goes out from Embrun's.
    let mut reminded = booking("camille", "2026-03-10T09:00", "2026-03-10T09:30");
    reminded.reminder = Some(borne::store::Reminder {
        due: at("2026-03-08T09:00"),
        recipient: "+33612345678".into(),
        message: "Rappel %CODE%".into(),
    });
    let second = gap_kiosk.book(&reminded, at(NOW)).unwrap().unwrap();
    let notice = borne::store::Reminder {
        due: at(NOW),
        recipient: "+33612345678".into(),
        message: "Annulé %CODE%".into(),
    };
    let by = borne::store::Canceller::Service {
        actor: "camille".into(),
        reason: None,
        notice: Some(notice),
    };
    assert_eq!(embrun.cancel(&second, &by, at(NOW)).unwrap(), Ok(()));
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM outbox WHERE status = 'à envoyer' AND kind = 'rappel'"
        ),
        0,
        "the reminder of a cancelled appointment is voided"
    );
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM outbox WHERE kind = 'avis' AND help_point = 'mediatheque-embrun'"
        ),
        1
    );
    // Her session holds on a new connection (the line fell and came back)…
    let token = embrun.session_token().unwrap().expect("a session");
    let mut again = PgStore::open(
        &pg::as_role(&url, "signin_embrun"),
        "mediatheque-embrun",
        gap(),
    )
    .unwrap();
    assert!(again.resume(&token).unwrap());
    assert!(again.appointment(&booked).unwrap().is_some());
    assert!(
        !gap_kiosk.resume(&token).unwrap(),
        "another kiosk's session"
    );
    // …and ends when she signs out; a token made up or copied to another kiosk opens nothing.
    embrun.sign_out().unwrap();
    assert_eq!(embrun.appointment(&booked).unwrap(), None);
    assert!(!again.resume(&token).unwrap());
    assert!(!embrun.resume("0123456789abcdef").unwrap());
    // Five wrong PINs in a row lock the kiosk for a while, even with the right one next.
    for _ in 0..5 {
        assert_eq!(embrun.sign_in("camille", "0000").unwrap(), SignIn::Wrong);
    }
    let locked = embrun.sign_in("camille", "2468").unwrap();
    assert!(
        matches!(&locked, SignIn::Locked(why) if why.contains("too many wrong PINs")),
        "{locked:?}"
    );
}

#[test]
fn a_kiosk_with_its_own_role_takes_the_published_agenda_and_the_network_checks_the_pin() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("published");
    let dir = tempfile::tempdir().unwrap();
    // The network's owner publishes Gap's agenda (Camille's name as the network knows it) and
    // makes the role of Gap's kiosk.
    let config = network_config(&dir.path().join("owner"), "mairie-gap");
    let agenda = config.join("agenda.toml");
    let text = std::fs::read_to_string(&agenda).unwrap();
    std::fs::write(
        &agenda,
        text.replacen("name = \"Camille\"", "name = \"Camille M.\"", 1),
    )
    .unwrap();
    let owner = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
            .env_remove("BORNE_CONFIG")
            .env("XDG_DATA_HOME", dir.path().join("owner"))
            .arg("--config")
            .arg(&config)
            .args(["--db", &url])
            .args(args)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {said}");
        said
    };
    let said = owner(&["agenda", "publish"]);
    assert!(
        said.contains("agenda published for Point numérique — Mairie de Gap (2 counsellors"),
        "{said}"
    );
    // A role's name the kiosk's URL can carry as it is, nothing else.
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
        .env_remove("BORNE_CONFIG")
        .env("XDG_DATA_HOME", dir.path().join("owner"))
        .arg("--config")
        .arg(&config)
        .args(["--db", &url, "db", "add-kiosk", "Gap; DROP"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("role \"Gap; DROP\": lowercase letters, digits and _ only"),
        "{refused:?}"
    );
    let said = owner(&["db", "add-kiosk", "published_gap"]);
    assert!(
        said.contains("published_gap: made, a kiosk of Point numérique — Mairie de Gap"),
        "{said}"
    );
    pg::give_password(&url, "published_gap");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    // The published text keeps Camille's salt, never her PIN's hash: the database alone has it.
    let document: String = client
        .query_one(
            "SELECT document FROM agenda WHERE help_point = 'mairie-gap'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(
        document.contains("p=1$+bngNXkG3VFdz8itKuaDvw\""),
        "{document}"
    );
    assert!(!document.contains("kNghrPnFU20krOqc46"), "{document}");
    assert_eq!(document.lines().count(), text.lines().count());

    // Gap's kiosk, on its own role: the network's agenda, and Camille's PIN checked by the
    // network (the kiosk holds no hash to check it against).
    let mut kiosk = pty::Kiosk::start_on_network(&pg::as_role(&url, "published_gap"), "mairie-gap");
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&[pty::F12]);
    kiosk.wait_for("Code :");
    // The network checks a PIN for one counsellor: the kiosk asks whose it is.
    kiosk.type_text("2222");
    kiosk.keys(&[pty::ENTER]);
    kiosk.wait_for("Qui êtes-vous ?");
    kiosk.wait_for("2  Karim");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Code incorrect");
    kiosk.type_text("1357");
    kiosk.keys(&[pty::ENTER]);
    kiosk.wait_for("Qui êtes-vous ?");
    kiosk.keys(&[pty::ENTER]);
    kiosk.wait_for("Connecté : Camille M.");
    assert_eq!(count(&url, "SELECT count(*) FROM counsellor_session"), 1);
    // Signing out ends her session on the network too.
    kiosk.keys(&[pty::HOME]);
    kiosk.keys(&["1"]);
    kiosk.wait_for("Bienvenue");
    let mut left = 1;
    for _ in 0..100 {
        left = count(&url, "SELECT count(*) FROM counsellor_session");
        if left == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(left, 0, "the session outlived the sign-out");
}

#[test]
fn a_kiosk_starting_without_its_network_takes_the_agenda_it_kept() {
    use borne::store::{Network, Published, SqliteStore, Stores};
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("kept");
    let dir = tempfile::tempdir().unwrap();
    let stores = || {
        let local = SqliteStore::open(&dir.path().join("borne.db")).unwrap();
        Stores::in_network(
            local,
            Network::new(&url, "mairie-gap", "Mairie de Gap", gap()),
        )
    };
    // Nothing published yet: the kiosk's own agenda.toml stands.
    assert_eq!(stores().published_agenda(), None);
    PgStore::open(&url, "mairie-gap", gap())
        .unwrap()
        .publish_agenda("Mairie de Gap", "(Gap's agenda)", &[], &[], &[])
        .unwrap()
        .unwrap();
    assert_eq!(
        stores().published_agenda(),
        Some(Published::Fetched("(Gap's agenda)".into()))
    );
    server.stop();
    assert_eq!(
        stores().published_agenda(),
        Some(Published::Kept("(Gap's agenda)".into()))
    );
}

#[test]
fn a_published_absence_keeps_bookings_off_and_is_refused_over_one() {
    use borne::store::postgres::{Away, Unpublished};
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("absences");
    let mut owner = open(&url, "mairie-gap");
    let away = |from: &str, to: &str| Away {
        counsellor: "karim".into(),
        from: at(&format!("{from}T00:00")).date(),
        to: at(&format!("{to}T00:00")).date(),
    };
    let publish = |owner: &mut PgStore, absences: &[Away]| {
        owner
            .publish_agenda("Mairie de Gap", "(Gap's agenda)", &[], absences, &[])
            .unwrap()
    };
    assert_eq!(
        publish(&mut owner, &[away("2026-03-04", "2026-03-05")]),
        Ok(())
    );
    // Karim is away on both days, whole days in Gap's time; not the day after.
    let mut embrun = open(&url, "mediatheque-embrun");
    for (starts, ends) in [
        ("2026-03-04T00:00", "2026-03-04T00:30"),
        ("2026-03-05T23:30", "2026-03-06T00:00"),
    ] {
        assert_eq!(
            embrun
                .book(&booking("karim", starts, ends), at(NOW))
                .unwrap(),
            Err(Refusal::SlotTaken),
            "{starts}"
        );
    }
    let code = embrun
        .book(
            &booking("karim", "2026-03-06T09:00", "2026-03-06T09:30"),
            at(NOW),
        )
        .unwrap()
        .unwrap();
    // Published again: the new absences replace the old; one over Karim's appointment is
    // refused and nothing changes.
    let over = away("2026-03-06", "2026-03-06");
    assert_eq!(
        publish(
            &mut owner,
            &[away("2026-03-09", "2026-03-09"), over.clone()]
        ),
        Err(Unpublished::Absence(over))
    );
    assert_eq!(count(&url, "SELECT count(*) FROM absence"), 1);
    assert!(embrun.appointment(&code).unwrap().is_some());
    assert_eq!(
        publish(&mut owner, &[away("2026-03-09", "2026-03-09")]),
        Ok(())
    );
    // Embrun's agenda says so too, and a few days more: both stand.
    let mut embrun_owner = open(&url, "mediatheque-embrun");
    assert_eq!(
        publish(&mut embrun_owner, &[away("2026-03-09", "2026-03-11")]),
        Ok(())
    );
    assert_eq!(count(&url, "SELECT count(*) FROM absence"), 2);
    assert!(
        embrun
            .book(
                &booking("karim", "2026-03-04T09:00", "2026-03-04T09:30"),
                at(NOW)
            )
            .unwrap()
            .is_ok(),
        "the old absence is gone"
    );
}

#[test]
fn two_help_points_may_run_a_workshop_of_the_same_id_on_the_same_day() {
    use borne::store::{NewRegistration, Session, Workshops};
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("sessions");
    let mut gap_kiosk = open(&url, "mairie-gap");
    let mut embrun = open(&url, "mediatheque-embrun");
    let session = "email@2026-03-04";
    let register = |store: &mut PgStore, name: &str| {
        let new = NewRegistration {
            workshop: session.into(),
            starts: at("2026-03-04T14:00"),
            ends: at("2026-03-04T16:00"),
            seats: 1,
            person: Person {
                first_name: name.into(),
                ..Person::default()
            },
            reminder: None,
            booked_by: BookedBy::Kiosk,
            request_id: None,
        };
        store.register(&new, at(NOW)).unwrap()
    };
    // One seat each: Gap's is taken, Embrun's still free.
    assert!(register(&mut gap_kiosk, "Marie").is_ok());
    assert_eq!(register(&mut gap_kiosk, "Lina"), Err(Refusal::Full));
    let paul = register(&mut embrun, "Paul").unwrap();
    assert_eq!(gap_kiosk.seats_taken(&[session.into()]).unwrap(), [1]);
    assert_eq!(embrun.seats_taken(&[session.into()]).unwrap(), [1]);
    // Gap moves its session to Thursday: Embrun's stays, and so does Paul.
    let moved = Session {
        id: session.into(),
        series: "email".into(),
        starts: at("2026-03-05T14:00"),
        ends: at("2026-03-05T16:00"),
        seats: 1,
        cancelled: false,
        taken: 0,
    };
    let told = gap_kiosk
        .save_session(&moved, "camille", None, at(NOW))
        .unwrap();
    assert_eq!(told.len(), 1, "Marie, not Paul: {told:?}");
    assert_eq!(gap_kiosk.changed_sessions().unwrap().len(), 1);
    assert_eq!(embrun.changed_sessions().unwrap(), []);
    assert_eq!(
        embrun.appointment(&paul).unwrap().unwrap().starts,
        at("2026-03-04T14:00")
    );
}

/// The README's network: an owner role that is no superuser (`createuser --createrole`) owns
/// the database, makes the schema and the kiosks' roles, and a kiosk books on its own role.
#[test]
fn an_owner_with_createrole_sets_up_the_network_without_a_superuser() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scratch = server.database("scratch");
    let mut client = postgres::Client::connect(&scratch, postgres::NoTls).unwrap();
    for sql in [
        "DROP DATABASE IF EXISTS network".to_string(),
        "DROP ROLE IF EXISTS net_gap".to_string(),
        "DROP ROLE IF EXISTS net_owner".to_string(),
        format!(
            "CREATE ROLE net_owner LOGIN CREATEROLE PASSWORD '{}'",
            pg::ROLE_PASSWORD
        ),
        "CREATE DATABASE network OWNER net_owner".to_string(),
    ] {
        client.batch_execute(&sql).unwrap();
    }
    let base = scratch.strip_suffix("scratch").unwrap();
    let url = pg::as_role(&format!("{base}network"), "net_owner");
    let mut owner = PgStore::open(&url, "mairie-gap", gap()).unwrap();
    owner.add_kiosk("net_gap", "Mairie de Gap").unwrap();
    pg::give_password(&url, "net_gap");
    let mut kiosk = PgStore::open(&pg::as_role(&url, "net_gap"), "mairie-gap", gap()).unwrap();
    kiosk.declare_help_point("Mairie de Gap").unwrap();
    let booked = kiosk
        .book(
            &booking("camille", "2026-03-03T09:00", "2026-03-03T09:30"),
            at(NOW),
        )
        .unwrap();
    assert!(booked.is_ok(), "{booked:?}");
}

// The attacker: a thief of Gap's kiosk's password, with `psql` and that kiosk's role. Each
// way in of issue #25 is tried; each must open nothing but Gap's own help point.

/// Camille's PIN on the network (published with Embrun's agenda).
const CAMILLE_PIN: &str = "2468";

/// What the thief finds: Gap's kiosk role (`thief_gap`, whose password was stolen), Embrun's
/// kiosk (`kiosk_embrun`), Camille published at Embrun with her PIN, an appointment of hers
/// booked at Embrun for Marie (its code), and her activity report there.
struct Scene {
    url: String,
    /// Marie's appointment with Camille at Embrun.
    code: String,
    /// Camille's published salt (what a kiosk's role may read).
    salted: String,
}

fn scene(server: &pg::Server, name: &str) -> Scene {
    use borne::domain::pin;
    let url = server.database(name);
    drop(kiosk_role(&url, "thief_gap", "mairie-gap", "Mairie de Gap"));
    let mut embrun = kiosk_role(
        &url,
        "kiosk_embrun",
        "mediatheque-embrun",
        "Médiathèque d'Embrun",
    );
    let hash = pin::hash_pin(CAMILLE_PIN).unwrap();
    let (salted, kept) = pin::salted(&hash).unwrap();
    PgStore::open(&url, "mediatheque-embrun", gap())
        .unwrap()
        .publish_agenda(
            "Médiathèque d'Embrun",
            "(Embrun's agenda)",
            &[borne::domain::pin::PublishedPin {
                counsellor: "camille".into(),
                name: "Camille".into(),
                salted: salted.clone(),
                kept,
            }],
            &[],
            &[],
        )
        .unwrap()
        .unwrap();
    let code = embrun
        .book(
            &booking("camille", "2026-03-03T09:00", "2026-03-03T09:30"),
            at(NOW),
        )
        .unwrap()
        .unwrap();
    let mut owner = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    owner
        .execute(
            "INSERT INTO activite (help_point, counsellor, booking, type, date, duree, lieu,
                 materiel, thematiques, thematiques_administratives, notes, genre,
                 tranche_age, statut, created_at)
             VALUES ('mediatheque-embrun', 'camille', $1, 'Individuel', '2026-03-03', 30,
                 'Lieu d''activité', '', '', '', 'Marie pleure, dettes CAF', 'Féminin',
                 '60 - 69 ans', 'Retraité', now())",
            &[&code],
        )
        .unwrap();
    Scene { url, code, salted }
}

/// The thief's `psql`: Gap's kiosk's role on its own connection.
fn thief(url: &str) -> postgres::Client {
    postgres::Client::connect(&pg::as_role(url, "thief_gap"), postgres::NoTls).unwrap()
}

/// Runs the thief's statements one after the other, whatever each does (a refused step is
/// the attack failing there, not the test).
fn tries(client: &mut postgres::Client, statements: &[&str]) -> Vec<Result<(), String>> {
    statements
        .iter()
        .map(|sql| {
            client.batch_execute(sql).map_err(|e| {
                e.as_db_error()
                    .map_or(e.to_string(), |d| d.message().to_string())
            })
        })
        .collect()
}

/// The rows' text as the thief reads them (nothing when refused).
fn reads(client: &mut postgres::Client, sql: &str) -> Vec<String> {
    client
        .query(sql, &[])
        .map(|rows| {
            rows.iter()
                .map(|r| r.get::<_, Option<String>>(0).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

/// A sign-in on the thief's connection with one PIN's proof for one counsellor, as a kiosk's
/// role may call it: whom it opened to, or the database's refusal.
fn sign_in_sql(
    client: &mut postgres::Client,
    counsellor: &str,
    proof: &[u8],
) -> Result<Option<String>, String> {
    let said = |e: postgres::Error| {
        e.as_db_error()
            .map_or(e.to_string(), |d| d.message().to_string())
    };
    client
        .execute("SELECT borne_sign_in($1, $2)", &[&counsellor, &proof])
        .map_err(said)?;
    client
        .query_one("SELECT borne_signed_in()", &[])
        .map(|r| r.get(0))
        .map_err(said)
}

/// Marie's appointment as the network's owner sees it: (status, first name).
fn marie_as_kept(scene: &Scene) -> (String, String) {
    let mut owner = postgres::Client::connect(&scene.url, postgres::NoTls).unwrap();
    let row = owner
        .query_one(
            "SELECT status, first_name FROM booking WHERE code = $1",
            &[&scene.code],
        )
        .unwrap();
    (row.get(0), row.get(1))
}

#[test]
fn a_temporary_kiosk_table_opens_no_other_help_point() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "shadow_kiosk");
    let mut thief = thief(&scene.url);
    let done = tries(
        &mut thief,
        &[
            "CREATE TEMP TABLE kiosk (role name PRIMARY KEY, help_point text NOT NULL,
                 failures integer NOT NULL DEFAULT 0, locked_until timestamptz)",
            "INSERT INTO kiosk (role, help_point) VALUES (session_user, 'mediatheque-embrun')",
            "CREATE TABLE public.kiosk_copy (role name)",
            "CREATE SCHEMA thief",
        ],
    );
    // A kiosk's role creates nothing (the sweep below checks the functions would not be
    // fooled even if it could).
    assert_eq!(
        done[0],
        Err("permission denied to create temporary tables in database \"shadow_kiosk\"".into())
    );
    assert_eq!(
        done[2..],
        [
            Err("permission denied for schema public".into()),
            Err("permission denied for database shadow_kiosk".into())
        ]
    );
    let read = reads(
        &mut thief,
        "SELECT first_name || ' ' || phone FROM public.booking",
    );
    tries(
        &mut thief,
        &["UPDATE public.booking SET status = 'annulé par l''usager', first_name = 'Pirate'"],
    );
    assert_eq!(read, Vec::<String>::new(), "Embrun's people read from Gap");
    assert_eq!(
        marie_as_kept(&scene),
        ("à venir".to_string(), "Marie".to_string()),
        "Embrun's appointment changed from Gap"
    );
}

#[test]
fn a_temporary_counsellor_session_signs_no_one_in() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "shadow_session");
    let mut thief = thief(&scene.url);
    tries(
        &mut thief,
        &[
            "CREATE TEMP TABLE counsellor_session (token text PRIMARY KEY, counsellor text,
                 kiosk name, expires_at timestamptz)",
            "INSERT INTO counsellor_session
                 VALUES ('forged', 'camille', session_user, now() + interval '1 day')",
            "SET borne.session = 'forged'",
        ],
    );
    assert_eq!(reads(&mut thief, "SELECT borne_counsellor()"), [""]);
    assert_eq!(
        reads(&mut thief, "SELECT first_name FROM public.booking"),
        Vec::<String>::new(),
        "Camille's appointments read without her PIN"
    );
    assert_eq!(
        reads(&mut thief, "SELECT notes FROM public.activite"),
        Vec::<String>::new(),
        "Camille's reports read without her PIN"
    );
}

#[test]
fn a_temporary_occupation_table_never_books_a_counsellor_twice() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "shadow_occupation");
    let mut thief = thief(&scene.url);
    let done = tries(
        &mut thief,
        &[
            "CREATE TEMP TABLE occupation (id bigserial, counsellor text, during tstzrange,
                 booking bigint, absence bigint, session text, layer bigint)",
            "INSERT INTO public.booking (code, help_point, counsellor, motif, starts_at,
                 ends_at, booked_by, created_at)
             VALUES ('TWICE1', 'mairie-gap', 'camille', 'demarche',
                 '2026-03-03 09:00 Europe/Paris', '2026-03-03 09:30 Europe/Paris', 'kiosk',
                 now())",
        ],
    );
    let mut owner = postgres::Client::connect(&scene.url, postgres::NoTls).unwrap();
    let camille: i64 = owner
        .query_one(
            "SELECT count(*) FROM booking WHERE counsellor = 'camille'
                 AND starts_at = '2026-03-03 09:00 Europe/Paris'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(camille, 1, "Camille booked twice at once: {done:?}");
}

/// Proofs of every PIN in `pins` for a counsellor's published salt.
fn proofs(salted: &str, pins: impl IntoIterator<Item = String>) -> Vec<(String, Vec<u8>)> {
    pins.into_iter()
        .map(|p| {
            let proof = borne::domain::pin::proof(&p, salted).unwrap();
            (p, proof)
        })
        .collect()
}

#[test]
fn a_temporary_kiosk_table_reset_between_tries_never_escapes_the_lockout() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "shadow_lockout");
    let mut thief = thief(&scene.url);
    let wrong = proofs(&scene.salted, (0..5).map(|i| format!("000{i}")));
    for (_, proof) in &wrong {
        tries(
            &mut thief,
            &[
                "DROP TABLE IF EXISTS pg_temp.kiosk",
                "CREATE TEMP TABLE kiosk (role name PRIMARY KEY, help_point text NOT NULL,
                     failures integer NOT NULL DEFAULT 0, locked_until timestamptz)",
                "INSERT INTO kiosk (role, help_point) VALUES (session_user, 'mairie-gap')",
            ],
        );
        let _ = sign_in_sql(&mut thief, "camille", proof);
    }
    let right = borne::domain::pin::proof(CAMILLE_PIN, &scene.salted).unwrap();
    let signed = sign_in_sql(&mut thief, "camille", &right);
    assert!(
        matches!(&signed, Err(why) if why.contains("too many wrong PINs")),
        "five wrong PINs, then in: {signed:?}"
    );
}

#[test]
fn one_sign_in_call_proves_one_pin_for_one_counsellor() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "many_proofs");
    let mut thief = thief(&scene.url);
    // Ten guesses in one call, the right one among them.
    let guesses = proofs(&scene.salted, (2460..2470).map(|p| p.to_string()));
    let counsellors: Vec<&str> = guesses.iter().map(|_| "camille").collect();
    let given: Vec<&[u8]> = guesses.iter().map(|(_, p)| p.as_slice()).collect();
    let called = thief
        .query_one(
            "SELECT borne_sign_in($1::text[], $2::bytea[])",
            &[&counsellors, &given],
        )
        .map(|r| r.get::<_, Option<String>>(0));
    assert_eq!(
        reads(&mut thief, "SELECT borne_counsellor()"),
        [""],
        "signed in with ten guesses in one call: {called:?}"
    );
}

#[test]
fn wrong_pins_spread_over_kiosks_lock_the_counsellor_out() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "spread");
    // Five guesses from Gap's kiosk, then the right PIN from Embrun's: Camille is locked
    // out, wherever the guesses came from.
    let mut thief = thief(&scene.url);
    for (_, proof) in proofs(&scene.salted, (0..5).map(|i| format!("111{i}"))) {
        let _ = sign_in_sql(&mut thief, "camille", &proof);
    }
    let mut embrun =
        postgres::Client::connect(&pg::as_role(&scene.url, "kiosk_embrun"), postgres::NoTls)
            .unwrap();
    let right = borne::domain::pin::proof(CAMILLE_PIN, &scene.salted).unwrap();
    let signed = sign_in_sql(&mut embrun, "camille", &right);
    assert!(
        matches!(&signed, Err(why) if why.contains("too many wrong PINs")),
        "five wrong PINs for Camille, then in on another kiosk: {signed:?}"
    );
}

#[test]
fn a_kiosk_role_writes_the_audit_trail_only_as_itself() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "audit_forgery");
    let mut thief = thief(&scene.url);
    let done = tries(
        &mut thief,
        &["INSERT INTO audit (at, help_point, actor, action)
           VALUES (now(), 'mairie-gap', 'camille', 'cancelled by the service FORGED')"],
    );
    let mut owner = postgres::Client::connect(&scene.url, postgres::NoTls).unwrap();
    let actors: Vec<String> = owner
        .query("SELECT actor FROM audit WHERE action LIKE '%FORGED'", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(
        actors,
        ["thief_gap"],
        "an audit row in Camille's name from Gap's kiosk: {done:?}"
    );
    // Camille signed in on Embrun's kiosk: her actions are hers, whatever the kiosk says.
    use borne::store::Journal;
    let mut embrun = PgStore::open(
        &pg::as_role(&scene.url, "kiosk_embrun"),
        "mediatheque-embrun",
        gap(),
    )
    .unwrap();
    embrun.sign_in("camille", CAMILLE_PIN).unwrap();
    embrun.audit(at(NOW), "admin", "SIGNED-IN").unwrap();
    let row = owner
        .query_one(
            "SELECT actor, claimed, help_point FROM audit WHERE action = 'SIGNED-IN'",
            &[],
        )
        .unwrap();
    let stamped: (String, String, String) = (row.get(0), row.get(1), row.get(2));
    assert_eq!(
        stamped,
        (
            "camille".to_string(),
            "admin".to_string(),
            "mediatheque-embrun".to_string()
        )
    );
}

#[test]
fn where_a_code_was_booked_is_told_only_with_its_phone_digits() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "code_oracle");
    let mut thief = thief(&scene.url);
    let code = &scene.code;
    let told = reads(
        &mut thief,
        &format!("SELECT borne_booked_elsewhere('{code}', 'mairie-gap')"),
    );
    assert!(
        told.iter().all(|t| t.is_empty()),
        "where a code was booked, told for the code alone: {told:?}"
    );
    for wrong in ["", "00", "678", "Marie"] {
        assert_eq!(
            reads(
                &mut thief,
                &format!("SELECT borne_booked_elsewhere('{code}', 'mairie-gap', '{wrong}')")
            ),
            [""],
            "told with {wrong:?}"
        );
    }
    // Marie herself, at Gap's kiosk with her code and her phone's last digits: where to go.
    let mut kiosk =
        PgStore::open(&pg::as_role(&scene.url, "thief_gap"), "mairie-gap", gap()).unwrap();
    assert_eq!(
        kiosk.booked_elsewhere(code, " 78 ").unwrap().as_deref(),
        Some("Médiathèque d'Embrun")
    );
}

#[test]
fn a_help_point_publishing_another_counsellor_under_the_same_id_is_refused() {
    use borne::domain::pin;
    use borne::store::SignIn;
    use borne::store::postgres::Unpublished;
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("collision");
    let mut gap_kiosk = kiosk_role(&url, "collide_gap", "mairie-gap", "Mairie de Gap");
    let karim = |name: &str, entered: &str| {
        let hash = pin::hash_pin(entered).unwrap();
        let (salted, kept) = pin::salted(&hash).unwrap();
        pin::PublishedPin {
            counsellor: "karim".into(),
            name: name.into(),
            salted,
            kept,
        }
    };
    let publish = |help_point: &str, name: &str, pin: &pin::PublishedPin, new_pins: &[String]| {
        PgStore::open(&url, help_point, gap())
            .unwrap()
            .publish_agenda(name, "", std::slice::from_ref(pin), &[], new_pins)
            .unwrap()
    };
    // Gap's Karim, then Embrun's own "karim": someone else, with another PIN.
    let gap_karim = karim("Karim B.", "1111");
    assert_eq!(
        publish("mairie-gap", "Mairie de Gap", &gap_karim, &[]),
        Ok(())
    );
    let second = publish(
        "mediatheque-embrun",
        "Médiathèque d'Embrun",
        &karim("Karim", "2222"),
        &[],
    );
    assert_eq!(
        second,
        Err(Unpublished::Counsellor {
            counsellor: "karim".into(),
            help_point: "mairie-gap".into(),
            help_point_name: "Mairie de Gap".into(),
            name: "Karim B.".into(),
        }),
        "Embrun's karim replaced Gap's"
    );
    // Gap's Karim still signs in with his own PIN, and Embrun's cannot.
    assert_eq!(gap_kiosk.sign_in("karim", "2222").unwrap(), SignIn::Wrong);
    assert_eq!(
        gap_kiosk.sign_in("karim", "1111").unwrap(),
        SignIn::Counsellor("karim".into())
    );
    gap_kiosk.sign_out().unwrap();
    // The same person in both agendas (his line copied) is one counsellor; a new PIN of his
    // is taken when said so, and checked at once on every kiosk.
    assert_eq!(
        publish(
            "mediatheque-embrun",
            "Médiathèque d'Embrun",
            &gap_karim,
            &[]
        ),
        Ok(())
    );
    let renewed = karim("Karim B.", "3333");
    assert!(publish("mairie-gap", "Mairie de Gap", &renewed, &[]).is_err());
    assert_eq!(
        publish("mairie-gap", "Mairie de Gap", &renewed, &["karim".into()]),
        Ok(())
    );
    assert_eq!(
        gap_kiosk.sign_in("karim", "3333").unwrap(),
        SignIn::Counsellor("karim".into())
    );
}

/// `borne agenda publish` says which help point holds a counsellor's id, and how to resolve.
#[test]
fn agenda_publish_names_the_help_point_that_holds_a_counsellors_id() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("collision_cli");
    let dir = tempfile::tempdir().unwrap();
    let publish = |id: &str, args: &[&str]| {
        let config = network_config(&dir.path().join(id), id);
        if id != "mairie-gap" {
            // Embrun's own Karim, with his own PIN (8888).
            let agenda = config.join("agenda.toml");
            let text = std::fs::read_to_string(&agenda).unwrap().replace(
                "$X3O/uANNaOkJI3ylf2cchw$4A3MFvc6aKcEMgp5ijwkK5eUCN50r1fOX9it/VlhoYk",
                "$L2AyeWfrfn9LIs22ggrdDA$4jO0S1GHO2wYYecDkbEjFWc4ld7ED4MJP+Fr7eoeDz4",
            );
            std::fs::write(&agenda, text).unwrap();
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
            .env_remove("BORNE_CONFIG")
            .env("XDG_DATA_HOME", dir.path().join(id))
            .arg("--config")
            .arg(&config)
            .args(["--db", &url, "agenda", "publish"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(publish("mairie-gap", &[]).0, Some(0));
    let (status, said) = publish("mediatheque-embrun", &[]);
    assert_eq!(status, Some(1), "{said}");
    assert!(
        said.contains("counsellor id \"karim\" is already \"Karim\" at Point numérique — Mairie de Gap (mairie-gap)")
            && said.contains("give them another id in agenda.toml")
            && said.contains("--new-pin karim")
            && said.contains("nothing was published"),
        "{said}"
    );
    let (status, said) = publish("mediatheque-embrun", &["--new-pin", "karim"]);
    assert_eq!(status, Some(0), "{said}");
    let (status, said) = publish("mediatheque-embrun", &["--new-pin", "nobody"]);
    assert_eq!(status, Some(2), "{said}");
}

/// Every relation and function of the network's schema shadowed in the thief's temporary
/// schema, with forged rows where they would open something (Embrun as Gap's help point, a
/// session of Camille's, a PIN of the thief's choosing): nothing the kiosk's role may do
/// changes. The thief is given `TEMPORARY` here, as a server that kept PostgreSQL's default
/// grants would give it: the functions themselves must not be fooled.
#[test]
fn shadowing_every_name_the_schema_uses_changes_nothing_a_kiosk_role_may_do() {
    use borne::domain::pin;
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "sweep");
    let mut owner = postgres::Client::connect(&scene.url, postgres::NoTls).unwrap();
    owner
        .batch_execute("GRANT TEMPORARY ON DATABASE sweep TO thief_gap")
        .unwrap();
    let tables: Vec<(String, String)> = owner
        .query(
            "SELECT c.relname::text, string_agg(quote_ident(a.attname) || ' '
                 || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND a.attnum > 0 AND NOT a.attisdropped
             GROUP BY c.relname",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    // The schema's own functions (not btree_gist's).
    let functions: Vec<(String, String, String)> = owner
        .query(
            "SELECT p.proname::text, pg_get_function_identity_arguments(p.oid),
                 pg_get_function_result(p.oid)
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND NOT EXISTS (SELECT FROM pg_depend d
                 WHERE d.objid = p.oid AND d.deptype = 'e')",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert!(tables.len() >= 15, "{tables:?}");
    assert!(
        functions.iter().any(|(f, _, _)| f == "borne_sign_in"),
        "{functions:?}"
    );
    let mut thief = thief(&scene.url);
    let mut shadows = Vec::new();
    for (table, columns) in &tables {
        shadows.push(format!("CREATE TEMP TABLE {table} ({columns})"));
    }
    for (function, arguments, result) in &functions {
        let body = match (function.as_str(), result.as_str()) {
            (_, "void") => "BEGIN RETURN; END".to_string(),
            ("borne_help_point", _) => "BEGIN RETURN 'mediatheque-embrun'; END".to_string(),
            ("borne_counsellor" | "borne_signed_in" | "borne_resume", _) => {
                "BEGIN RETURN 'camille'; END".to_string()
            }
            _ => "BEGIN RETURN NULL; END".to_string(),
        };
        shadows.push(format!(
            "CREATE FUNCTION pg_temp.{function}({arguments}) RETURNS {result}
             LANGUAGE plpgsql AS $$ {body} $$"
        ));
    }
    let forged = pin::proof("0000", &scene.salted).unwrap();
    let forged_hex: String = forged.iter().map(|b| format!("{b:02x}")).collect();
    shadows.extend([
        "INSERT INTO pg_temp.kiosk (role, help_point) VALUES (session_user, 'mediatheque-embrun')"
            .to_string(),
        "INSERT INTO pg_temp.counsellor_session (token, counsellor, kiosk, expires_at)
         VALUES ('forged', 'camille', session_user, now() + interval '1 day')"
            .to_string(),
        format!(
            "INSERT INTO pg_temp.counsellor_pin (counsellor, salted, kept)
             VALUES ('camille', '{}', '\\x{forged_hex}')",
            scene.salted
        ),
        "INSERT INTO pg_temp.help_point (id, name)
         VALUES ('mairie-gap', 'Forged'), ('mediatheque-embrun', 'Forged')"
            .to_string(),
    ]);
    let statements: Vec<&str> = shadows.iter().map(String::as_str).collect();
    let done = tries(&mut thief, &statements);
    assert!(done.iter().all(Result::is_ok), "{done:?}");

    assert_eq!(
        reads(&mut thief, "SELECT borne_help_point()"),
        ["mairie-gap"]
    );
    tries(&mut thief, &["SET borne.session = 'forged'"]);
    assert_eq!(reads(&mut thief, "SELECT borne_counsellor()"), [""]);
    assert_eq!(
        reads(&mut thief, "SELECT first_name FROM public.booking"),
        Vec::<String>::new()
    );
    assert_eq!(
        reads(&mut thief, "SELECT notes FROM public.activite"),
        Vec::<String>::new()
    );
    let signed = sign_in_sql(&mut thief, "camille", &forged);
    assert!(
        !matches!(signed, Ok(Some(_))),
        "signed in with a PIN of the thief's: {signed:?}"
    );
    tries(
        &mut thief,
        &[
            "INSERT INTO public.booking (code, help_point, counsellor, motif, starts_at,
               ends_at, booked_by, created_at)
           VALUES ('TWICE1', 'mairie-gap', 'camille', 'demarche',
               '2026-03-03 09:00 Europe/Paris', '2026-03-03 09:30 Europe/Paris', 'kiosk',
               now())",
        ],
    );
    let camille: i64 = owner
        .query_one(
            "SELECT count(*) FROM booking WHERE counsellor = 'camille'
                 AND starts_at = '2026-03-03 09:00 Europe/Paris'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(camille, 1, "Camille booked twice at once");
    for (_, proof) in proofs(&scene.salted, (1..5).map(|i| format!("000{i}"))) {
        let _ = sign_in_sql(&mut thief, "camille", &proof);
    }
    let right = pin::proof(CAMILLE_PIN, &scene.salted).unwrap();
    let signed = sign_in_sql(&mut thief, "camille", &right);
    assert!(
        matches!(&signed, Err(why) if why.contains("too many wrong PINs")),
        "five wrong PINs, then in: {signed:?}"
    );
}

/// A sign-in inside a transaction the thief rolls back would undo its count: whatever it
/// proves is told only once the attempt is committed, counted. Neither the session nor the
/// lockout's answer tells, before that, whether a PIN was right.
#[test]
fn a_sign_in_tells_nothing_until_its_attempt_is_counted() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "rolled_back");
    let mut thief = thief(&scene.url);
    let right = borne::domain::pin::proof(CAMILLE_PIN, &scene.salted).unwrap();
    tries(&mut thief, &["BEGIN"]);
    let inside = sign_in_sql(&mut thief, "camille", &right);
    let read = reads(&mut thief, "SELECT first_name FROM public.booking");
    tries(&mut thief, &["ROLLBACK"]);
    assert!(
        !matches!(inside, Ok(Some(_))) && read.is_empty(),
        "the right PIN told inside a transaction rolled back: {inside:?} {read:?}"
    );
    // Five guesses, then one more try to read the lockout's answer, all rolled back: the
    // answer is the same whether the right PIN was among the five.
    let wrong = proofs(&scene.salted, (0..5).map(|i| format!("000{i}")));
    let mut probe = |fifth: &[u8]| {
        tries(&mut thief, &["BEGIN"]);
        for (_, proof) in &wrong[..4] {
            let _ = sign_in_sql(&mut thief, "camille", proof);
        }
        let _ = sign_in_sql(&mut thief, "camille", fifth);
        let answer = sign_in_sql(&mut thief, "camille", &wrong[0].1);
        tries(&mut thief, &["ROLLBACK"]);
        answer
    };
    // The answer, without the instant it was given.
    let said = |answer: Result<Option<String>, String>| {
        answer.map_err(|why| {
            why.split(": wait until")
                .next()
                .unwrap_or_default()
                .to_string()
        })
    };
    let all_wrong = said(probe(&wrong[4].1));
    let right_among = said(probe(&right));
    assert_eq!(all_wrong, right_among, "the lockout tells the right PIN");
}

/// A network on version 5 (a kiosk's role, a counsellor's PIN published then, her
/// appointment, her session, an audit row) upgraded to 6: everything stays, the kiosk books
/// and signs her in as before, and its role may no longer create anything.
#[test]
fn a_network_on_version_5_is_upgraded_with_its_data() {
    use borne::domain::pin;
    use borne::store::SignIn;
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("upgrade5");
    assert_eq!(PgStore::migrate_to(&url, 5).unwrap(), 0);
    let hash = pin::hash_pin(CAMILLE_PIN).unwrap();
    let (salted, kept) = pin::salted(&hash).unwrap();
    let mut owner = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    owner
        .batch_execute(&format!(
            "CREATE ROLE old_gap LOGIN PASSWORD '{}';
             GRANT borne_kiosk TO old_gap;
             INSERT INTO help_point (id, name) VALUES ('mairie-gap', 'Mairie de Gap');
             INSERT INTO kiosk (role, help_point) VALUES ('old_gap', 'mairie-gap');
             INSERT INTO agenda (help_point, document) VALUES ('mairie-gap', '(agenda)');
             INSERT INTO booking (code, help_point, counsellor, motif, starts_at, ends_at,
                 first_name, phone, booked_by, created_at)
             VALUES ('OLD123', 'mairie-gap', 'camille', 'demarche',
                 '2026-03-03 09:00 Europe/Paris', '2026-03-03 09:30 Europe/Paris', 'Marie',
                 '+33612345678', 'kiosk', now());
             INSERT INTO counsellor_session (token, counsellor, kiosk, expires_at)
             VALUES ('old-session', 'camille', 'old_gap', now() + interval '1 hour');
             INSERT INTO audit (at, help_point, actor, action)
             VALUES (now(), 'mairie-gap', 'camille', 'counsellor sign-in');",
            pg::ROLE_PASSWORD
        ))
        .unwrap();
    owner
        .execute(
            "INSERT INTO counsellor_pin (counsellor, salted, kept) VALUES ('camille', $1, $2)",
            &[&salted, &kept],
        )
        .unwrap();
    assert_eq!(PgStore::migrate(&url).unwrap(), (5, latest()));
    // What was there stays.
    assert_eq!(count(&url, "SELECT count(*) FROM booking"), 1);
    assert_eq!(count(&url, "SELECT count(*) FROM occupation"), 1);
    assert_eq!(count(&url, "SELECT count(*) FROM audit"), 1);
    assert_eq!(count(&url, "SELECT count(*) FROM counsellor_pin"), 1);
    // The kiosk's role may create nothing now, and still does its work: Camille, whose PIN
    // was published before the network knew who listed her, signs in; the session opened
    // by the old schema still holds on a new connection.
    let as_gap = pg::as_role(&url, "old_gap");
    let mut thief = postgres::Client::connect(&as_gap, postgres::NoTls).unwrap();
    let refused = thief
        .batch_execute("CREATE TEMP TABLE kiosk (role name)")
        .unwrap_err();
    let refused = refused.as_db_error().map(|e| e.message().to_string());
    assert!(
        refused
            .as_deref()
            .is_some_and(|m| m.starts_with("permission denied to create temporary tables")),
        "{refused:?}"
    );
    let mut kiosk = PgStore::open(&as_gap, "mairie-gap", gap()).unwrap();
    assert!(kiosk.resume("old-session").unwrap());
    assert_eq!(
        kiosk.sign_in("camille", CAMILLE_PIN).unwrap(),
        SignIn::Counsellor("camille".into())
    );
    assert!(kiosk.appointment("OLD123").unwrap().is_some());
    assert!(
        kiosk
            .book(
                &booking("karim", "2026-03-03T09:00", "2026-03-03T09:30"),
                at(NOW)
            )
            .unwrap()
            .is_ok()
    );
    // Her first publication after the upgrade claims her id for Gap.
    let mut gap_owner = PgStore::open(&url, "mairie-gap", gap()).unwrap();
    let camille = pin::PublishedPin {
        counsellor: "camille".into(),
        name: "Camille".into(),
        salted,
        kept,
    };
    assert_eq!(
        gap_owner
            .publish_agenda("Mairie de Gap", "(agenda)", &[camille], &[], &[])
            .unwrap(),
        Ok(())
    );
    assert_eq!(count(&url, "SELECT count(*) FROM counsellor_listed"), 1);
}

/// The gateway's output (the phone, the message) is not kept with a failed reminder, and
/// the retention rule clears what an older borne kept of it.
#[test]
fn a_failed_reminder_keeps_no_gateway_output_and_erasing_clears_it() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("last_error");
    let mut kiosk = open(&url, "mairie-gap");
    let mut reminded = booking("camille", "2026-03-05T09:00", "2026-03-05T09:30");
    reminded.reminder = Some(borne::store::Reminder {
        due: at("2026-03-03T09:00"),
        recipient: "+33612345678".into(),
        message: "Rappel pour Marie".into(),
    });
    kiosk.book(&reminded, at(NOW)).unwrap().unwrap();
    let gateway: Vec<String> = [
        "sh",
        "-c",
        "echo \"GATEWAY-SAID refused $1: $(cat)\" >&2; exit 1",
        "gw",
    ]
    .map(String::from)
    .to_vec();
    let report = borne::store::outbox::send_due(
        &mut kiosk,
        &gateway,
        at("2026-03-03T10:00"),
        std::time::Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(report.failed, 1);
    let mut owner = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let kept: String = owner
        .query_one("SELECT last_error FROM outbox", &[])
        .unwrap()
        .get(0);
    assert_eq!(kept, "sh failed (exit status: 1)");
    owner
        .execute(
            "UPDATE outbox SET last_error = last_error || ': GATEWAY-SAID +33612345678'",
            &[],
        )
        .unwrap();
    assert_eq!(
        kiosk
            .erase_personal_data(at("2026-04-10T10:00"), 30)
            .unwrap(),
        1
    );
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM outbox WHERE last_error IS NOT NULL OR recipient IS NOT NULL"
        ),
        0
    );
}

/// A message goes out through the gateway of the help point that queued it: the thief
/// makes no other help point's kiosk send a text of theirs, to anyone.
#[test]
fn a_kiosk_role_makes_no_other_help_point_send_a_message() {
    use borne::store::Outbox;
    let Some(server) = pg::Server::start() else {
        return;
    };
    let scene = scene(&server, "outbox_spam");
    let mut gap_kiosk =
        PgStore::open(&pg::as_role(&scene.url, "thief_gap"), "mairie-gap", gap()).unwrap();
    let mut reminded = booking("karim", "2026-03-05T09:00", "2026-03-05T09:30");
    reminded.reminder = Some(borne::store::Reminder {
        due: at("2026-03-03T09:00"),
        recipient: "+33612345678".into(),
        message: "Rappel".into(),
    });
    gap_kiosk.book(&reminded, at(NOW)).unwrap().unwrap();
    let mut owner = postgres::Client::connect(&scene.url, postgres::NoTls).unwrap();
    let id_of = |owner: &mut postgres::Client, help_point: &str| -> i64 {
        owner
            .query_one(
                "SELECT id FROM booking WHERE help_point = $1",
                &[&help_point],
            )
            .unwrap()
            .get(0)
    };
    let (embrun_booking, gap_booking) = (
        id_of(&mut owner, "mediatheque-embrun"),
        id_of(&mut owner, "mairie-gap"),
    );
    let mut thief = thief(&scene.url);
    let done = tries(
        &mut thief,
        &[
            // A notice about Embrun's appointment, queued as Gap's…
            &format!(
                "INSERT INTO outbox (booking, due_at, recipient, message, kind, help_point)
                 VALUES ({embrun_booking}, '2026-03-01', '+33600000001', 'SPAM 1',
                     'avis', 'mairie-gap')"
            ),
            // …one about Gap's, queued as Embrun's…
            &format!(
                "INSERT INTO outbox (booking, due_at, recipient, message, kind, help_point)
                 VALUES ({gap_booking}, '2026-03-01', '+33600000002', 'SPAM 2',
                     'avis', 'mediatheque-embrun')"
            ),
            // …Gap's own reminder handed to Embrun, or turned into another text to another
            // number.
            "UPDATE outbox SET help_point = 'mediatheque-embrun', kind = 'avis'",
            "UPDATE outbox SET recipient = '+33600000003', message = 'SPAM 3'",
        ],
    );
    let mut embrun = PgStore::open(
        &pg::as_role(&scene.url, "kiosk_embrun"),
        "mediatheque-embrun",
        gap(),
    )
    .unwrap();
    let sent_by_embrun = embrun.claim_due_messages(at("2026-03-04T10:00")).unwrap();
    assert!(
        sent_by_embrun.is_empty(),
        "Embrun's gateway would send {sent_by_embrun:?} ({done:?})"
    );
    let spam = count(
        &scene.url,
        "SELECT count(*) FROM outbox WHERE message LIKE 'SPAM%'",
    );
    assert_eq!(spam, 0, "{done:?}");
}

/// Marie, booked at Gap, asks Embrun's kiosk for her appointment: with her code and her
/// phone's last digits she is told where to go; with wrong digits, only that it is not found.
#[test]
fn a_person_at_another_help_point_is_told_where_to_go_with_their_check() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("elsewhere");
    let mut gap_kiosk = open(&url, "mairie-gap");
    let code = gap_kiosk
        .book(
            &booking("camille", "2026-03-05T09:00", "2026-03-05T09:30"),
            at(NOW),
        )
        .unwrap()
        .unwrap();
    let mut kiosk = pty::Kiosk::start_on_network(&url, "mediatheque-embrun");
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["4"]);
    kiosk.wait_for("Tapez le code de votre rendez-vous");
    kiosk.type_text(&code);
    kiosk.keys(&[pty::ENTER]);
    kiosk.type_text("77");
    kiosk.keys(&[pty::ENTER, pty::ENTER]);
    let screen = kiosk.wait_for("Nous ne trouvons pas ce rendez-vous.");
    assert!(!screen.contains("autre lieu"), "{screen}");
    kiosk.keys(&[pty::UP, "\x7f", "\x7f"]);
    kiosk.type_text("78");
    kiosk.keys(&[pty::ENTER, pty::ENTER]);
    kiosk.wait_for("Ce rendez-vous a été pris dans un autre lieu : mairie-gap");
}

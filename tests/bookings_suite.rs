//! One suite, two stores: the behaviour of appointments — booking, finding, cancelling,
//! attendance, moving, workshop seats, erasure — is the same on a help point's SQLite file
//! and on a network's PostgreSQL (a throwaway server, see `pg/mod.rs`).
mod pg;

use borne::calendar::Calendar;
use borne::domain::person::Person;
use borne::store::postgres::PgStore;
use borne::store::{
    BookedBy, Bookings, Canceller, Move, NewBooking, NewRegistration, Refusal, Reminder, Status,
    Store, What,
};
use chrono::NaiveDateTime;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

const NOW: &str = "2026-03-02T10:15";

fn marie() -> Person {
    Person {
        first_name: "Marie".into(),
        last_initial: Some("D".into()),
        phone: Some("+33612345678".into()),
        email: None,
    }
}

fn booking(counsellor: &str, starts: &str, ends: &str) -> NewBooking {
    NewBooking {
        counsellor: counsellor.into(),
        motif: "demarche".into(),
        starts: at(starts),
        ends: at(ends),
        person: marie(),
        reminder: Some(Reminder {
            due: at(starts) - chrono::Duration::days(2),
            recipient: "+33612345678".into(),
            message: "Rappel : rendez-vous %CODE%".into(),
        }),
        diagnostic: None,
        booked_by: BookedBy::Kiosk,
    }
}

fn registration(workshop: &str, seats: u32, first_name: &str) -> NewRegistration {
    NewRegistration {
        workshop: workshop.into(),
        starts: at("2026-03-04T14:00"),
        ends: at("2026-03-04T16:00"),
        seats,
        person: Person {
            first_name: first_name.into(),
            ..Person::default()
        },
        reminder: None,
        booked_by: BookedBy::Kiosk,
    }
}

fn code(result: Result<Result<String, Refusal>, String>) -> String {
    result.unwrap().unwrap()
}

type Scenario = fn(&mut dyn Bookings);

const SCENARIOS: &[(&str, Scenario)] = &[
    ("a booking reads back as made", a_booking_reads_back_as_made),
    ("overlaps are refused", overlaps_are_refused),
    (
        "a person finds their appointment with its check",
        finding_needs_the_check,
    ),
    ("cancelling follows the rule and frees the time", cancelling),
    ("attendance is taken from the start only", attendance),
    ("moving takes the new time and frees the old", moving),
    ("workshop seats are never exceeded", workshop_seats),
    ("the agenda lists both kinds in time order", listing),
    ("personal data is erased after the retention", erasure),
];

fn a_booking_reads_back_as_made(store: &mut dyn Bookings) {
    let now = at(NOW);
    let mut new = booking("karim", "2026-03-05T10:00", "2026-03-05T10:45");
    new.booked_by = BookedBy::Counsellor("camille".into());
    new.diagnostic = Some("{\"needs\":[\"E-mail\"]}".into());
    let code = code(store.book(&new, now));
    let found = store
        .appointment(&code)
        .unwrap()
        .expect("found by its code");
    assert_eq!(found.code, code);
    assert_eq!(
        found.what,
        What::Booking {
            counsellor: "karim".into(),
            motif: "demarche".into()
        }
    );
    assert_eq!((found.starts, found.ends), (new.starts, new.ends));
    assert_eq!(found.status, Status::Upcoming);
    assert_eq!(found.person, marie());
    assert_eq!(found.booked_by, BookedBy::Counsellor("camille".into()));
    assert!(found.reminder && !found.report);
    assert_eq!(found.diagnostic, new.diagnostic);
    assert_eq!(store.appointment("ZZZZZZ").unwrap(), None);
}

fn overlaps_are_refused(store: &mut dyn Bookings) {
    let now = at(NOW);
    code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    for (starts, ends) in [
        ("2026-03-05T10:00", "2026-03-05T10:45"),
        ("2026-03-05T09:30", "2026-03-05T10:05"),
        ("2026-03-05T10:40", "2026-03-05T11:00"),
    ] {
        assert_eq!(
            store.book(&booking("karim", starts, ends), now).unwrap(),
            Err(Refusal::SlotTaken),
            "{starts}–{ends}"
        );
    }
    code(store.book(
        &booking("karim", "2026-03-05T10:45", "2026-03-05T11:30"),
        now,
    ));
    code(store.book(
        &booking("camille", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    let busy: Vec<(String, String)> = store
        .busy(at(NOW).date(), at("2026-03-06T00:00").date())
        .unwrap()
        .into_iter()
        .map(|b| (b.counsellor, b.starts.format("%H:%M").to_string()))
        .collect();
    for expected in [("karim", "10:00"), ("karim", "10:45"), ("camille", "10:00")] {
        assert!(
            busy.contains(&(expected.0.into(), expected.1.into())),
            "{busy:?}"
        );
    }
    assert_eq!(busy.len(), 3, "{busy:?}");
}

fn finding_needs_the_check(store: &mut dyn Bookings) {
    let code = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        at(NOW),
    ));
    assert!(store.find(&code, "78").unwrap().is_some());
    assert!(store.find(&code.to_lowercase(), "78").unwrap().is_some());
    assert_eq!(store.find(&code, "12").unwrap(), None);
    assert_eq!(
        store.find(&code, "Marie").unwrap(),
        None,
        "a phone: its digits"
    );
}

fn cancelling(store: &mut dyn Bookings) {
    let now = at(NOW);
    let code = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    // The person may cancel up to a limit the caller works out (4 hours before).
    assert_eq!(
        store
            .cancel(
                &code,
                &Canceller::Citizen {
                    limit: at("2026-03-05T10:30")
                },
                now
            )
            .unwrap(),
        Err(Refusal::TooLate)
    );
    assert_eq!(
        store
            .cancel(
                &code,
                &Canceller::Citizen {
                    limit: at("2026-03-05T06:00")
                },
                now
            )
            .unwrap(),
        Ok(())
    );
    assert_eq!(
        store.appointment(&code).unwrap().unwrap().status,
        Status::CancelledByCitizen
    );
    assert_eq!(
        store
            .cancel(
                &code,
                &Canceller::StaffForCitizen {
                    actor: "camille".into()
                },
                now
            )
            .unwrap(),
        Err(Refusal::AlreadyCancelled)
    );
    assert!(
        store
            .busy(now.date(), at("2026-03-06T00:00").date())
            .unwrap()
            .is_empty()
    );
    let again = code_of(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    let by_service = Canceller::Service {
        actor: "camille".into(),
        reason: Some("Karim est malade".into()),
        notice: None,
    };
    assert_eq!(store.cancel(&again, &by_service, now).unwrap(), Ok(()));
    assert_eq!(
        store.appointment(&again).unwrap().unwrap().status,
        Status::CancelledByService
    );
    assert_eq!(
        store.cancel("ZZZZZZ", &by_service, now).unwrap(),
        Err(Refusal::NotFound)
    );
}

fn code_of(result: Result<Result<String, Refusal>, String>) -> String {
    code(result)
}

fn attendance(store: &mut dyn Bookings) {
    let now = at(NOW);
    let code = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    assert_eq!(
        store
            .set_status(&code, Status::Present, at("2026-03-05T09:44"), "karim", now)
            .unwrap(),
        Err(Refusal::TooEarly)
    );
    assert_eq!(
        store
            .set_status(&code, Status::Present, at("2026-03-05T10:15"), "karim", now)
            .unwrap(),
        Ok(())
    );
    assert_eq!(
        store.appointment(&code).unwrap().unwrap().status,
        Status::Present
    );
    assert_eq!(
        store
            .set_status(
                &code,
                Status::CancelledByCitizen,
                at("2026-03-05T10:15"),
                "karim",
                now
            )
            .unwrap(),
        Err(Refusal::AlreadyCancelled),
        "cancelling is not attendance"
    );
}

fn moving(store: &mut dyn Bookings) {
    let now = at(NOW);
    let code = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    code_of(store.book(
        &booking("camille", "2026-03-06T09:00", "2026-03-06T09:45"),
        now,
    ));
    let to = |counsellor: &str, starts: &str, ends: &str| Move {
        counsellor: counsellor.into(),
        starts: at(starts),
        ends: at(ends),
        reminder: None,
    };
    assert_eq!(
        store
            .reschedule(
                &code,
                &to("camille", "2026-03-06T09:30", "2026-03-06T10:15"),
                None
            )
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
    assert_eq!(
        store.appointment(&code).unwrap().unwrap().starts,
        at("2026-03-05T10:00")
    );
    assert_eq!(
        store
            .reschedule(
                &code,
                &to("karim", "2026-03-06T11:00", "2026-03-06T11:45"),
                Some(at("2026-03-05T10:30"))
            )
            .unwrap(),
        Err(Refusal::TooLate)
    );
    assert_eq!(
        store
            .reschedule(
                &code,
                &to("karim", "2026-03-06T11:00", "2026-03-06T11:45"),
                None
            )
            .unwrap(),
        Ok(())
    );
    let moved = store.appointment(&code).unwrap().unwrap();
    assert_eq!(
        (moved.starts, moved.ends),
        (at("2026-03-06T11:00"), at("2026-03-06T11:45"))
    );
    // The old time is free again.
    code_of(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
}

fn workshop_seats(store: &mut dyn Bookings) {
    let now = at(NOW);
    let w = "email@2026-03-04";
    let first = code(store.register(&registration(w, 2, "Paul"), now));
    code_of(store.register(&registration(w, 2, "Lina"), now));
    assert_eq!(
        store.register(&registration(w, 2, "Ali"), now).unwrap(),
        Err(Refusal::Full)
    );
    assert_eq!(
        store.seats_taken(&[w.into(), "other".into()]).unwrap(),
        [2, 0]
    );
    store
        .cancel(&first, &Canceller::Citizen { limit: now }, now)
        .unwrap()
        .unwrap();
    assert_eq!(store.seats_taken(&[w.into()]).unwrap(), [1]);
    let ali = code(store.register(&registration(w, 2, "Ali"), now));
    let found = store
        .find(&ali, "ali")
        .unwrap()
        .expect("no phone: the first name");
    assert_eq!(found.what, What::Workshop { workshop: w.into() });
}

fn listing(store: &mut dyn Bookings) {
    let now = at(NOW);
    let late = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    let early = code(store.book(
        &booking("karim", "2026-03-03T09:00", "2026-03-03T09:45"),
        now,
    ));
    let seat = code(store.register(&registration("email@2026-03-04", 8, "Paul"), now));
    code_of(store.book(
        &booking("karim", "2026-03-12T09:00", "2026-03-12T09:45"),
        now,
    ));
    let listed: Vec<String> = store
        .appointments_between(at("2026-03-03T00:00").date(), at("2026-03-05T00:00").date())
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert_eq!(listed, [early, seat, late]);
}

fn erasure(store: &mut dyn Bookings) {
    let now = at(NOW);
    let code = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    assert_eq!(
        store
            .erase_personal_data(at("2026-03-20T10:00"), 30)
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .erase_personal_data(at("2026-04-05T10:00"), 30)
            .unwrap(),
        1
    );
    let erased = store.appointment(&code).unwrap().unwrap();
    assert_eq!(erased.person, Person::default());
    assert_eq!(
        erased.starts,
        at("2026-03-05T10:00"),
        "the appointment itself stays"
    );
    assert_eq!(
        store
            .erase_personal_data(at("2026-04-05T10:00"), 30)
            .unwrap(),
        0
    );
}

#[test]
fn every_scenario_on_sqlite() {
    for (name, scenario) in SCENARIOS {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("borne.db")).unwrap();
        eprintln!("SQLite: {name}");
        scenario(&mut store);
    }
}

#[test]
fn every_scenario_on_postgresql() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    for (i, (name, scenario)) in SCENARIOS.iter().enumerate() {
        let url = server.database(&format!("suite{i}"));
        let mut store =
            PgStore::open(&url, "mairie-gap", Calendar::of_postal_code("05000")).unwrap();
        store
            .declare_help_point("Point numérique — Mairie de Gap")
            .unwrap();
        eprintln!("PostgreSQL: {name}");
        scenario(&mut store);
    }
}

//! One suite, two stores: the agenda's behaviour — booking, finding, cancelling, attendance,
//! moving, workshop seats and sessions, erasure, activity reports, the journal and the
//! statistics — is the same on a help point's SQLite file and on a network's PostgreSQL (a
//! throwaway server, see `pg/mod.rs`), as its owner and as a kiosk's own role.
use crate::pg;

use borne::calendar::Calendar;
use borne::domain::person::Person;
use borne::domain::report::Report;
use borne::store::postgres::PgStore;
use borne::store::{
    AgendaStore, BookedBy, Canceller, Move, NewBooking, NewRegistration, Refusal, Reminder,
    Session, SqliteStore, Status, What,
};
use borne::vocabulary::coop::{
    Genre, LieuAccompagnement, Materiel, Statut, Thematique, TrancheAge, TypeAccompagnement,
};
use borne::vocabulary::profile::Profile;
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
        locale: None,
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
        request_id: None,
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
        request_id: None,
    }
}

fn code(result: Result<Result<String, Refusal>, String>) -> String {
    result.unwrap().unwrap()
}

type Scenario = fn(&mut dyn AgendaStore);

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
    (
        "a moved session takes its registrants along and tells them",
        moving_a_session,
    ),
    (
        "a cancelled session cancels its registrations",
        cancelling_a_session,
    ),
    (
        "one report per appointment, refused after an absence",
        reports,
    ),
    (
        "the journal keeps staff actions and diagnostic counts",
        journal,
    ),
    ("the statistics count what the agenda keeps", statistics),
    ("reminders go once, and never about what changed", reminders),
    (
        "a confirmation goes at once, with the code, while the time stands",
        confirmations,
    ),
    (
        "the language a person used goes with the booking",
        language_kept,
    ),
    (
        "a freed seat tells the first on the waiting list, in their words",
        waiting_list,
    ),
];

fn confirmations(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let booked = code(store.book(
        &booking("karim", "2026-03-10T10:00", "2026-03-10T10:45"),
        now,
    ));
    let message = |text: &str| Reminder {
        due: now,
        recipient: "+33612345678".into(),
        message: text.into(),
    };
    assert!(
        store
            .queue_confirmation(&booked, &message("Confirmation : %CODE%"))
            .unwrap()
    );
    assert!(
        !store
            .queue_confirmation("ZZZ999", &message("Confirmation : %CODE%"))
            .unwrap(),
        "no such code"
    );
    let claimed = store.claim_due_messages(now).unwrap();
    assert_eq!(claimed.len(), 1, "{claimed:?}");
    assert_eq!(claimed[0].text, format!("Confirmation : {booked}"));
    store.message_sent(claimed[0].id, now).unwrap();
    // Confirmed, then moved before it went: the old time's confirmation is not sent.
    store
        .queue_confirmation(&booked, &message("Confirmation : %CODE%"))
        .unwrap();
    let to = Move {
        counsellor: "karim".into(),
        starts: at("2026-03-10T14:00"),
        ends: at("2026-03-10T14:45"),
        reminder: None,
    };
    store.reschedule(&booked, &to, None).unwrap().unwrap();
    assert!(store.claim_due_messages(now).unwrap().is_empty());
}

fn language_kept(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let mut olena = booking("karim", "2026-03-05T10:00", "2026-03-05T10:45");
    olena.person.locale = Some("uk".into());
    let booked = code(store.book(&olena, now));
    let mut seat = registration("email@2026-03-04", 8, "Olena");
    seat.person.locale = Some("uk".into());
    let registered = code(store.register(&seat, now));
    let older = code(store.book(
        &booking("karim", "2026-03-05T11:00", "2026-03-05T11:45"),
        now,
    ));
    let locale = |store: &mut dyn AgendaStore, code: &str| {
        store.appointment(code).unwrap().unwrap().person.locale
    };
    assert_eq!(locale(store, &booked).as_deref(), Some("uk"));
    assert_eq!(locale(store, &registered).as_deref(), Some("uk"));
    assert_eq!(locale(store, &older), None);
    let listed = store
        .appointments_between(now.date(), at("2026-03-06T00:00").date())
        .unwrap();
    assert!(
        listed
            .iter()
            .any(|a| a.code == booked && a.person.locale.as_deref() == Some("uk"))
    );
}

fn waiting_list(store: &mut dyn AgendaStore) {
    use borne::store::{NewWaiting, Waiting};
    let now = at(NOW);
    let w = "email@2026-03-04";
    let paul = code(store.register(&registration(w, 1, "Paul"), now));
    assert_eq!(
        store.register(&registration(w, 1, "Lina"), now).unwrap(),
        Err(Refusal::Full)
    );
    let waiting =
        |first_name: &str, phone: &str, locale: &str, seat_free: Option<&str>| NewWaiting {
            workshop: w.into(),
            starts: at("2026-03-04T14:00"),
            first_name: first_name.into(),
            phone: phone.into(),
            locale: locale.into(),
            seat_free: seat_free.map(String::from),
        };
    assert_eq!(
        store
            .join_waitlist(
                &waiting("Olena", "+380501234567", "uk", Some("Звільнилося місце")),
                now
            )
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .join_waitlist(
                &waiting(
                    "Lina",
                    "+33612345699",
                    "fr",
                    Some("Une place s'est libérée")
                ),
                now
            )
            .unwrap(),
        2
    );
    // Nothing goes while the session is full.
    assert!(store.claim_due_messages(now).unwrap().is_empty());
    store
        .cancel(&paul, &Canceller::Citizen { limit: now }, now)
        .unwrap()
        .unwrap();
    let sent = store.claim_due_messages(now).unwrap();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        (sent[0].recipient.as_str(), sent[0].text.as_str()),
        ("+380501234567", "Звільнилося місце")
    );
    assert_eq!(
        store.waitlist(w).unwrap(),
        [
            Waiting {
                first_name: "Olena".into(),
                phone: Some("+380501234567".into()),
                locale: "uk".into(),
                told: true,
            },
            Waiting {
                first_name: "Lina".into(),
                phone: Some("+33612345699".into()),
                locale: "fr".into(),
                told: false,
            },
        ]
    );
    assert!(store.waitlist("other@2026-03-04").unwrap().is_empty());
    // Once the session has begun, the list's names and phones go with the daily erase.
    store
        .erase_personal_data(at("2026-03-05T03:00"), 30)
        .unwrap();
    assert!(store.waitlist(w).unwrap().is_empty());
}

fn reminders(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let kept = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    let cancelled = code(store.book(
        &booking("karim", "2026-03-05T11:00", "2026-03-05T11:45"),
        now,
    ));
    store
        .cancel(&cancelled, &Canceller::Citizen { limit: now }, now)
        .unwrap()
        .unwrap();
    // Due two days before: nothing yet on the 2nd.
    assert!(store.claim_due_messages(now).unwrap().is_empty());
    let due = at("2026-03-03T10:00");
    let claimed = store.claim_due_messages(due).unwrap();
    assert_eq!(claimed.len(), 1, "{claimed:?}");
    assert_eq!(claimed[0].text, format!("Rappel : rendez-vous {kept}"));
    assert_eq!(claimed[0].recipient, "+33612345678");
    assert!(
        store.claim_due_messages(due).unwrap().is_empty(),
        "claimed once"
    );
    store.message_failed(claimed[0].id, "gateway down").unwrap();
    let again = store.claim_due_messages(due).unwrap();
    assert_eq!((again.len(), again[0].attempts), (1, 1));
    store.message_sent(again[0].id, due).unwrap();
    assert!(store.claim_due_messages(due).unwrap().is_empty());
    let mut counts = store.outbox_counts().unwrap();
    counts.sort();
    assert_eq!(
        counts,
        [("annulé".to_string(), 1), ("envoyé".to_string(), 1)]
    );
}

fn session(seats: u32) -> Session {
    Session {
        id: "email@2026-03-04".into(),
        series: "email".into(),
        starts: at("2026-03-04T14:00"),
        ends: at("2026-03-04T16:00"),
        seats,
        cancelled: false,
        taken: 0,
    }
}

fn with_phone(mut r: NewRegistration, phone: &str) -> NewRegistration {
    r.person.phone = Some(phone.into());
    r
}

fn moving_a_session(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let w = "email@2026-03-04";
    let paul = code(store.register(&with_phone(registration(w, 8, "Paul"), "+33612345601"), now));
    code_of(store.register(&registration(w, 8, "Lina"), now));
    let planned = [session(8)];
    let listed = store
        .sessions(&planned, now.date(), at("2026-03-10T00:00").date())
        .unwrap();
    assert_eq!((listed.len(), listed[0].taken), (1, 2));
    let mut moved = session(6);
    moved.starts = at("2026-03-05T14:00");
    moved.ends = at("2026-03-05T16:00");
    let told = store
        .save_session(&moved, "camille", Some("L'atelier a lieu jeudi"), now)
        .unwrap();
    let told: Vec<(String, bool)> = told.into_iter().map(|r| (r.first_name, r.told)).collect();
    assert_eq!(told, [("Paul".into(), true), ("Lina".into(), false)]);
    let listed = store
        .sessions(&planned, now.date(), at("2026-03-10T00:00").date())
        .unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(
        (listed[0].starts, listed[0].seats, listed[0].taken),
        (at("2026-03-05T14:00"), 6, 2)
    );
    assert_eq!(
        store.appointment(&paul).unwrap().unwrap().starts,
        at("2026-03-05T14:00"),
        "a registration keeps its session's time"
    );
    // A kiosk's own role writes the trail without reading it.
    match store.audit_trail() {
        Ok(trail) => assert!(trail.iter().any(|(_, actor, action)| actor == "camille"
            && action == "workshop session saved email@2026-03-04")),
        Err(e) => assert!(e.contains("permission denied for table audit"), "{e}"),
    }
}

fn cancelling_a_session(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let w = "email@2026-03-04";
    let paul = code(store.register(&registration(w, 8, "Paul"), now));
    let told = store
        .cancel_session(&session(8), "camille", None, now)
        .unwrap();
    assert_eq!(told.len(), 1);
    assert!(!told[0].told);
    assert_eq!(
        store.appointment(&paul).unwrap().unwrap().status,
        Status::CancelledByService
    );
    assert_eq!(
        store.register(&registration(w, 8, "Ali"), now).unwrap(),
        Err(Refusal::SessionCancelled)
    );
    let listed = store
        .sessions(&[session(8)], now.date(), at("2026-03-10T00:00").date())
        .unwrap();
    assert!(listed[0].cancelled && listed[0].taken == 0, "{listed:?}");
}

fn report(booking: Option<String>, minutes: u32) -> Report {
    Report {
        id: None,
        counsellor: "karim".into(),
        booking,
        kind: TypeAccompagnement::Individuel,
        date: at("2026-03-05T10:00").date(),
        minutes,
        place: LieuAccompagnement::LieuActivite,
        autonomy: None,
        equipment: vec![Materiel::Ordinateur, Materiel::Telephone],
        themes: vec![Thematique::Email],
        administrative: vec![],
        redirection: None,
        notes: "Boîte créée".into(),
        gender: Genre::Feminin,
        age: TrancheAge::De25a39,
        status: Statut::EnEmploi,
    }
}

fn reports(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let code = code(store.book(
        &booking("karim", "2026-03-05T10:00", "2026-03-05T10:45"),
        now,
    ));
    let first = store
        .save_report(&report(Some(code.clone()), 45), at("2026-03-05T11:00"))
        .unwrap()
        .unwrap();
    let again = store
        .save_report(&report(Some(code.clone()), 60), at("2026-03-05T11:05"))
        .unwrap()
        .unwrap();
    assert_eq!(first, again, "saving again edits the one report");
    let read = store.report_for(&code).unwrap().expect("saved");
    assert_eq!(
        read,
        Report {
            id: Some(first),
            ..report(Some(code.clone()), 60)
        }
    );
    assert!(store.appointment(&code).unwrap().unwrap().report);
    let walk_in = store
        .save_report(&report(None, 20), at("2026-03-05T15:00"))
        .unwrap()
        .unwrap();
    assert_ne!(walk_in, first);
    let between = store
        .reports_between(at("2026-03-05T00:00").date(), at("2026-03-05T00:00").date())
        .unwrap();
    assert_eq!(between.len(), 2);
    let absent = code_of(store.book(
        &booking("karim", "2026-03-05T14:00", "2026-03-05T14:45"),
        now,
    ));
    store
        .set_status(
            &absent,
            Status::Absent,
            at("2026-03-05T14:30"),
            "karim",
            now,
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        store.save_report(&report(Some(absent), 10), now).unwrap(),
        Err(Refusal::Absent)
    );
    assert_eq!(
        store
            .save_report(&report(Some("ZZZZZZ".into()), 10), now)
            .unwrap(),
        Err(Refusal::NotFound)
    );
}

fn journal(store: &mut dyn AgendaStore) {
    store
        .audit(at("2026-03-02T09:00"), "admin", "staff sign-in")
        .unwrap();
    let trail = store.audit_trail().unwrap();
    assert_eq!(
        trail.last().unwrap(),
        &(
            "2026-03-02T09:00:00".to_string(),
            "admin".to_string(),
            "staff sign-in".to_string()
        )
    );
    let day = at(NOW).date();
    store
        .count_diagnostic(day, Profile::Autonome, &[Thematique::Email])
        .unwrap();
    store.count_diagnostic(day, Profile::Autonome, &[]).unwrap();
    assert_eq!(
        store.diagnostics_between(day, day).unwrap(),
        [(day, vec![Thematique::Email]), (day, vec![])]
    );
}

fn statistics(store: &mut dyn AgendaStore) {
    let now = at(NOW);
    let present = code(store.book(
        &booking("karim", "2026-03-03T09:00", "2026-03-03T09:45"),
        now,
    ));
    let absent = code(store.book(
        &booking("karim", "2026-03-03T10:00", "2026-03-03T10:45"),
        now,
    ));
    let cancelled = code(store.book(
        &booking("karim", "2026-03-10T10:00", "2026-03-10T10:45"),
        now,
    ));
    store
        .set_status(
            &present,
            Status::Present,
            at("2026-03-03T09:10"),
            "karim",
            now,
        )
        .unwrap()
        .unwrap();
    store
        .set_status(
            &absent,
            Status::Absent,
            at("2026-03-03T10:30"),
            "karim",
            now,
        )
        .unwrap()
        .unwrap();
    store
        .cancel(&cancelled, &Canceller::Citizen { limit: now }, now)
        .unwrap()
        .unwrap();
    code_of(store.register(&registration("email@2026-03-04", 8, "Paul"), now));
    store
        .save_report(&report(Some(present), 45), at("2026-03-03T10:00"))
        .unwrap()
        .unwrap();
    store
        .count_diagnostic(now.date(), Profile::Autonome, &[Thematique::Email])
        .unwrap();
    let (from, to) = (at("2026-03-02T00:00").date(), at("2026-03-15T00:00").date());
    let stats = borne::store::stats(store, from, to, &[session(8)]).unwrap();
    let t = &stats.total;
    assert_eq!(
        (t.bookings, t.present, t.absent, t.cancelled),
        (3, 1, 1, 1),
        "{t:?}"
    );
    assert_eq!((t.workshop_seats, t.workshop_registered), (8, 1));
    assert_eq!(t.no_show_rate, Some(0.5));
    assert_eq!((t.diagnostics, t.accompaniments), (1, 1));
    assert_eq!(stats.weeks.len(), 2);
    assert_eq!(stats.weeks[1].cancelled, 1);
    assert_eq!(stats.needs, [("E-mail".to_string(), 1)]);
    assert_eq!(stats.themes, [("E-mail".to_string(), 1)]);
}

fn a_booking_reads_back_as_made(store: &mut dyn AgendaStore) {
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
    // Made on Marie's behalf: the trail says who (a kiosk's own role writes it unread).
    match store.audit_trail() {
        Ok(trail) => assert!(
            trail.iter().any(|(_, actor, action)| actor == "camille"
                && *action == format!("booked on behalf {code}")),
            "{trail:?}"
        ),
        Err(e) => assert!(e.contains("permission denied for table audit"), "{e}"),
    }
    // Its reminder goes out with its code.
    let reminded = store
        .claim_due_messages(new.reminder.as_ref().unwrap().due)
        .unwrap();
    assert_eq!(
        reminded.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
        [format!("Rappel : rendez-vous {code}")]
    );
}

fn overlaps_are_refused(store: &mut dyn AgendaStore) {
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

fn finding_needs_the_check(store: &mut dyn AgendaStore) {
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

fn cancelling(store: &mut dyn AgendaStore) {
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

fn attendance(store: &mut dyn AgendaStore) {
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

fn moving(store: &mut dyn AgendaStore) {
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

fn workshop_seats(store: &mut dyn AgendaStore) {
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

fn listing(store: &mut dyn AgendaStore) {
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

fn erasure(store: &mut dyn AgendaStore) {
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
        let mut store = SqliteStore::open(&dir.path().join("borne.db")).unwrap();
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

/// The same scenarios as a kiosk's own role, Karim signed in on it (the reports are his) (row-level security
/// lets it do what a kiosk does); the journal's trail aside, which no kiosk reads.
#[test]
fn every_scenario_on_postgresql_as_a_kiosk_with_a_counsellor_signed_in() {
    use borne::domain::pin;
    let Some(server) = pg::Server::start() else {
        return;
    };
    let hash = pin::hash_pin("1357").unwrap();
    let (salted, kept) = pin::salted(&hash).unwrap();
    let karim = pin::PublishedPin {
        counsellor: "karim".into(),
        name: "Karim".into(),
        salted,
        kept,
    };
    for (i, (name, scenario)) in SCENARIOS.iter().enumerate() {
        if name.starts_with("the journal") {
            continue;
        }
        let url = server.database(&format!("kiosk{i}"));
        let role = format!("kiosk{i}");
        let calendar = Calendar::of_postal_code("05000");
        let mut owner = PgStore::open(&url, "mairie-gap", calendar).unwrap();
        owner
            .add_kiosk(&role, "Point numérique — Mairie de Gap")
            .unwrap();
        owner
            .publish_agenda(
                "Point numérique — Mairie de Gap",
                "",
                std::slice::from_ref(&karim),
                &[],
                &[],
            )
            .unwrap()
            .unwrap();
        pg::give_password(&url, &role);
        let mut store = PgStore::open(&pg::as_role(&url, &role), "mairie-gap", calendar).unwrap();
        assert_eq!(
            store.sign_in("karim", "1357").unwrap(),
            borne::store::SignIn::Counsellor("karim".into())
        );
        eprintln!("PostgreSQL, a kiosk's role: {name}");
        scenario(&mut store);
    }
}

use super::*;
use crate::clock::parse_local;

fn t(s: &str) -> NaiveDateTime {
    parse_local(s).unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    (dir, store)
}

fn marie() -> Person {
    Person {
        first_name: "Marie".into(),
        last_initial: Some("D".into()),
        phone: Some("0612345678".into()),
        email: None,
    }
}

fn booking(counsellor: &str, starts: &str, minutes: i64) -> NewBooking {
    NewBooking {
        counsellor: counsellor.into(),
        motif: "demarche".into(),
        starts: t(starts),
        ends: t(starts) + Duration::minutes(minutes),
        person: marie(),
        reminder: Some(Reminder {
            due: t(starts) - Duration::hours(48),
            recipient: "0612345678".into(),
            message: "Rappel".into(),
        }),
        diagnostic: None,
        booked_by: "kiosk".into(),
    }
}

#[test]
fn overlapping_bookings_are_refused_whatever_their_grid() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    assert_eq!(code.len(), 6);
    // 09:30 for 30 minutes overlaps 09:00–09:45.
    assert_eq!(
        s.book(&booking("camille", "2026-03-05T09:30", 30), now)
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
    // Another counsellor at the same time is fine; so is 09:45.
    assert!(
        s.book(&booking("karim", "2026-03-05T09:30", 30), now)
            .unwrap()
            .is_ok()
    );
    assert!(
        s.book(&booking("camille", "2026-03-05T09:45", 30), now)
            .unwrap()
            .is_ok()
    );
    let busy = s
        .busy(t("2026-03-05T00:00").date(), t("2026-03-05T00:00").date())
        .unwrap();
    assert_eq!(busy.len(), 3);
}

#[test]
fn find_needs_the_code_and_the_check() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    assert!(s.find(&code.to_lowercase(), "78").unwrap().is_some());
    assert!(s.find(&code, "77").unwrap().is_none());
    assert!(s.find("AAAAAA", "78").unwrap().is_none());
    let found = s.find(&code, "78").unwrap().unwrap();
    assert_eq!(found.status, Status::Upcoming);
    assert_eq!(found.person.first_name, "Marie");
}

#[test]
fn cancelling_frees_the_time_and_cancels_the_reminder() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    assert_eq!(
        s.cancel(&code, true, None, t("2026-03-05T05:01")).unwrap(),
        Err(Refusal::TooLate)
    );
    assert_eq!(s.cancel(&code, true, None, now).unwrap(), Ok(()));
    assert_eq!(
        s.cancel(&code, true, None, now).unwrap(),
        Err(Refusal::AlreadyCancelled)
    );
    assert_eq!(
        s.appointment(&code).unwrap().unwrap().status,
        Status::CancelledByCitizen
    );
    assert!(
        s.book(&booking("camille", "2026-03-05T09:00", 45), now)
            .unwrap()
            .is_ok()
    );
    assert_eq!(
        s.outbox_counts().unwrap(),
        vec![("annulé".to_string(), 1), ("à envoyer".to_string(), 1)]
    );
}

#[test]
fn rescheduling_is_all_or_nothing() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let a = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    s.book(&booking("camille", "2026-03-05T11:00", 45), now)
        .unwrap()
        .unwrap();
    // To a taken time: refused, the old time is kept.
    let to = |c: &str, starts: &str| Move {
        counsellor: c.into(),
        starts: t(starts),
        ends: t(starts) + Duration::minutes(45),
        reminder: None,
    };
    let taken = s
        .reschedule(&a, &to("camille", "2026-03-05T11:15"), true, now)
        .unwrap();
    assert_eq!(taken, Err(Refusal::SlotTaken));
    assert_eq!(
        s.appointment(&a).unwrap().unwrap().starts,
        t("2026-03-05T09:00")
    );
    assert_eq!(
        s.book(&booking("camille", "2026-03-05T09:00", 30), now)
            .unwrap(),
        Err(Refusal::SlotTaken)
    );
    // To a free time: moved, the old time freed.
    let moved = s
        .reschedule(&a, &to("karim", "2026-03-06T10:00"), true, now)
        .unwrap();
    assert_eq!(moved, Ok(()));
    assert!(
        s.book(&booking("camille", "2026-03-05T09:00", 30), now)
            .unwrap()
            .is_ok()
    );
    assert_eq!(
        s.reschedule(
            &a,
            &to("karim", "2026-03-09T10:00"),
            true,
            t("2026-03-05T10:00")
        )
        .unwrap(),
        Err(Refusal::TooLate)
    );
}

#[test]
fn a_full_workshop_takes_no_more_registrations() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let new = NewRegistration {
        workshop: "email-debutant@2026-03-04".into(),
        starts: t("2026-03-04T14:00"),
        ends: t("2026-03-04T16:00"),
        seats: 2,
        person: marie(),
        reminder: None,
        booked_by: "kiosk".into(),
    };
    let first = s.register(&new, now).unwrap().unwrap();
    s.register(&new, now).unwrap().unwrap();
    assert_eq!(s.register(&new, now).unwrap(), Err(Refusal::Full));
    assert_eq!(
        s.seats_taken(std::slice::from_ref(&new.workshop)).unwrap(),
        vec![2]
    );
    s.cancel(&first, true, None, now).unwrap().unwrap();
    assert!(
        s.register(&new, now).unwrap().is_ok(),
        "a cancelled seat is free again"
    );
}

#[test]
fn personal_data_is_erased_after_retention_and_counts_remain() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    assert_eq!(
        s.erase_personal_data(t("2026-04-04T09:00"), 30).unwrap(),
        0,
        "29 days after"
    );
    assert_eq!(s.erase_personal_data(t("2026-04-04T09:46"), 30).unwrap(), 1);
    let erased = s.appointment(&code).unwrap().unwrap();
    assert_eq!(erased.person, Person::default());
    assert_eq!(erased.starts, t("2026-03-05T09:00"));
    let (recipient, message): (Option<String>, Option<String>) = s
        .conn
        .query_row("SELECT recipient, message FROM outbox", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((recipient, message), (None, None));
}

#[test]
fn cells_cover_the_booking_in_five_minute_steps() {
    assert_eq!(cells(t("2026-03-05T09:00"), t("2026-03-05T09:20")).len(), 4);
    assert_eq!(
        cells(t("2026-03-05T09:03"), t("2026-03-05T09:10"))[0],
        "2026-03-05T09:00"
    );
}

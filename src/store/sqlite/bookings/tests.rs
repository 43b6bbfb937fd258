use super::*;
use crate::booking::rules;
use crate::calendar::Calendar;
use crate::clock::parse_local;
use crate::store::Outbox;

/// The person cancelling at `now`, under the 4-hour rule.
fn citizen(now: NaiveDateTime) -> Canceller {
    Canceller::Citizen {
        limit: rules::cancel_limit(&Calendar::default(), now),
    }
}

fn change_limit(now: NaiveDateTime) -> Option<NaiveDateTime> {
    Some(rules::change_limit(&Calendar::default(), now))
}

fn t(s: &str) -> NaiveDateTime {
    parse_local(s).unwrap()
}

fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("b.db")).unwrap();
    (dir, store)
}

fn marie() -> Person {
    Person {
        first_name: "Marie".into(),
        last_initial: Some("D".into()),
        phone: Some("0612345678".into()),
        email: None,
        locale: None,
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
        booked_by: crate::store::BookedBy::Kiosk,
        request_id: None,
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
        s.cancel(
            &code,
            &citizen(t("2026-03-05T05:01")),
            t("2026-03-05T05:01")
        )
        .unwrap(),
        Err(Refusal::TooLate)
    );
    assert_eq!(s.cancel(&code, &citizen(now), now).unwrap(), Ok(()));
    assert_eq!(
        s.cancel(&code, &citizen(now), now).unwrap(),
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
        .reschedule(&a, &to("camille", "2026-03-05T11:15"), change_limit(now))
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
        .reschedule(&a, &to("karim", "2026-03-06T10:00"), change_limit(now))
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
            change_limit(t("2026-03-05T10:00"))
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
        booked_by: crate::store::BookedBy::Kiosk,
        request_id: None,
    };
    let first = s.register(&new, now).unwrap().unwrap();
    s.register(&new, now).unwrap().unwrap();
    assert_eq!(s.register(&new, now).unwrap(), Err(Refusal::Full));
    assert_eq!(
        s.seats_taken(std::slice::from_ref(&new.workshop)).unwrap(),
        vec![2]
    );
    s.cancel(&first, &citizen(now), now).unwrap().unwrap();
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

fn outbox_statuses(s: &mut SqliteStore) -> Vec<(String, u32)> {
    s.outbox_counts().unwrap()
}

#[test]
fn a_reminder_whose_send_failed_is_voided_by_a_cancellation() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    let due = t("2026-03-03T09:00");
    let claimed = s.claim_due_messages(due).unwrap();
    assert_eq!(claimed.len(), 1);
    s.message_failed(claimed[0].id, "gateway down").unwrap();
    s.cancel(&code, &citizen(due), due).unwrap().unwrap();
    assert_eq!(outbox_statuses(&mut s), vec![("annulé".to_string(), 1)]);
    assert!(s.claim_due_messages(due).unwrap().is_empty());
}

#[test]
fn a_reminder_never_goes_for_a_cancelled_moved_or_past_appointment() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    // Cancelled behind the outbox's back (an older version, a manual fix): still not sent.
    let cancelled = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    s.conn
        .execute(
            "UPDATE booking SET status = 'annulé par l''usager' WHERE code = ?1",
            [&cancelled],
        )
        .unwrap();
    // Moved without its reminder being voided: the reminder is about the old time.
    let moved = s
        .book(&booking("karim", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    s.conn
        .execute(
            "UPDATE booking SET starts_at = '2026-03-05T11:00' WHERE code = ?1",
            [&moved],
        )
        .unwrap();
    // Past: the reminder's due time came after the appointment (a kiosk that was off).
    s.book(&booking("camille", "2026-03-02T09:00", 45), now)
        .unwrap()
        .unwrap();
    let standing = s
        .book(&booking("camille", "2026-03-06T09:00", 45), now)
        .unwrap()
        .unwrap();
    let claimed = s.claim_due_messages(t("2026-03-04T10:00")).unwrap();
    assert_eq!(claimed.len(), 1, "{claimed:?}");
    assert!(claimed[0].text.contains("Rappel"));
    let _ = standing;
    assert_eq!(
        outbox_statuses(&mut s),
        vec![("annulé".to_string(), 3), ("en cours".to_string(), 1)]
    );
}

#[test]
fn attendance_is_refused_for_a_cancelled_booking_and_before_its_time() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    let early = t("2026-03-05T08:30");
    assert_eq!(
        s.set_status(
            &code,
            Status::Present,
            rules::attendance_from(early, false),
            "camille",
            early
        )
        .unwrap(),
        Err(Refusal::TooEarly)
    );
    let on_time = t("2026-03-05T08:50");
    assert_eq!(
        s.set_status(
            &code,
            Status::Present,
            rules::attendance_from(on_time, false),
            "camille",
            on_time
        )
        .unwrap(),
        Ok(())
    );
    let by = Canceller::Service {
        actor: "camille".into(),
        reason: None,
        notice: None,
    };
    s.cancel(&code, &by, on_time).unwrap().unwrap();
    assert_eq!(
        s.set_status(
            &code,
            Status::Absent,
            rules::attendance_from(on_time, false),
            "camille",
            on_time
        )
        .unwrap(),
        Err(Refusal::AlreadyCancelled)
    );
    let trail = s.audit_trail().unwrap();
    let actions: Vec<&str> = trail.iter().map(|(_, _, a)| a.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            format!("status présent {code}").as_str(),
            format!("cancelled by the service {code}").as_str()
        ],
        "refused changes are not audited"
    );
}

#[test]
fn a_registration_to_a_cancelled_session_is_refused() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let session = crate::store::Session {
        id: "email@2026-03-04".into(),
        series: "email".into(),
        starts: t("2026-03-04T14:00"),
        ends: t("2026-03-04T16:00"),
        seats: 8,
        cancelled: false,
        taken: 0,
    };
    s.cancel_session(&session, "camille", None, now).unwrap();
    let new = NewRegistration {
        workshop: session.id.clone(),
        starts: session.starts,
        ends: session.ends,
        seats: 8,
        person: marie(),
        reminder: None,
        booked_by: crate::store::BookedBy::Kiosk,
        request_id: None,
    };
    assert_eq!(
        s.register(&new, now).unwrap(),
        Err(Refusal::SessionCancelled)
    );
    // Seats lowered by staff are the store's seats, whatever the screen believed.
    let mut small = session.clone();
    small.id = "email@2026-03-11".into();
    small.seats = 1;
    s.save_session(&small, "camille", None, now).unwrap();
    let new = NewRegistration {
        workshop: small.id.clone(),
        ..new
    };
    assert!(s.register(&new, now).unwrap().is_ok());
    assert_eq!(s.register(&new, now).unwrap(), Err(Refusal::Full));
}

#[test]
fn a_bad_time_or_status_read_back_is_an_error_naming_the_appointment() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let code = s
        .book(&booking("camille", "2026-03-05T09:00", 45), now)
        .unwrap()
        .unwrap();
    s.conn
        .execute(
            "UPDATE booking SET starts_at = '2026-02-30T09:00' WHERE code = ?1",
            [&code],
        )
        .unwrap();
    let err = s.appointment(&code).unwrap_err();
    assert!(
        err.contains(&format!(
            "appointment {code}: starts_at: \"2026-02-30T09:00\""
        )),
        "{err}"
    );
    s.conn
        .execute(
            "UPDATE booking SET starts_at = '2026-03-05T09:00' WHERE code = ?1",
            [&code],
        )
        .unwrap();
    // The CHECK constraint keeps bad statuses out; a kind that is not known is named too.
    assert!(s.appointment(&code).is_ok());
}

#[test]
fn booking_on_behalf_is_audited_with_it() {
    let (_d, mut s) = store();
    let now = t("2026-03-01T09:00");
    let mut new = booking("camille", "2026-03-05T09:00", 45);
    new.booked_by = crate::store::BookedBy::Counsellor("karim".into());
    let code = s.book(&new, now).unwrap().unwrap();
    let trail = s.audit_trail().unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].1, "karim");
    assert_eq!(trail[0].2, format!("booked on behalf {code}"));
    s.book(&booking("camille", "2026-03-05T10:00", 45), now)
        .unwrap()
        .unwrap();
    assert_eq!(
        s.audit_trail().unwrap().len(),
        1,
        "the kiosk's own bookings are not staff actions"
    );
}

#[test]
fn the_daily_erasing_reads_what_it_has_to_erase_through_an_index_not_every_row() {
    let (_d, s) = store();
    for sql in super::ERASE {
        let plan: Vec<String> = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(
                rusqlite::params_from_iter(sql.contains("?1").then_some("2026-01-01")),
                |r| r.get::<_, String>(3),
            )
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // A search by index, or the scan of an index holding only what is left to erase.
        let reads_little = |step: &String| {
            !step.starts_with("SCAN") || step.ends_with("USING INDEX outbox_to_erase")
        };
        assert!(plan.iter().all(reads_little), "{sql}\n{plan:?}");
    }
}

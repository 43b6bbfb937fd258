//! What a citizen may still do with an appointment, without an account (RDV Service Public's
//! rules): cancel up to 4 h before, change up to 2 days before. The screens use them to decide
//! what to offer; the store checks the same limit inside the transaction that writes.
use chrono::{Duration, NaiveDateTime};

use crate::calendar::Calendar;

/// The earliest start an appointment may have for a citizen to cancel it at `now`.
pub(crate) fn cancel_limit(calendar: &Calendar, now: NaiveDateTime) -> NaiveDateTime {
    calendar.add(now, Duration::hours(4))
}

/// The earliest start an appointment may have for a citizen to change it at `now`.
pub(crate) fn change_limit(calendar: &Calendar, now: NaiveDateTime) -> NaiveDateTime {
    calendar.add(now, Duration::days(2))
}

pub(crate) fn citizen_may_cancel(
    calendar: &Calendar,
    starts: NaiveDateTime,
    now: NaiveDateTime,
) -> bool {
    cancel_limit(calendar, now) <= starts
}

pub(crate) fn citizen_may_change(
    calendar: &Calendar,
    starts: NaiveDateTime,
    now: NaiveDateTime,
) -> bool {
    change_limit(calendar, now) <= starts
}

/// Attendance (présent, absent) is taken from 15 minutes before a booking, and from the day
/// of a workshop session: the latest start an appointment may have to be marked at `now`.
pub(crate) fn attendance_from(now: NaiveDateTime, workshop: bool) -> NaiveDateTime {
    if workshop {
        now.date().and_hms_opt(23, 59, 59).expect("a time")
    } else {
        now + Duration::minutes(15)
    }
}

/// When the reminder goes: 48 h before, unless that is already past.
pub(crate) fn reminder_due(
    calendar: &Calendar,
    starts: NaiveDateTime,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let due = calendar.add(starts, Duration::hours(-48));
    (due > now).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    fn t(s: &str) -> NaiveDateTime {
        parse_local(s).unwrap()
    }

    #[test]
    fn cancel_four_hours_before_change_two_days_before() {
        let paris = Calendar::default();
        let starts = t("2026-03-05T14:30");
        assert!(citizen_may_cancel(&paris, starts, t("2026-03-05T10:30")));
        assert!(!citizen_may_cancel(&paris, starts, t("2026-03-05T10:31")));
        assert!(citizen_may_change(&paris, starts, t("2026-03-03T14:30")));
        assert!(!citizen_may_change(&paris, starts, t("2026-03-03T14:31")));
        assert_eq!(
            reminder_due(&paris, starts, t("2026-03-01T09:00")),
            Some(t("2026-03-03T14:30"))
        );
        assert_eq!(reminder_due(&paris, starts, t("2026-03-04T09:00")), None);
    }

    #[test]
    fn four_real_hours_across_the_spring_clock_change() {
        // 29 March 2026 at 00:30: four real hours later the clocks read 05:30.
        let paris = Calendar::default();
        assert!(!citizen_may_cancel(
            &paris,
            t("2026-03-29T05:00"),
            t("2026-03-29T00:30")
        ));
        assert!(citizen_may_cancel(
            &paris,
            t("2026-03-29T05:30"),
            t("2026-03-29T00:30")
        ));
    }
}

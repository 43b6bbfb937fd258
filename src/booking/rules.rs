//! What a citizen may still do with an appointment, without an account (RDV Service Public's
//! rules): cancel up to 4 h before, change up to 2 days before. Used by the screens to decide
//! what to offer and by the store to enforce it.
use chrono::{Duration, NaiveDateTime};

use crate::calendar::paris;

pub fn citizen_may_cancel(starts: NaiveDateTime, now: NaiveDateTime) -> bool {
    paris::add(now, Duration::hours(4)) <= starts
}

pub fn citizen_may_change(starts: NaiveDateTime, now: NaiveDateTime) -> bool {
    paris::add(now, Duration::days(2)) <= starts
}

/// When the reminder goes: 48 h before, unless that is already past.
pub fn reminder_due(starts: NaiveDateTime, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let due = paris::add(starts, Duration::hours(-48));
    (due > now).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    #[test]
    fn cancel_four_hours_before_change_two_days_before() {
        let starts = parse_local("2026-03-05T14:30").unwrap();
        assert!(citizen_may_cancel(
            starts,
            parse_local("2026-03-05T10:30").unwrap()
        ));
        assert!(!citizen_may_cancel(
            starts,
            parse_local("2026-03-05T10:31").unwrap()
        ));
        assert!(citizen_may_change(
            starts,
            parse_local("2026-03-03T14:30").unwrap()
        ));
        assert!(!citizen_may_change(
            starts,
            parse_local("2026-03-03T14:31").unwrap()
        ));
        assert_eq!(
            reminder_due(starts, parse_local("2026-03-01T09:00").unwrap()),
            Some(parse_local("2026-03-03T14:30").unwrap())
        );
        assert_eq!(
            reminder_due(starts, parse_local("2026-03-04T09:00").unwrap()),
            None
        );
    }
}

//! Local time in France (Europe/Paris): UTC+1, and UTC+2 from the last Sunday of March at
//! 01:00 UTC to the last Sunday of October at 01:00 UTC (EU rules since 1996). Enough to add
//! durations across the clock changes and to write calendar files, without a tz database.
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let mut day = NaiveDate::from_ymd_opt(year, month + 1, 1).expect("month") - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

/// When summer time starts and ends that year, in UTC.
fn summer_utc(year: i32) -> (NaiveDateTime, NaiveDateTime) {
    let one = NaiveTime::from_hms_opt(1, 0, 0).expect("01:00");
    (
        last_sunday(year, 3).and_time(one),
        last_sunday(year, 10).and_time(one),
    )
}

/// The offset from UTC of a UTC instant, in hours.
pub fn offset_hours_at_utc(utc: NaiveDateTime) -> i64 {
    let (start, end) = summer_utc(utc.year());
    if utc >= start && utc < end { 2 } else { 1 }
}

pub fn to_local(utc: NaiveDateTime) -> NaiveDateTime {
    utc + Duration::hours(offset_hours_at_utc(utc))
}

/// The UTC instant of a local time. In the October hour that happens twice, the first (summer)
/// one; a March time that does not exist counts as the instant the clocks jumped.
pub fn to_utc(local: NaiveDateTime) -> NaiveDateTime {
    let summer = local - Duration::hours(2);
    if offset_hours_at_utc(summer) == 2 {
        return summer;
    }
    let winter = local - Duration::hours(1);
    if offset_hours_at_utc(winter) == 1 {
        return winter;
    }
    // 02:00–03:00 on the last Sunday of March does not exist.
    summer_utc(local.year()).0
}

/// A local time plus a real duration (a 2-hour delay at 01:30 on the night the clocks go
/// forward ends at 04:30, not 03:30).
pub fn add(local: NaiveDateTime, duration: Duration) -> NaiveDateTime {
    to_local(to_utc(local) + duration)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    fn t(s: &str) -> NaiveDateTime {
        parse_local(s).unwrap()
    }

    #[test]
    fn winter_and_summer_offsets() {
        assert_eq!(to_utc(t("2026-01-15T10:00")), t("2026-01-15T09:00"));
        assert_eq!(to_utc(t("2026-07-15T10:00")), t("2026-07-15T08:00"));
        assert_eq!(to_local(t("2026-07-15T08:00")), t("2026-07-15T10:00"));
    }

    #[test]
    fn durations_across_the_clock_changes() {
        // 29 March 2026: 02:00 becomes 03:00.
        assert_eq!(
            add(t("2026-03-29T01:30"), Duration::hours(2)),
            t("2026-03-29T04:30")
        );
        // 25 October 2026: 03:00 becomes 02:00.
        assert_eq!(
            add(t("2026-10-25T01:30"), Duration::hours(2)),
            t("2026-10-25T02:30")
        );
        assert_eq!(
            add(t("2026-10-24T10:00"), Duration::hours(24)),
            t("2026-10-25T09:00")
        );
        assert_eq!(to_utc(t("2026-03-29T02:30")), t("2026-03-29T01:00"));
    }
}

//! "Now" is read from the wall clock at every call, in the help point's time zone: after a
//! clock change, a suspend or an NTP step the kiosk is right at once, without a restart.
//! `BORNE_NOW=2026-03-02T10:15:00` shifts the wall clock so that it read that local time at
//! start; it then runs (and follows any later step of the wall clock), so tests and demos
//! can fix the day.
use chrono::{DateTime, NaiveDateTime, Utc};

use crate::calendar::Calendar;

pub(crate) const NOW_VARIABLE: &str = "BORNE_NOW";

#[derive(Debug, Clone)]
pub struct Clock {
    calendar: Calendar,
    /// Added to the wall clock: zero unless `BORNE_NOW` fixed the start.
    shift: chrono::Duration,
}

impl Clock {
    /// The wall clock, in the help point's zone.
    pub(crate) fn wall(calendar: Calendar) -> Clock {
        Clock {
            calendar,
            shift: chrono::Duration::zero(),
        }
    }

    /// A clock that reads `start` (local time in the help point's zone) now, then runs.
    pub(crate) fn starting_at(start: NaiveDateTime, calendar: Calendar) -> Clock {
        Clock {
            calendar,
            shift: calendar.to_utc(start) - Utc::now(),
        }
    }

    /// The wall clock, or `BORNE_NOW` when set (an invalid value is an error, not a silent
    /// fallback: a demo on the wrong day misleads).
    pub(crate) fn from_env(calendar: Calendar) -> Result<Clock, String> {
        match std::env::var(NOW_VARIABLE) {
            Ok(text) if !text.trim().is_empty() => parse_local(&text)
                .map(|start| Clock::starting_at(start, calendar))
                .map_err(|e| format!("{NOW_VARIABLE}={text}: {e}")),
            _ => Ok(Clock::wall(calendar)),
        }
    }

    pub(crate) fn instant(&self) -> DateTime<Utc> {
        Utc::now() + self.shift
    }

    /// The help point's local time now.
    pub(crate) fn now(&self) -> NaiveDateTime {
        self.calendar.local(self.instant())
    }
}

/// `2026-03-02T10:15:00` or `2026-03-02T10:15`.
pub fn parse_local(text: &str) -> Result<NaiveDateTime, String> {
    let text = text.trim();
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .map_err(|_| "expected a local date and time like 2026-03-02T10:15:00".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_or_without_seconds() {
        let a = parse_local("2026-03-02T10:15").unwrap();
        let b = parse_local("2026-03-02T10:15:00").unwrap();
        assert_eq!(a, b);
        assert!(parse_local("2026-02-30T10:15").is_err());
        assert!(parse_local("demain").is_err());
    }

    #[test]
    fn a_fixed_clock_starts_at_its_time_and_runs() {
        let start = parse_local("2026-03-02T10:15").unwrap();
        let clock = Clock::starting_at(start, Calendar::default());
        let now = clock.now();
        assert!(now >= start && now < start + chrono::Duration::seconds(5));
    }

    #[test]
    fn a_clock_started_before_the_spring_change_reads_summer_time_after_it() {
        // 01:59 winter time, one real minute before the change: 61 minutes later the clocks
        // read 04:00 (02:00 became 03:00). Shifting the start stands for time passing.
        let paris = Calendar::default();
        let start = parse_local("2026-03-29T01:59").unwrap();
        let later = Clock {
            calendar: paris,
            shift: Clock::starting_at(start, paris).shift + chrono::Duration::minutes(61),
        };
        let now = later.now();
        let expected = parse_local("2026-03-29T04:00").unwrap();
        assert!(
            now >= expected && now < expected + chrono::Duration::seconds(5),
            "{now}"
        );
    }
}

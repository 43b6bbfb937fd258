//! "Now" is injected: `BORNE_NOW=2026-03-02T10:15:00` starts the clock at that local time and
//! it then runs normally, so tests and demos can fix the day.
use std::time::Instant;

use chrono::{Local, NaiveDateTime};

pub const NOW_VARIABLE: &str = "BORNE_NOW";

#[derive(Debug, Clone)]
pub struct Clock {
    start: NaiveDateTime,
    started: Instant,
}

impl Clock {
    pub fn starting_at(start: NaiveDateTime) -> Clock {
        Clock {
            start,
            started: Instant::now(),
        }
    }

    /// The system's local time, or `BORNE_NOW` when set (an invalid value is an error, not a
    /// silent fallback: a demo on the wrong day misleads).
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var(NOW_VARIABLE) {
            Ok(text) if !text.trim().is_empty() => parse_local(&text)
                .map(Clock::starting_at)
                .map_err(|e| format!("{NOW_VARIABLE}={text}: {e}")),
            _ => Ok(Clock::starting_at(Local::now().naive_local())),
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        let elapsed = chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default();
        self.start + elapsed
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
        let clock = Clock::starting_at(start);
        let now = clock.now();
        assert!(now >= start && now < start + chrono::Duration::seconds(5));
    }
}

//! Five wrong PINs lock the staff prompt for five minutes. The guard outlives the idle reset:
//! walking away must not give a second series of tries.
use chrono::{Duration, NaiveDateTime};

pub const MAX_TRIES: u32 = 5;
pub const LOCK_MINUTES: i64 = 5;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PinGuard {
    failures: u32,
    locked_until: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Attempt {
    Accepted,
    Wrong { tries_left: u32 },
    Locked { until: NaiveDateTime },
}

impl PinGuard {
    /// A guard as it was saved (the lockout survives a restart).
    pub fn restored(failures: u32, locked_until: Option<NaiveDateTime>) -> PinGuard {
        PinGuard {
            failures,
            locked_until,
        }
    }

    /// What to save: (failures, locked until).
    pub fn state(&self) -> (u32, Option<NaiveDateTime>) {
        (self.failures, self.locked_until)
    }

    /// When the prompt is locked, until when.
    pub fn locked_until(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.locked_until.filter(|until| now < *until)
    }

    /// Records an attempt; `correct` is the result of checking the PIN against its hash.
    /// While locked, even the right PIN is refused.
    pub fn attempt(&mut self, correct: bool, now: NaiveDateTime) -> Attempt {
        if let Some(until) = self.locked_until(now) {
            return Attempt::Locked { until };
        }
        if self.locked_until.is_some() {
            // The lock has expired: a fresh series of tries.
            self.locked_until = None;
            self.failures = 0;
        }
        if correct {
            self.failures = 0;
            return Attempt::Accepted;
        }
        self.failures += 1;
        if self.failures >= MAX_TRIES {
            let until = now + Duration::minutes(LOCK_MINUTES);
            self.locked_until = Some(until);
            Attempt::Locked { until }
        } else {
            Attempt::Wrong {
                tries_left: MAX_TRIES - self.failures,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    #[test]
    fn five_wrong_pins_lock_for_five_minutes_even_the_right_one() {
        let t0 = parse_local("2026-03-02T10:15:00").unwrap();
        let mut guard = PinGuard::default();
        for left in (1..=4).rev() {
            assert_eq!(
                guard.attempt(false, t0),
                Attempt::Wrong { tries_left: left }
            );
        }
        let until = t0 + Duration::minutes(5);
        assert_eq!(guard.attempt(false, t0), Attempt::Locked { until });
        let later = t0 + Duration::minutes(4);
        assert_eq!(guard.attempt(true, later), Attempt::Locked { until });
        assert_eq!(guard.locked_until(later), Some(until));
        // After five minutes the right PIN works again and the count starts afresh.
        assert_eq!(guard.locked_until(until), None);
        assert_eq!(
            guard.attempt(false, until),
            Attempt::Wrong { tries_left: 4 }
        );
        assert_eq!(guard.attempt(true, until), Attempt::Accepted);
        assert_eq!(
            guard.attempt(false, until),
            Attempt::Wrong { tries_left: 4 }
        );
    }
}

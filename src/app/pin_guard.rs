//! Guessing the staff PIN is slowed down, never locked: after a few wrong PINs each new try
//! waits a little longer, up to half a minute. A lockout would let any passer-by, typing five
//! wrong PINs, keep the help point's staff out of their own kiosk; a wait of at most 30 s
//! after the last try cannot, while guessing a 4-digit PIN at that pace takes days in front
//! of everyone. The guard outlives the idle reset and a restart: walking away or pulling the
//! plug does not give a fresh series of quick tries.
use chrono::{Duration, NaiveDateTime};

/// Wrong PINs allowed without any wait (a finger slips, twice).
pub const FREE_TRIES: u32 = 2;
/// The longest wait between two tries, in seconds.
pub const MAX_WAIT_SECONDS: i64 = 30;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PinGuard {
    failures: u32,
    /// No try is checked before then.
    wait_until: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Attempt {
    Accepted,
    /// Wrong; the next try waits this many seconds (0: right away).
    Wrong {
        wait_seconds: u32,
    },
    /// Tried during the wait: not checked.
    Waiting {
        seconds: u32,
    },
}

/// The wait after `failures` wrong PINs in a row: none for the first two, then 5 s, 10 s,
/// 20 s, and 30 s from then on.
fn wait_after(failures: u32) -> i64 {
    match failures.saturating_sub(FREE_TRIES) {
        0 => 0,
        n => (5i64 << (n - 1).min(3)).min(MAX_WAIT_SECONDS),
    }
}

impl PinGuard {
    /// A guard as it was saved. A wait saved by an older kiosk (a 5-minute lockout) is cut
    /// to the longest wait: nothing saved keeps the staff out.
    pub fn restored(
        failures: u32,
        wait_until: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> PinGuard {
        PinGuard {
            failures,
            wait_until: wait_until.map(|u| u.min(now + Duration::seconds(MAX_WAIT_SECONDS))),
        }
    }

    /// What to save: (failures, no try before).
    pub fn state(&self) -> (u32, Option<NaiveDateTime>) {
        (self.failures, self.wait_until)
    }

    /// How many seconds before a try is checked, if any.
    pub fn waiting(&self, now: NaiveDateTime) -> Option<u32> {
        let left = (self.wait_until? - now).num_milliseconds();
        (left > 0).then(|| ((left + 999) / 1000) as u32)
    }

    /// Records an attempt; `correct` is the result of checking the PIN against its hash.
    /// During a wait, nothing is checked, not even the right PIN.
    pub fn attempt(&mut self, correct: bool, now: NaiveDateTime) -> Attempt {
        if let Some(seconds) = self.waiting(now) {
            return Attempt::Waiting { seconds };
        }
        if correct {
            self.failures = 0;
            self.wait_until = None;
            return Attempt::Accepted;
        }
        self.failures = self.failures.saturating_add(1);
        let wait = wait_after(self.failures);
        self.wait_until = (wait > 0).then(|| now + Duration::seconds(wait));
        Attempt::Wrong {
            wait_seconds: wait as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    #[test]
    fn wrong_pins_slow_the_next_try_down_to_half_a_minute_never_more() {
        let t0 = parse_local("2026-03-02T10:15:00").unwrap();
        let mut guard = PinGuard::default();
        let waits: Vec<Attempt> = (0..7)
            .map(|_| guard.attempt(false, t0 + Duration::hours(1)))
            .collect();
        assert_eq!(waits[0], Attempt::Wrong { wait_seconds: 0 });
        assert_eq!(waits[1], Attempt::Wrong { wait_seconds: 0 });
        assert_eq!(waits[2], Attempt::Wrong { wait_seconds: 5 });
        // Tried during the wait: not even checked.
        assert_eq!(waits[3], Attempt::Waiting { seconds: 5 });

        let mut guard = PinGuard::default();
        let mut now = t0;
        let mut seen = Vec::new();
        for _ in 0..8 {
            match guard.attempt(false, now) {
                Attempt::Wrong { wait_seconds } => {
                    seen.push(wait_seconds);
                    now += Duration::seconds(wait_seconds.into());
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(seen, [0, 0, 5, 10, 20, 30, 30, 30]);
        // The right PIN, once the wait is over, opens and starts afresh.
        assert_eq!(guard.attempt(true, now), Attempt::Accepted);
        assert_eq!(
            guard.attempt(false, now),
            Attempt::Wrong { wait_seconds: 0 }
        );
    }

    #[test]
    fn a_lockout_saved_by_an_older_kiosk_keeps_no_one_out_longer_than_the_longest_wait() {
        let t0 = parse_local("2026-03-02T10:15:00").unwrap();
        let guard = PinGuard::restored(5, Some(t0 + Duration::minutes(5)), t0);
        assert_eq!(guard.waiting(t0), Some(30));
        assert_eq!(guard.waiting(t0 + Duration::seconds(30)), None);
    }
}

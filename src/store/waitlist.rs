//! A full workshop's waiting list: a first name and a phone, in the order people asked. When
//! a seat frees (a registration cancelled), the first one not told yet is sent the message
//! written for them when they joined, in their language, in the same transaction; with no
//! gateway there is no message and the counsellor calls them from the list.
use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq)]
pub struct NewWaiting {
    /// The session's id (`<series>@<date>`).
    pub workshop: String,
    pub starts: NaiveDateTime,
    pub first_name: String,
    /// E.164.
    pub phone: String,
    /// The language they used (a locale tag).
    pub locale: String,
    /// What to send them when a seat frees; `None` when no gateway sends messages.
    pub seat_free: Option<String>,
}

/// Someone on a session's waiting list, as the counsellor sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub first_name: String,
    pub phone: Option<String>,
    pub locale: String,
    /// A message that a seat freed was queued for them.
    pub told: bool,
}

pub trait Waitlist {
    /// Puts a person on a session's list; their place on it (1: the first).
    fn join_waitlist(&mut self, new: &NewWaiting, now: NaiveDateTime) -> Result<u32, String>;

    /// A session's list, in the order people joined it.
    fn waitlist(&mut self, workshop: &str) -> Result<Vec<Waiting>, String>;
}

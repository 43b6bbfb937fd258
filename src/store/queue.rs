//! The help point's queue in the store: tickets numbered per day (and help point) without gap
//! or double however many kiosks issue at once, a call given to one counsellor only, and the
//! day's end. The trait and the decisions both backends take on the rows inside their
//! transaction; the SQLite file's implementation is `sqlite/queue.rs` (one help point: the
//! kiosk, counsellor mode and `borne display` as processes sharing the file), the network's
//! `postgres/queue.rs`.
use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::person::{Person, check_matches};
use crate::domain::queue::{self, CheckInRefused, Entry, MAX_NUMBER, NewEntry, State, Window};

/// A counsellor calling: who, and the desk the person goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub counsellor: String,
    pub desk: Option<String>,
}

/// Why the queue refused a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueRefusal {
    /// Nobody waits whom this counsellor may call.
    NobodyWaiting,
    /// No ticket of that number today.
    NotFound,
    /// Another counsellor called this person first.
    CalledByAnother,
    /// Another counsellor's appointment.
    NotYours,
    /// The ticket is settled already (helped, absent, gone…).
    Settled,
    /// The day's numbers are all given.
    Full,
}

/// The queue, on either store.
pub trait Queue {
    /// A walk-in's ticket: the day's next number at this help point.
    fn take_ticket(
        &mut self,
        new: &NewEntry,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String>;

    /// Checks in the appointment of `code` for the person who gives its `check`, within the
    /// window: a ticket for it (the same one when checked in already).
    fn check_in(
        &mut self,
        code: &str,
        check: &str,
        locale: &str,
        window: Window,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, CheckInRefused>, String>;

    /// Everyone who took a ticket that day, in number order.
    fn queue_day(&mut self, day: NaiveDate) -> Result<Vec<Entry>, String>;

    /// Calls `ticket`, or the next person in order this counsellor may call, to their desk;
    /// calling their own called ticket again counts a second call. Audited.
    fn call(
        &mut self,
        caller: &Caller,
        ticket: Option<u32>,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String>;

    /// Settles a ticket: helped ("pris en charge": an appointment is then marked présent),
    /// absent, sent elsewhere — by the counsellor who called it, audited — or given up at the
    /// kiosk (`by` is then "kiosk", while it is open).
    fn settle(
        &mut self,
        day: NaiveDate,
        number: u32,
        outcome: State,
        by: &str,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String>;

    /// Every entry of the days between two days (inclusive), for the statistics.
    fn queue_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>, String>;

    /// The day's end: the queues of days before `today` are closed (who still waited was not
    /// seen) and their names erased. Returns how many names were erased.
    fn end_queue_days(&mut self, today: NaiveDate, now: NaiveDateTime) -> Result<usize, String>;
}

/// Whom a call goes to, among the day's entries as they stand in the transaction: the ticket
/// asked (waiting, or called by this counsellor before: a second call), else the next in order
/// this counsellor may call.
pub(crate) fn whom_to_call(
    entries: &[Entry],
    caller: &Caller,
    ticket: Option<u32>,
    now: NaiveDateTime,
) -> Result<u32, QueueRefusal> {
    let Some(number) = ticket else {
        return queue::next_for(entries, &caller.counsellor, now)
            .map(|e| e.number)
            .ok_or(QueueRefusal::NobodyWaiting);
    };
    let entry = entries
        .iter()
        .find(|e| e.number == number)
        .ok_or(QueueRefusal::NotFound)?;
    match entry.state {
        State::Waiting if !entry.for_counsellor(&caller.counsellor) => Err(QueueRefusal::NotYours),
        State::Waiting => Ok(number),
        State::Called if entry.called_by.as_deref() == Some(caller.counsellor.as_str()) => {
            Ok(number)
        }
        State::Called => Err(QueueRefusal::CalledByAnother),
        _ => Err(QueueRefusal::Settled),
    }
}

/// Whether `by` may settle the entry so: the counsellor who called it, for the outcome of a
/// call; the person at the kiosk, to leave while they wait or are called.
pub(crate) fn may_settle(entry: &Entry, outcome: State, by: &str) -> Result<(), QueueRefusal> {
    if !entry.state.open() {
        return Err(QueueRefusal::Settled);
    }
    match outcome {
        State::Left => Ok(()),
        State::Served | State::Absent | State::Redirected => match entry.called_by.as_deref() {
            Some(who) if entry.state == State::Called && who == by => Ok(()),
            Some(_) if entry.state == State::Called => Err(QueueRefusal::CalledByAnother),
            _ => Err(QueueRefusal::NotFound),
        },
        State::Waiting | State::Called | State::Unseen => Err(QueueRefusal::Settled),
    }
}

/// The next ticket number after the day's highest, if the day has one left.
pub(crate) fn next_number(highest: Option<u32>) -> Result<u32, QueueRefusal> {
    let next = highest.unwrap_or(0) + 1;
    if next > MAX_NUMBER {
        Err(QueueRefusal::Full)
    } else {
        Ok(next)
    }
}

/// What the audit trail keeps of a queue action: the ticket, never the person.
pub(crate) fn audit_action(what: &str, entry_label: &str) -> String {
    format!("queue {what} {entry_label}")
}

/// An appointment as a check-in reads it.
pub(crate) struct ToCheckIn {
    pub starts: NaiveDateTime,
    pub counsellor: String,
    pub motif: String,
    pub cancelled: bool,
    pub person: Person,
}

/// The check-in's decision on the appointment found (if any) for that check.
pub(crate) fn may_check_in(
    found: Option<&ToCheckIn>,
    check: &str,
    now: NaiveDateTime,
    window: Window,
) -> Result<(), CheckInRefused> {
    let Some(a) = found.filter(|a| check_matches(&a.person, check)) else {
        return Err(CheckInRefused::NotFound);
    };
    if a.cancelled {
        return Err(CheckInRefused::Cancelled);
    }
    queue::check_in(a.starts, now, window)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::queue::Booked;

    fn t(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("2026-03-03T{text}"), "%Y-%m-%dT%H:%M").unwrap()
    }

    fn waiting(number: u32, counsellor: Option<&str>) -> Entry {
        Entry {
            day: t("09:00").date(),
            number,
            appointment: counsellor.map(|c| Booked {
                code: "ABC234".into(),
                starts: t("09:00"),
                counsellor: c.into(),
            }),
            motif: "demarche".into(),
            first_name: None,
            locale: "fr".into(),
            arrived: t("08:50"),
            state: State::Waiting,
            called_at: None,
            called_by: None,
            desk: None,
            calls: 0,
            closed_at: None,
        }
    }

    fn camille() -> Caller {
        Caller {
            counsellor: "camille".into(),
            desk: Some("Bureau 2".into()),
        }
    }

    #[test]
    fn a_call_goes_to_one_counsellor_and_a_second_call_to_the_same() {
        let mut entries = vec![waiting(1, Some("karim")), waiting(2, None)];
        let now = t("09:10");
        assert_eq!(whom_to_call(&entries, &camille(), None, now), Ok(2));
        assert_eq!(
            whom_to_call(&entries, &camille(), Some(1), now),
            Err(QueueRefusal::NotYours)
        );
        assert_eq!(
            whom_to_call(&entries, &camille(), Some(3), now),
            Err(QueueRefusal::NotFound)
        );
        entries[1].state = State::Called;
        entries[1].called_by = Some("karim".into());
        assert_eq!(
            whom_to_call(&entries, &camille(), Some(2), now),
            Err(QueueRefusal::CalledByAnother)
        );
        assert_eq!(
            whom_to_call(&entries, &camille(), None, now),
            Err(QueueRefusal::NobodyWaiting)
        );
        entries[1].called_by = Some("camille".into());
        assert_eq!(whom_to_call(&entries, &camille(), Some(2), now), Ok(2));
    }

    #[test]
    fn only_the_caller_settles_a_call_and_anyone_may_leave_while_open() {
        let mut e = waiting(1, None);
        assert_eq!(may_settle(&e, State::Left, "kiosk"), Ok(()));
        assert_eq!(
            may_settle(&e, State::Served, "camille"),
            Err(QueueRefusal::NotFound)
        );
        e.state = State::Called;
        e.called_by = Some("camille".into());
        assert_eq!(may_settle(&e, State::Served, "camille"), Ok(()));
        assert_eq!(
            may_settle(&e, State::Absent, "karim"),
            Err(QueueRefusal::CalledByAnother)
        );
        e.state = State::Served;
        assert_eq!(
            may_settle(&e, State::Left, "kiosk"),
            Err(QueueRefusal::Settled)
        );
    }

    #[test]
    fn numbers_stop_at_999_a_day() {
        assert_eq!(next_number(None), Ok(1));
        assert_eq!(next_number(Some(998)), Ok(999));
        assert_eq!(next_number(Some(999)), Err(QueueRefusal::Full));
    }
}

//! What screens ask of the database, and what they get back. The core emits a `Request` as an
//! effect; the shell answers it with a `Reply` sent back to the screen that asked. Screens stay
//! pure functions, tested by feeding them replies.
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::appointments::{
    AgendaStore, Appointment, Busy, Canceller, Move, NewBooking, NewRegistration, Refusal,
    Registrant, Reminder, Session, Status,
};
use super::error::StoreError;
use super::queue::{Caller, QueueRefusal};
use super::stats::Stats;
use crate::domain::lieu::Lieu;
use crate::domain::nearest::PlaceIndex;
use crate::domain::queue::{CheckInRefused, Entry, NewEntry, State, Window};
use crate::domain::report::Report;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// The communes and the lieux positions, loaded once and kept.
    PlaceIndex,
    /// A person asks to be called back (the network being down): kept on the kiosk under a
    /// new request id, and sent at once if the network answers.
    Callback {
        first_name: String,
        phone: String,
        about: String,
        asked_at: NaiveDateTime,
    },
    /// Lieux by row id, in that order.
    Lieux(Vec<i64>),
    /// The date of the newest lieux data, none after `today`.
    LieuxDate {
        today: NaiveDate,
    },
    /// Staff: every appointment between two days.
    Appointments {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Staff: présent, absent; refused for an appointment starting after `marked_from`.
    SetStatus {
        code: String,
        status: Status,
        marked_from: NaiveDateTime,
        by: String,
    },
    /// Cancels an appointment: the person (within the rule), or staff.
    Cancel {
        code: String,
        by: Canceller,
    },
    SaveReport(Report),
    /// The report that follows a booking or registration, if any.
    Report(String),
    /// Workshop sessions as they stand, from the agenda's plan.
    Sessions {
        from: NaiveDate,
        to: NaiveDate,
        planned: Vec<Session>,
    },
    /// Staff: a session changed or added; if it moved, its registrants are told `notice`
    /// (when there is a way to send it).
    SaveSession {
        session: Session,
        by: String,
        notice: Option<String>,
    },
    /// Staff: a session cancelled; its registrants are told `notice` (when there is a way).
    CancelSession {
        session: Session,
        by: String,
        notice: Option<String>,
    },
    /// Staff: statistics; `planned` are the agenda's workshop sessions of the range (the
    /// store applies the staff's changes, as everywhere).
    Stats {
        from: NaiveDate,
        to: NaiveDate,
        planned: Vec<Session>,
    },
    /// Who is taken between two days (inclusive).
    Busy {
        from: NaiveDate,
        to: NaiveDate,
    },
    Book(NewBooking),
    Register(NewRegistration),
    /// A citizen looks up an appointment with its code and check.
    Find {
        code: String,
        check: String,
    },
    /// A citizen moves a booking, only if it starts at or after `limit` (the 2-day rule).
    Reschedule {
        code: String,
        to: Move,
        limit: NaiveDateTime,
    },
    /// Send the confirmation of what `code` is (just booked or moved) through the outbox.
    Confirm {
        code: String,
        message: Reminder,
    },
    /// The queue ("Je suis là"): see `store/queue.rs`.
    Queue(QueueRequest),
    /// A full workshop: a person asks to be told when a seat frees.
    JoinWaitlist(super::waitlist::NewWaiting),
    /// Staff: a session's waiting list (its id).
    Waitlist(String),
}

/// What the queue's screens ask: a ticket, a check-in, the day's queue, a call, an outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum QueueRequest {
    Take(NewEntry),
    CheckIn {
        code: String,
        check: String,
        locale: String,
        window: Window,
    },
    Day(NaiveDate),
    Call {
        caller: Caller,
        ticket: Option<u32>,
    },
    Settle {
        day: NaiveDate,
        number: u32,
        outcome: State,
        by: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    PlaceIndex(Arc<PlaceIndex>),
    Lieux(Vec<Lieu>),
    LieuxDate(Option<NaiveDate>),
    Appointments(Vec<Appointment>),
    /// A staff change went through.
    Done,
    /// A status change was refused.
    StatusRefused(Refusal),
    /// A session saved or cancelled: its registrants, and whether each was told.
    SessionSaved(Vec<Registrant>),
    ReportSaved(Result<i64, Refusal>),
    Report(Option<Report>),
    Sessions(Vec<Session>),
    Stats(Stats),
    Busy(Vec<Busy>),
    Booked(Result<String, Refusal>),
    Registered(Result<String, Refusal>),
    Found(Option<Appointment>),
    /// The code was booked at the network's other help point of that name.
    FoundElsewhere(String),
    Cancelled(Result<(), Refusal>),
    Rescheduled(Result<(), Refusal>),
    /// The database failed: the screen says so kindly and keeps what the person entered.
    Failed(StoreError),
    /// The callback request is kept; `sent` when the network already has it.
    CallbackTaken {
        sent: bool,
    },
    /// A ticket taken, with the day's queue as it stands (to say who is before).
    Ticket(Result<(Entry, Vec<Entry>), QueueRefusal>),
    CheckedIn(Result<(Entry, Vec<Entry>), CheckInRefused>),
    /// The day's queue, in number order.
    Queue(Vec<Entry>),
    /// A call or an outcome recorded, with the day's queue after it.
    QueueChanged(Result<(Entry, Vec<Entry>), QueueRefusal>),
    /// On the waiting list, at this place (1: the first).
    Waitlisted(u32),
    /// A session's waiting list, in order.
    Waitlist(Vec<super::waitlist::Waiting>),
}

/// What a sign-in attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    /// The counsellor (their id) whose PIN it was: signed in on this connection.
    Counsellor(String),
    Wrong,
    /// Too many wrong PINs on this kiosk; the database's words.
    Locked(String),
}

impl Request {
    /// What kind of request, for the log (never its content: it may hold a person's data).
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Request::PlaceIndex => "place index",
            Request::Callback { .. } => "callback",
            Request::Lieux(_) => "lieux",
            Request::LieuxDate { .. } => "lieux date",
            Request::Appointments { .. } => "appointments",
            Request::SetStatus { .. } => "set status",
            Request::Cancel { .. } => "cancel",
            Request::SaveReport(_) => "save report",
            Request::Report(_) => "report",
            Request::Sessions { .. } => "sessions",
            Request::SaveSession { .. } => "save session",
            Request::CancelSession { .. } => "cancel session",
            Request::Stats { .. } => "stats",
            Request::Busy { .. } => "busy",
            Request::Book(_) => "book",
            Request::Register(_) => "register",
            Request::Find { .. } => "find",
            Request::Reschedule { .. } => "reschedule",
            Request::Confirm { .. } => "confirmation",
            Request::Queue(QueueRequest::Take(_)) => "queue ticket",
            Request::Queue(QueueRequest::CheckIn { .. }) => "queue check-in",
            Request::Queue(QueueRequest::Day(_)) => "queue",
            Request::Queue(QueueRequest::Call { .. }) => "queue call",
            Request::Queue(QueueRequest::Settle { .. }) => "queue settle",
            Request::JoinWaitlist(_) => "join waiting list",
            Request::Waitlist(_) => "waiting list",
        }
    }
}

/// The agenda's answer to a screen's request.
pub(super) fn agenda_answer(
    agenda: &mut dyn AgendaStore,
    request: Request,
    now: NaiveDateTime,
) -> Result<Reply, String> {
    match request {
        Request::PlaceIndex | Request::Lieux(_) | Request::LieuxDate { .. } => {
            Err("the lieux are the help point's own".to_string())
        }
        Request::Callback { .. } => Err("a callback request goes through the network".to_string()),
        Request::Appointments { from, to } => agenda
            .appointments_between(from, to)
            .map(Reply::Appointments),
        Request::SetStatus {
            code,
            status,
            marked_from,
            by,
        } => agenda
            .set_status(&code, status, marked_from, &by, now)
            .map(|outcome| match outcome {
                Ok(()) => Reply::Done,
                Err(refusal) => Reply::StatusRefused(refusal),
            }),
        Request::Cancel { code, by } => agenda.cancel(&code, &by, now).map(Reply::Cancelled),
        Request::SaveReport(report) => agenda.save_report(&report, now).map(Reply::ReportSaved),
        Request::Report(code) => agenda.report_for(&code).map(Reply::Report),
        Request::Sessions { from, to, planned } => {
            agenda.sessions(&planned, from, to).map(Reply::Sessions)
        }
        Request::SaveSession {
            session,
            by,
            notice,
        } => agenda
            .save_session(&session, &by, notice.as_deref(), now)
            .map(Reply::SessionSaved),
        Request::CancelSession {
            session,
            by,
            notice,
        } => agenda
            .cancel_session(&session, &by, notice.as_deref(), now)
            .map(Reply::SessionSaved),
        Request::Stats { from, to, planned } => {
            super::stats(agenda, from, to, &planned).map(Reply::Stats)
        }
        Request::Busy { from, to } => agenda.busy(from, to).map(Reply::Busy),
        Request::Book(new) => agenda.book(&new, now).map(Reply::Booked),
        Request::Register(new) => agenda.register(&new, now).map(Reply::Registered),
        Request::Find { code, check } => {
            match agenda.booked_elsewhere(&crate::domain::code::normalise(&code), &check) {
                Ok(Some(place)) => Ok(Reply::FoundElsewhere(place)),
                Ok(None) => agenda.find(&code, &check).map(Reply::Found),
                Err(e) => Err(e),
            }
        }
        Request::Reschedule { code, to, limit } => agenda
            .reschedule(&code, &to, Some(limit))
            .map(Reply::Rescheduled),
        Request::Confirm { code, message } => agenda
            .queue_confirmation(&code, &message)
            .map(|_| Reply::Done),
        Request::Queue(request) => queue_answer(agenda, request, now),
        Request::JoinWaitlist(new) => agenda.join_waitlist(&new, now).map(Reply::Waitlisted),
        Request::Waitlist(workshop) => agenda.waitlist(&workshop).map(Reply::Waitlist),
    }
}

/// The queue's answer; a change comes back with the day's queue after it.
fn queue_answer(
    agenda: &mut dyn AgendaStore,
    request: QueueRequest,
    now: NaiveDateTime,
) -> Result<Reply, String> {
    let with_day = |agenda: &mut dyn AgendaStore, entry: Entry| {
        agenda.queue_day(entry.day).map(|day| (entry, day))
    };
    Ok(match request {
        QueueRequest::Take(new) => match agenda.take_ticket(&new, now)? {
            Ok(entry) => Reply::Ticket(Ok(with_day(agenda, entry)?)),
            Err(refusal) => Reply::Ticket(Err(refusal)),
        },
        QueueRequest::CheckIn {
            code,
            check,
            locale,
            window,
        } => match agenda.check_in(&code, &check, &locale, window, now)? {
            Ok(entry) => Reply::CheckedIn(Ok(with_day(agenda, entry)?)),
            Err(refusal) => Reply::CheckedIn(Err(refusal)),
        },
        QueueRequest::Day(day) => Reply::Queue(agenda.queue_day(day)?),
        QueueRequest::Call { caller, ticket } => match agenda.call(&caller, ticket, now)? {
            Ok(entry) => Reply::QueueChanged(Ok(with_day(agenda, entry)?)),
            Err(refusal) => Reply::QueueChanged(Err(refusal)),
        },
        QueueRequest::Settle {
            day,
            number,
            outcome,
            by,
        } => match agenda.settle(day, number, outcome, &by, now)? {
            Ok(entry) => Reply::QueueChanged(Ok(with_day(agenda, entry)?)),
            Err(refusal) => Reply::QueueChanged(Err(refusal)),
        },
    })
}

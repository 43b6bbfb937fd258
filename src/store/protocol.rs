//! What screens ask of the database, and what they get back. The core emits a `Request` as an
//! effect; the shell answers it with a `Reply` sent back to the screen that asked. Screens stay
//! pure functions, tested by feeding them replies.
use crate::store::Reports;
use crate::store::Workshops;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::Store;
use super::appointments::{
    Appointment, Bookings, Canceller, Move, NewBooking, NewRegistration, Refusal, Status,
};
use super::sessions::{Registrant, Session};
use super::stats::Stats;
use crate::domain::lieu::Lieu;
use crate::domain::nearest::PlaceIndex;
use crate::domain::report::Report;
use crate::store::Busy;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// The communes and the lieux positions, loaded once and kept.
    PlaceIndex,
    /// Lieux by row id, in that order.
    Lieux(Vec<i64>),
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
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    PlaceIndex(Arc<PlaceIndex>),
    Lieux(Vec<Lieu>),
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
    Cancelled(Result<(), Refusal>),
    Rescheduled(Result<(), Refusal>),
    /// Whether the ticket printer took the ticket.
    Printed(bool),
    /// The database failed: the screen says so kindly and keeps what the person entered.
    Failed(String),
}

impl Request {
    /// What kind of request, for the log (never its content: it may hold a person's data).
    pub fn kind(&self) -> &'static str {
        match self {
            Request::PlaceIndex => "place index",
            Request::Lieux(_) => "lieux",
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
        }
    }
}

impl Store {
    /// The place index, built on first use and kept: 40,000 communes take a moment to read.
    pub fn place_index(&mut self) -> Result<Arc<PlaceIndex>, String> {
        if let Some(index) = &self.place_index {
            return Ok(index.clone());
        }
        let index = Arc::new(PlaceIndex {
            communes: self.commune_index()?,
            points: self.lieu_points()?,
        });
        self.place_index = Some(index.clone());
        Ok(index)
    }

    pub fn answer(&mut self, request: Request, now: NaiveDateTime) -> Reply {
        let reply = match request {
            Request::PlaceIndex => self.place_index().map(Reply::PlaceIndex),
            Request::Lieux(ids) => self.lieux(&ids).map(Reply::Lieux),
            Request::Appointments { from, to } => {
                self.appointments_between(from, to).map(Reply::Appointments)
            }
            Request::SetStatus {
                code,
                status,
                marked_from,
                by,
            } => {
                self.set_status(&code, status, marked_from, &by, now)
                    .map(|outcome| match outcome {
                        Ok(()) => Reply::Done,
                        Err(refusal) => Reply::StatusRefused(refusal),
                    })
            }
            Request::Cancel { code, by } => self.cancel(&code, &by, now).map(Reply::Cancelled),
            Request::SaveReport(report) => self.save_report(&report, now).map(Reply::ReportSaved),
            Request::Report(code) => self.report_for(&code).map(Reply::Report),
            Request::Sessions { from, to, planned } => {
                self.sessions(&planned, from, to).map(Reply::Sessions)
            }
            Request::SaveSession {
                session,
                by,
                notice,
            } => self
                .save_session(&session, &by, notice.as_deref(), now)
                .map(Reply::SessionSaved),
            Request::CancelSession {
                session,
                by,
                notice,
            } => self
                .cancel_session(&session, &by, notice.as_deref(), now)
                .map(Reply::SessionSaved),
            Request::Stats { from, to, planned } => {
                super::stats(self, from, to, &planned).map(Reply::Stats)
            }
            Request::Busy { from, to } => self.busy(from, to).map(Reply::Busy),
            Request::Book(new) => self.book(&new, now).map(Reply::Booked),
            Request::Register(new) => self.register(&new, now).map(Reply::Registered),
            Request::Find { code, check } => self.find(&code, &check).map(Reply::Found),
            Request::Reschedule { code, to, limit } => self
                .reschedule(&code, &to, Some(limit))
                .map(Reply::Rescheduled),
        };
        reply.unwrap_or_else(Reply::Failed)
    }
}

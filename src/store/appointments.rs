//! What a help point's agenda does, whichever database keeps it: the SQLite file of one help
//! point (`bookings/`, `sessions.rs`, …) or a network's PostgreSQL (`postgres/`). The rules
//! that are arithmetic (the 4-hour limit, what counts as too early) are computed by the
//! caller and passed in; each backend checks them on the row inside its writing transaction.
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::domain::person::{Person, check_matches};
use crate::domain::report::Report;
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::profile::Profile;

pub(crate) use super::outbox::Outbox;
pub(crate) use super::queue::Queue;

/// An interval a counsellor is already taken (a booking not cancelled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    pub counsellor: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
}

crate::vocabulary::vocabulary!(
    /// Where a booking stands; the labels are what the database and the exports hold.
    Status {
        Upcoming => "à venir", "upcoming";
        Present => "présent", "present";
        Absent => "absent", "absent";
        CancelledByCitizen => "annulé par l'usager", "cancelled-by-citizen";
        CancelledByService => "annulé par le service", "cancelled-by-service";
    }
);

impl Status {
    pub fn cancelled(self) -> bool {
        matches!(
            self,
            Status::CancelledByCitizen | Status::CancelledByService
        )
    }
}

/// Who made a booking or a registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookedBy {
    /// The person themself, at the kiosk.
    Kiosk,
    /// A counsellor, on the person's behalf (audited): their id.
    Counsellor(String),
    /// Staff at the command line (`borne booking create`).
    CommandLine,
}

impl BookedBy {
    /// As the database keeps it: "kiosk", "cli", or the counsellor's id.
    pub(crate) fn stored(&self) -> &str {
        match self {
            BookedBy::Kiosk => "kiosk",
            BookedBy::CommandLine => "cli",
            BookedBy::Counsellor(id) => id,
        }
    }

    pub(crate) fn from_stored(text: &str) -> BookedBy {
        match text {
            "kiosk" => BookedBy::Kiosk,
            "cli" => BookedBy::CommandLine,
            id => BookedBy::Counsellor(id.to_string()),
        }
    }

    /// Made by someone else than the person: the audit says who.
    pub(crate) fn on_behalf(&self) -> bool {
        *self != BookedBy::Kiosk
    }
}

impl Serialize for BookedBy {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.stored())
    }
}

/// Stands for the booking's code in a reminder's message: the code is drawn when the
/// booking is stored.
pub const CODE_PLACEHOLDER: &str = "%CODE%";

/// A reminder to queue with a booking.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub due: NaiveDateTime,
    pub recipient: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewBooking {
    pub counsellor: String,
    pub motif: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub person: Person,
    pub reminder: Option<Reminder>,
    /// The diagnostic outcome the person agreed to share, as JSON.
    pub diagnostic: Option<String>,
    /// The kiosk, a counsellor, or the command line.
    pub booked_by: BookedBy,
    /// The kiosk's own id for this request, given when it goes to the network's database:
    /// the request sent again after a lost answer finds what it made instead of making it
    /// twice. `None` on a help point's own file (one transaction, nothing to replay).
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewRegistration {
    pub workshop: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub seats: u32,
    pub person: Person,
    pub reminder: Option<Reminder>,
    pub booked_by: BookedBy,
    /// As a booking's (see `NewBooking::request_id`).
    pub request_id: Option<String>,
}

/// Where a booking moves to.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub counsellor: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub reminder: Option<Reminder>,
}

/// Why the store refused a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Someone else took the slot first.
    SlotTaken,
    /// The workshop has no seat left.
    Full,
    /// No appointment with that code and check.
    NotFound,
    /// Too close to the appointment for a citizen to do this.
    TooLate,
    /// Already cancelled.
    AlreadyCancelled,
    /// Too early for this (attendance before the appointment).
    TooEarly,
    /// The workshop session was cancelled.
    SessionCancelled,
    /// The person was marked absent (no activity report).
    Absent,
}

/// Who cancels an appointment.
#[derive(Debug, Clone, PartialEq)]
pub enum Canceller {
    /// The person: only an appointment starting at or after `limit` (the 4-hour rule).
    Citizen { limit: NaiveDateTime },
    /// Staff, at the person's request (by phone): no time limit; audited.
    StaffForCitizen { actor: String },
    /// The help point: the reason stays with the staff; `notice` is queued to the person;
    /// `actor` goes to the audit trail.
    Service {
        actor: String,
        reason: Option<String>,
        notice: Option<Reminder>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum What {
    Booking { counsellor: String, motif: String },
    Workshop { workshop: String },
}

/// An appointment as the store knows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appointment {
    pub code: String,
    pub what: What,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub status: Status,
    pub person: Person,
    /// Whether the person asked for a reminder.
    pub reminder: bool,
    /// The diagnostic outcome the person agreed to share (JSON), for the counsellor only.
    pub diagnostic: Option<String>,
    pub booked_by: BookedBy,
    /// Whether an activity report follows it.
    pub report: bool,
    /// The name of the network's other help point where it was booked; `None`: here.
    pub elsewhere: Option<String>,
}

/// What a cancellation does to an appointment as it stands: its new status and the reason
/// kept, or why it is refused. Both stores check it on the row inside their transaction.
pub(crate) fn cancellation<'a>(
    found: &Appointment,
    by: &'a Canceller,
) -> Result<(Status, Option<&'a str>), Refusal> {
    if found.status.cancelled() {
        return Err(Refusal::AlreadyCancelled);
    }
    match by {
        Canceller::Citizen { limit } if found.starts < *limit => Err(Refusal::TooLate),
        Canceller::Citizen { .. } | Canceller::StaffForCitizen { .. } => {
            Ok((Status::CancelledByCitizen, None))
        }
        Canceller::Service { reason, .. } => Ok((Status::CancelledByService, reason.as_deref())),
    }
}

/// Whether attendance (`status`) may be taken on an appointment as it stands.
pub(crate) fn attendance(
    found: &Appointment,
    status: Status,
    marked_from: NaiveDateTime,
) -> Result<(), Refusal> {
    if found.status.cancelled() || status.cancelled() {
        Err(Refusal::AlreadyCancelled)
    } else if found.starts > marked_from {
        Err(Refusal::TooEarly)
    } else {
        Ok(())
    }
}

/// Whether a booking as it stands may move (before `limit` when given).
pub(crate) fn move_allowed(
    found: &Appointment,
    limit: Option<NaiveDateTime>,
) -> Result<(), Refusal> {
    if found.status.cancelled() {
        Err(Refusal::AlreadyCancelled)
    } else if !matches!(found.what, What::Booking { .. }) {
        Err(Refusal::NotFound)
    } else if limit.is_some_and(|limit| found.starts < limit) {
        Err(Refusal::TooLate)
    } else {
        Ok(())
    }
}

/// Whether a session has a seat left: the staff's version of it (seats, cancelled), when they
/// changed it, has the last word over the agenda's `planned` seats.
pub(crate) fn seat_left(
    staff: Option<(u32, bool)>,
    planned: u32,
    taken: u32,
) -> Result<(), Refusal> {
    match staff {
        Some((_, true)) => Err(Refusal::SessionCancelled),
        Some((seats, false)) if taken >= seats => Err(Refusal::Full),
        None if taken >= planned => Err(Refusal::Full),
        _ => Ok(()),
    }
}

/// Whether a report may follow an appointment as it stands.
pub(crate) fn report_allowed(found: Option<&Appointment>) -> Result<(), Refusal> {
    match found {
        None => Err(Refusal::NotFound),
        Some(a) if a.status.cancelled() => Err(Refusal::AlreadyCancelled),
        Some(a) if a.status == Status::Absent => Err(Refusal::Absent),
        Some(_) => Ok(()),
    }
}

/// The appointments of one help point or of a network.
pub trait Bookings {
    /// The intervals counsellors are taken between two days (inclusive).
    fn busy(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Busy>, String>;

    /// Books a slot; `Refusal::SlotTaken` when any of its time is taken.
    fn book(
        &mut self,
        new: &NewBooking,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String>;

    /// Seats taken in each workshop session.
    fn seats_taken(&mut self, workshops: &[String]) -> Result<Vec<u32>, String>;

    /// Takes a seat; `Refusal::Full` when none is left, however many kiosks register at once.
    fn register(
        &mut self,
        new: &NewRegistration,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String>;

    /// An appointment by its code: a booking, or a workshop registration.
    fn appointment(&mut self, code: &str) -> Result<Option<Appointment>, String>;

    /// The appointment a citizen asks for with its code and check (phone digits or first
    /// name); `None` unless both match.
    fn find(&mut self, code: &str, check: &str) -> Result<Option<Appointment>, String> {
        let found = self.appointment(&crate::domain::code::normalise(code))?;
        Ok(found.filter(|a| check_matches(&a.person, check)))
    }

    /// The name of the network's other help point where a code was booked, if it was and
    /// `check` is the person's (as `find` reads it): that help point's kiosks and counsellors
    /// manage it. A help point on its own has none.
    fn booked_elsewhere(&mut self, _code: &str, _check: &str) -> Result<Option<String>, String> {
        Ok(None)
    }

    /// Cancels an appointment in one transaction: the rule checked on the row as it is now,
    /// the time freed, every message still to go voided, the notice queued and the staff
    /// action audited together, or nothing changes.
    fn cancel(
        &mut self,
        code: &str,
        by: &Canceller,
        now: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String>;

    /// Présent or absent, audited; refused for a cancelled appointment and before
    /// `marked_from`.
    fn set_status(
        &mut self,
        code: &str,
        status: Status,
        marked_from: NaiveDateTime,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String>;

    /// Moves a booking in one transaction (refused before `limit` when given): the new time
    /// taken and the old freed together, the old reminder voided and the new one queued.
    fn reschedule(
        &mut self,
        code: &str,
        to: &Move,
        limit: Option<NaiveDateTime>,
    ) -> Result<Result<(), Refusal>, String>;

    /// Appointments (bookings and registrations) starting between two days, in time order.
    fn appointments_between(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Appointment>, String>;

    /// Erases the personal data of appointments that ended more than `days` ago; returns how
    /// many were erased.
    fn erase_personal_data(&mut self, now: NaiveDateTime, days: u32) -> Result<usize, String>;
}

/// Workshop sessions as staff changed them (moved, seats, added, cancelled): the agenda plans,
/// the store has the last word.
pub trait Workshops: Bookings {
    /// Every session staff changed or added, as they left it (seats taken not counted).
    fn changed_sessions(&mut self) -> Result<Vec<Session>, String>;

    /// The planned sessions with staff changes applied, plus the sessions staff added, between
    /// two days; each with its seats taken. In time order.
    fn sessions(
        &mut self,
        planned: &[Session],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Session>, String> {
        let changed = self.changed_sessions()?;
        let mut out: Vec<Session> = planned
            .iter()
            .filter(|p| !changed.iter().any(|c| c.id == p.id))
            .cloned()
            .collect();
        out.extend(
            changed
                .into_iter()
                .filter(|c| c.starts.date() >= from && c.starts.date() <= to),
        );
        let ids: Vec<String> = out.iter().map(|s| s.id.clone()).collect();
        for (session, taken) in out.iter_mut().zip(self.seats_taken(&ids)?) {
            session.taken = taken;
        }
        out.sort_by(|a, b| a.starts.cmp(&b.starts).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Saves a session as staff set it, audited; when it moves, its registrants are told
    /// `notice` where they can be reached. Says, for each registrant, whether they were told.
    fn save_session(
        &mut self,
        session: &Session,
        by: &str,
        notice: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<Registrant>, String>;

    /// Cancels a session and every registration to it (by the service), audited; says who
    /// was told.
    fn cancel_session(
        &mut self,
        session: &Session,
        by: &str,
        notice: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<Registrant>, String>;
}

/// The counsellors' activity reports (La Coop's vocabulary).
pub trait Reports {
    /// Saves a report with its audit row; saving again edits it. Refused for an appointment
    /// cancelled or where the person was absent.
    fn save_report(
        &mut self,
        report: &Report,
        at: NaiveDateTime,
    ) -> Result<Result<i64, Refusal>, String>;

    /// The report that follows a booking or registration, if one was saved.
    fn report_for(&mut self, code: &str) -> Result<Option<Report>, String>;

    /// Reports dated between two days (inclusive), oldest first.
    fn reports_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Report>, String>;
}

/// What is kept of the help point's life without a person in it: staff actions, and the
/// anonymous count of finished diagnostics.
pub trait Journal {
    /// Records a staff action: who, what, when; never citizen data.
    fn audit(&mut self, at: NaiveDateTime, actor: &str, action: &str) -> Result<(), String>;

    /// The audit trail, oldest first: (at, actor, action).
    fn audit_trail(&mut self) -> Result<Vec<(String, String, String)>, String>;

    /// Counts a finished diagnostic (no answer, no person: the profile and the needs).
    fn count_diagnostic(
        &mut self,
        day: NaiveDate,
        profile: Profile,
        needs: &[Thematique],
    ) -> Result<(), String>;

    /// The needs of each diagnostic finished between two days (inclusive).
    fn diagnostics_between(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, Vec<Thematique>)>, String>;
}

/// Everything a help point's agenda keeps, on either store.
pub trait AgendaStore:
    Bookings + Workshops + Reports + Journal + Outbox + Queue + super::waitlist::Waitlist
{
}

impl<T: Bookings + Workshops + Reports + Journal + Outbox + Queue + super::waitlist::Waitlist>
    AgendaStore for T
{
}

/// A workshop session as it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: String,
    /// The workshop's id in the agenda.
    pub series: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub seats: u32,
    pub cancelled: bool,
    /// Seats taken (registrations not cancelled).
    pub taken: u32,
}

/// A person registered to a session, and whether a message to them was queued.
#[derive(Debug, Clone, PartialEq)]
pub struct Registrant {
    pub first_name: String,
    /// Their phone (or e-mail), for the counsellor to call when they were not told.
    pub contact: Option<String>,
    pub told: bool,
}

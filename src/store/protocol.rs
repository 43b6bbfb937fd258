//! What screens ask of the database, and what they get back. The core emits a `Request` as an
//! effect; the shell answers it with a `Reply` sent back to the screen that asked. Screens stay
//! pure functions, tested by feeding them replies.
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::Store;
use super::postgres::{PgStore, SignIn};
use crate::calendar::Calendar;

use super::appointments::{
    AgendaStore, Appointment, Canceller, Move, NewBooking, NewRegistration, Refusal, Status,
};
use super::sessions::{Registrant, Session};
use super::stats::Stats;
use crate::domain::callback::{Callback, new_request_id};
use crate::domain::lieu::Lieu;
use crate::domain::nearest::PlaceIndex;
use crate::domain::queue::{CheckInRefused, Entry, NewEntry, State, Window};
use crate::domain::report::Report;
use crate::store::Busy;
use crate::store::queue::{Caller, QueueRefusal};

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
    /// Whether the ticket printer took the ticket.
    Printed(bool),
    /// The database failed: the screen says so kindly and keeps what the person entered.
    Failed(Failure),
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

/// Why a request failed: the network's database out of reach (the line, the server), or
/// anything else.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub cause: String,
    pub offline: bool,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.cause)
    }
}

impl Request {
    /// What kind of request, for the log (never its content: it may hold a person's data).
    pub fn kind(&self) -> &'static str {
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
}

/// A help point's stores: its own SQLite file (communes, lieux, the PIN lockout, and the
/// agenda when it is alone), and its network's PostgreSQL agenda when it belongs to one.
pub struct Stores {
    pub local: Store,
    network: Option<Network>,
}

/// The network's database as a kiosk reaches it: connected when it can be, and connected
/// again at the next request after the line came back.
pub struct Network {
    url: String,
    help_point: String,
    name: String,
    calendar: Calendar,
    connected: Option<PgStore>,
    /// The session of the counsellor signed in on this kiosk, taken back on a new connection.
    session: Option<String>,
}

/// The agenda the network published for a help point, as a kiosk found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// Read from the network's database now.
    Fetched(String),
    /// The network could not be reached: the copy this kiosk kept the last time.
    Kept(String),
}

impl Network {
    /// Not connected yet: the first request connects.
    pub fn new(url: &str, help_point: &str, name: &str, calendar: Calendar) -> Network {
        Network {
            url: url.to_string(),
            help_point: help_point.to_string(),
            name: name.to_string(),
            calendar,
            connected: None,
            session: None,
        }
    }

    /// Whether the last request found the server out of reach (or never reached it).
    fn down(&self) -> bool {
        self.connected.as_ref().is_none_or(PgStore::is_closed)
    }

    /// The connection, made (again) if there is none or the last one broke.
    pub fn store(&mut self) -> Result<&mut PgStore, String> {
        let store = match self.connected.take() {
            Some(store) if !store.is_closed() => store,
            lost => {
                if lost.is_some() {
                    tracing::warn!("network database connection lost");
                }
                let mut store = PgStore::open(&self.url, &self.help_point, self.calendar)?;
                store.declare_help_point(&self.name)?;
                // Not on the way of the first person to book; a failure only costs them.
                if let Err(e) = store.warm_up(self.calendar.local(chrono::Utc::now())) {
                    tracing::debug!(error = %e, "network connection not warmed up");
                }
                if let Some(token) = &self.session
                    && !store.resume(token)?
                {
                    self.session = None;
                }
                store
            }
        };
        Ok(self.connected.insert(store))
    }
}

impl Stores {
    /// A help point on its own: everything in its file.
    pub fn alone(local: Store) -> Stores {
        Stores {
            local,
            network: None,
        }
    }

    /// A help point of a network: the agenda on the network's database.
    pub fn in_network(local: Store, network: Network) -> Stores {
        Stores {
            local,
            network: Some(network),
        }
    }

    /// Where the appointments, sessions, reports and journal are kept; an error when the
    /// network's database cannot be reached.
    pub fn agenda(&mut self) -> Result<&mut dyn AgendaStore, String> {
        match &mut self.network {
            Some(network) => Ok(network.store()?),
            None => {
                self.local.still_its_files()?;
                Ok(&mut self.local)
            }
        }
    }

    pub fn answer(&mut self, request: Request, now: NaiveDateTime) -> Reply {
        answer(&mut self.local, self.network.as_mut(), request, now)
    }

    /// The callback requests the network holds, not called back yet.
    pub fn callbacks(&mut self) -> Result<Vec<super::postgres::Received>, String> {
        match self.network.as_mut() {
            Some(network) => network.store()?.callbacks(),
            None => Err(
                "callback requests are a network's: give its database (--db postgresql://…)"
                    .to_string(),
            ),
        }
    }

    /// The agenda the network published for this help point (kept here for a start without
    /// the network); `None` when this kiosk is alone or its network published none for it.
    pub fn published_agenda(&mut self) -> Option<Published> {
        let network = self.network.as_mut()?;
        match network.store().and_then(|s| s.published_agenda()) {
            Ok(Some(document)) => {
                if let Err(e) = self.local.keep_published_agenda(&document) {
                    tracing::warn!(error = %e, "published agenda not kept");
                }
                Some(Published::Fetched(document))
            }
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "published agenda out of reach");
                self.local
                    .kept_published_agenda()
                    .ok()
                    .flatten()
                    .map(Published::Kept)
            }
        }
    }

    /// Signs `counsellor` in on the network's database if `pin` is theirs.
    pub fn sign_in(&mut self, counsellor: &str, pin: &str) -> Result<SignIn, String> {
        let network = self
            .network
            .as_mut()
            .ok_or("a counsellor signs in on the network's database: this kiosk has none")?;
        let store = network.store()?;
        let signed = store.sign_in(counsellor, pin)?;
        network.session = match signed {
            SignIn::Counsellor(_) => store.session_token()?,
            _ => None,
        };
        Ok(signed)
    }

    /// Ends the counsellor's session (the database forgets it; so does the kiosk, even when
    /// the network is out of reach: the session then lapses on its own).
    pub fn sign_out(&mut self) -> Result<(), String> {
        let Some(network) = self.network.as_mut() else {
            return Ok(());
        };
        if network.session.is_none() {
            return Ok(());
        }
        // On a new connection the session is taken back first, then ended.
        let ended = network.store().and_then(PgStore::sign_out);
        network.session = None;
        ended
    }

    /// The help point's file and its network's database, connected; `None` when alone.
    pub fn local_and_network(&mut self) -> Option<Result<(&mut Store, &mut PgStore), String>> {
        let network = self.network.as_mut()?;
        Some(network.store().map(|pg| (&mut self.local, pg)))
    }

    /// Whether callback requests wait on this kiosk.
    pub fn callbacks_waiting(&self) -> bool {
        self.network.is_some() && self.local.queued_callbacks().is_ok_and(|q| !q.is_empty())
    }

    /// Sends the callback requests waiting on this kiosk; returns how many the network took.
    pub fn send_callbacks(&mut self) -> Result<usize, String> {
        match self.network.as_mut() {
            Some(network) => send_callbacks(&mut self.local, network),
            None => Ok(0),
        }
    }
}

/// The answer to a screen's request: the lieux from the help point's own file, the rest from
/// the network's agenda when there is one, else from that same file.
pub fn answer(
    local: &mut Store,
    network: Option<&mut Network>,
    request: Request,
    now: NaiveDateTime,
) -> Reply {
    let reply = match (request, network) {
        (Request::PlaceIndex, _) => local.place_index().map(Reply::PlaceIndex),
        (Request::Lieux(ids), _) => local.lieux(&ids).map(Reply::Lieux),
        (Request::LieuxDate { today }, _) => local.lieux_date(today).map(Reply::LieuxDate),
        // Only a network kiosk offers it: kept here first, so a lost line loses nothing.
        (
            Request::Callback {
                first_name,
                phone,
                about,
                asked_at,
            },
            Some(network),
        ) => {
            let c = Callback {
                request_id: new_request_id(),
                first_name,
                phone,
                about,
                asked_at,
            };
            local
                .still_its_files()
                .and_then(|()| local.queue_callback(&c))
                .map(|()| {
                    let sent = send_callbacks(local, network).is_ok_and(|_| {
                        local
                            .queued_callbacks()
                            .is_ok_and(|q| q.iter().all(|w| w.request_id != c.request_id))
                    });
                    Reply::CallbackTaken { sent }
                })
        }
        (Request::Callback { .. }, None) => Err("a callback request needs a network".to_string()),
        (request, Some(network)) => {
            let request = with_request_id(request);
            let was_connected = !network.down();
            let mut reply = network
                .store()
                .and_then(|store| agenda_answer(store, request.clone(), now));
            // The connection broke under the request (the server restarted in the night,
            // a failover): asked once more on a new one, before the person is told the
            // network is down. A booking or registration carries its request id, so a
            // request that did go through the first time is found, not made twice.
            if reply.is_err() && was_connected && network.down() {
                tracing::warn!(
                    request = request.kind(),
                    "network database connection lost: asking again on a new one"
                );
                reply = network
                    .store()
                    .and_then(|store| agenda_answer(store, request, now))
                    .map(|reply| match reply {
                        // Cancelled the first time; its answer was what got lost.
                        Reply::Cancelled(Err(Refusal::AlreadyCancelled)) => {
                            Reply::Cancelled(Ok(()))
                        }
                        reply => reply,
                    });
            }
            if let Err(cause) = &reply
                && network.down()
            {
                return Reply::Failed(Failure {
                    cause: cause.clone(),
                    offline: true,
                });
            }
            reply
        }
        (request, None) => local
            .still_its_files()
            .and_then(|()| agenda_answer(local, request, now)),
    };
    reply.unwrap_or_else(|cause| {
        Reply::Failed(Failure {
            cause,
            offline: false,
        })
    })
}

/// A booking or registration for the network, given its own request id (kept across a
/// sending again).
fn with_request_id(request: Request) -> Request {
    match request {
        Request::Book(mut new) => {
            new.request_id.get_or_insert_with(new_request_id);
            Request::Book(new)
        }
        Request::Register(mut new) => {
            new.request_id.get_or_insert_with(new_request_id);
            Request::Register(new)
        }
        other => other,
    }
}

/// Each waiting request to the network, then forgotten here. A request the server already
/// has (sent before, its answer lost) is found there, not added: sent exactly once.
fn send_callbacks(local: &mut Store, network: &mut Network) -> Result<usize, String> {
    let waiting = local.queued_callbacks()?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let store = network.store()?;
    let mut sent = 0;
    for c in &waiting {
        store.receive_callback(c)?;
        local.forget_callback(&c.request_id)?;
        sent += 1;
    }
    Ok(sent)
}

/// The agenda's answer to a screen's request.
fn agenda_answer(
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

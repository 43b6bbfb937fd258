//! Bookings, workshop registrations and reminders in SQLite. Every write that checks then
//! inserts runs in an IMMEDIATE transaction; the cell table's primary key is the last word on
//! double booking.
use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, params};

use super::SqliteStore;
use crate::domain::code;
use crate::domain::person::Person;
use crate::store::appointments::*;

pub(crate) const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";
const CELL: i64 = 5;

pub(crate) fn time_text(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

pub(crate) fn parse_time(text: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, TIME_FORMAT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn constraint(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ConstraintViolation)
}

/// The 5-minute cells an interval covers.
fn cells(starts: NaiveDateTime, ends: NaiveDateTime) -> Vec<String> {
    let mut t =
        starts.with_second(0).expect("0 s") - Duration::minutes(i64::from(starts.minute()) % CELL);
    let mut out = Vec::new();
    while t < ends {
        out.push(time_text(t));
        t += Duration::minutes(CELL);
    }
    out
}

fn fresh_code(tx: &Transaction) -> rusqlite::Result<String> {
    loop {
        let code = code::new_code();
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM booking WHERE code = ?1)
                 OR EXISTS (SELECT 1 FROM registration WHERE code = ?1)",
            [&code],
            |r| r.get(0),
        )?;
        if !used {
            return Ok(code);
        }
    }
}

/// The two tables an appointment lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Booking,
    Registration,
}

impl Table {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Booking => "booking",
            Table::Registration => "registration",
        }
    }
}

/// What a queued message is: a reminder is about one start time and goes only while the
/// appointment stands at that time; a notice (cancellation, move) goes whatever happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MessageKind {
    Reminder,
    Notice,
}

impl MessageKind {
    fn label(self) -> &'static str {
        match self {
            MessageKind::Reminder => "rappel",
            MessageKind::Notice => "avis",
        }
    }
}

/// The table and row id of an appointment's code.
pub(crate) fn row_id(conn: &Connection, code: &str) -> rusqlite::Result<(Table, i64)> {
    for table in [Table::Booking, Table::Registration] {
        let id: Option<i64> = conn
            .query_row(
                &format!("SELECT id FROM {} WHERE code = ?1", table.name()),
                [code],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = id {
            return Ok((table, id));
        }
    }
    Err(rusqlite::Error::QueryReturnedNoRows)
}

/// Voids every message of an appointment that has not gone yet, failed ones included.
pub(crate) fn void_messages(conn: &Connection, table: Table, id: i64) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "UPDATE outbox SET status = 'annulé'
             WHERE status IN ('à envoyer', 'échec') AND {} = ?1",
            table.name()
        ),
        [id],
    )?;
    Ok(())
}

/// Queues a message about an appointment; `%CODE%` in its text becomes the code.
pub(crate) fn queue_message(
    conn: &Connection,
    table: Table,
    id: i64,
    code: &str,
    message: &Reminder,
    kind: MessageKind,
    about: Option<NaiveDateTime>,
) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO outbox ({}, due_at, recipient, message, kind, about_start)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            table.name()
        ),
        params![
            id,
            time_text(message.due),
            message.recipient,
            message.message.replace(CODE_PLACEHOLDER, code),
            kind.label(),
            about.map(time_text),
        ],
    )?;
    Ok(())
}

/// Queues the reminder of a new or moved appointment starting at `starts`.
fn queue(
    tx: &Transaction,
    table: Table,
    id: i64,
    reminder: &Option<Reminder>,
    starts: NaiveDateTime,
) -> rusqlite::Result<()> {
    if let Some(r) = reminder {
        let code: String = tx.query_row(
            &format!("SELECT code FROM {} WHERE id = ?1", table.name()),
            [id],
            |row| row.get(0),
        )?;
        queue_message(tx, table, id, &code, r, MessageKind::Reminder, Some(starts))?;
    }
    Ok(())
}

fn occupy(
    tx: &Transaction,
    counsellor: &str,
    id: i64,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO booking_cell (counsellor, cell, booking) VALUES (?1, ?2, ?3)",
    )?;
    for cell in cells(starts, ends) {
        insert.execute(params![counsellor, cell, id])?;
    }
    Ok(())
}

impl Bookings for SqliteStore {
    /// The intervals counsellors are taken between two days (inclusive).
    fn busy(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Busy>, String> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT counsellor, starts_at, ends_at FROM booking
                 WHERE starts_at >= ?1 AND starts_at < ?2
                   AND status NOT IN ('annulé par l''usager', 'annulé par le service')",
            )
            .map_err(|e| e.to_string())?;
        let to = to + Duration::days(1);
        stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(Busy {
                counsellor: r.get(0)?,
                starts: parse_time(&r.get::<_, String>(1)?)?,
                ends: parse_time(&r.get::<_, String>(2)?)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())
    }

    /// Books a slot; `Refusal::SlotTaken` when any of its time is taken.
    fn book(
        &mut self,
        new: &NewBooking,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String> {
        let result = self.immediate(|tx| {
            let code = fresh_code(tx)?;
            tx.execute(
                "INSERT INTO booking (code, counsellor, motif, starts_at, ends_at, first_name,
                     last_initial, phone, email, reminder, diagnostic, booked_by, created_at,
                     locale)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    code,
                    new.counsellor,
                    new.motif,
                    time_text(new.starts),
                    time_text(new.ends),
                    new.person.first_name,
                    new.person.last_initial,
                    new.person.phone,
                    new.person.email,
                    new.reminder.is_some(),
                    new.diagnostic,
                    new.booked_by.stored(),
                    time_text(now),
                    new.person.locale,
                ],
            )?;
            let id = tx.last_insert_rowid();
            occupy(tx, &new.counsellor, id, new.starts, new.ends)?;
            queue(tx, Table::Booking, id, &new.reminder, new.starts)?;
            if new.booked_by.on_behalf() {
                super::audit_in(
                    tx,
                    now,
                    new.booked_by.stored(),
                    &format!("booked on behalf {code}"),
                )?;
            }
            Ok(code)
        });
        match result {
            Ok(code) => Ok(Ok(code)),
            Err(e) if constraint(&e) => Ok(Err(Refusal::SlotTaken)),
            Err(e) => Err(format!("booking: {e}")),
        }
    }

    /// Seats taken in each workshop session.
    fn seats_taken(&mut self, workshops: &[String]) -> Result<Vec<u32>, String> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM registration WHERE workshop = ?1
                   AND status NOT IN ('annulé par l''usager', 'annulé par le service')",
            )
            .map_err(|e| e.to_string())?;
        workshops
            .iter()
            .map(|w| stmt.query_row([w], |r| r.get(0)).map_err(|e| e.to_string()))
            .collect()
    }

    /// Takes a seat; `Refusal::Full` when none is left. The count and the insert are one
    /// IMMEDIATE transaction, so two kiosks cannot both take the last seat.
    fn register(
        &mut self,
        new: &NewRegistration,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String> {
        self.immediate(|tx| {
            let staff = SqliteStore::session_override(tx, &new.workshop)?;
            let taken: u32 = tx.query_row(
                "SELECT count(*) FROM registration WHERE workshop = ?1
                   AND status NOT IN ('annulé par l''usager', 'annulé par le service')",
                [&new.workshop],
                |r| r.get(0),
            )?;
            if let Err(refusal) = seat_left(staff, new.seats, taken) {
                return Ok(Err(refusal));
            }
            let code = fresh_code(tx)?;
            tx.execute(
                "INSERT INTO registration (code, workshop, starts_at, ends_at, first_name,
                     last_initial, phone, email, reminder, booked_by, created_at, locale)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    code,
                    new.workshop,
                    time_text(new.starts),
                    time_text(new.ends),
                    new.person.first_name,
                    new.person.last_initial,
                    new.person.phone,
                    new.person.email,
                    new.reminder.is_some(),
                    new.booked_by.stored(),
                    time_text(now),
                    new.person.locale,
                ],
            )?;
            let id = tx.last_insert_rowid();
            queue(tx, Table::Registration, id, &new.reminder, new.starts)?;
            if new.booked_by.on_behalf() {
                super::audit_in(
                    tx,
                    now,
                    new.booked_by.stored(),
                    &format!("registered on behalf {code}"),
                )?;
            }
            Ok(Ok(code))
        })
        .map_err(|e| format!("registration: {e}"))
    }

    /// An appointment by its code: a booking, or a workshop registration.
    fn appointment(&mut self, code: &str) -> Result<Option<Appointment>, String> {
        appointment_in(&self.conn, code).map_err(|e| e.to_string())
    }

    /// Cancels an appointment in one transaction: the rule is checked on the row as it is
    /// now, the time is freed, every message still to be sent is voided, the notice queued
    /// and the staff action audited together, or nothing changes.
    fn cancel(
        &mut self,
        code: &str,
        by: &Canceller,
        now: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String> {
        self.immediate(|tx| {
            let Some(found) = appointment_in(tx, code)? else {
                return Ok(Err(Refusal::NotFound));
            };
            let (status, reason) = match cancellation(&found, by) {
                Ok(change) => change,
                Err(refusal) => return Ok(Err(refusal)),
            };
            let (table, id) = row_id(tx, code)?;
            match table {
                Table::Booking => {
                    tx.execute(
                        "UPDATE booking SET status = ?2, cancel_reason = ?3 WHERE id = ?1",
                        params![id, status.label(), reason],
                    )?;
                    tx.execute("DELETE FROM booking_cell WHERE booking = ?1", [id])?;
                }
                Table::Registration => {
                    tx.execute(
                        "UPDATE registration SET status = ?2 WHERE id = ?1",
                        params![id, status.label()],
                    )?;
                    if let What::Workshop { workshop } = &found.what {
                        super::waitlist::seat_freed(tx, workshop, now)?;
                    }
                }
            }
            void_messages(tx, table, id)?;
            match by {
                Canceller::Citizen { .. } => {}
                Canceller::StaffForCitizen { actor } => {
                    super::audit_in(tx, now, actor, &format!("cancelled for the person {code}"))?;
                }
                Canceller::Service { actor, notice, .. } => {
                    if let Some(notice) = notice {
                        queue_message(tx, table, id, code, notice, MessageKind::Notice, None)?;
                    }
                    super::audit_in(tx, now, actor, &format!("cancelled by the service {code}"))?;
                }
            }
            Ok(Ok(()))
        })
        .map_err(|e| format!("cancel: {e}"))
    }

    /// Sets the status of a booking or registration (présent, absent), audited in the same
    /// transaction. Refused for a cancelled appointment, and before `not_before_start`
    /// (attendance is taken from shortly before the start, not days ahead).
    fn set_status(
        &mut self,
        code: &str,
        status: Status,
        marked_from: NaiveDateTime,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String> {
        self.immediate(|tx| {
            let Some(found) = appointment_in(tx, code)? else {
                return Ok(Err(Refusal::NotFound));
            };
            if let Err(refusal) = attendance(&found, status, marked_from) {
                return Ok(Err(refusal));
            }
            let (table, id) = row_id(tx, code)?;
            tx.execute(
                &format!("UPDATE {} SET status = ?2 WHERE id = ?1", table.name()),
                params![id, status.label()],
            )?;
            super::audit_in(tx, now, actor, &format!("status {} {code}", status.label()))?;
            Ok(Ok(()))
        })
        .map_err(|e| format!("status: {e}"))
    }

    /// Moves a booking to another slot in one transaction: the rule is checked on the row as
    /// it is now, the new time is taken and the old one freed together, the old reminder is
    /// voided and the new one queued, or nothing changes.
    fn reschedule(
        &mut self,
        code: &str,
        to: &Move,
        limit: Option<NaiveDateTime>,
    ) -> Result<Result<(), Refusal>, String> {
        let result = self.immediate(|tx| {
            let Some(found) = appointment_in(tx, code)? else {
                return Ok(Err(Refusal::NotFound));
            };
            if let Err(refusal) = move_allowed(&found, limit) {
                return Ok(Err(refusal));
            }
            let (_, id) = row_id(tx, code)?;
            tx.execute("DELETE FROM booking_cell WHERE booking = ?1", [id])?;
            occupy(tx, &to.counsellor, id, to.starts, to.ends)?;
            tx.execute(
                "UPDATE booking SET counsellor = ?2, starts_at = ?3, ends_at = ?4 WHERE id = ?1",
                params![id, to.counsellor, time_text(to.starts), time_text(to.ends)],
            )?;
            void_messages(tx, Table::Booking, id)?;
            queue(tx, Table::Booking, id, &to.reminder, to.starts)?;
            Ok(Ok(()))
        });
        match result {
            Err(e) if constraint(&e) => Ok(Err(Refusal::SlotTaken)),
            Err(e) => Err(format!("change: {e}")),
            Ok(outcome) => Ok(outcome),
        }
    }

    /// Appointments (bookings and registrations) starting between two days, in time order.
    fn appointments_between(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Appointment>, String> {
        let to = to + Duration::days(1);
        let mut codes: Vec<(String, String)> = Vec::new();
        for table in ["booking", "registration"] {
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT starts_at, code FROM {table} WHERE starts_at >= ?1 AND starts_at < ?2"
                ))
                .map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map(params![from.to_string(), to.to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<(String, String)>>>())
                .map_err(|e| e.to_string())?;
            codes.extend(rows);
        }
        codes.sort();
        codes
            .into_iter()
            .filter_map(|(_, code)| self.appointment(&code).transpose())
            .collect()
    }

    /// Erases names, phones, e-mails, shared diagnostics and reminder texts of appointments
    /// that ended more than `days` ago. Returns how many appointments were erased.
    fn erase_personal_data(&mut self, now: NaiveDateTime, days: u32) -> Result<usize, String> {
        let before = time_text(now - Duration::days(days.into()));
        // The queue's names go at the day's end.
        let names = crate::store::queue::Queue::end_queue_days(self, now.date(), now)?;
        self.immediate(|tx| {
            let [bookings, notes, registrations, messages] = ERASE;
            let bookings = tx.execute(bookings, [&before])?;
            tx.execute(notes, [&before[..10]])?;
            let registrations = tx.execute(registrations, [&before])?;
            let messages = tx.execute(messages, [])?;
            let waiting = super::waitlist::erase_past(tx, now)?;
            Ok((bookings + registrations, messages + waiting))
        })
        .map_err(|e| format!("erase: {e}"))
        .and_then(|(erased, messages)| {
            // secure_delete overwrote the old values in the database; the write-ahead log
            // still holds the pages as they were until it is checkpointed and emptied.
            if erased + messages + names > 0 {
                self.conn
                    .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                    .map_err(|e| format!("erase: checkpoint: {e}"))?;
            }
            Ok(erased)
        })
    }
}

/// The retention rule's statements: bookings, activity notes, registrations ended before
/// ?1, then the messages of what was erased. Each reads what it still has to erase through an
/// index of migration 15 (a kiosk keeps years of bookings: a full scan each day, and at each
/// start, grew with them).
pub(crate) const ERASE: [&str; 4] = [
    "UPDATE booking SET first_name = NULL, last_initial = NULL, phone = NULL, email = NULL,
         diagnostic = NULL, cancel_reason = NULL, erased = 1
     WHERE erased = 0 AND ends_at < ?1",
    "UPDATE activite SET notes = NULL WHERE notes IS NOT NULL AND date < ?1",
    "UPDATE registration SET first_name = NULL, last_initial = NULL, phone = NULL,
         email = NULL, erased = 1
     WHERE erased = 0 AND ends_at < ?1",
    // A failure's text too (one written before it kept only a summary may quote the
    // gateway's output).
    "UPDATE outbox SET recipient = NULL, message = NULL, last_error = NULL
     WHERE (recipient IS NOT NULL OR message IS NOT NULL OR last_error IS NOT NULL) AND (
         EXISTS (SELECT 1 FROM booking WHERE booking.id = outbox.booking AND erased = 1)
      OR EXISTS (SELECT 1 FROM registration
                 WHERE registration.id = outbox.registration AND erased = 1))",
];

/// An appointment by its code, read on `conn` (the store's connection or a transaction).
pub(crate) fn appointment_in(
    conn: &Connection,
    code: &str,
) -> rusqlite::Result<Option<Appointment>> {
    // Both tables read into the same columns, so one mapping serves both.
    for sql in [
        "SELECT code, 'booking', counsellor, motif, starts_at, ends_at, status, first_name,
                last_initial, phone, email, booked_by, reminder, diagnostic,
                EXISTS (SELECT 1 FROM activite WHERE activite.booking = booking.code), locale
         FROM booking WHERE code = ?1",
        "SELECT code, 'workshop', workshop, NULL, starts_at, ends_at, status, first_name,
                last_initial, phone, email, booked_by, reminder, NULL,
                EXISTS (SELECT 1 FROM activite WHERE activite.booking = registration.code),
                locale
         FROM registration WHERE code = ?1",
    ] {
        let found = conn.query_row(sql, [code], appointment_row).optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// A row of `appointment`'s queries.
fn appointment_row(r: &rusqlite::Row) -> rusqlite::Result<Appointment> {
    let what = match r.get::<_, String>(1)?.as_str() {
        "booking" => What::Booking {
            counsellor: r.get(2)?,
            motif: r.get(3)?,
        },
        "workshop" => What::Workshop {
            workshop: r.get(2)?,
        },
        other => {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown appointment kind {other:?}").into(),
            ));
        }
    };
    let code: String = r.get(0)?;
    let time = |i: usize, column: &str| -> rusqlite::Result<NaiveDateTime> {
        let text: String = r.get(i)?;
        NaiveDateTime::parse_from_str(&text, TIME_FORMAT).map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                format!("appointment {code}: {column}: {text:?} is not a time").into(),
            )
        })
    };
    Ok(Appointment {
        code: code.clone(),
        what,
        starts: time(4, "starts_at")?,
        ends: time(5, "ends_at")?,
        status: {
            let label: String = r.get(6)?;
            Status::from_label(&label).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    6,
                    rusqlite::types::Type::Text,
                    format!(
                        "appointment {}: unknown status {label:?}",
                        r.get::<_, String>(0).unwrap_or_default()
                    )
                    .into(),
                )
            })?
        },
        person: Person {
            locale: r.get(15)?,
            ..person(r, 7)?
        },
        booked_by: BookedBy::from_stored(&r.get::<_, String>(11)?),
        reminder: r.get(12)?,
        diagnostic: r.get(13)?,
        report: r.get(14)?,
        // A help point's own file holds its own appointments only.
        elsewhere: None,
    })
}

fn person(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Person> {
    Ok(Person {
        first_name: r.get::<_, Option<String>>(first)?.unwrap_or_default(),
        last_initial: r.get(first + 1)?,
        phone: r.get(first + 2)?,
        email: r.get(first + 3)?,
        locale: None,
    })
}

#[cfg(test)]
mod tests;

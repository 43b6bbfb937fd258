//! The queue in the help point's SQLite file: one help point, the kiosk, counsellor mode and
//! `borne display` as processes sharing the file.
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::SqliteStore;
use crate::domain::person::Person;
use crate::domain::queue::{self, Booked, CheckInRefused, Entry, NewEntry, State, Window};
use crate::store::queue::{
    Caller, Queue, QueueRefusal, ToCheckIn, audit_action, may_check_in, may_settle, next_number,
    whom_to_call,
};

const SECONDS: &str = "%Y-%m-%dT%H:%M:%S";

fn time_text(t: NaiveDateTime) -> String {
    t.format(SECONDS).to_string()
}

fn parse_time(text: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, SECONDS)
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

const COLUMNS: &str = "day, number, booking, booking_starts, counsellor, motif, first_name,
    locale, arrived_at, state, called_at, called_by, desk, calls, closed_at";

fn entry_row(r: &Row) -> rusqlite::Result<Entry> {
    let day: String = r.get(0)?;
    let state: String = r.get(9)?;
    let opt_time = |i: usize| -> rusqlite::Result<Option<NaiveDateTime>> {
        r.get::<_, Option<String>>(i)?
            .map(|t| parse_time(&t))
            .transpose()
    };
    let appointment = match (
        r.get::<_, Option<String>>(2)?,
        opt_time(3)?,
        r.get::<_, Option<String>>(4)?,
    ) {
        (Some(code), Some(starts), Some(counsellor)) => Some(Booked {
            code,
            starts,
            counsellor,
        }),
        _ => None,
    };
    Ok(Entry {
        day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?,
        number: r.get(1)?,
        appointment,
        motif: r.get(5)?,
        first_name: r.get(6)?,
        locale: r.get(7)?,
        arrived: parse_time(&r.get::<_, String>(8)?)?,
        state: State::from_label(&state).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                9,
                rusqlite::types::Type::Text,
                format!("queue entry: unknown state {state:?}").into(),
            )
        })?,
        called_at: opt_time(10)?,
        called_by: r.get(11)?,
        desk: r.get(12)?,
        calls: r.get(13)?,
        closed_at: opt_time(14)?,
    })
}

fn day_entries(tx: &rusqlite::Connection, day: NaiveDate) -> rusqlite::Result<Vec<Entry>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM queue_entry WHERE day = ?1 ORDER BY number"
    ))?;
    stmt.query_map([day.to_string()], entry_row)?.collect()
}

fn entry(
    tx: &rusqlite::Connection,
    day: NaiveDate,
    number: u32,
) -> rusqlite::Result<Option<Entry>> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM queue_entry WHERE day = ?1 AND number = ?2"),
        params![day.to_string(), number],
        entry_row,
    )
    .optional()
}

/// Inserts an entry under the day's next number (the transaction holds the file's write
/// lock: no other process numbers meanwhile).
fn insert(
    tx: &Transaction,
    new: &NewEntry,
    booked: Option<&Booked>,
    now: NaiveDateTime,
) -> rusqlite::Result<Result<Entry, QueueRefusal>> {
    let day = now.date();
    let highest: Option<u32> = tx.query_row(
        "SELECT max(number) FROM queue_entry WHERE day = ?1",
        [day.to_string()],
        |r| r.get(0),
    )?;
    let number = match next_number(highest) {
        Ok(n) => n,
        Err(refusal) => return Ok(Err(refusal)),
    };
    tx.execute(
        "INSERT INTO queue_entry (day, number, booking, booking_starts, counsellor, motif,
             first_name, locale, arrived_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            day.to_string(),
            number,
            booked.map(|b| b.code.clone()),
            booked.map(|b| time_text(b.starts)),
            booked.map(|b| b.counsellor.clone()),
            new.motif,
            new.first_name,
            new.locale,
            time_text(now),
        ],
    )?;
    Ok(entry(tx, day, number)?.ok_or(QueueRefusal::NotFound))
}

fn failed(what: &str) -> impl Fn(rusqlite::Error) -> String + '_ {
    move |e| format!("queue {what}: {e}")
}

impl Queue for SqliteStore {
    fn take_ticket(
        &mut self,
        new: &NewEntry,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String> {
        self.immediate(|tx| insert(tx, new, None, now))
            .map_err(failed("ticket"))
    }

    fn check_in(
        &mut self,
        code: &str,
        check: &str,
        locale: &str,
        window: Window,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, CheckInRefused>, String> {
        let code = crate::domain::code::normalise(code);
        self.immediate(|tx| {
            let found = tx
                .query_row(
                    "SELECT starts_at, counsellor, motif, status, first_name, phone FROM booking
                     WHERE code = ?1",
                    [&code],
                    |r| {
                        let status: String = r.get(3)?;
                        Ok(ToCheckIn {
                            starts: super::bookings::parse_time(&r.get::<_, String>(0)?)?,
                            counsellor: r.get(1)?,
                            motif: r.get(2)?,
                            cancelled: status.starts_with("annulé"),
                            person: Person {
                                first_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                                phone: r.get(5)?,
                                ..Person::default()
                            },
                        })
                    },
                )
                .optional()?;
            // Checked in already: the same ticket, whatever the time now.
            let known = tx
                .query_row(
                    &format!("SELECT {COLUMNS} FROM queue_entry WHERE booking = ?1"),
                    [&code],
                    entry_row,
                )
                .optional()?;
            if let Err(refusal) = may_check_in(found.as_ref(), check, now, window) {
                return Ok(match known {
                    Some(entry) if refusal != CheckInRefused::NotFound => Ok(entry),
                    _ => Err(refusal),
                });
            }
            if let Some(entry) = known {
                return Ok(Ok(entry));
            }
            let a = found.expect("checked");
            let new = NewEntry {
                motif: a.motif,
                first_name: Some(a.person.first_name).filter(|n| !n.is_empty()),
                locale: locale.to_string(),
            };
            let booked = Booked {
                code: code.clone(),
                starts: a.starts,
                counsellor: a.counsellor,
            };
            Ok(insert(tx, &new, Some(&booked), now)?.map_err(|_| CheckInRefused::NotFound))
        })
        .map_err(failed("check-in"))
    }

    fn queue_day(&mut self, day: NaiveDate) -> Result<Vec<Entry>, String> {
        day_entries(&self.conn, day).map_err(failed("list"))
    }

    fn call(
        &mut self,
        caller: &Caller,
        ticket: Option<u32>,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String> {
        self.immediate(|tx| {
            let day = now.date();
            let entries = day_entries(tx, day)?;
            let number = match whom_to_call(&entries, caller, ticket, now) {
                Ok(n) => n,
                Err(refusal) => return Ok(Err(refusal)),
            };
            tx.execute(
                "UPDATE queue_entry SET state = 'appelé', called_at = ?3, called_by = ?4,
                     desk = ?5, calls = calls + 1
                 WHERE day = ?1 AND number = ?2",
                params![
                    day.to_string(),
                    number,
                    time_text(now),
                    caller.counsellor,
                    caller.desk
                ],
            )?;
            let action = audit_action("call", &queue::label(number));
            super::audit_in(tx, now, &caller.counsellor, &action)?;
            Ok(entry(tx, day, number)?.ok_or(QueueRefusal::NotFound))
        })
        .map_err(failed("call"))
    }

    fn settle(
        &mut self,
        day: NaiveDate,
        number: u32,
        outcome: State,
        by: &str,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String> {
        self.immediate(|tx| {
            let Some(found) = entry(tx, day, number)? else {
                return Ok(Err(QueueRefusal::NotFound));
            };
            if let Err(refusal) = may_settle(&found, outcome, by) {
                return Ok(Err(refusal));
            }
            tx.execute(
                "UPDATE queue_entry SET state = ?3, closed_at = ?4 WHERE day = ?1 AND number = ?2",
                params![day.to_string(), number, outcome.label(), time_text(now)],
            )?;
            if outcome == State::Served
                && let Some(a) = &found.appointment
            {
                let marked = tx.execute(
                    "UPDATE booking SET status = 'présent' WHERE code = ?1
                       AND status NOT IN ('annulé par l''usager', 'annulé par le service')",
                    [&a.code],
                )?;
                if marked > 0 {
                    super::audit_in(tx, now, by, &format!("status présent {}", a.code))?;
                }
            }
            if outcome != State::Left {
                let action = audit_action(outcome.key(), &queue::label(number));
                super::audit_in(tx, now, by, &action)?;
            }
            Ok(entry(tx, day, number)?.ok_or(QueueRefusal::NotFound))
        })
        .map_err(failed("settle"))
    }

    fn queue_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>, String> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM queue_entry WHERE day >= ?1 AND day <= ?2
                 ORDER BY day, number"
            ))
            .map_err(failed("list"))?;
        stmt.query_map(params![from.to_string(), to.to_string()], entry_row)
            .and_then(|rows| rows.collect())
            .map_err(failed("list"))
    }

    fn end_queue_days(&mut self, today: NaiveDate, now: NaiveDateTime) -> Result<usize, String> {
        self.immediate(|tx| {
            tx.execute(
                "UPDATE queue_entry SET state = 'non reçu', closed_at = ?2
                 WHERE day < ?1 AND state IN ('en attente', 'appelé')",
                params![today.to_string(), time_text(now)],
            )?;
            tx.execute(
                "UPDATE queue_entry SET first_name = NULL
                 WHERE day < ?1 AND first_name IS NOT NULL",
                [today.to_string()],
            )
        })
        .map_err(failed("day's end"))
    }
}

//! Each help point's queue on the network's PostgreSQL: the same behaviour as the SQLite
//! file's (`store/sqlite/queue.rs`; the decisions both take are `store/queue.rs`). A ticket is one statement that takes
//! the day's counter row and inserts under its number, so two kiosks issuing at the same
//! instant get consecutive numbers without gap. A call locks only the row it takes, skipping
//! one another counsellor is taking: two counsellors calling at once never get the same
//! person, and never wait on each other. Row-level security keeps each kiosk to its own help
//! point's queue.
use chrono::{NaiveDate, NaiveDateTime};
use postgres::error::SqlState;
use postgres::{Row, Transaction};

use super::{PgStore, Site, cause};
use crate::domain::person::Person;
use crate::domain::queue::{self, Booked, CheckInRefused, Entry, NewEntry, State, Window};
use crate::store::queue::{
    Caller, Queue, QueueRefusal, ToCheckIn, audit_action, may_check_in, may_settle, whom_to_call,
};

macro_rules! columns {
    () => {
        "day, number, booking, booking_starts, counsellor, motif, first_name, locale, \
         arrived_at, state, called_at, called_by, desk, calls, closed_at"
    };
}
const COLUMNS: &str = columns!();

/// A ticket: the day's counter taken (made at the day's first), the entry inserted under its
/// number; one statement, so a failed insert gives the number back.
const TAKE: &str = concat!(
    "WITH counted AS (
         INSERT INTO queue_counter (help_point, day, last) VALUES ($1, $2, 1)
         ON CONFLICT (help_point, day) DO UPDATE SET last = queue_counter.last + 1
         RETURNING last)
     INSERT INTO queue_entry (help_point, day, number, booking, booking_starts, counsellor,
         motif, first_name, locale, arrived_at)
     SELECT $1, $2, counted.last, $3, $4, $5, $6, $7, $8, $9 FROM counted
     RETURNING ",
    columns!()
);

/// Who waits at this help point that day (no lock: a call then locks the one it takes).
const WAITING: &str = concat!(
    "SELECT ",
    columns!(),
    " FROM queue_entry WHERE help_point = $1 AND day = $2 AND state = 'en attente'"
);

/// Takes ticket $3 if it still waits and no other counsellor is taking it.
const TAKE_WAITING: &str = "SELECT 1 FROM queue_entry
    WHERE help_point = $1 AND day = $2 AND number = $3 AND state = 'en attente'
    FOR UPDATE SKIP LOCKED";

/// Ticket $3, locked until the transaction ends.
const LOCKED: &str = concat!(
    "SELECT ",
    columns!(),
    " FROM queue_entry WHERE help_point = $1 AND day = $2 AND number = $3 FOR UPDATE"
);

const CALLED: &str = concat!(
    "UPDATE queue_entry SET state = 'appelé', called_at = $4, called_by = $5, desk = $6,
         calls = calls + 1
     WHERE help_point = $1 AND day = $2 AND number = $3
     RETURNING ",
    columns!()
);

impl Site {
    fn entry_row(&self, r: &Row) -> Result<Entry, String> {
        let state: String = r.get(9);
        let appointment = match (
            r.get::<_, Option<String>>(2),
            r.get::<_, Option<chrono::DateTime<chrono::Utc>>>(3),
            r.get::<_, Option<String>>(4),
        ) {
            (Some(code), Some(starts), Some(counsellor)) => Some(Booked {
                code,
                starts: self.local(starts),
                counsellor,
            }),
            _ => None,
        };
        let local = |i: usize| {
            r.get::<_, Option<chrono::DateTime<chrono::Utc>>>(i)
                .map(|t| self.local(t))
        };
        Ok(Entry {
            day: r.get(0),
            number: r.get::<_, i32>(1) as u32,
            appointment,
            motif: r.get(5),
            first_name: r.get(6),
            locale: r.get(7),
            arrived: self.local(r.get(8)),
            state: State::from_label(&state)
                .ok_or_else(|| format!("queue entry: unknown state {state:?}"))?,
            called_at: local(10),
            called_by: r.get(11),
            desk: r.get(12),
            calls: r.get::<_, i32>(13) as u32,
            closed_at: local(14),
        })
    }

    fn entries(&self, rows: &[Row]) -> Result<Vec<Entry>, String> {
        rows.iter().map(|r| self.entry_row(r)).collect()
    }

    /// Inserts a ticket under the day's next number, with `take` (the prepared `TAKE`).
    fn insert(
        &self,
        client: &mut impl postgres::GenericClient,
        take: &postgres::Statement,
        new: &NewEntry,
        booked: Option<&Booked>,
        now: NaiveDateTime,
    ) -> Result<Result<Row, QueueRefusal>, postgres::Error> {
        let row = client.query_one(
            take,
            &[
                &self.help_point,
                &now.date(),
                &booked.map(|b| b.code.clone()),
                &booked.map(|b| self.instant(b.starts)),
                &booked.map(|b| b.counsellor.clone()),
                &new.motif,
                &new.first_name,
                &new.locale,
                &self.instant(now),
            ],
        );
        match row {
            Ok(row) => Ok(Ok(row)),
            // The number's check: the day's 999 are given.
            Err(e) if e.code() == Some(&SqlState::CHECK_VIOLATION) => Ok(Err(QueueRefusal::Full)),
            Err(e) => Err(e),
        }
    }
}

/// A deadlock or serialization failure between two kiosks: gone when run again.
fn is_passing(e: &postgres::Error) -> bool {
    matches!(
        e.code(),
        Some(&SqlState::T_R_DEADLOCK_DETECTED) | Some(&SqlState::T_R_SERIALIZATION_FAILURE)
    )
}

/// Runs `work` in a transaction, committed when it returns `Ok(Ok(_))`; run again (up to 5
/// times) after a conflict that passes.
/// The ticket asked, `n`: locked (`locked`), then the rule on it as it stands. A row the
/// store cannot read is put in `unreadable`.
fn take_asked(
    site: &Site,
    tx: &mut Transaction,
    locked: &postgres::Statement,
    caller: &Caller,
    n: u32,
    now: NaiveDateTime,
    unreadable: &mut Option<String>,
) -> Result<Result<u32, QueueRefusal>, postgres::Error> {
    let day = now.date();
    let rows: Vec<Row> = tx.query(locked, &[&site.help_point, &day, &(n as i32)])?;
    let entries = match site.entries(&rows) {
        Ok(entries) => entries,
        Err(e) => {
            *unreadable = Some(e);
            return Ok(Err(QueueRefusal::NotFound));
        }
    };
    Ok(whom_to_call(&entries, caller, Some(n), now))
}

/// The next in order `caller` may call, and not being taken by another: the waiting
/// (`waiting`), then the first whose row `take_waiting` can lock. A row the store cannot read
/// is put in `unreadable`.
fn take_next(
    site: &Site,
    tx: &mut Transaction,
    (waiting, take_waiting): (&postgres::Statement, &postgres::Statement),
    caller: &Caller,
    now: NaiveDateTime,
    unreadable: &mut Option<String>,
) -> Result<Result<u32, QueueRefusal>, postgres::Error> {
    let day = now.date();
    let here = &site.help_point;
    let rows = tx.query(waiting, &[here, &day])?;
    let entries = match site.entries(&rows) {
        Ok(entries) => entries,
        Err(e) => {
            *unreadable = Some(e);
            return Ok(Err(QueueRefusal::NotFound));
        }
    };
    for e in queue::order(&entries, now) {
        if !e.for_counsellor(&caller.counsellor) {
            continue;
        }
        let n = e.number as i32;
        if tx.query_opt(take_waiting, &[here, &day, &n])?.is_some() {
            return Ok(Ok(e.number));
        }
    }
    Ok(Err(QueueRefusal::NobodyWaiting))
}

fn queue_transaction<T, R>(
    store: &mut PgStore,
    what: &str,
    mut work: impl FnMut(&Site, &mut Transaction) -> Result<Result<T, R>, postgres::Error>,
) -> Result<Result<T, R>, String> {
    let PgStore { client, site, .. } = store;
    let mut attempt = 1;
    loop {
        let outcome = (|| {
            let mut tx = client.transaction()?;
            let outcome = work(site, &mut tx)?;
            if outcome.is_ok() {
                tx.commit()?;
            }
            Ok(outcome)
        })();
        match outcome {
            Ok(outcome) => return Ok(outcome),
            Err(e) if attempt < 5 && is_passing(&e) => attempt += 1,
            Err(e) => return Err(format!("queue {what}: {}", cause(&e))),
        }
    }
}

/// A row read in the transaction, as an entry; a row that does not read is an error.
fn read<R>(site: &Site, row: Row) -> Result<Result<Entry, R>, String> {
    site.entry_row(&row).map(Ok)
}

impl Queue for PgStore {
    fn take_ticket(
        &mut self,
        new: &NewEntry,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String> {
        let take = self.prepared(TAKE)?;
        let row = self
            .site
            .insert(&mut self.client, &take, new, None, now)
            .map_err(|e| format!("queue ticket: {}", cause(&e)))?;
        match row {
            Ok(row) => read(&self.site, row),
            Err(refusal) => Ok(Err(refusal)),
        }
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
        let take = self.prepared(TAKE)?;
        let row = queue_transaction(self, "check-in", |site, tx| {
            let found = tx
                .query_opt(
                    "SELECT starts_at, counsellor, motif, status, first_name, phone FROM booking
                     WHERE code = $1 AND help_point = $2 FOR UPDATE",
                    &[&code, &site.help_point],
                )?
                .map(|r| ToCheckIn {
                    starts: site.local(r.get(0)),
                    counsellor: r.get(1),
                    motif: r.get(2),
                    cancelled: r.get::<_, &str>(3).starts_with("annulé"),
                    person: Person {
                        first_name: r.get::<_, Option<String>>(4).unwrap_or_default(),
                        phone: r.get(5),
                        ..Person::default()
                    },
                });
            let known = tx.query_opt(
                &format!(
                    "SELECT {COLUMNS} FROM queue_entry WHERE booking = $1 AND help_point = $2"
                ),
                &[&code, &site.help_point],
            )?;
            if let Err(refusal) = may_check_in(found.as_ref(), check, now, window) {
                return Ok(match known {
                    Some(row) if refusal != CheckInRefused::NotFound => Ok(row),
                    _ => Err(refusal),
                });
            }
            if let Some(row) = known {
                return Ok(Ok(row));
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
            Ok(site
                .insert(tx, &take, &new, Some(&booked), now)?
                .map_err(|_| CheckInRefused::NotFound))
        })?;
        match row {
            Ok(row) => read(&self.site, row),
            Err(refusal) => Ok(Err(refusal)),
        }
    }

    fn queue_day(&mut self, day: NaiveDate) -> Result<Vec<Entry>, String> {
        let rows = self
            .client
            .query(
                &format!(
                    "SELECT {COLUMNS} FROM queue_entry WHERE help_point = $1 AND day = $2
                     ORDER BY number"
                ),
                &[&self.site.help_point, &day],
            )
            .map_err(|e| format!("queue: {}", cause(&e)))?;
        self.site.entries(&rows)
    }

    fn call(
        &mut self,
        caller: &Caller,
        ticket: Option<u32>,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String> {
        let (waiting, take_waiting, locked, called) = (
            self.prepared(WAITING)?,
            self.prepared(TAKE_WAITING)?,
            self.prepared(LOCKED)?,
            self.prepared(CALLED)?,
        );
        let mut unreadable = None;
        let row = queue_transaction(self, "call", |site, tx| {
            let day = now.date();
            let here = &site.help_point;
            let taken = match ticket {
                Some(n) => take_asked(site, tx, &locked, caller, n, now, &mut unreadable)?,
                None => take_next(
                    site,
                    tx,
                    (&waiting, &take_waiting),
                    caller,
                    now,
                    &mut unreadable,
                )?,
            };
            let number = match taken {
                Ok(number) => number,
                Err(refusal) => return Ok(Err(refusal)),
            };
            let row = tx.query_one(
                &called,
                &[
                    here,
                    &day,
                    &(number as i32),
                    &site.instant(now),
                    &caller.counsellor,
                    &caller.desk,
                ],
            )?;
            let action = audit_action("call", &queue::label(number));
            site.audit_in(tx, now, &caller.counsellor, &action)?;
            Ok(Ok(row))
        })?;
        if let Some(e) = unreadable {
            return Err(e);
        }
        match row {
            Ok(row) => read(&self.site, row),
            Err(refusal) => Ok(Err(refusal)),
        }
    }

    fn settle(
        &mut self,
        day: NaiveDate,
        number: u32,
        outcome: State,
        by: &str,
        now: NaiveDateTime,
    ) -> Result<Result<Entry, QueueRefusal>, String> {
        let locked = self.prepared(LOCKED)?;
        let mut unreadable = None;
        let row = queue_transaction(self, "settle", |site, tx| {
            let here = &site.help_point;
            let Some(found) = tx.query_opt(&locked, &[here, &day, &(number as i32)])? else {
                return Ok(Err(QueueRefusal::NotFound));
            };
            let found = match site.entry_row(&found) {
                Ok(entry) => entry,
                Err(e) => {
                    unreadable = Some(e);
                    return Ok(Err(QueueRefusal::NotFound));
                }
            };
            if let Err(refusal) = may_settle(&found, outcome, by) {
                return Ok(Err(refusal));
            }
            let row = tx.query_one(
                &format!(
                    "UPDATE queue_entry SET state = $4, closed_at = $5
                     WHERE help_point = $1 AND day = $2 AND number = $3
                     RETURNING {COLUMNS}"
                ),
                &[
                    &site.help_point,
                    &day,
                    &(number as i32),
                    &outcome.label(),
                    &site.instant(now),
                ],
            )?;
            if outcome == State::Served
                && let Some(a) = &found.appointment
            {
                let marked = tx.execute(
                    "UPDATE booking SET status = 'présent'
                     WHERE code = $1 AND help_point = $2
                       AND status NOT IN ('annulé par l''usager', 'annulé par le service')",
                    &[&a.code, &site.help_point],
                )?;
                if marked > 0 {
                    site.audit_in(tx, now, by, &format!("status présent {}", a.code))?;
                }
            }
            if outcome != State::Left {
                let action = audit_action(outcome.key(), &queue::label(number));
                site.audit_in(tx, now, by, &action)?;
            }
            Ok(Ok(row))
        })?;
        if let Some(e) = unreadable {
            return Err(e);
        }
        match row {
            Ok(row) => read(&self.site, row),
            Err(refusal) => Ok(Err(refusal)),
        }
    }

    fn queue_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>, String> {
        let rows = self
            .client
            .query(
                &format!(
                    "SELECT {COLUMNS} FROM queue_entry
                     WHERE help_point = $1 AND day >= $2 AND day <= $3 ORDER BY day, number"
                ),
                &[&self.site.help_point, &from, &to],
            )
            .map_err(|e| format!("queue: {}", cause(&e)))?;
        self.site.entries(&rows)
    }

    /// The network's owner ends every help point's past days; a kiosk's role, its own.
    fn end_queue_days(&mut self, today: NaiveDate, now: NaiveDateTime) -> Result<usize, String> {
        let closed_at = self.site.instant(now);
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| format!("queue day's end: {}", cause(&e)))?;
        let ended = (|| {
            tx.execute(
                "UPDATE queue_entry SET state = 'non reçu', closed_at = $2
                 WHERE day < $1 AND state IN ('en attente', 'appelé')",
                &[&today, &closed_at],
            )?;
            tx.execute(
                "UPDATE queue_entry SET first_name = NULL
                 WHERE day < $1 AND first_name IS NOT NULL",
                &[&today],
            )
        })()
        .map_err(|e| format!("queue day's end: {}", cause(&e)))?;
        tx.commit()
            .map_err(|e| format!("queue day's end: {}", cause(&e)))?;
        Ok(ended as usize)
    }
}

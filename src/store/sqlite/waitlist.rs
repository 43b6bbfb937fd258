//! The waiting lists in the help point's file; a freed seat tells the first one waiting
//! inside the transaction that freed it.
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use super::SqliteStore;
use super::bookings::{parse_time, time_text};
use crate::store::waitlist::{NewWaiting, Waiting, Waitlist};

impl Waitlist for SqliteStore {
    fn join_waitlist(&mut self, new: &NewWaiting, now: NaiveDateTime) -> Result<u32, String> {
        self.immediate(|tx| {
            tx.execute(
                "INSERT INTO waitlist (workshop, starts_at, first_name, phone, locale,
                     seat_free_message, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    new.workshop,
                    time_text(new.starts),
                    new.first_name,
                    new.phone,
                    new.locale,
                    new.seat_free,
                    time_text(now),
                ],
            )?;
            tx.query_row(
                "SELECT count(*) FROM waitlist WHERE workshop = ?1 AND erased = 0
                   AND told_at IS NULL",
                [&new.workshop],
                |r| r.get(0),
            )
        })
        .map_err(|e| format!("waiting list: {e}"))
    }

    fn waitlist(&mut self, workshop: &str) -> Result<Vec<Waiting>, String> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT coalesce(first_name, ''), phone, locale, told_at IS NOT NULL
                 FROM waitlist WHERE workshop = ?1 AND erased = 0 ORDER BY id",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map([workshop], |r| {
            Ok(Waiting {
                first_name: r.get(0)?,
                phone: r.get(1)?,
                locale: r.get(2)?,
                told: r.get(3)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| format!("waiting list: {e}"))
    }
}

/// A seat of `workshop` freed: the first person waiting and not told yet is sent their
/// message (when they have one), inside the caller's transaction.
pub(crate) fn seat_freed(
    tx: &Connection,
    workshop: &str,
    now: NaiveDateTime,
) -> rusqlite::Result<()> {
    let first: Option<(i64, String, String, String)> = tx
        .query_row(
            "SELECT id, phone, seat_free_message, starts_at FROM waitlist
             WHERE workshop = ?1 AND erased = 0 AND told_at IS NULL
               AND phone IS NOT NULL AND seat_free_message IS NOT NULL
             ORDER BY id LIMIT 1",
            [workshop],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((id, phone, message, starts)) = first else {
        return Ok(());
    };
    if parse_time(&starts)? <= now {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO outbox (waitlist, due_at, recipient, message, kind, about_start)
         VALUES (?1, ?2, ?3, ?4, 'avis', ?5)",
        params![id, time_text(now), phone, message, starts],
    )?;
    tx.execute(
        "UPDATE waitlist SET told_at = ?2 WHERE id = ?1",
        params![id, time_text(now)],
    )?;
    Ok(())
}

/// The lists of sessions that have begun are of no more use: names, phones and messages go.
pub(crate) fn erase_past(tx: &Connection, now: NaiveDateTime) -> rusqlite::Result<usize> {
    let erased = tx.execute(
        "UPDATE waitlist SET first_name = NULL, phone = NULL, seat_free_message = NULL,
             erased = 1
         WHERE erased = 0 AND starts_at < ?1",
        [time_text(now)],
    )?;
    tx.execute(
        "UPDATE outbox SET recipient = NULL, message = NULL, last_error = NULL
         WHERE (recipient IS NOT NULL OR message IS NOT NULL)
           AND waitlist IN (SELECT id FROM waitlist WHERE erased = 1)",
        [],
    )?;
    Ok(erased)
}

//! A full workshop's waiting list on the network's PostgreSQL: each help point's own (its
//! kiosks' roles reach no other's, `schema.rs` v9), as `store/waitlist.rs` on a help point's
//! file.
use chrono::NaiveDateTime;
use postgres::Transaction;

use super::bookings::in_transaction;
use super::{PgStore, Site, cause};
use crate::store::waitlist::{NewWaiting, Waiting, Waitlist};

impl Waitlist for PgStore {
    fn join_waitlist(&mut self, new: &NewWaiting, now: NaiveDateTime) -> Result<u32, String> {
        in_transaction(self, "waiting list", |site, tx| {
            tx.execute(
                "INSERT INTO waitlist (help_point, workshop, starts_at, first_name, phone,
                     locale, seat_free_message, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    &site.help_point,
                    &new.workshop,
                    &site.instant(new.starts),
                    &new.first_name,
                    &new.phone,
                    &new.locale,
                    &new.seat_free,
                    &site.instant(now),
                ],
            )?;
            let place: i64 = tx
                .query_one(
                    "SELECT count(*) FROM waitlist WHERE help_point = $1 AND workshop = $2
                       AND NOT erased AND told_at IS NULL",
                    &[&site.help_point, &new.workshop],
                )?
                .get(0);
            Ok(Ok(place as u32))
        })
        .map(|r| r.unwrap_or(0))
    }

    fn waitlist(&mut self, workshop: &str) -> Result<Vec<Waiting>, String> {
        let rows = self
            .client
            .query(
                "SELECT coalesce(first_name, ''), phone, locale, told_at IS NOT NULL
                 FROM waitlist WHERE help_point = $1 AND workshop = $2 AND NOT erased
                 ORDER BY id",
                &[&self.site.help_point, &workshop],
            )
            .map_err(|e| format!("waiting list: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|r| Waiting {
                first_name: r.get(0),
                phone: r.get(1),
                locale: r.get(2),
                told: r.get(3),
            })
            .collect())
    }
}

/// A seat of `workshop` freed at this help point: the first person waiting and not told yet
/// is sent their message, inside the caller's transaction.
pub(super) fn seat_freed(
    site: &Site,
    tx: &mut Transaction,
    workshop: &str,
    now: NaiveDateTime,
) -> Result<(), postgres::Error> {
    let first = tx.query_opt(
        "SELECT id, phone, seat_free_message, starts_at FROM waitlist
         WHERE help_point = $1 AND workshop = $2 AND NOT erased AND told_at IS NULL
           AND phone IS NOT NULL AND seat_free_message IS NOT NULL AND starts_at > $3
         ORDER BY id LIMIT 1 FOR UPDATE",
        &[&site.help_point, &workshop, &site.instant(now)],
    )?;
    let Some(row) = first else {
        return Ok(());
    };
    let id: i64 = row.get(0);
    let (phone, message): (String, String) = (row.get(1), row.get(2));
    let starts: chrono::DateTime<chrono::Utc> = row.get(3);
    tx.execute(
        "INSERT INTO outbox (waitlist, due_at, recipient, message, kind, about_start,
             help_point)
         VALUES ($1, $2, $3, $4, 'avis', $5, $6)",
        &[
            &id,
            &site.instant(now),
            &phone,
            &message,
            &starts,
            &site.help_point,
        ],
    )?;
    tx.execute(
        "UPDATE waitlist SET told_at = $2 WHERE id = $1",
        &[&id, &site.instant(now)],
    )?;
    Ok(())
}

/// The lists of sessions that have begun: names, phones and messages go.
pub(super) fn erase_past(
    site: &Site,
    tx: &mut Transaction,
    now: NaiveDateTime,
) -> Result<u64, postgres::Error> {
    let erased = tx.execute(
        "UPDATE waitlist SET first_name = NULL, phone = NULL, seat_free_message = NULL,
             erased = true
         WHERE NOT erased AND starts_at < $1",
        &[&site.instant(now)],
    )?;
    tx.execute(
        "UPDATE outbox SET recipient = NULL, message = NULL, last_error = NULL
         WHERE (recipient IS NOT NULL OR message IS NOT NULL OR last_error IS NOT NULL)
           AND waitlist IN (SELECT id FROM waitlist WHERE erased)",
        &[],
    )?;
    Ok(erased)
}

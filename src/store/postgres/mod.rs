//! The agenda of a département's network of kiosks, on PostgreSQL: the store every kiosk of
//! the network books into. The database itself forbids a counsellor to be in two places at
//! once (see `schema.rs`); this module only maps its refusals to the kiosk's words.
mod schema;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use postgres::error::SqlState;
use postgres::{Client, NoTls, Transaction};

use super::bookings::{BookedBy, Busy, NewBooking, Refusal};
use crate::calendar::Calendar;
use crate::domain::code;

pub use schema::latest;

/// Whether a `--db` value names a PostgreSQL database rather than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgresql://") || db.starts_with("postgres://")
}

/// A URL as it may be shown: its password replaced, so it never reaches a log or a message.
pub fn shown(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{path}")
        }
        None => url.to_string(),
    }
}

/// PostgreSQL's own words for a failure (the server's message, not the driver's wrapper).
pub(crate) fn cause(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

pub struct PgStore {
    client: Client,
    /// The help point this kiosk is: its bookings carry it.
    help_point: String,
    /// Times are the help point's local times; the database keeps instants.
    calendar: Calendar,
}

impl PgStore {
    /// Connects and brings the schema up to date.
    pub fn open(url: &str, help_point: &str, calendar: Calendar) -> Result<PgStore, String> {
        let context = |e: &dyn std::fmt::Display| format!("database {}: {e}", shown(url));
        let mut client = Client::connect(url, NoTls).map_err(|e| context(&e))?;
        schema::migrate(&mut client).map_err(|e| context(&e))?;
        Ok(PgStore {
            client,
            help_point: help_point.to_string(),
            calendar,
        })
    }

    /// `borne db migrate`: creates or upgrades the schema; returns (version found, version now).
    pub fn migrate(url: &str) -> Result<(u32, u32), String> {
        let context = |e: &dyn std::fmt::Display| format!("database {}: {e}", shown(url));
        let mut client = Client::connect(url, NoTls).map_err(|e| context(&e))?;
        let found = schema::migrate(&mut client).map_err(|e| context(&e))?;
        Ok((found, latest()))
    }

    fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        self.calendar.to_utc(local)
    }

    fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        self.calendar.local(instant)
    }

    /// Declares this kiosk's help point (its name as configured).
    pub fn declare_help_point(&mut self, name: &str) -> Result<(), String> {
        self.client
            .execute(
                "INSERT INTO help_point (id, name) VALUES ($1, $2)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                &[&self.help_point, &name],
            )
            .map(|_| ())
            .map_err(|e| format!("help point: {}", cause(&e)))
    }

    /// The intervals counsellors are taken between two days (inclusive), whatever took them
    /// and at whichever help point.
    pub fn busy(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Busy>, String> {
        let from = self.instant(from.and_time(chrono::NaiveTime::MIN));
        let to = self.instant((to + chrono::Duration::days(1)).and_time(chrono::NaiveTime::MIN));
        let rows = self
            .client
            .query(
                "SELECT counsellor, lower(during), upper(during) FROM occupation
                 WHERE during && tstzrange($1, $2, '[)') ORDER BY lower(during)",
                &[&from, &to],
            )
            .map_err(|e| format!("busy: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|r| Busy {
                counsellor: r.get(0),
                starts: self.local(r.get(1)),
                ends: self.local(r.get(2)),
            })
            .collect())
    }

    /// Books a slot; `Refusal::SlotTaken` when any of its time is taken, by anything, at any
    /// help point of the network.
    pub fn book(
        &mut self,
        new: &NewBooking,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String> {
        let (starts, ends, created) = (
            self.instant(new.starts),
            self.instant(new.ends),
            self.instant(now),
        );
        let help_point = self.help_point.clone();
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| format!("booking: {}", cause(&e)))?;
        let result = (|| {
            let code = fresh_code(&mut tx)?;
            let id: i64 = tx
                .query_one(
                    "INSERT INTO booking (code, help_point, counsellor, motif, starts_at,
                         ends_at, first_name, last_initial, phone, email, reminder,
                         diagnostic, booked_by, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                     RETURNING id",
                    &[
                        &code,
                        &help_point,
                        &new.counsellor,
                        &new.motif,
                        &starts,
                        &ends,
                        &new.person.first_name,
                        &new.person.last_initial,
                        &new.person.phone,
                        &new.person.email,
                        &new.reminder.is_some(),
                        &new.diagnostic,
                        &new.booked_by.stored(),
                        &created,
                    ],
                )?
                .get(0);
            if let Some(reminder) = &new.reminder {
                let due = self.calendar.to_utc(reminder.due);
                tx.execute(
                    "INSERT INTO outbox (booking, due_at, recipient, message, kind, about_start)
                     VALUES ($1, $2, $3, $4, 'rappel', $5)",
                    &[&id, &due, &reminder.recipient, &reminder.message, &starts],
                )?;
            }
            if let BookedBy::Counsellor(by) = &new.booked_by {
                tx.execute(
                    "INSERT INTO audit (at, help_point, actor, action) VALUES ($1, $2, $3, $4)",
                    &[
                        &created,
                        &help_point,
                        by,
                        &format!("booked on behalf {code}"),
                    ],
                )?;
            }
            Ok::<_, postgres::Error>(code)
        })();
        match result {
            Ok(code) => {
                tx.commit().map_err(|e| format!("booking: {}", cause(&e)))?;
                Ok(Ok(code))
            }
            Err(e) if e.code() == Some(&SqlState::EXCLUSION_VIOLATION) => {
                Ok(Err(Refusal::SlotTaken))
            }
            Err(e) => Err(format!("booking: {}", cause(&e))),
        }
    }

    /// Marks a counsellor absent (a day off, a training): nothing can be booked over it.
    pub fn add_absence(
        &mut self,
        counsellor: &str,
        starts: NaiveDateTime,
        ends: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String> {
        let (starts, ends) = (self.instant(starts), self.instant(ends));
        match self.client.execute(
            "INSERT INTO absence (counsellor, starts_at, ends_at) VALUES ($1, $2, $3)",
            &[&counsellor, &starts, &ends],
        ) {
            Ok(_) => Ok(Ok(())),
            Err(e) if e.code() == Some(&SqlState::EXCLUSION_VIOLATION) => {
                Ok(Err(Refusal::SlotTaken))
            }
            Err(e) => Err(format!("absence: {}", cause(&e))),
        }
    }
}

/// A code no booking has yet.
fn fresh_code(tx: &mut Transaction) -> Result<String, postgres::Error> {
    loop {
        let code = code::new_code();
        let used: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM booking WHERE code = $1)",
                &[&code],
            )?
            .get(0);
        if !used {
            return Ok(code);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(
            shown("postgresql://kiosk_gap:s3cret@db.example.fr:5432/borne?sslmode=require"),
            "postgresql://kiosk_gap@db.example.fr:5432/borne?sslmode=require"
        );
        assert_eq!(
            shown("postgresql://kiosk@%2Frun%2Fpg/borne"),
            "postgresql://kiosk@%2Frun%2Fpg/borne"
        );
        assert_eq!(shown("postgresql://db/borne"), "postgresql://db/borne");
        assert!(is_url("postgresql://db/borne") && !is_url("/var/lib/borne.db"));
    }
}

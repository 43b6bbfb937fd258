//! Workshop sessions, activity reports and the journal on the network's PostgreSQL: the same
//! behaviour as the help point's SQLite file (`sessions.rs`, `activities.rs`, `mod.rs`).
use chrono::{NaiveDate, NaiveDateTime};
use postgres::Transaction;

use super::bookings::{Table, in_transaction, void_messages};
use super::{PgStore, Site, cause};
use crate::domain::report::Report;
use crate::store::appointments::{
    Journal, Refusal, Registrant, Reminder, Reports, Session, Status, Workshops, report_allowed,
};
use crate::store::reports::{REPORT_TEXT, report_of};
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::profile::Profile;
use crate::vocabulary::{join_values, split_values};

/// A registrant still registered to a session.
struct Row {
    id: i64,
    code: String,
    first_name: String,
    contact: Option<String>,
    starts: NaiveDateTime,
}

fn registrants(
    site: &Site,
    tx: &mut Transaction,
    session: &str,
) -> Result<Vec<Row>, postgres::Error> {
    Ok(tx
        .query(
            "SELECT id, code, coalesce(first_name, ''), coalesce(phone, email), starts_at
             FROM registration WHERE workshop = $1 AND help_point = $2
               AND status NOT IN ('annulé par l''usager', 'annulé par le service')
             ORDER BY id",
            &[&session, &site.help_point],
        )?
        .iter()
        .map(|r| Row {
            id: r.get(0),
            code: r.get(1),
            first_name: r.get(2),
            contact: r.get(3),
            starts: site.local(r.get(4)),
        })
        .collect())
}

/// Voids a registrant's pending messages and queues `notice` when they can be reached.
fn tell(
    site: &Site,
    tx: &mut Transaction,
    r: Row,
    notice: Option<&str>,
    now: NaiveDateTime,
) -> Result<Registrant, postgres::Error> {
    void_messages(tx, Table::Registration, r.id)?;
    let told = match (notice, &r.contact) {
        (Some(text), Some(recipient)) => {
            let message = Reminder {
                due: now,
                recipient: recipient.clone(),
                message: text.to_string(),
            };
            let row = (Table::Registration, r.id);
            site.queue_message(tx, row, &r.code, &message, "avis", None)?;
            true
        }
        _ => false,
    };
    Ok(Registrant {
        first_name: r.first_name,
        contact: r.contact,
        told,
    })
}

fn write_session(
    site: &Site,
    tx: &mut Transaction,
    s: &Session,
    by: &str,
    now: NaiveDateTime,
) -> Result<(), postgres::Error> {
    tx.execute(
        "INSERT INTO workshop_session (id, series, help_point, starts_at, ends_at, seats,
             cancelled, changed_by, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (help_point, id) DO UPDATE SET starts_at = excluded.starts_at,
             ends_at = excluded.ends_at, seats = excluded.seats, cancelled = excluded.cancelled,
             changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        &[
            &s.id,
            &s.series,
            &site.help_point,
            &site.instant(s.starts),
            &site.instant(s.ends),
            &(s.seats as i32),
            &s.cancelled,
            &by,
            &site.instant(now),
        ],
    )?;
    Ok(())
}

impl Workshops for PgStore {
    fn changed_sessions(&mut self) -> Result<Vec<Session>, String> {
        let rows = self
            .client
            .query(
                "SELECT id, series, starts_at, ends_at, seats, cancelled FROM workshop_session
                 WHERE help_point = $1",
                &[&self.site.help_point],
            )
            .map_err(|e| format!("sessions: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|r| Session {
                id: r.get(0),
                series: r.get(1),
                starts: self.site.local(r.get(2)),
                ends: self.site.local(r.get(3)),
                seats: r.get::<_, i32>(4) as u32,
                cancelled: r.get(5),
                taken: 0,
            })
            .collect())
    }

    fn save_session(
        &mut self,
        s: &Session,
        by: &str,
        notice: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<Registrant>, String> {
        in_transaction(self, "workshop", |site, tx| {
            let before: Option<chrono::DateTime<chrono::Utc>> = tx
                .query_opt(
                    "SELECT starts_at FROM workshop_session WHERE id = $1 AND help_point = $2
                     FOR UPDATE",
                    &[&s.id, &site.help_point],
                )?
                .map(|r| r.get(0));
            let moved = before.is_some_and(|b| site.local(b) != s.starts)
                || registrants(site, tx, &s.id)?
                    .iter()
                    .any(|r| r.starts != s.starts);
            write_session(site, tx, s, by, now)?;
            let mut told = Vec::new();
            if moved {
                for r in registrants(site, tx, &s.id)? {
                    told.push(tell(site, tx, r, notice, now)?);
                }
                // Registrations keep their session's time.
                tx.execute(
                    "UPDATE registration SET starts_at = $2, ends_at = $3
                     WHERE workshop = $1 AND help_point = $4",
                    &[
                        &s.id,
                        &site.instant(s.starts),
                        &site.instant(s.ends),
                        &site.help_point,
                    ],
                )?;
            }
            site.audit_in(tx, now, by, &format!("workshop session saved {}", s.id))?;
            Ok(Ok(told))
        })
        .map(|r| r.unwrap_or_default())
    }

    fn cancel_session(
        &mut self,
        s: &Session,
        by: &str,
        notice: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<Registrant>, String> {
        in_transaction(self, "workshop", |site, tx| {
            let mut cancelled = s.clone();
            cancelled.cancelled = true;
            write_session(site, tx, &cancelled, by, now)?;
            let mut told = Vec::new();
            for r in registrants(site, tx, &s.id)? {
                tx.execute(
                    "UPDATE registration SET status = $2 WHERE id = $1",
                    &[&r.id, &Status::CancelledByService.label()],
                )?;
                told.push(tell(site, tx, r, notice, now)?);
            }
            site.audit_in(tx, now, by, &format!("workshop session cancelled {}", s.id))?;
            Ok(Ok(told))
        })
        .map(|r| r.unwrap_or_default())
    }
}

/// The id, who, what for, when and how long, then `REPORT_TEXT`'s columns.
const REPORT_COLUMNS: &str = "id, counsellor, booking, date::text, duree, type, lieu, \
     coalesce(autonomie, ''), materiel, thematiques, thematiques_administratives, \
     coalesce(redirection, ''), coalesce(notes, ''), genre, tranche_age, statut";

fn report_row(r: &postgres::Row) -> Result<Report, String> {
    let texts: Vec<String> = (0..REPORT_TEXT.len()).map(|i| r.get(5 + i)).collect();
    let date: String = r.get(3);
    report_of(
        r.get(0),
        r.get(1),
        r.get(2),
        &date,
        r.get::<_, i32>(4) as u32,
        |column| {
            REPORT_TEXT
                .iter()
                .position(|c| *c == column)
                .map(|i| texts[i].clone())
                .unwrap_or_default()
        },
    )
}

/// Writes a report in the help point's `activite`: over the row `existing` when it was saved
/// before, else a new row. Its id.
fn write_report(
    site: &Site,
    tx: &mut Transaction,
    r: &Report,
    existing: Option<i64>,
    at: NaiveDateTime,
) -> Result<i64, postgres::Error> {
    let (kind, place, gender, age, status) = (
        r.kind.label(),
        r.place.label(),
        r.gender.label(),
        r.age.label(),
        r.status.label(),
    );
    let (autonomy, redirection) = (
        r.autonomy.map(|a| a.label()),
        r.redirection.map(|x| x.label()),
    );
    let (equipment, themes, administrative) = (
        join_values(&r.equipment),
        join_values(&r.themes),
        join_values(&r.administrative),
    );
    let notes = (!r.notes.trim().is_empty()).then(|| r.notes.clone());
    let minutes = r.minutes as i32;
    let when = site.instant(at);
    let values: [&(dyn postgres::types::ToSql + Sync); 17] = [
        &r.counsellor,
        &r.booking,
        &kind,
        &r.date,
        &minutes,
        &place,
        &autonomy,
        &equipment,
        &themes,
        &administrative,
        &redirection,
        &notes,
        &gender,
        &age,
        &status,
        &when,
        &site.help_point,
    ];
    Ok(match existing {
        Some(id) => {
            tx.execute(
                "UPDATE activite SET counsellor = $1, booking = $2, type = $3,
                     date = $4, duree = $5, lieu = $6, autonomie = $7, materiel = $8,
                     thematiques = $9, thematiques_administratives = $10,
                     redirection = $11, notes = $12, genre = $13, tranche_age = $14,
                     statut = $15, created_at = $16, help_point = $17
                 WHERE id = $18",
                &[values.as_slice(), &[&id]].concat(),
            )?;
            id
        }
        None => tx
            .query_one(
                "INSERT INTO activite (counsellor, booking, type, date, duree, lieu,
                     autonomie, materiel, thematiques, thematiques_administratives,
                     redirection, notes, genre, tranche_age, statut, created_at,
                     help_point)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                         $15, $16, $17)
                 RETURNING id",
                &values,
            )?
            .get(0),
    })
}

impl Reports for PgStore {
    fn save_report(
        &mut self,
        r: &Report,
        at: NaiveDateTime,
    ) -> Result<Result<i64, Refusal>, String> {
        in_transaction(self, "report", |site, tx| {
            if let Some(code) = &r.booking {
                let found = site.appointment_on(tx, code, true)?;
                if let Err(refusal) = report_allowed(found.as_ref().map(|(a, _, _)| a)) {
                    return Ok(Err(refusal));
                }
            }
            let existing: Option<i64> = match (&r.booking, r.id) {
                (Some(code), _) => tx
                    .query_opt("SELECT id FROM activite WHERE booking = $1", &[code])?
                    .map(|row| row.get(0)),
                (None, id) => id,
            };
            let id = write_report(site, tx, r, existing, at)?;
            let what = if existing.is_some() {
                "edited"
            } else {
                "saved"
            };
            let about = r.booking.as_deref().unwrap_or("(walk-in)");
            let action = format!("activity report {what} {about} #{id}");
            site.audit_in(tx, at, &r.counsellor, &action)?;
            Ok(Ok(id))
        })
    }

    fn report_for(&mut self, code: &str) -> Result<Option<Report>, String> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM activite WHERE booking = $1");
        self.client
            .query_opt(&sql, &[&code])
            .map_err(|e| format!("report: {}", cause(&e)))?
            .map(|r| report_row(&r))
            .transpose()
    }

    fn reports_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Report>, String> {
        let sql = format!(
            "SELECT {REPORT_COLUMNS} FROM activite WHERE date >= $1 AND date <= $2
             ORDER BY date, id"
        );
        self.client
            .query(&sql, &[&from, &to])
            .map_err(|e| format!("reports: {}", cause(&e)))?
            .iter()
            .map(report_row)
            .collect()
    }
}

impl Journal for PgStore {
    fn audit(&mut self, at: NaiveDateTime, actor: &str, action: &str) -> Result<(), String> {
        in_transaction(self, "audit", |site, tx| {
            site.audit_in(tx, at, actor, action)?;
            Ok(Ok(()))
        })
        .map(|_| ())
    }

    fn audit_trail(&mut self) -> Result<Vec<(String, String, String)>, String> {
        let rows = self
            .client
            // A kiosk's word beside the database's, when they differ (see migration 6).
            .query(
                "SELECT at, CASE WHEN claimed IS NULL OR claimed = actor THEN actor
                     ELSE actor || ' (' || claimed || ')' END, action
                 FROM audit ORDER BY id",
                &[],
            )
            .map_err(|e| format!("audit: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|r| {
                let at = self.site.local(r.get(0));
                (
                    at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    r.get(1),
                    r.get(2),
                )
            })
            .collect())
    }

    fn count_diagnostic(
        &mut self,
        day: NaiveDate,
        profile: Profile,
        needs: &[Thematique],
    ) -> Result<(), String> {
        self.client
            .execute(
                "INSERT INTO diagnostic_count (help_point, day, profile, needs)
                 VALUES ($1, $2, $3, $4)",
                &[
                    &self.site.help_point,
                    &day,
                    &profile.label(),
                    &join_values(needs),
                ],
            )
            .map(|_| ())
            .map_err(|e| format!("diagnostic count: {}", cause(&e)))
    }

    fn diagnostics_between(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, Vec<Thematique>)>, String> {
        let rows = self
            .client
            .query(
                "SELECT day, needs FROM diagnostic_count WHERE day >= $1 AND day <= $2",
                &[&from, &to],
            )
            .map_err(|e| format!("diagnostic count: {}", cause(&e)))?;
        rows.iter()
            .map(|r| {
                let needs: String = r.get(1);
                let needs = split_values(&needs)
                    .map(|n| {
                        Thematique::from_label(n)
                            .ok_or_else(|| format!("diagnostic_count: need {n:?} is not known"))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok((r.get(0), needs))
            })
            .collect()
    }
}

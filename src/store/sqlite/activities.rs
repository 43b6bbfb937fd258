//! Activity reports, and the statistics of the help point.
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use super::bookings::{appointment_in, time_text};
use crate::domain::report::Report;
use crate::store::appointments::{Refusal, Reports, report_allowed};
use crate::store::reports::{REPORT_TEXT, report_of};
use crate::vocabulary::join_values;

/// The id, who, what for, when and how long, then `REPORT_TEXT`'s columns.
const REPORT_COLUMNS: &str = "id, counsellor, booking, date, duree, type, lieu, autonomie, \
     materiel, thematiques, thematiques_administratives, redirection, notes, genre, tranche_age, \
     statut";

fn report_row(r: &rusqlite::Row) -> rusqlite::Result<Report> {
    let id: i64 = r.get(0)?;
    let mut texts = std::collections::HashMap::new();
    for (i, column) in REPORT_TEXT.iter().enumerate() {
        let value: Option<String> = r.get(5 + i)?;
        texts.insert(*column, value.unwrap_or_default());
    }
    let date: String = r.get(3)?;
    report_of(id, r.get(1)?, r.get(2)?, &date, r.get(4)?, |c| {
        texts.get(c).cloned().unwrap_or_default()
    })
    .map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

impl Reports for SqliteStore {
    /// Saves a report in one transaction with its audit row. A report follows one booking or
    /// registration at most: saving again (or reopening it) edits that report. Refused for
    /// an appointment that was cancelled or where the person was absent.
    fn save_report(
        &mut self,
        r: &Report,
        at: chrono::NaiveDateTime,
    ) -> Result<Result<i64, Refusal>, String> {
        self.immediate(|tx| {
            if let Some(code) = &r.booking
                && let Err(refusal) = report_allowed(appointment_in(tx, code)?.as_ref())
            {
                return Ok(Err(refusal));
            }
            let existing: Option<i64> = match (&r.booking, r.id) {
                (Some(code), _) => tx
                    .query_row("SELECT id FROM activite WHERE booking = ?1", [code], |row| {
                        row.get(0)
                    })
                    .optional()?,
                (None, id) => id,
            };
            let values = params![
                r.counsellor,
                r.booking,
                r.kind.label(),
                r.date.to_string(),
                r.minutes,
                r.place.label(),
                r.autonomy.map(|a| a.label()),
                join_values(&r.equipment),
                join_values(&r.themes),
                join_values(&r.administrative),
                r.redirection.map(|x| x.label()),
                (!r.notes.trim().is_empty()).then(|| r.notes.clone()),
                r.gender.label(),
                r.age.label(),
                r.status.label(),
                time_text(at),
            ];
            let id = match existing {
                Some(id) => {
                    tx.execute(
                        &format!(
                            "UPDATE activite SET counsellor = ?1, booking = ?2, type = ?3, date = ?4,
                                 duree = ?5, lieu = ?6, autonomie = ?7, materiel = ?8,
                                 thematiques = ?9, thematiques_administratives = ?10,
                                 redirection = ?11, notes = ?12, genre = ?13, tranche_age = ?14,
                                 statut = ?15, created_at = ?16
                             WHERE id = {id}"
                        ),
                        values,
                    )?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO activite (counsellor, booking, type, date, duree, lieu,
                             autonomie, materiel, thematiques, thematiques_administratives,
                             redirection, notes, genre, tranche_age, statut, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                                 ?16)",
                        values,
                    )?;
                    tx.last_insert_rowid()
                }
            };
            let what = if existing.is_some() { "edited" } else { "saved" };
            let about = r.booking.as_deref().unwrap_or("(walk-in)");
            super::audit_in(tx, at, &r.counsellor, &format!("activity report {what} {about} #{id}"))?;
            Ok(Ok(id))
        })
        .map_err(|e| format!("report: {e}"))
    }

    /// The report that follows a booking or registration, if one was saved.
    fn report_for(&mut self, code: &str) -> Result<Option<Report>, String> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM activite WHERE booking = ?1");
        self.conn
            .query_row(&sql, [code], report_row)
            .optional()
            .map_err(|e| e.to_string())
    }

    /// Reports dated between two days (inclusive), oldest first.
    fn reports_between(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Report>, String> {
        let sql = format!(
            "SELECT {REPORT_COLUMNS} FROM activite WHERE date >= ?1 AND date <= ?2 ORDER BY date, id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| e.to_string())?;
        stmt.query_map(params![from.to_string(), to.to_string()], report_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;
    use crate::store::Bookings;
    use crate::store::Status;
    use crate::vocabulary::coop::Thematique;
    use chrono::Duration;

    #[test]
    fn a_report_row_with_a_bad_value_is_an_error_naming_it_not_a_default() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("a.db")).unwrap();
        let mut r = Report::walk_in("camille", NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        r.toggle_theme(Thematique::Email);
        let id = store
            .save_report(&r, parse_local("2026-03-02T12:00").unwrap())
            .unwrap()
            .unwrap();
        store
            .conn
            .execute(
                "UPDATE activite SET date = '2026-02-30' WHERE id = ?1",
                [id],
            )
            .unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
        let err = store
            .reports_between(day(1), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())
            .unwrap_err();
        assert!(
            err.contains(&format!("activite row {id}: date: \"2026-02-30\"")),
            "{err}"
        );
        store
            .conn
            .execute(
                "UPDATE activite SET date = '2026-03-02', genre = 'Inconnu' WHERE id = ?1",
                [id],
            )
            .unwrap();
        let err = store
            .reports_between(day(1), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())
            .unwrap_err();
        assert!(err.contains("genre: \"Inconnu\""), "{err}");
    }

    #[test]
    fn a_booking_has_one_report_and_none_when_absent_or_cancelled() {
        use crate::domain::person::Person;
        use crate::store::{Canceller, NewBooking};
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("b.db")).unwrap();
        let t = |s: &str| parse_local(s).unwrap();
        let book = |store: &mut SqliteStore, at: &str| {
            store
                .book(
                    &NewBooking {
                        counsellor: "camille".into(),
                        motif: "demarche".into(),
                        starts: t(at),
                        ends: t(at) + Duration::minutes(45),
                        person: Person {
                            first_name: "Marie".into(),
                            ..Person::default()
                        },
                        reminder: None,
                        diagnostic: None,
                        booked_by: crate::store::BookedBy::Kiosk,
                        request_id: None,
                    },
                    t("2026-03-01T09:00"),
                )
                .unwrap()
                .unwrap()
        };
        let code = book(&mut store, "2026-03-02T09:00");
        let mut r = Report::walk_in("camille", t("2026-03-02T00:00").date());
        r.booking = Some(code.clone());
        r.toggle_theme(Thematique::Email);
        let first = store
            .save_report(&r, t("2026-03-02T10:00"))
            .unwrap()
            .unwrap();
        r.minutes = 60;
        let again = store
            .save_report(&r, t("2026-03-02T11:00"))
            .unwrap()
            .unwrap();
        assert_eq!(first, again, "saving again edits the one report");
        assert_eq!(store.report_for(&code).unwrap().unwrap().minutes, 60);
        assert!(store.appointment(&code).unwrap().unwrap().report);
        let all = store
            .reports_between(t("2026-03-01T00:00").date(), t("2026-03-31T00:00").date())
            .unwrap();
        assert_eq!(all.len(), 1, "counted once");

        let absent = book(&mut store, "2026-03-02T10:00");
        let at = t("2026-03-02T12:00");
        store
            .set_status(&absent, Status::Absent, at, "camille", at)
            .unwrap()
            .unwrap();
        r.booking = Some(absent);
        assert_eq!(store.save_report(&r, at).unwrap(), Err(Refusal::Absent));
        let cancelled = book(&mut store, "2026-03-02T11:00");
        let by = Canceller::StaffForCitizen {
            actor: "camille".into(),
        };
        store.cancel(&cancelled, &by, at).unwrap().unwrap();
        r.booking = Some(cancelled);
        assert_eq!(
            store.save_report(&r, at).unwrap(),
            Err(Refusal::AlreadyCancelled)
        );
    }
}

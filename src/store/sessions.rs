//! Workshop sessions as staff changed them: a session's date or seats, a session added or
//! cancelled. The agenda plans; this table has the last word.
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::Store;
use super::bookings::{Reminder, Status, parse_time, time_text};

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

impl Store {
    /// The planned sessions with staff changes applied, plus the sessions staff added, between
    /// two days; each with its seats taken. In time order.
    pub fn sessions(
        &self,
        planned: &[Session],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Session>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, series, starts_at, ends_at, seats, cancelled FROM workshop_session",
            )
            .map_err(|e| e.to_string())?;
        let changed: Vec<Session> = stmt
            .query_map([], |r| {
                Ok(Session {
                    id: r.get(0)?,
                    series: r.get(1)?,
                    starts: parse_time(&r.get::<_, String>(2)?)?,
                    ends: parse_time(&r.get::<_, String>(3)?)?,
                    seats: r.get(4)?,
                    cancelled: r.get(5)?,
                    taken: 0,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| e.to_string())?;
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

    /// Saves a session as staff set it (its id stays: registrations follow it).
    pub fn save_session(
        &mut self,
        s: &Session,
        by: &str,
        now: NaiveDateTime,
    ) -> Result<(), String> {
        self.immediate(|tx| {
            tx.execute(
                "INSERT INTO workshop_session (id, series, starts_at, ends_at, seats, cancelled, changed_by, changed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                     seats = excluded.seats, cancelled = excluded.cancelled,
                     changed_by = excluded.changed_by, changed_at = excluded.changed_at",
                params![s.id, s.series, time_text(s.starts), time_text(s.ends), s.seats, s.cancelled, by, time_text(now)],
            )?;
            // Registrations keep their session's time.
            tx.execute(
                "UPDATE registration SET starts_at = ?2, ends_at = ?3 WHERE workshop = ?1",
                params![s.id, time_text(s.starts), time_text(s.ends)],
            )?;
            Ok(())
        })
        .map_err(|e| format!("workshop: {e}"))
    }

    /// Cancels a session: every registration is cancelled by the service and its person told
    /// (`notice` says what to tell).
    pub fn cancel_session(
        &mut self,
        s: &Session,
        by: &str,
        notice: &str,
        now: NaiveDateTime,
    ) -> Result<usize, String> {
        let mut cancelled = s.clone();
        cancelled.cancelled = true;
        self.save_session(&cancelled, by, now)?;
        let people: Vec<(String, Option<String>)> = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT code, coalesce(phone, email) FROM registration WHERE workshop = ?1
                       AND status NOT IN ('annulé par l''usager', 'annulé par le service')",
                )
                .map_err(|e| e.to_string())?;
            stmt.query_map([&s.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
                .map_err(|e| e.to_string())?
        };
        for (code, recipient) in &people {
            self.set_status(code, Status::CancelledByService)?;
            if let Some(recipient) = recipient {
                self.notify(
                    code,
                    &Reminder {
                        due: now,
                        recipient: recipient.clone(),
                        message: notice.to_string(),
                    },
                )?;
            }
        }
        Ok(people.len())
    }

    pub fn session_changed(&self, id: &str) -> Result<bool, String> {
        self.conn
            .query_row("SELECT 1 FROM workshop_session WHERE id = ?1", [id], |_| {
                Ok(())
            })
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking::person::Person;
    use crate::clock::parse_local;
    use crate::store::NewRegistration;

    fn t(s: &str) -> NaiveDateTime {
        parse_local(s).unwrap()
    }

    fn planned() -> Session {
        Session {
            id: "email@2026-03-04".into(),
            series: "email".into(),
            starts: t("2026-03-04T14:00"),
            ends: t("2026-03-04T16:00"),
            seats: 2,
            cancelled: false,
            taken: 0,
        }
    }

    #[test]
    fn staff_changes_win_over_the_plan_and_cancelling_tells_everyone() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.db")).unwrap();
        let day = t("2026-03-04T00:00").date();
        let register = |store: &mut Store, seats: u32| {
            store.register(
                &NewRegistration {
                    workshop: "email@2026-03-04".into(),
                    starts: t("2026-03-04T14:00"),
                    ends: t("2026-03-04T16:00"),
                    seats,
                    person: Person {
                        first_name: "A".into(),
                        phone: Some("0612345678".into()),
                        ..Person::default()
                    },
                    reminder: None,
                    booked_by: "kiosk".into(),
                },
                t("2026-03-01T10:00"),
            )
        };
        register(&mut store, 2).unwrap().unwrap();
        let s = store.sessions(&[planned()], day, day).unwrap();
        assert_eq!((s[0].seats, s[0].taken), (2, 1));
        let mut bigger = planned();
        bigger.seats = 5;
        bigger.starts = t("2026-03-04T15:00");
        store
            .save_session(&bigger, "camille", t("2026-03-02T10:00"))
            .unwrap();
        let s = store.sessions(&[planned()], day, day).unwrap();
        assert_eq!(
            (s.len(), s[0].seats, s[0].starts),
            (1, 5, t("2026-03-04T15:00"))
        );
        let added = Session {
            id: "email@2026-03-04+1".into(),
            starts: t("2026-03-04T18:00"),
            ends: t("2026-03-04T20:00"),
            ..planned()
        };
        store
            .save_session(&added, "camille", t("2026-03-02T10:00"))
            .unwrap();
        assert_eq!(store.sessions(&[planned()], day, day).unwrap().len(), 2);
        assert_eq!(
            store
                .cancel_session(&bigger, "camille", "Atelier annulé", t("2026-03-02T10:00"))
                .unwrap(),
            1
        );
        let s = store.sessions(&[planned()], day, day).unwrap();
        assert!(s[0].cancelled);
        assert_eq!(s[0].taken, 0, "its registrations are cancelled");
        assert_eq!(
            store.outbox_counts().unwrap(),
            vec![("à envoyer".to_string(), 1)]
        );
    }
}

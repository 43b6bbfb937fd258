//! Workshop sessions as staff changed them: a session's date or seats, a session added or
//! cancelled. The agenda plans; this table has the last word.
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use super::bookings::{MessageKind, Table, parse_time, queue_message, time_text, void_messages};
use crate::store::appointments::{Registrant, Reminder, Session, Status, Workshops};

impl Workshops for SqliteStore {
    fn changed_sessions(&mut self) -> Result<Vec<Session>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, series, starts_at, ends_at, seats, cancelled FROM workshop_session",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map([], |r| {
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
        .map_err(|e| e.to_string())
    }

    /// Saves a session as staff set it (its id stays: registrations follow it), audited in
    /// the same transaction. When it moves, its registrants' reminders (about the old time)
    /// are voided and `notice` is queued to each one who can be reached.
    fn save_session(
        &mut self,
        s: &Session,
        by: &str,
        notice: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<Registrant>, String> {
        self.immediate(|tx| {
            let before: Option<String> = tx
                .query_row(
                    "SELECT starts_at FROM workshop_session WHERE id = ?1",
                    [&s.id],
                    |r| r.get(0),
                )
                .optional()?;
            let moved = before.is_some_and(|b| b != time_text(s.starts))
                || registrants(tx, &s.id)?.iter().any(|r| r.starts != s.starts);
            write_session(tx, s, by, now)?;
            let mut told = Vec::new();
            if moved {
                for r in registrants(tx, &s.id)? {
                    told.push(tell(tx, r, notice, now)?);
                }
                // Registrations keep their session's time.
                tx.execute(
                    "UPDATE registration SET starts_at = ?2, ends_at = ?3 WHERE workshop = ?1",
                    params![s.id, time_text(s.starts), time_text(s.ends)],
                )?;
            }
            super::audit_in(tx, now, by, &format!("workshop session saved {}", s.id))?;
            Ok(told)
        })
        .map_err(|e| format!("workshop: {e}"))
    }

    /// Cancels a session in one transaction: the session, every registration (cancelled by
    /// the service, its reminders voided, `notice` queued to whoever can be reached) and the
    /// audit row. Says, for each registrant, whether they were told.
    fn cancel_session(
        &mut self,
        s: &Session,
        by: &str,
        notice: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<Registrant>, String> {
        self.immediate(|tx| {
            let mut cancelled = s.clone();
            cancelled.cancelled = true;
            write_session(tx, &cancelled, by, now)?;
            let mut told = Vec::new();
            for r in registrants(tx, &s.id)? {
                tx.execute(
                    "UPDATE registration SET status = ?2 WHERE id = ?1",
                    params![r.id, Status::CancelledByService.label()],
                )?;
                told.push(tell(tx, r, notice, now)?);
            }
            super::audit_in(tx, now, by, &format!("workshop session cancelled {}", s.id))?;
            Ok(told)
        })
        .map_err(|e| format!("workshop: {e}"))
    }
}

impl SqliteStore {
    /// The staff's version of a session, if they changed it: (seats, cancelled).
    pub(crate) fn session_override(
        conn: &rusqlite::Connection,
        id: &str,
    ) -> rusqlite::Result<Option<(u32, bool)>> {
        conn.query_row(
            "SELECT seats, cancelled FROM workshop_session WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    }
}

struct Row {
    id: i64,
    code: String,
    first_name: String,
    contact: Option<String>,
    starts: NaiveDateTime,
}

fn registrants(tx: &rusqlite::Connection, session: &str) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = tx.prepare(
        "SELECT id, code, coalesce(first_name, ''), coalesce(phone, email), starts_at
         FROM registration WHERE workshop = ?1
           AND status NOT IN ('annulé par l''usager', 'annulé par le service')
         ORDER BY id",
    )?;
    stmt.query_map([session], |r| {
        Ok(Row {
            id: r.get(0)?,
            code: r.get(1)?,
            first_name: r.get(2)?,
            contact: r.get(3)?,
            starts: parse_time(&r.get::<_, String>(4)?)?,
        })
    })?
    .collect()
}

/// Voids a registrant's pending messages and queues `notice` when they can be reached.
fn tell(
    tx: &rusqlite::Connection,
    r: Row,
    notice: Option<&str>,
    now: NaiveDateTime,
) -> rusqlite::Result<Registrant> {
    void_messages(tx, Table::Registration, r.id)?;
    let told = match (notice, &r.contact) {
        (Some(text), Some(recipient)) => {
            let message = Reminder {
                due: now,
                recipient: recipient.clone(),
                message: text.to_string(),
            };
            queue_message(
                tx,
                Table::Registration,
                r.id,
                &r.code,
                &message,
                MessageKind::Notice,
                None,
            )?;
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
    tx: &rusqlite::Connection,
    s: &Session,
    by: &str,
    now: NaiveDateTime,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO workshop_session (id, series, starts_at, ends_at, seats, cancelled, changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at,
             seats = excluded.seats, cancelled = excluded.cancelled,
             changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        params![s.id, s.series, time_text(s.starts), time_text(s.ends), s.seats, s.cancelled, by, time_text(now)],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;
    use crate::domain::person::Person;
    use crate::store::Bookings;
    use crate::store::NewRegistration;
    use crate::store::Outbox;

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
        let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
        let day = t("2026-03-04T00:00").date();
        let register = |store: &mut SqliteStore, seats: u32| {
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
                    booked_by: crate::store::BookedBy::Kiosk,
                    request_id: None,
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
            .save_session(&bigger, "camille", None, t("2026-03-02T10:00"))
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
            .save_session(&added, "camille", None, t("2026-03-02T10:00"))
            .unwrap();
        assert_eq!(store.sessions(&[planned()], day, day).unwrap().len(), 2);
        let told = store
            .cancel_session(
                &bigger,
                "camille",
                Some("Atelier annulé"),
                t("2026-03-02T10:00"),
            )
            .unwrap();
        assert_eq!(
            told,
            vec![Registrant {
                first_name: "A".into(),
                contact: Some("0612345678".into()),
                told: true
            }]
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

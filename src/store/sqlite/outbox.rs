//! The outbox in the help point's SQLite file.
use chrono::NaiveDateTime;
use rusqlite::params;

use super::SqliteStore;
use super::bookings::time_text;
use crate::store::appointments::{Reminder, Status};
use crate::store::outbox::{MAX_ATTEMPTS, Message, Outbox};

impl Outbox for SqliteStore {
    fn queue_confirmation(&mut self, code: &str, message: &Reminder) -> Result<bool, String> {
        self.immediate(|tx| {
            let mut queued = 0;
            for table in ["booking", "registration"] {
                queued += tx.execute(
                    &format!(
                        "INSERT INTO outbox ({table}, due_at, recipient, message, kind, about_start)
                         SELECT id, ?2, ?3, ?4, 'rappel', starts_at FROM {table} WHERE code = ?1"
                    ),
                    params![
                        code,
                        time_text(message.due),
                        message.recipient,
                        message
                            .message
                            .replace(crate::store::CODE_PLACEHOLDER, code),
                    ],
                )?;
            }
            Ok(queued > 0)
        })
        .map_err(|e| format!("outbox: {e}"))
    }

    fn claim_due_messages(&mut self, now: NaiveDateTime) -> Result<Vec<Message>, String> {
        self.immediate(|tx| {
            let due = {
                let mut stmt = tx.prepare(
                    "SELECT o.id, o.recipient, o.message, o.attempts, o.kind, o.about_start,
                            coalesce(b.status, r.status), coalesce(b.starts_at, r.starts_at)
                     FROM outbox o
                     LEFT JOIN booking b ON b.id = o.booking
                     LEFT JOIN registration r ON r.id = o.registration
                     WHERE o.due_at <= ?1 AND o.recipient IS NOT NULL
                       AND (o.status = 'à envoyer' OR (o.status = 'échec' AND o.attempts < ?2))
                     ORDER BY o.due_at, o.id",
                )?;
                stmt.query_map(params![time_text(now), MAX_ATTEMPTS], |r| {
                    let message = Message {
                        id: r.get(0)?,
                        recipient: r.get(1)?,
                        text: r.get(2)?,
                        attempts: r.get(3)?,
                    };
                    let kind: String = r.get(4)?;
                    let about: Option<String> = r.get(5)?;
                    let status: Option<String> = r.get(6)?;
                    let starts: Option<String> = r.get(7)?;
                    let stands = kind != "rappel"
                        || (status.as_deref() == Some(Status::Upcoming.label())
                            && starts.is_some()
                            && about == starts
                            && starts.as_deref() > Some(time_text(now).as_str()));
                    Ok((message, stands))
                })?
                .collect::<rusqlite::Result<Vec<(Message, bool)>>>()?
            };
            let mut claimed = Vec::new();
            for (m, stands) in due {
                if stands {
                    tx.execute(
                        "UPDATE outbox SET status = 'en cours', attempts = attempts + 1 WHERE id = ?1",
                        [m.id],
                    )?;
                    claimed.push(m);
                } else {
                    tx.execute("UPDATE outbox SET status = 'annulé' WHERE id = ?1", [m.id])?;
                }
            }
            Ok(claimed)
        })
        .map_err(|e| format!("outbox: {e}"))
    }

    fn message_sent(&mut self, id: i64, now: NaiveDateTime) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE outbox SET status = 'envoyé', sent_at = ?2, last_error = NULL WHERE id = ?1",
                params![id, time_text(now)],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn message_failed(&mut self, id: i64, error: &str) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE outbox SET status = 'échec', last_error = ?2
                 WHERE id = ?1 AND status = 'en cours'",
                params![id, error],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn outbox_counts(&mut self) -> Result<Vec<(String, u32)>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status")
            .map_err(|e| e.to_string())?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;
    use crate::domain::person::Person;
    use crate::store::Bookings;
    use crate::store::outbox::send_due;
    use crate::store::{NewBooking, Reminder};
    use std::time::Duration;

    #[test]
    fn a_hung_gateway_is_stopped_and_its_message_goes_back_to_be_retried() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("o.db")).unwrap();
        let t = |s: &str| parse_local(s).unwrap();
        let starts = t("2026-03-05T09:00");
        store
            .book(
                &NewBooking {
                    counsellor: "camille".into(),
                    motif: "demarche".into(),
                    starts,
                    ends: starts + chrono::Duration::minutes(45),
                    person: Person {
                        first_name: "Marie".into(),
                        phone: Some("+33612345678".into()),
                        ..Person::default()
                    },
                    reminder: Some(Reminder {
                        due: t("2026-03-03T09:00"),
                        recipient: "+33612345678".into(),
                        message: "Rappel".into(),
                    }),
                    diagnostic: None,
                    booked_by: crate::store::BookedBy::Kiosk,
                    request_id: None,
                },
                t("2026-03-01T09:00"),
            )
            .unwrap()
            .unwrap();
        let hung = vec!["sh".into(), "-c".into(), "sleep 30".into()];
        let report = send_due(
            &mut store,
            &hung,
            t("2026-03-03T09:05"),
            Duration::from_millis(300),
        )
        .unwrap();
        assert_eq!((report.sent, report.failed), (0, 1));
        assert_eq!(store.outbox_counts().unwrap(), vec![("échec".into(), 1)]);
        let out = dir.path().join("sent");
        let working = vec!["sh".into(), "-c".into(), format!("cat > {}", out.display())];
        let report = send_due(
            &mut store,
            &working,
            t("2026-03-03T09:20"),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!((report.sent, report.retried), (1, 1));
        assert_eq!(std::fs::read_to_string(out).unwrap(), "Rappel");
    }
}

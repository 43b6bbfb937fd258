//! Reminders waiting to be sent. A message is claimed ("en cours") in a transaction before the
//! gateway runs, so two senders never send it twice; a crash mid-send leaves it claimed, and
//! it is not sent again (better one reminder missed than two sent).
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::params;

use super::Store;
use super::appointments::{Reminder, Status};
use super::bookings::time_text;

/// A failed message is tried again, up to this many attempts in all.
pub const MAX_ATTEMPTS: u32 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: i64,
    pub recipient: String,
    pub text: String,
    pub attempts: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SendReport {
    pub sent: usize,
    pub failed: usize,
    /// Of those sent or failed, how many were second or later attempts.
    pub retried: usize,
}

/// Messages to people (reminders, notices) waiting to be sent, on either store.
pub trait Outbox {
    /// Claims every message due by `now` (new ones, and failed ones with attempts left). A
    /// reminder whose appointment was cancelled, moved or is already past is voided instead:
    /// it would tell the person something untrue.
    fn claim_due_messages(&mut self, now: NaiveDateTime) -> Result<Vec<Message>, String>;

    fn message_sent(&mut self, id: i64, now: NaiveDateTime) -> Result<(), String>;

    /// A failed send goes back to be retried (while attempts are left), unless the
    /// appointment was cancelled meanwhile and its messages voided.
    fn message_failed(&mut self, id: i64, error: &str) -> Result<(), String>;

    /// (status, count) of the outbox, for staff.
    fn outbox_counts(&mut self) -> Result<Vec<(String, u32)>, String>;

    /// Queues the confirmation of the appointment or registration `code`, just made or moved
    /// (`message.due`: now). Like a reminder it is about the appointment's time: it goes only
    /// while the appointment stands at that time. False when no appointment has that code.
    fn queue_confirmation(&mut self, code: &str, message: &Reminder) -> Result<bool, String>;
}

impl Outbox for Store {
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
                        message.message.replace(super::CODE_PLACEHOLDER, code),
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

/// How long the gateway may take for one message before it is stopped and the message
/// goes back to be retried.
pub const GATEWAY_LIMIT: Duration = Duration::from_secs(30);

/// Sends every due message through the gateway and records each result.
pub fn send_due(
    store: &mut dyn Outbox,
    gateway: &[String],
    now: NaiveDateTime,
    limit: Duration,
) -> Result<SendReport, String> {
    let mut report = SendReport::default();
    for message in store.claim_due_messages(now)? {
        if message.attempts > 0 {
            report.retried += 1;
        }
        match crate::command::run(gateway, Some(&message.recipient), &message.text, limit) {
            Ok(()) => {
                store.message_sent(message.id, now)?;
                report.sent += 1;
            }
            Err(e) => {
                // The gateway's stderr may quote the number or the message: neither the log
                // nor the database keeps it, only what failed and how.
                tracing::warn!(message = message.id, error = %e.summary, "reminder gateway failed");
                store.message_failed(message.id, &e.summary)?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;
    use crate::domain::person::Person;
    use crate::store::Bookings;
    use crate::store::{NewBooking, Reminder};

    #[test]
    fn a_hung_gateway_is_stopped_and_its_message_goes_back_to_be_retried() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("o.db")).unwrap();
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

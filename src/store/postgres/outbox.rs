//! Messages to people on the network's PostgreSQL: a sender claims the due messages it will
//! send, skipping those another sender has locked, so no message goes twice.
use chrono::NaiveDateTime;

use super::bookings::in_transaction;
use super::{PgStore, cause};
use crate::store::appointments::Reminder;
use crate::store::appointments::Status;
use crate::store::outbox::{MAX_ATTEMPTS, Message, Outbox};

impl Outbox for PgStore {
    fn queue_confirmation(&mut self, code: &str, message: &Reminder) -> Result<bool, String> {
        let due = self.site.instant(message.due);
        let text = message
            .message
            .replace(crate::store::CODE_PLACEHOLDER, code);
        let mut queued = 0;
        for table in ["booking", "registration"] {
            queued += self
                .client
                .execute(
                    &format!(
                        "INSERT INTO outbox ({table}, due_at, recipient, message, kind, about_start,
                                             help_point)
                         SELECT id, $2, $3, $4, 'rappel', starts_at, help_point FROM {table}
                         WHERE code = $1"
                    ),
                    &[&code, &due, &message.recipient, &text],
                )
                .map_err(|e| format!("outbox: {}", cause(&e)))?;
        }
        Ok(queued > 0)
    }

    fn claim_due_messages(&mut self, now: NaiveDateTime) -> Result<Vec<Message>, String> {
        in_transaction(self, "outbox", |site, tx| {
            let due = tx.query(
                "SELECT o.id, o.recipient, o.message, o.attempts, o.kind,
                        o.about_start = coalesce(b.starts_at, r.starts_at),
                        coalesce(b.status, r.status), coalesce(b.starts_at, r.starts_at) > $1
                 FROM outbox o
                 LEFT JOIN booking b ON b.id = o.booking
                 LEFT JOIN registration r ON r.id = o.registration
                 WHERE o.due_at <= $1 AND o.recipient IS NOT NULL
                   -- A kiosk's role sends what its help point queued; the owner, all.
                   AND (borne_help_point() IS NULL OR o.help_point = borne_help_point())
                   AND (o.status = 'à envoyer' OR (o.status = 'échec' AND o.attempts < $2))
                 ORDER BY o.due_at, o.id
                 FOR UPDATE OF o SKIP LOCKED",
                &[&site.instant(now), &(MAX_ATTEMPTS as i32)],
            )?;
            let mut claimed = Vec::new();
            for r in due {
                let message = Message {
                    id: r.get(0),
                    recipient: r.get(1),
                    text: r.get(2),
                    attempts: r.get::<_, i32>(3) as u32,
                };
                let kind: String = r.get(4);
                let same_time: Option<bool> = r.get(5);
                let status: Option<String> = r.get(6);
                let ahead: Option<bool> = r.get(7);
                // A reminder goes only while its appointment stands at the time it was
                // written for, and is still to come.
                let stands = kind != "rappel"
                    || (status.as_deref() == Some(Status::Upcoming.label())
                        && same_time == Some(true)
                        && ahead == Some(true));
                if stands {
                    tx.execute(
                        "UPDATE outbox SET status = 'en cours', attempts = attempts + 1
                         WHERE id = $1",
                        &[&message.id],
                    )?;
                    claimed.push(message);
                } else {
                    tx.execute(
                        "UPDATE outbox SET status = 'annulé' WHERE id = $1",
                        &[&message.id],
                    )?;
                }
            }
            Ok(Ok(claimed))
        })
        .map(|r| r.unwrap_or_default())
    }

    fn message_sent(&mut self, id: i64, now: NaiveDateTime) -> Result<(), String> {
        let at = self.site.instant(now);
        self.client
            .execute(
                "UPDATE outbox SET status = 'envoyé', sent_at = $2, last_error = NULL
                 WHERE id = $1",
                &[&id, &at],
            )
            .map(|_| ())
            .map_err(|e| format!("outbox: {}", cause(&e)))
    }

    fn message_failed(&mut self, id: i64, error: &str) -> Result<(), String> {
        self.client
            .execute(
                "UPDATE outbox SET status = 'échec', last_error = $2
                 WHERE id = $1 AND status = 'en cours'",
                &[&id, &error],
            )
            .map(|_| ())
            .map_err(|e| format!("outbox: {}", cause(&e)))
    }

    fn outbox_counts(&mut self) -> Result<Vec<(String, u32)>, String> {
        Ok(self
            .client
            .query(
                "SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status",
                &[],
            )
            .map_err(|e| format!("outbox: {}", cause(&e)))?
            .iter()
            .map(|r| (r.get(0), r.get::<_, i64>(1) as u32))
            .collect())
    }
}

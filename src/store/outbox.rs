//! Reminders waiting to be sent. A message is claimed ("en cours") in a transaction before the
//! gateway runs, so two senders never send it twice; a crash mid-send leaves it claimed, and
//! it is not sent again (better one reminder missed than two sent).
use std::io::Write;
use std::process::{Command, Stdio};

use chrono::NaiveDateTime;
use rusqlite::params;

use super::Store;
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

impl Store {
    /// Claims every message due by `now` (new ones, and failed ones with attempts left).
    pub fn claim_due_messages(&mut self, now: NaiveDateTime) -> Result<Vec<Message>, String> {
        self.immediate(|tx| {
            let messages = {
                let mut stmt = tx.prepare(
                    "SELECT id, recipient, message, attempts FROM outbox
                     WHERE due_at <= ?1 AND recipient IS NOT NULL
                       AND (status = 'à envoyer' OR (status = 'échec' AND attempts < ?2))
                     ORDER BY due_at, id",
                )?;
                stmt.query_map(params![time_text(now), MAX_ATTEMPTS], |r| {
                    Ok(Message {
                        id: r.get(0)?,
                        recipient: r.get(1)?,
                        text: r.get(2)?,
                        attempts: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<Message>>>()?
            };
            for m in &messages {
                tx.execute(
                    "UPDATE outbox SET status = 'en cours', attempts = attempts + 1 WHERE id = ?1",
                    [m.id],
                )?;
            }
            Ok(messages)
        })
        .map_err(|e| format!("outbox: {e}"))
    }

    pub fn message_sent(&self, id: i64, now: NaiveDateTime) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE outbox SET status = 'envoyé', sent_at = ?2, last_error = NULL WHERE id = ?1",
                params![id, time_text(now)],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    pub fn message_failed(&self, id: i64, error: &str) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE outbox SET status = 'échec', last_error = ?2 WHERE id = ?1",
                params![id, error],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// (status, count) of the outbox, for staff.
    pub fn outbox_counts(&self) -> Result<Vec<(String, u32)>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status")
            .map_err(|e| e.to_string())?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| e.to_string())
    }
}

/// Runs the gateway for one message: the recipient as last argument, the text on stdin.
fn deliver(gateway: &[String], message: &Message) -> Result<(), String> {
    let (program, args) = gateway.split_first().ok_or("no gateway command")?;
    let mut child = Command::new(program)
        .args(args)
        .arg(&message.recipient)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(message.text.as_bytes())
            .map_err(|e| format!("cannot write to {program}: {e}"))?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(format!(
            "{program} failed ({}): {}",
            out.status,
            stderr.trim()
        ))
    }
}

/// Sends every due message through the gateway and records each result.
pub fn send_due(
    store: &mut Store,
    gateway: &[String],
    now: NaiveDateTime,
) -> Result<SendReport, String> {
    let mut report = SendReport::default();
    for message in store.claim_due_messages(now)? {
        if message.attempts > 0 {
            report.retried += 1;
        }
        match deliver(gateway, &message) {
            Ok(()) => {
                store.message_sent(message.id, now)?;
                report.sent += 1;
            }
            Err(e) => {
                store.message_failed(message.id, &e)?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

//! Messages to people (reminders, notices) waiting to be sent, on either store, and their
//! sending through the help point's gateway. A message is claimed ("en cours") in a
//! transaction before the gateway runs, so two senders never send it twice; a crash mid-send
//! leaves it claimed, and it is not sent again (better one reminder missed than two sent).
use std::time::Duration;

use chrono::NaiveDateTime;

use super::appointments::Reminder;

/// A failed message is tried again, up to this many attempts in all.
pub(crate) const MAX_ATTEMPTS: u32 = 3;

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

/// How long the gateway may take for one message before it is stopped and the message
/// goes back to be retried.
pub(crate) const GATEWAY_LIMIT: Duration = Duration::from_secs(30);

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

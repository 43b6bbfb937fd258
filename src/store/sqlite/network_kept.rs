//! What a network kiosk keeps of its network: callback requests waiting until the network's
//! database has them, and the agenda it last published.
use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use super::bookings::{parse_time, time_text};
use crate::domain::callback::Callback;

impl SqliteStore {
    /// Keeps the request on the kiosk until it is sent.
    pub(crate) fn queue_callback(&mut self, c: &Callback) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO callback_queue
                 (request_id, first_name, phone, about, asked_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    c.request_id,
                    c.first_name,
                    c.phone,
                    c.about,
                    time_text(c.asked_at)
                ],
            )
            .map(|_| ())
            .map_err(|e| format!("callback queue: {e}"))
    }

    /// The requests not sent yet, oldest first.
    pub(crate) fn queued_callbacks(&self) -> Result<Vec<Callback>, String> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT request_id, first_name, phone, about, asked_at FROM callback_queue
                 ORDER BY asked_at, request_id",
            )
            .map_err(|e| format!("callback queue: {e}"))?;
        let rows = statement
            .query_map([], |row| {
                Ok(Callback {
                    request_id: row.get(0)?,
                    first_name: row.get(1)?,
                    phone: row.get(2)?,
                    about: row.get(3)?,
                    asked_at: parse_time(&row.get::<_, String>(4)?)?,
                })
            })
            .map_err(|e| format!("callback queue: {e}"))?;
        rows.collect::<Result<_, _>>()
            .map_err(|e| format!("callback queue: {e}"))
    }

    /// The server has it: the kiosk forgets it (and the person's number with it).
    pub(crate) fn forget_callback(&mut self, request_id: &str) -> Result<(), String> {
        self.conn
            .execute(
                "DELETE FROM callback_queue WHERE request_id = ?1",
                params![request_id],
            )
            .map(|_| ())
            .map_err(|e| format!("callback queue: {e}"))
    }

    /// Keeps the agenda the network published, for a start without the network.
    pub(crate) fn keep_published_agenda(&mut self, document: &str) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT INTO published_agenda (id, document) VALUES (1, ?1)
                 ON CONFLICT (id) DO UPDATE SET document = excluded.document",
                params![document],
            )
            .map(|_| ())
            .map_err(|e| format!("published agenda: {e}"))
    }

    /// The agenda the network last published, as kept here.
    pub(crate) fn kept_published_agenda(&self) -> Result<Option<String>, String> {
        self.conn
            .query_row("SELECT document FROM published_agenda", [], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| format!("published agenda: {e}"))
    }
}

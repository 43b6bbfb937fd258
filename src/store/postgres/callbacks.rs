//! Callback requests reaching the network: sent by a kiosk once its line is back.
use super::{PgStore, cause};
use crate::domain::callback::Callback;

/// A request as the network keeps it, for the counsellors who call back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Received {
    pub help_point: String,
    pub callback: Callback,
}

impl PgStore {
    /// Takes a kiosk's request; the same request sent again (its answer was lost) is found,
    /// not added. Returns whether it was new.
    pub fn receive_callback(&mut self, c: &Callback) -> Result<bool, String> {
        let asked_at = self.site.instant(c.asked_at);
        self.client
            .execute(
                "INSERT INTO callback_request
                 (request_id, help_point, first_name, phone, about, asked_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id) DO NOTHING",
                &[
                    &c.request_id,
                    &self.site.help_point,
                    &c.first_name,
                    &c.phone,
                    &c.about,
                    &asked_at,
                ],
            )
            .map(|n| n == 1)
            .map_err(|e| format!("callback request: {}", cause(&e)))
    }

    /// The requests of the whole network not called back yet, oldest first.
    pub(crate) fn callbacks(&mut self) -> Result<Vec<Received>, String> {
        let rows = self
            .client
            .query(
                "SELECT request_id, help_point, first_name, phone, about, asked_at
                 FROM callback_request WHERE called_back_at IS NULL
                 ORDER BY asked_at, request_id",
                &[],
            )
            .map_err(|e| format!("callback requests: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|row| Received {
                help_point: row.get(1),
                callback: Callback {
                    request_id: row.get(0),
                    first_name: row.get(2),
                    phone: row.get(3),
                    about: row.get(4),
                    asked_at: self.site.local(row.get(5)),
                },
            })
            .collect())
    }
}

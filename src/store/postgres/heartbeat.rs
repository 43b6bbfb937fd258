//! Each network kiosk's heartbeat, every minute: how it is (its version, when it started and
//! last drew its screen, its last error, printer and speech, the date of its lieux, the
//! callback requests it still holds), for `borne network status`. A kiosk's role writes only
//! its own row; the owner reads them all.
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::{PgStore, cause};

/// What a kiosk says of itself (its local times).
#[derive(Debug, Clone, PartialEq)]
pub struct Heartbeat {
    pub version: String,
    pub started_at: NaiveDateTime,
    pub last_frame_at: Option<NaiveDateTime>,
    /// The last error it logged (log lines hold no personal data).
    pub last_error: Option<String>,
    /// `none` (no printer configured), `ok`, `failed` (its last ticket).
    pub printer: String,
    /// `none`, `ok`, `failed` (the program is missing or fails).
    pub speech: String,
    pub lieux_date: Option<NaiveDate>,
    /// Callback requests kept on the kiosk, not sent yet.
    pub callbacks_waiting: usize,
}

/// A kiosk as the owner sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskHealth {
    pub role: String,
    pub help_point: String,
    pub name: String,
    pub version: String,
    pub started_at: DateTime<Utc>,
    pub beat_at: DateTime<Utc>,
    /// Seconds since its last heartbeat, by the database's clock.
    pub silent_for: i64,
    pub last_frame_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub printer: String,
    pub speech: String,
    pub lieux_date: Option<NaiveDate>,
    pub callbacks_waiting: i64,
}

impl PgStore {
    /// Writes this kiosk's heartbeat (its row: its role, its help point).
    pub fn beat(&mut self, beat: &Heartbeat) -> Result<(), String> {
        let started = self.site.instant(beat.started_at);
        let frame = beat.last_frame_at.map(|t| self.site.instant(t));
        let help_point = self.site.help_point.clone();
        self.client
            .execute(
                "INSERT INTO public.kiosk_heartbeat (help_point, version, started_at, beat_at,
                     last_frame_at, last_error, printer, speech, lieux_date, callbacks_waiting)
                 VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9)
                 ON CONFLICT (role, help_point) DO UPDATE SET version = excluded.version,
                     started_at = excluded.started_at, beat_at = excluded.beat_at,
                     last_frame_at = excluded.last_frame_at, last_error = excluded.last_error,
                     printer = excluded.printer, speech = excluded.speech,
                     lieux_date = excluded.lieux_date,
                     callbacks_waiting = excluded.callbacks_waiting",
                &[
                    &help_point,
                    &beat.version,
                    &started,
                    &frame,
                    &beat.last_error,
                    &beat.printer,
                    &beat.speech,
                    &beat.lieux_date,
                    &(beat.callbacks_waiting as i32),
                ],
            )
            .map(|_| ())
            .map_err(|e| format!("heartbeat: {}", cause(&e)))
    }

    /// Every kiosk's last heartbeat (the owner's view), by help point.
    pub(crate) fn kiosks_health(&mut self) -> Result<Vec<KioskHealth>, String> {
        let rows = self
            .client
            .query(
                "SELECT k.role::text, k.help_point, coalesce(h.name, k.help_point), k.version,
                     k.started_at, k.beat_at,
                     floor(extract(epoch FROM now() - k.beat_at))::bigint,
                     k.last_frame_at, k.last_error, k.printer, k.speech, k.lieux_date,
                     k.callbacks_waiting::bigint
                 FROM public.kiosk_heartbeat k LEFT JOIN public.help_point h ON h.id = k.help_point
                 ORDER BY k.help_point, k.role",
                &[],
            )
            .map_err(|e| format!("network status: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|r| KioskHealth {
                role: r.get(0),
                help_point: r.get(1),
                name: r.get(2),
                version: r.get(3),
                started_at: r.get(4),
                beat_at: r.get(5),
                silent_for: r.get(6),
                last_frame_at: r.get(7),
                last_error: r.get(8),
                printer: r.get(9),
                speech: r.get(10),
                lieux_date: r.get(11),
                callbacks_waiting: r.get(12),
            })
            .collect())
    }

    /// The help point's local time of an instant (for showing the owner).
    pub(crate) fn local_time(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        self.site.local(instant)
    }
}

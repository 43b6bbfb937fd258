//! How the kiosk is, said outside it. To systemd (`Type=notify`, `WatchdogSec=`): READY once
//! the first frame is drawn, then WATCHDOG from the main loop, so a kiosk whose loop hangs is
//! restarted. To the network's database: a heartbeat every minute (its version, when it
//! started and last drew its screen, its last error, printer and speech), which the worker
//! completes and writes (`borne network status` reads them).
use std::os::unix::net::{SocketAddr, UnixDatagram};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

use crate::store::postgres::Heartbeat;

/// A heartbeat this often.
const BEAT_EVERY: Duration = Duration::from_secs(60);

/// Test hook: while the file this variable names exists, the main loop is stuck (as a loop
/// waiting on something that never comes), so a test sees the watchdog's pings stop.
pub(crate) const HANG_VARIABLE: &str = "BORNE_TEST_HANG_FILE";

/// systemd's notification socket (`NOTIFY_SOCKET`), and how often to ping its watchdog.
struct Notify {
    socket: UnixDatagram,
    address: SocketAddr,
    /// Half of `WATCHDOG_USEC`, as sd_notify(3) advises; `None` without a watchdog.
    ping_every: Option<Duration>,
}

impl Notify {
    fn from_env() -> Option<Notify> {
        let path = std::env::var_os("NOTIFY_SOCKET")?;
        let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str());
        let address = match bytes.strip_prefix(b"@") {
            Some(name) => {
                <SocketAddr as std::os::linux::net::SocketAddrExt>::from_abstract_name(name).ok()?
            }
            None => SocketAddr::from_pathname(&path).ok()?,
        };
        let socket = UnixDatagram::unbound().ok()?;
        // WATCHDOG_PID, when set, names the process the watchdog is for.
        let ours = std::env::var("WATCHDOG_PID")
            .map_or(true, |pid| pid.trim() == std::process::id().to_string());
        let ping_every = std::env::var("WATCHDOG_USEC")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|usec| *usec > 0 && ours)
            .map(|usec| Duration::from_micros(usec / 2));
        Some(Notify {
            socket,
            address,
            ping_every,
        })
    }

    fn send(&self, state: &str) {
        if let Err(e) = self.socket.send_to_addr(state.as_bytes(), &self.address) {
            tracing::warn!(error = %e, "systemd notification not sent");
        }
    }
}

pub(crate) struct Health {
    notify: Option<Notify>,
    ready: bool,
    last_ping: Instant,
    next_beat: Instant,
    hang: Option<PathBuf>,
    pub started_at: NaiveDateTime,
    pub last_frame: Option<NaiveDateTime>,
    /// `none` (no printer), `ok`, `failed`: its last ticket.
    pub printer: &'static str,
}

impl Health {
    pub(crate) fn new(started_at: NaiveDateTime, printer: bool) -> Health {
        Health {
            notify: Notify::from_env(),
            ready: false,
            last_ping: Instant::now(),
            next_beat: Instant::now(),
            hang: std::env::var_os(HANG_VARIABLE).map(PathBuf::from),
            started_at,
            last_frame: None,
            printer: if printer { "ok" } else { "none" },
        }
    }

    /// A frame was drawn: READY the first time, a watchdog ping when one is due.
    pub(crate) fn drawn(&mut self, now: NaiveDateTime) {
        self.last_frame = Some(now);
        let Some(notify) = &self.notify else {
            return;
        };
        if !self.ready {
            self.ready = true;
            notify.send("READY=1");
            self.last_ping = Instant::now();
            return;
        }
        if notify
            .ping_every
            .is_some_and(|every| self.last_ping.elapsed() >= every)
        {
            notify.send("WATCHDOG=1");
            self.last_ping = Instant::now();
        }
    }

    /// How long the loop may wait before a ping or a heartbeat is due.
    pub(crate) fn until_due(&self) -> Duration {
        let beat = self.next_beat.saturating_duration_since(Instant::now());
        let ping = self
            .notify
            .as_ref()
            .and_then(|n| n.ping_every)
            .map_or(beat, |every| every.saturating_sub(self.last_ping.elapsed()));
        beat.min(ping)
    }

    /// The heartbeat, when one is due (the worker adds what the store knows).
    pub(crate) fn beat(&mut self, speech: &'static str) -> Option<Heartbeat> {
        if Instant::now() < self.next_beat {
            return None;
        }
        self.next_beat = Instant::now() + BEAT_EVERY;
        Some(Heartbeat {
            version: env!("CARGO_PKG_VERSION").to_string(),
            started_at: self.started_at,
            last_frame_at: self.last_frame,
            last_error: crate::log::last_error(),
            printer: self.printer.to_string(),
            speech: speech.to_string(),
            lieux_date: None,
            callbacks_waiting: 0,
        })
    }

    /// The test hook: stuck while its file exists.
    pub(crate) fn hang_if_asked(&self) {
        if let Some(file) = &self.hang {
            while file.exists() {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

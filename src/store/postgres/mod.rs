//! The agenda of a département's network of kiosks, on PostgreSQL: the store every kiosk of
//! the network books into. The database itself forbids a counsellor to be in two places at
//! once (see `schema.rs`); this module only maps its refusals to the kiosk's words.
mod agenda;
mod bookings;
mod callbacks;
mod heartbeat;
mod lieux;
mod network;
mod outbox;
mod password;
mod queue;
mod schema;
mod tls;
mod waitlist;

use chrono::{DateTime, NaiveDateTime, Utc};
use postgres::{Client, NoTls};

use super::appointments::Refusal;
use crate::calendar::Calendar;

pub(crate) use callbacks::Received;
pub use heartbeat::{Heartbeat, KioskHealth};
pub(crate) use lieux::LieuxUpdate;
pub use network::{Away, Unpublished};
pub use schema::latest;

pub(crate) use crate::database_url::{is_url, shown};

/// A connection that never leaves a kiosk hanging on a mairie's unreliable line: it gives up
/// connecting after 2 seconds, a line that went silent is found dead within about 10 seconds
/// (keepalives, and unacknowledged data), and a statement that waits on another kiosk's lock
/// more than 5 seconds is cancelled (the person is told, nothing is half-written). The URL may
/// say otherwise. `sslmode=require` in the URL: TLS, the server's certificate checked
/// (`tls.rs`); else the plain protocol (a Unix socket, a département's own network).
fn connect(url: &str) -> Result<Client, String> {
    use std::time::Duration;
    let mut config: postgres::Config = url.parse().map_err(|e| cause(&e))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(2));
    }
    config
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(5))
        .keepalives_interval(Duration::from_secs(2))
        .keepalives_retries(2)
        .tcp_user_timeout(Duration::from_secs(10));
    if config.get_options().is_none() {
        config.options("-c statement_timeout=5s");
    }
    if config.get_password().is_none() {
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(name)) => name.clone(),
            _ => "localhost".to_string(),
        };
        let user = config.get_user().unwrap_or_default().to_string();
        let target = password::Target {
            host: &host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            database: config.get_dbname().unwrap_or(&user),
            user: &user,
        };
        if let Some(found) = password::find(&target)? {
            config.password(found);
        }
    }
    if config.get_ssl_mode() == postgres::config::SslMode::Require {
        return config.connect(tls::connector()?).map_err(|e| cause(&e));
    }
    config.connect(NoTls).map_err(|e| cause(&e))
}

/// PostgreSQL's own words for a failure (the server's message, not the driver's wrapper).
pub(crate) fn cause(e: &postgres::Error) -> String {
    match (e.as_db_error(), std::error::Error::source(e)) {
        (Some(db), _) => db.message().to_string(),
        (None, Some(source)) => format!("{e}: {source}"),
        (None, None) => e.to_string(),
    }
}

pub struct PgStore {
    client: Client,
    site: Site,
    /// Statements prepared once on this connection: a booking attempt is then one round trip
    /// to the server between BEGIN and COMMIT, not two per statement.
    prepared: std::collections::HashMap<&'static str, postgres::Statement>,
}

/// Where a kiosk stands in the network.
struct Site {
    /// The help point this kiosk is: its bookings carry it.
    help_point: String,
    /// Times are the help point's local times; the database keeps instants.
    calendar: Calendar,
}

impl Site {
    fn instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        self.calendar.to_utc(local)
    }

    fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        self.calendar.local(instant)
    }
}

impl PgStore {
    /// Connects and brings the schema up to date.
    pub fn open(url: &str, help_point: &str, calendar: Calendar) -> Result<PgStore, String> {
        let context = |e: &dyn std::fmt::Display| format!("database {}: {e}", shown(url));
        let mut client = connect(url).map_err(|e| context(&e))?;
        schema::migrate(&mut client).map_err(|e| context(&e))?;
        let mut store = PgStore {
            client,
            site: Site {
                help_point: help_point.to_string(),
                calendar,
            },
            prepared: Default::default(),
        };
        // Prepared as the kiosk connects, not while a person waits for their confirmation.
        store.prepared(bookings::BOOK).map_err(|e| context(&e))?;
        Ok(store)
    }

    /// `borne db migrate`: creates or upgrades the schema; returns (version found, version now).
    pub fn migrate(url: &str) -> Result<(u32, u32), String> {
        let context = |e: &dyn std::fmt::Display| format!("database {}: {e}", shown(url));
        let mut client = connect(url).map_err(|e| context(&e))?;
        let found = schema::migrate(&mut client).map_err(|e| context(&e))?;
        Ok((found, latest()))
    }

    /// Brings the schema to `version` only, as a network still on an older borne would have
    /// it: for the tests that upgrade a network's data.
    #[doc(hidden)]
    pub fn migrate_to(url: &str, version: u32) -> Result<u32, String> {
        let context = |e: &dyn std::fmt::Display| format!("database {}: {e}", shown(url));
        let mut client = connect(url).map_err(|e| context(&e))?;
        schema::migrate_to(&mut client, version).map_err(|e| context(&e))
    }

    /// A statement, prepared on this connection the first time it is asked for.
    fn prepared(&mut self, sql: &'static str) -> Result<postgres::Statement, String> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self
            .client
            .prepare(sql)
            .map_err(|e| format!("prepare: {}", cause(&e)))?;
        self.prepared.insert(sql, statement.clone());
        Ok(statement)
    }

    /// Whether the connection broke (the server stopped, the line fell).
    pub(crate) fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// Marks a counsellor absent (a day off, a training): nothing can be booked over it.
    pub fn add_absence(
        &mut self,
        counsellor: &str,
        starts: NaiveDateTime,
        ends: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String> {
        let (starts, ends) = (self.site.instant(starts), self.site.instant(ends));
        network::insert_absence(&mut self.client, counsellor, (starts, ends), None)
            .map_err(|e| format!("absence: {}", cause(&e)))
    }
}

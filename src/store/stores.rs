//! A help point's stores together: its own SQLite file and, in a network, the network's
//! PostgreSQL agenda; which of them answers a screen's request.
use chrono::NaiveDateTime;

use super::postgres::{PgStore, Received};
use super::protocol::{Reply, Request, SignIn, agenda_answer};
use super::sqlite::SqliteStore;
use super::{AgendaStore, Refusal, StoreError};
use crate::calendar::Calendar;
use crate::domain::callback::{Callback, new_request_id};

/// A help point's stores: its own SQLite file (communes, lieux, the PIN lockout, and the
/// agenda when it is alone), and its network's PostgreSQL agenda when it belongs to one.
pub struct Stores {
    pub local: SqliteStore,
    network: Option<Network>,
}

/// The network's database as a kiosk reaches it: connected when it can be, and connected
/// again at the next request after the line came back.
pub struct Network {
    url: String,
    help_point: String,
    name: String,
    calendar: Calendar,
    connected: Option<PgStore>,
    /// The session of the counsellor signed in on this kiosk, taken back on a new connection.
    session: Option<String>,
}

/// The agenda the network published for a help point, as a kiosk found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// Read from the network's database now.
    Fetched(String),
    /// The network could not be reached: the copy this kiosk kept the last time.
    Kept(String),
}

impl Network {
    /// Not connected yet: the first request connects.
    pub fn new(url: &str, help_point: &str, name: &str, calendar: Calendar) -> Network {
        Network {
            url: url.to_string(),
            help_point: help_point.to_string(),
            name: name.to_string(),
            calendar,
            connected: None,
            session: None,
        }
    }

    /// Whether the last request found the server out of reach (or never reached it).
    fn down(&self) -> bool {
        self.connected.as_ref().is_none_or(PgStore::is_closed)
    }

    /// The connection, made (again) if there is none or the last one broke.
    pub(crate) fn store(&mut self) -> Result<&mut PgStore, String> {
        let store = match self.connected.take() {
            Some(store) if !store.is_closed() => store,
            lost => {
                if lost.is_some() {
                    tracing::warn!("network database connection lost");
                }
                let mut store = PgStore::open(&self.url, &self.help_point, self.calendar)?;
                store.declare_help_point(&self.name)?;
                // Not on the way of the first person to book; a failure only costs them.
                if let Err(e) = store.warm_up(self.calendar.local(chrono::Utc::now())) {
                    tracing::debug!(error = %e, "network connection not warmed up");
                }
                if let Some(token) = &self.session
                    && !store.resume(token)?
                {
                    self.session = None;
                }
                store
            }
        };
        Ok(self.connected.insert(store))
    }
}

impl Stores {
    /// A help point on its own: everything in its file.
    pub(crate) fn alone(local: SqliteStore) -> Stores {
        Stores {
            local,
            network: None,
        }
    }

    /// A help point of a network: the agenda on the network's database.
    pub fn in_network(local: SqliteStore, network: Network) -> Stores {
        Stores {
            local,
            network: Some(network),
        }
    }

    /// Where the appointments, sessions, reports and journal are kept; an error when the
    /// network's database cannot be reached.
    pub(crate) fn agenda(&mut self) -> Result<&mut dyn AgendaStore, String> {
        match &mut self.network {
            Some(network) => Ok(network.store()?),
            None => {
                self.local.still_its_files()?;
                Ok(&mut self.local)
            }
        }
    }

    pub fn answer(&mut self, request: Request, now: NaiveDateTime) -> Reply {
        answer(&mut self.local, self.network.as_mut(), request, now)
    }

    /// The callback requests the network holds, not called back yet.
    pub(crate) fn callbacks(&mut self) -> Result<Vec<Received>, String> {
        match self.network.as_mut() {
            Some(network) => network.store()?.callbacks(),
            None => Err(
                "callback requests are a network's: give its database (--db postgresql://…)"
                    .to_string(),
            ),
        }
    }

    /// The agenda the network published for this help point (kept here for a start without
    /// the network); `None` when this kiosk is alone or its network published none for it.
    pub fn published_agenda(&mut self) -> Option<Published> {
        let network = self.network.as_mut()?;
        match network.store().and_then(|s| s.published_agenda()) {
            Ok(Some(document)) => {
                if let Err(e) = self.local.keep_published_agenda(&document) {
                    tracing::warn!(error = %e, "published agenda not kept");
                }
                Some(Published::Fetched(document))
            }
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "published agenda out of reach");
                self.local
                    .kept_published_agenda()
                    .ok()
                    .flatten()
                    .map(Published::Kept)
            }
        }
    }

    /// Signs `counsellor` in on the network's database if `pin` is theirs.
    pub(crate) fn sign_in(&mut self, counsellor: &str, pin: &str) -> Result<SignIn, String> {
        let network = self
            .network
            .as_mut()
            .ok_or("a counsellor signs in on the network's database: this kiosk has none")?;
        let store = network.store()?;
        let signed = store.sign_in(counsellor, pin)?;
        network.session = match signed {
            SignIn::Counsellor(_) => store.session_token()?,
            _ => None,
        };
        Ok(signed)
    }

    /// Ends the counsellor's session (the database forgets it; so does the kiosk, even when
    /// the network is out of reach: the session then lapses on its own).
    pub(crate) fn sign_out(&mut self) -> Result<(), String> {
        let Some(network) = self.network.as_mut() else {
            return Ok(());
        };
        if network.session.is_none() {
            return Ok(());
        }
        // On a new connection the session is taken back first, then ended.
        let ended = network.store().and_then(PgStore::sign_out);
        network.session = None;
        ended
    }

    /// The help point's file and its network's database, connected; `None` when alone.
    pub(crate) fn local_and_network(
        &mut self,
    ) -> Option<Result<(&mut SqliteStore, &mut PgStore), String>> {
        let network = self.network.as_mut()?;
        Some(network.store().map(|pg| (&mut self.local, pg)))
    }

    /// Whether callback requests wait on this kiosk.
    pub(crate) fn callbacks_waiting(&self) -> bool {
        self.network.is_some() && self.local.queued_callbacks().is_ok_and(|q| !q.is_empty())
    }

    /// Sends the callback requests waiting on this kiosk; returns how many the network took.
    pub(crate) fn send_callbacks(&mut self) -> Result<usize, String> {
        match self.network.as_mut() {
            Some(network) => send_callbacks(&mut self.local, network),
            None => Ok(0),
        }
    }
}

/// The answer to a screen's request: the lieux from the help point's own file, the rest from
/// the network's agenda when there is one, else from that same file.
pub fn answer(
    local: &mut SqliteStore,
    network: Option<&mut Network>,
    request: Request,
    now: NaiveDateTime,
) -> Reply {
    let reply: Result<Reply, StoreError> = match (request, network) {
        (Request::PlaceIndex, _) => local
            .place_index()
            .map(Reply::PlaceIndex)
            .map_err(Into::into),
        (Request::Lieux(ids), _) => local.lieux(&ids).map(Reply::Lieux).map_err(Into::into),
        (Request::LieuxDate { today }, _) => local
            .lieux_date(today)
            .map(Reply::LieuxDate)
            .map_err(Into::into),
        // Only a network kiosk offers it: kept here first, so a lost line loses nothing.
        (
            Request::Callback {
                first_name,
                phone,
                about,
                asked_at,
            },
            Some(network),
        ) => {
            let c = Callback {
                request_id: new_request_id(),
                first_name,
                phone,
                about,
                asked_at,
            };
            keep_and_send_callback(local, network, c)
        }
        (Request::Callback { .. }, None) => Err(StoreError::Other(
            "a callback request needs a network".to_string(),
        )),
        (request, Some(network)) => network_answer(network, request, now),
        (request, None) => local
            .still_its_files()
            .and_then(|()| Ok(agenda_answer(local, request, now)?)),
    };
    reply.unwrap_or_else(Reply::Failed)
}

/// A callback request kept in the help point's file first, so that a lost line loses nothing,
/// then sent: whether the network took it.
fn keep_and_send_callback(
    local: &mut SqliteStore,
    network: &mut Network,
    c: Callback,
) -> Result<Reply, StoreError> {
    local
        .still_its_files()
        .and_then(|()| Ok(local.queue_callback(&c)?))
        .map(|()| {
            let sent = send_callbacks(local, network).is_ok_and(|_| {
                local
                    .queued_callbacks()
                    .is_ok_and(|q| q.iter().all(|w| w.request_id != c.request_id))
            });
            Reply::CallbackTaken { sent }
        })
}

/// The network's answer to an agenda request: asked once more on a new connection when the
/// line broke under it; `Unreachable` when the network is down.
fn network_answer(
    network: &mut Network,
    request: Request,
    now: NaiveDateTime,
) -> Result<Reply, StoreError> {
    let request = with_request_id(request);
    let was_connected = !network.down();
    let mut reply = network
        .store()
        .and_then(|store| agenda_answer(store, request.clone(), now));
    // The connection broke under the request (the server restarted in the night,
    // a failover): asked once more on a new one, before the person is told the
    // network is down. A booking or registration carries its request id, so a
    // request that did go through the first time is found, not made twice.
    if reply.is_err() && was_connected && network.down() {
        tracing::warn!(
            request = request.kind(),
            "network database connection lost: asking again on a new one"
        );
        reply = network
            .store()
            .and_then(|store| agenda_answer(store, request, now))
            .map(|reply| match reply {
                // Cancelled the first time; its answer was what got lost.
                Reply::Cancelled(Err(Refusal::AlreadyCancelled)) => Reply::Cancelled(Ok(())),
                reply => reply,
            });
    }
    match reply {
        Err(cause) if network.down() => Err(StoreError::Unreachable(cause)),
        reply => reply.map_err(StoreError::Other),
    }
}

/// A booking or registration for the network, given its own request id (kept across a
/// sending again).
fn with_request_id(request: Request) -> Request {
    match request {
        Request::Book(mut new) => {
            new.request_id.get_or_insert_with(new_request_id);
            Request::Book(new)
        }
        Request::Register(mut new) => {
            new.request_id.get_or_insert_with(new_request_id);
            Request::Register(new)
        }
        other => other,
    }
}

/// Each waiting request to the network, then forgotten here. A request the server already
/// has (sent before, its answer lost) is found there, not added: sent exactly once.
fn send_callbacks(local: &mut SqliteStore, network: &mut Network) -> Result<usize, String> {
    let waiting = local.queued_callbacks()?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let store = network.store()?;
    let mut sent = 0;
    for c in &waiting {
        store.receive_callback(c)?;
        local.forget_callback(&c.request_id)?;
        sent += 1;
    }
    Ok(sent)
}

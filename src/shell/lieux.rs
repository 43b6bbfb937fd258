//! The kiosk's own lieux update, once at start and then daily, by the database's worker: a
//! network's kiosk takes the file its network's owner checked (it needs no internet, only its
//! database); a kiosk on its own fetches the feed itself, away from the worker (a slow line
//! never holds a booking up), and the worker imports it. Whatever happens the screen goes on,
//! and old data is said in the log once a day.
use std::sync::mpsc::Sender;

use chrono::NaiveDateTime;

use super::worker::Job;
use crate::places::update::{self, FetchedFile, NotTaken, Source, Updated};
use crate::store::Stores;

/// The daily update: the network's lieux, or the feed fetched on a thread of its own (its
/// file then comes back to the worker as `Job::LieuxFetched`).
pub(crate) fn refresh(
    stores: &mut Stores,
    now: NaiveDateTime,
    source: Option<&Source>,
    again: &Sender<Job>,
) {
    let dir = std::env::temp_dir();
    match stores.local_and_network() {
        Some(Ok((local, network))) => {
            said(
                update::take_from_network(local, network, now, &dir),
                "the network",
            );
        }
        Some(Err(e)) => {
            tracing::info!(error = %e, "lieux not updated today: the network is out of reach")
        }
        None => {
            if let Some(source) = source {
                let last = stores.local.feed_state().ok().flatten();
                let (source, again) = (source.clone(), again.clone());
                std::thread::spawn(move || {
                    match update::fetch_from(&source, last.as_ref(), &dir) {
                        Ok(Some(fetched)) => {
                            let _ = again.send(Job::LieuxFetched { fetched, now });
                        }
                        Ok(None) => said(Ok(Updated::Unchanged), &source.shown()),
                        Err(e) => said(Err(e), &source.shown()),
                    }
                });
            }
        }
    }
    warn_if_old(stores, now);
}

/// A file the feed gave: checked and imported.
pub(crate) fn take(stores: &mut Stores, fetched: &FetchedFile, now: NaiveDateTime) {
    said(
        update::take_fetched(&mut stores.local, fetched, now, &mut |_| {}),
        "the feed",
    );
}

fn said(result: Result<Updated, NotTaken>, from: &str) {
    match result {
        Ok(Updated::Unchanged) => tracing::debug!(from, "lieux unchanged"),
        Ok(Updated::Taken(taken)) => tracing::info!(
            from,
            lieux = taken.lieux,
            removed = taken.removed,
            "lieux updated"
        ),
        Err(NotTaken::Refused(why)) => tracing::error!("lieux update refused: {why}"),
        Err(NotTaken::Failed(why)) => tracing::info!("lieux not updated today: {why}"),
    }
}

/// Once a day: data older than 30 days is said (a feed that stopped being published).
fn warn_if_old(stores: &Stores, now: NaiveDateTime) {
    let date = stores.local.lieux_date(now.date()).ok().flatten();
    if update::is_old(date, now.date())
        && let Some(date) = date
    {
        tracing::warn!(
            %date,
            days = (now.date() - date).num_days(),
            "the lieux data is more than 30 days old: borne lieux update, or check [lieux] update_url"
        );
    }
}

//! What the help point's file keeps of the national lieux feed: where the last update came
//! from, its HTTP validators, how many lieux it had, and the ids of its records. A place the
//! feed stops listing goes, unless another record (a file of `kiosk-config/lieux/`, another
//! record of the feed) still lists it.
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::SqliteStore;

/// The last update taken from the feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedState {
    /// Where it came from, as shown (a URL without its token, a file, the network).
    pub source: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The lieux the file had (records taken, not places: merged records count).
    pub lieux: usize,
    /// When it was taken (the kiosk's local time, `YYYY-MM-DDTHH:MM`).
    pub updated_at: String,
    /// On a network's kiosk: the network's update it took.
    pub network_update: Option<i64>,
}

impl SqliteStore {
    pub(crate) fn feed_state(&self) -> Result<Option<FeedState>, String> {
        self.conn
            .query_row(
                "SELECT source, etag, last_modified, lieux, updated_at, network_update
                 FROM lieux_feed WHERE id = 1",
                [],
                |r| {
                    Ok(FeedState {
                        source: r.get(0)?,
                        etag: r.get(1)?,
                        last_modified: r.get(2)?,
                        lieux: r.get::<_, i64>(3)? as usize,
                        updated_at: r.get(4)?,
                        network_update: r.get(5)?,
                    })
                },
            )
            .optional()
            .map_err(|e| format!("lieux feed: {e}"))
    }

    /// Records an update just imported, in one transaction: the places that only records of
    /// the last update no longer in `ids` kept are removed (returns how many), and the
    /// update's record ids and validators are kept for the next one.
    pub(crate) fn feed_taken(
        &mut self,
        state: &FeedState,
        ids: &[String],
    ) -> Result<usize, String> {
        self.place_index = None;
        let listed: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
        self.immediate(|tx| {
            let before: Vec<String> = tx
                .prepare("SELECT id FROM feed_lieu")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS stale_record (id TEXT PRIMARY KEY);
                 DELETE FROM stale_record;",
            )?;
            {
                let mut stale = tx.prepare("INSERT INTO stale_record (id) VALUES (?1)")?;
                for id in before.iter().filter(|id| !listed.contains(id.as_str())) {
                    stale.execute([id])?;
                }
            }
            // A place goes when its own record and every record merged into it are gone
            // from the feed; one another source still lists stays.
            let removed = tx.execute(
                "DELETE FROM lieu WHERE id IN (SELECT id FROM stale_record)
                   AND NOT EXISTS (SELECT 1 FROM lieu_alias a WHERE a.lieu = lieu.id
                       AND a.id NOT IN (SELECT id FROM stale_record))",
                [],
            )?;
            tx.execute(
                "DELETE FROM lieu_alias WHERE id IN (SELECT id FROM stale_record)
                    OR lieu NOT IN (SELECT id FROM lieu)",
                [],
            )?;
            tx.execute_batch("DELETE FROM stale_record; DELETE FROM feed_lieu;")?;
            {
                let mut keep = tx.prepare("INSERT OR IGNORE INTO feed_lieu (id) VALUES (?1)")?;
                for id in ids {
                    keep.execute([id])?;
                }
            }
            tx.execute(
                "INSERT INTO lieux_feed
                     (id, source, etag, last_modified, lieux, updated_at, network_update)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET source = excluded.source, etag = excluded.etag,
                     last_modified = excluded.last_modified, lieux = excluded.lieux,
                     updated_at = excluded.updated_at, network_update = excluded.network_update",
                params![
                    state.source,
                    state.etag,
                    state.last_modified,
                    state.lieux as i64,
                    state.updated_at,
                    state.network_update
                ],
            )?;
            Ok(removed)
        })
        .map_err(|e| format!("lieux feed: {e}"))
    }

    /// The date of the newest lieux data the kiosk holds (the latest `date_maj`, none after
    /// `today`): what "Données du …" says. A feed that stops being published keeps it still.
    pub(crate) fn lieux_date(&self, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
        let newest: Option<String> = self
            .conn
            .query_row(
                "SELECT max(date_maj) FROM lieu WHERE date_maj != '' AND date_maj <= ?1",
                [today.format("%Y-%m-%d").to_string()],
                |r| r.get(0),
            )
            .map_err(|e| format!("lieux: {e}"))?;
        Ok(newest.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lieu::Lieu;

    fn lieu(id: &str, nom: &str, at: (f64, f64), date: &str) -> Lieu {
        Lieu {
            id: id.into(),
            nom: nom.into(),
            commune: "Gap".into(),
            code_postal: "05000".into(),
            adresse: "1 rue A".into(),
            latitude: Some(at.0),
            longitude: Some(at.1),
            date_maj: date.into(),
            ..Lieu::default()
        }
    }

    fn state(lieux: usize) -> FeedState {
        FeedState {
            source: "test".into(),
            lieux,
            updated_at: "2026-03-02T10:15".into(),
            ..FeedState::default()
        }
    }

    fn ids(store: &SqliteStore) -> Vec<String> {
        let points = store.lieu_points().unwrap();
        let mut ids: Vec<String> = store
            .lieux(&points.iter().map(|p| p.rowid).collect::<Vec<_>>())
            .unwrap()
            .into_iter()
            .map(|l| l.id)
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_place_the_feed_stops_listing_goes_unless_another_source_lists_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("f.db")).unwrap();
        // A shipped file's place, and the feed: the same place (merged into the shipped
        // one), a place of its own, and one that will close.
        store
            .upsert_lieux(&[lieu("shipped-1", "Mairie", (44.56, 6.08), "2022-07-01")])
            .unwrap();
        let feed = [
            lieu("feed-1", "Mairie", (44.5601, 6.0801), "2026-02-01"),
            lieu("feed-2", "Médiathèque", (44.60, 6.10), "2026-02-01"),
            lieu("feed-3", "Centre social", (44.70, 6.20), "2026-02-01"),
        ];
        store.upsert_lieux(&feed).unwrap();
        let all: Vec<String> = feed.iter().map(|l| l.id.clone()).collect();
        assert_eq!(store.feed_taken(&state(3), &all).unwrap(), 0);
        assert_eq!(ids(&store), ["feed-2", "feed-3", "shipped-1"]);
        // The next day the feed lists neither the Mairie's record nor the centre social.
        store.upsert_lieux(&feed[1..2]).unwrap();
        let removed = store
            .feed_taken(&state(1), &["feed-2".to_string()])
            .unwrap();
        assert_eq!(removed, 1, "the centre social closed");
        assert_eq!(
            ids(&store),
            ["feed-2", "shipped-1"],
            "the shipped file still lists the Mairie"
        );
        assert_eq!(store.feed_state().unwrap().unwrap().lieux, 1);
    }

    #[test]
    fn the_data_date_is_the_newest_record_never_a_day_to_come() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("f.db")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(store.lieux_date(today).unwrap(), None);
        store
            .upsert_lieux(&[
                lieu("a", "A", (44.56, 6.08), "2026-11-30"),
                lieu("b", "B", (44.66, 6.18), "2026-12-02"),
                lieu("c", "C", (44.76, 6.38), "2099-01-01"),
            ])
            .unwrap();
        assert_eq!(store.lieux_date(today).unwrap(), Some(today));
    }
}

//! Communes and lieux in SQLite. A file is imported in one transaction: all its good rows,
//! or nothing if the database fails.
use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use crate::domain::communes::{Commune, CommuneIndex, CommuneIndexBuilder};
use crate::domain::lieu::Lieu;
use crate::domain::nearest::{PlaceIndex, Point};
use crate::vocabulary::lieux::Service;
use crate::vocabulary::{join_values, split_values};

fn split(text: String) -> Vec<String> {
    split_values(&text).map(String::from).collect()
}

const LIEU_COLUMNS: &str =
    "rowid, id, nom, commune, code_postal, code_insee, adresse, complement_adresse, latitude,
    longitude, telephone, courriels, site_web, horaires, presentation, services, publics,
    prise_en_charge, frais, dispositifs, modalites_acces, modalites_accompagnement, prise_rdv,
    date_maj, source, pivot, approximate";

fn lieu_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, Lieu)> {
    let services: String = r.get(15)?;
    Ok((
        r.get(0)?,
        Lieu {
            id: r.get(1)?,
            nom: r.get(2)?,
            commune: r.get(3)?,
            code_postal: r.get(4)?,
            code_insee: r.get(5)?,
            adresse: r.get(6)?,
            complement_adresse: r.get(7)?,
            latitude: r.get(8)?,
            longitude: r.get(9)?,
            telephone: r.get(10)?,
            courriels: r.get(11)?,
            site_web: r.get(12)?,
            horaires: r.get(13)?,
            presentation: r.get(14)?,
            services: split(services)
                .iter()
                .filter_map(|s| Service::from_label(s))
                .collect(),
            publics: split(r.get(16)?),
            prise_en_charge: split(r.get(17)?),
            frais: split(r.get(18)?),
            dispositifs: split(r.get(19)?),
            modalites_acces: split(r.get(20)?),
            modalites_accompagnement: split(r.get(21)?),
            prise_rdv: r.get(22)?,
            date_maj: r.get(23)?,
            source: r.get(24)?,
            pivot: r.get(25)?,
            approximate: r.get(26)?,
        },
    ))
}

/// What an import did with one record.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Placed {
    /// Merged into a place already known from another record: its id and name.
    pub merged_into: Option<(String, String)>,
    /// Put at its commune's position because its own was missing (`None`) or this far
    /// from the commune (km).
    pub moved: Option<Option<f64>>,
}

/// Writes one lieu of an import.
pub(crate) type PutLieu<'a> = dyn FnMut(&Lieu) -> Result<Placed, String> + 'a;

/// How many records an import added, updated, and merged into places already known.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Imported {
    pub added: usize,
    pub updated: usize,
    pub merged: usize,
}

/// Beyond this distance from its postal code's communes, a record's position is wrong.
pub(crate) const FAR_FROM_COMMUNE_KM: f64 = 30.0;

/// An import's batch holds the write lock at most this long; then it commits and lets a
/// booking waiting for the lock through.
const IMPORT_BATCH: std::time::Duration = std::time::Duration::from_millis(200);
/// How long an import leaves the lock free between two batches: a waiting kiosk, polling
/// every few milliseconds (`SqliteStore::open`'s busy handler), takes it then.
const IMPORT_PAUSE: std::time::Duration = std::time::Duration::from_millis(4);
/// The page cache while importing (KiB, negative as SQLite takes it), and the kiosk's own.
const IMPORT_CACHE_KIB: i64 = -16 * 1024;
use super::KIOSK_CACHE_KIB;

/// The transaction an import writes in, committed and begun again every `IMPORT_BATCH`.
struct Batch {
    since: std::time::Instant,
}

impl Batch {
    fn begin(conn: &rusqlite::Connection) -> rusqlite::Result<Batch> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(Batch {
            since: std::time::Instant::now(),
        })
    }

    /// Commits and begins again once the batch has held the lock long enough.
    fn turn(&mut self, conn: &rusqlite::Connection) -> rusqlite::Result<()> {
        if self.since.elapsed() < IMPORT_BATCH {
            return Ok(());
        }
        conn.execute_batch("COMMIT")?;
        std::thread::sleep(IMPORT_PAUSE);
        *self = Batch::begin(conn)?;
        Ok(())
    }
}

/// Around a record, where the same place may be (degrees): a bit more than
/// `SAME_STRUCTURE_KM` in latitude, and in longitude up to 55° north.
const NEAR_LAT: f64 = 0.005;
const NEAR_LON: f64 = 0.008;

fn lieu_values(l: &Lieu) -> Vec<Box<dyn rusqlite::ToSql + '_>> {
    let services: Vec<&str> = l.services.iter().map(|s| s.label()).collect();
    vec![
        Box::new(&l.id),
        Box::new(&l.nom),
        Box::new(&l.commune),
        Box::new(&l.code_postal),
        Box::new(&l.code_insee),
        Box::new(&l.adresse),
        Box::new(&l.complement_adresse),
        Box::new(l.latitude),
        Box::new(l.longitude),
        Box::new(&l.telephone),
        Box::new(&l.courriels),
        Box::new(&l.site_web),
        Box::new(&l.horaires),
        Box::new(&l.presentation),
        Box::new(join_values(&services)),
        Box::new(join_values(&l.publics)),
        Box::new(join_values(&l.prise_en_charge)),
        Box::new(join_values(&l.frais)),
        Box::new(join_values(&l.dispositifs)),
        Box::new(join_values(&l.modalites_acces)),
        Box::new(join_values(&l.modalites_accompagnement)),
        Box::new(&l.prise_rdv),
        Box::new(&l.date_maj),
        Box::new(&l.source),
        Box::new(&l.pivot),
        Box::new(l.approximate),
    ]
}

/// A record's position checked against its postal code's communes: missing or more than
/// 30 km away, it takes the commune's (the one of its name, else the first), approximate.
fn checked_position(
    tx: &rusqlite::Connection,
    lieu: &mut Lieu,
) -> rusqlite::Result<Option<Option<f64>>> {
    let mut query = tx.prepare_cached(
        "SELECT nom, latitude, longitude FROM commune
         WHERE code_postal = ?1 AND latitude IS NOT NULL AND longitude IS NOT NULL
         ORDER BY population DESC",
    )?;
    let communes: Vec<(String, f64, f64)> = query
        .query_map([&lieu.code_postal], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if communes.is_empty() {
        // No communes known (an import before them): nothing to check against.
        return Ok(None);
    }
    let off = lieu.located().map(|at| {
        communes
            .iter()
            .map(|(_, lat, lon)| crate::domain::nearest::km(at, (*lat, *lon)))
            .fold(f64::INFINITY, f64::min)
    });
    if off.is_some_and(|km| km <= FAR_FROM_COMMUNE_KM) {
        return Ok(None);
    }
    // A wrong postal code rather than a wrong position: the commune it names is near.
    if let Some(at) = lieu.located() {
        let mut named = tx.prepare_cached(
            "SELECT latitude, longitude FROM commune
             WHERE lower(nom) = lower(?1) AND latitude IS NOT NULL AND longitude IS NOT NULL",
        )?;
        let near_named = named
            .query_map([&lieu.commune], |r| {
                Ok((r.get::<_, f64>(0)?, r.get::<_, f64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .any(|c| crate::domain::nearest::km(at, c) <= FAR_FROM_COMMUNE_KM);
        if near_named {
            return Ok(None);
        }
    }
    let name = crate::domain::communes::normalise(&lieu.commune);
    let (_, lat, lon) = communes
        .iter()
        .find(|(nom, _, _)| crate::domain::communes::normalise(nom) == name)
        .unwrap_or(&communes[0]);
    lieu.latitude = Some(*lat);
    lieu.longitude = Some(*lon);
    lieu.approximate = true;
    Ok(Some(off))
}

/// The statements that add a lieu and rewrite one, with `lieu_values`' parameters in order.
fn write_statements() -> (String, String) {
    let columns: Vec<&str> = LIEU_COLUMNS
        .trim_start_matches("rowid, ")
        .split(',')
        .map(str::trim)
        .collect();
    let insert = format!(
        "INSERT INTO lieu ({}) VALUES ({})",
        columns.join(", "),
        (1..=columns.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let set: Vec<String> = columns
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    let update = format!("UPDATE lieu SET {} WHERE id = ?1", set.join(", "));
    (insert, update)
}

/// A place already known that `lieu` is another record of.
fn same_place(tx: &rusqlite::Connection, lieu: &Lieu) -> rusqlite::Result<Option<Lieu>> {
    let Some((lat, lon)) = lieu.located() else {
        return Ok(None);
    };
    // The cells of the index `lieu_cell` (migration 14) around the record: a cell is 0.01°,
    // more than NEAR_LAT and NEAR_LON, so the place is in one of the nine.
    let mut query = tx.prepare_cached(&format!(
        "SELECT {LIEU_COLUMNS} FROM lieu
         WHERE CAST(latitude * 100 AS INTEGER) IN (?6 - 1, ?6, ?6 + 1)
           AND CAST(longitude * 100 AS INTEGER) BETWEEN ?7 - 1 AND ?7 + 1
           AND latitude BETWEEN ?1 AND ?2 AND longitude BETWEEN ?3 AND ?4 AND id != ?5"
    ))?;
    let cell = |degrees: f64| (degrees * 100.0) as i64;
    let near: Vec<Lieu> = query
        .query_map(
            params![
                lat - NEAR_LAT,
                lat + NEAR_LAT,
                lon - NEAR_LON,
                lon + NEAR_LON,
                lieu.id,
                cell(lat),
                cell(lon)
            ],
            lieu_row,
        )?
        .map(|r| r.map(|(_, l)| l))
        .collect::<rusqlite::Result<_>>()?;
    Ok(near.into_iter().find(|known| known.same_place(lieu)))
}

impl SqliteStore {
    /// Adds or updates lieux by `id`; returns what the import did.
    #[cfg(test)]
    pub(crate) fn upsert_lieux(&mut self, lieux: &[Lieu]) -> Result<Imported, String> {
        self.import_lieux(&mut |put| lieux.iter().try_for_each(|l| put(l).map(|_| ())))
    }

    /// Adds the lieux `feed` gives, one at a time, in batches of at most `IMPORT_BATCH`: a
    /// kiosk booking meanwhile waits for one batch, not for the whole file (a national file
    /// is half a minute on a kiosk's machine). The caller checks the file whole first, so a
    /// file refused (not UTF-8) writes nothing; a database failing halfway keeps the batches
    /// before it, which the import, not recorded as done, writes again. A record of a place
    /// already known (by its id, an id merged before, or as the same place from another
    /// source) is merged into it; a position far from the commune is replaced by the
    /// commune's.
    pub(crate) fn import_lieux(
        &mut self,
        feed: &mut dyn FnMut(&mut PutLieu) -> Result<(), String>,
    ) -> Result<Imported, String> {
        self.place_index = None;
        let conn = &self.conn;
        // A larger page cache while importing only: the lookups of each record stay in
        // memory; the kiosk's usual 256 KiB comes back after.
        conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
            .map_err(|e| format!("lieux: {e}"))?;
        let mut imported = Imported::default();
        let (insert_sql, update_sql) = write_statements();
        let mut batch = Batch::begin(conn).map_err(|e| format!("lieux: {e}"))?;
        let mut put = |l: &Lieu| -> rusqlite::Result<Placed> {
            batch.turn(conn)?;
            let tx = conn;
            let mut lieu = l.clone();
            let mut placed = Placed {
                moved: checked_position(tx, &mut lieu)?,
                ..Placed::default()
            };
            // The place of this id, or of the id it was merged into before: one lookup.
            let known = tx
                .prepare_cached(&format!(
                    "SELECT {LIEU_COLUMNS} FROM lieu WHERE id =
                         coalesce((SELECT lieu FROM lieu_alias WHERE id = ?1), ?1)"
                ))?
                .query_row([&l.id], lieu_row)
                .optional()?
                .map(|(_, known)| known);
            let (written, insert) = match known {
                Some(known) => {
                    imported.updated += 1;
                    (known.merged(lieu), false)
                }
                None => match same_place(tx, &lieu)? {
                    Some(known) => {
                        imported.merged += 1;
                        tx.execute(
                            "INSERT OR REPLACE INTO lieu_alias (id, lieu) VALUES (?1, ?2)",
                            params![l.id, known.id],
                        )?;
                        placed.merged_into = Some((known.id.clone(), known.nom.clone()));
                        (known.merged(lieu), false)
                    }
                    None => {
                        imported.added += 1;
                        (lieu, true)
                    }
                },
            };
            let values = lieu_values(&written);
            let params: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v.as_ref()).collect();
            let sql = if insert { &insert_sql } else { &update_sql };
            tx.prepare_cached(sql)?.execute(params.as_slice())?;
            Ok(placed)
        };
        let fed = feed(&mut |l| put(l).map_err(|e| format!("lieux: {e}")));
        let ended = match fed {
            Ok(()) => conn
                .execute_batch("COMMIT")
                .map_err(|e| format!("lieux: {e}")),
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        };
        let _ = conn.pragma_update(None, "cache_size", KIOSK_CACHE_KIB);
        // Megabytes written: folded into the file now, not left in the log for the next
        // start to read again.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        ended.map(|()| imported)
    }

    /// Replaces every commune (the file is the whole of France).
    pub(crate) fn commune_count(&self) -> Result<usize, String> {
        self.conn
            .query_row("SELECT count(*) FROM commune", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| format!("communes: {e}"))
    }

    pub(crate) fn replace_communes(&mut self, communes: &[Commune]) -> Result<usize, String> {
        self.place_index = None;
        self.immediate(|tx| {
            tx.execute("DELETE FROM commune", [])?;
            let mut insert = tx.prepare(
                "INSERT INTO commune (code_insee, nom, code_postal, kind, parent, departement,
                     population, latitude, longitude)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for c in communes {
                insert.execute(params![
                    c.code_insee,
                    c.nom,
                    c.code_postal,
                    c.kind,
                    c.parent,
                    c.departement,
                    c.population,
                    c.latitude,
                    c.longitude
                ])?;
            }
            Ok(communes.len())
        })
        .map_err(|e| format!("communes: {e}"))
    }

    /// The communes' search index, built row by row: no list of 39,000 communes in memory.
    pub(crate) fn commune_index(&self) -> Result<CommuneIndex, String> {
        let (count, name_bytes, separators): (u32, u32, u32) = self
            .conn
            .query_row(
                "SELECT count(*), coalesce(sum(length(CAST(nom AS BLOB))), 0),
                        coalesce(sum(length(nom) - length(replace(replace(replace(
                            nom, '-', ''), ' ', ''), '''', ''))), 0)
                 FROM commune",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| e.to_string())?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT code_insee, nom, code_postal, kind, parent, departement, population,
                        latitude, longitude FROM commune ORDER BY id",
            )
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Commune {
                    code_insee: r.get(0)?,
                    nom: r.get(1)?,
                    code_postal: r.get(2)?,
                    kind: r.get(3)?,
                    parent: r.get(4)?,
                    departement: r.get(5)?,
                    population: r.get(6)?,
                    latitude: r.get(7)?,
                    longitude: r.get(8)?,
                })
            })
            .map_err(|e| e.to_string())?;
        let mut builder = CommuneIndexBuilder::with_capacity(
            count as usize,
            name_bytes as usize,
            separators as usize,
        );
        for row in rows {
            builder.push(row.map_err(|e| e.to_string())?);
        }
        Ok(builder.finish())
    }

    /// Every lieu as a search point.
    pub(crate) fn lieu_points(&self) -> Result<Vec<Point>, String> {
        // Counted first: a list grown by doubling would hold up to twice the points.
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM lieu", [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        let mut points = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {LIEU_COLUMNS} FROM lieu"))
            .map_err(|e| e.to_string())?;
        let rows = stmt.query_map([], lieu_row).map_err(|e| e.to_string())?;
        for row in rows {
            let (rowid, lieu) = row.map_err(|e| e.to_string())?;
            points.push(Point::of(rowid, &lieu));
        }
        Ok(points)
    }

    /// Lieux by their row ids, in the order asked.
    pub(crate) fn lieux(&self, rowids: &[i64]) -> Result<Vec<Lieu>, String> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {LIEU_COLUMNS} FROM lieu WHERE rowid = ?1"))
            .map_err(|e| e.to_string())?;
        rowids
            .iter()
            .filter_map(|id| stmt.query_row([id], lieu_row).optional().transpose())
            .map(|r| r.map(|(_, l)| l).map_err(|e| e.to_string()))
            .collect()
    }

    #[cfg(test)]
    pub(crate) fn lieu_count(&self) -> Result<usize, String> {
        self.conn
            .query_row("SELECT count(*) FROM lieu", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| e.to_string())
    }

    /// What was last imported from a file: (fingerprint, summary).
    /// The fingerprint of a data file's last import: read at every start, so not its summary
    /// (a national file's warnings are hundreds of KiB).
    pub(crate) fn last_import(&self, file: &str) -> Result<Option<String>, String> {
        self.conn
            .query_row(
                "SELECT fingerprint FROM data_import WHERE file = ?1",
                [file],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// Whether any data file was imported into this file (not its first start).
    pub(crate) fn has_imported(&self) -> Result<bool, String> {
        self.conn
            .query_row("SELECT EXISTS (SELECT 1 FROM data_import)", [], |r| {
                r.get(0)
            })
            .map_err(|e| e.to_string())
    }

    pub(crate) fn record_import(
        &self,
        file: &str,
        fingerprint: &str,
        at: &str,
        summary: &str,
    ) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT INTO data_import (file, fingerprint, imported_at, summary) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (file) DO UPDATE SET fingerprint = excluded.fingerprint,
                     imported_at = excluded.imported_at, summary = excluded.summary",
                params![file, fingerprint, at, summary],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

impl SqliteStore {
    /// The place index, built on first use and kept: 40,000 communes take a moment to read.
    pub fn place_index(&mut self) -> Result<std::sync::Arc<PlaceIndex>, String> {
        if let Some(index) = &self.place_index {
            return Ok(index.clone());
        }
        let index = std::sync::Arc::new(PlaceIndex {
            communes: self.commune_index()?,
            points: self.lieu_points()?,
        });
        self.place_index = Some(index.clone());
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap() -> Commune {
        Commune {
            code_insee: "05061".into(),
            nom: "Gap".into(),
            code_postal: "05000".into(),
            kind: "commune".into(),
            parent: None,
            departement: "05".into(),
            population: 40_000,
            latitude: Some(44.5594),
            longitude: Some(6.0786),
        }
    }

    fn lieu(id: &str, nom: &str, at: Option<(f64, f64)>, date: &str) -> Lieu {
        Lieu {
            id: id.into(),
            nom: nom.into(),
            commune: "Gap".into(),
            code_postal: "05000".into(),
            adresse: "1 rue A".into(),
            latitude: at.map(|a| a.0),
            longitude: at.map(|a| a.1),
            date_maj: date.into(),
            ..Lieu::default()
        }
    }

    #[test]
    fn a_place_from_two_sources_is_stored_once_and_a_reimport_finds_it_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("p.db")).unwrap();
        let cnfs = lieu(
            "cnfs-1",
            "France services Gap",
            Some((44.5610, 6.0790)),
            "2022-07-01",
        );
        let fs = lieu(
            "fs-1",
            "France Services GAP",
            Some((44.5611, 6.0791)),
            "2024-08-01",
        );
        let first = store.upsert_lieux(std::slice::from_ref(&cnfs)).unwrap();
        assert_eq!(
            first,
            Imported {
                added: 1,
                updated: 0,
                merged: 0
            }
        );
        let second = store.upsert_lieux(std::slice::from_ref(&fs)).unwrap();
        assert_eq!(
            second,
            Imported {
                added: 0,
                updated: 0,
                merged: 1
            }
        );
        assert_eq!(store.lieu_count().unwrap(), 1);
        // The second source again: its record is the place already merged, not a new one.
        let again = store.upsert_lieux(std::slice::from_ref(&fs)).unwrap();
        assert_eq!(
            again,
            Imported {
                added: 0,
                updated: 1,
                merged: 0
            }
        );
        assert_eq!(store.lieu_count().unwrap(), 1);
        let kept = store
            .lieux(&[store.lieu_points().unwrap()[0].rowid])
            .unwrap();
        assert_eq!(kept[0].id, "cnfs-1");
        assert_eq!(
            kept[0].nom, "France Services GAP",
            "the fresher record's name"
        );
    }

    #[test]
    fn a_position_far_from_the_commune_or_missing_takes_the_communes_approximately() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("p.db")).unwrap();
        store.replace_communes(&[gap()]).unwrap();
        let mut moved = Vec::new();
        store
            .import_lieux(&mut |put| {
                for l in [
                    lieu(
                        "a",
                        "Maison des Habitants",
                        Some((49.65, 6.08)),
                        "2022-06-21",
                    ),
                    lieu("b", "Sans position", None, "2022-06-21"),
                    lieu("c", "Bien placé", Some((44.56, 6.08)), "2022-06-21"),
                ] {
                    moved.push(put(&l)?.moved);
                }
                Ok(())
            })
            .unwrap();
        assert!(
            matches!(moved[0], Some(Some(km)) if km > 500.0),
            "{moved:?}"
        );
        assert_eq!(moved[1], Some(None));
        assert_eq!(moved[2], None);
        let points = store.lieu_points().unwrap();
        let all = store
            .lieux(&points.iter().map(|p| p.rowid).collect::<Vec<_>>())
            .unwrap();
        let a = all.iter().find(|l| l.id == "a").unwrap();
        assert_eq!(
            (a.latitude, a.longitude, a.approximate),
            (Some(44.5594), Some(6.0786), true)
        );
        assert!(!all.iter().find(|l| l.id == "c").unwrap().approximate);
    }

    /// A spread of lieux over France, none the same place as another.
    fn spread(i: usize) -> Lieu {
        let at = (
            43.0 + (i % 500) as f64 * 0.011,
            -1.0 + (i / 500) as f64 * 0.05,
        );
        lieu(
            &format!("l{i}"),
            &format!("Lieu {i}"),
            Some(at),
            "2024-01-01",
        )
    }

    #[test]
    fn a_booking_made_during_an_import_goes_through_between_two_batches() {
        use crate::store::Bookings;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        let mut store = SqliteStore::open(&db).unwrap();
        let now =
            chrono::NaiveDateTime::parse_from_str("2026-03-02T10:15", "%Y-%m-%dT%H:%M").unwrap();
        let mut booked = None;
        store
            .import_lieux(&mut |put| {
                put(&spread(0))?;
                // Another kiosk books while the import runs.
                let db = db.clone();
                let booker = std::thread::spawn(move || {
                    let mut kiosk = SqliteStore::open(&db).unwrap();
                    kiosk.book(
                        &crate::store::NewBooking {
                            counsellor: "camille".into(),
                            motif: "demarche".into(),
                            starts: now + chrono::Duration::days(1),
                            ends: now + chrono::Duration::days(1) + chrono::Duration::minutes(30),
                            person: crate::domain::person::Person {
                                first_name: "Marie".into(),
                                ..Default::default()
                            },
                            reminder: None,
                            diagnostic: None,
                            booked_by: crate::store::BookedBy::Kiosk,
                            request_id: None,
                        },
                        now,
                    )
                });
                let started = std::time::Instant::now();
                let mut i = 1;
                while !booker.is_finished()
                    && started.elapsed() < std::time::Duration::from_secs(10)
                {
                    put(&spread(i))?;
                    i += 1;
                }
                booked = Some(booker.join().unwrap());
                Ok(())
            })
            .unwrap();
        let booked = booked.unwrap();
        assert!(matches!(booked, Ok(Ok(_))), "{booked:?}");
    }

    #[test]
    fn the_same_place_is_looked_for_in_the_cells_around_a_record_not_a_whole_band() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("p.db")).unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN SELECT {LIEU_COLUMNS} FROM lieu
                 WHERE CAST(latitude * 100 AS INTEGER) IN (1, 2, 3)
                   AND CAST(longitude * 100 AS INTEGER) BETWEEN 4 AND 6
                   AND latitude BETWEEN 0.01 AND 0.02 AND longitude BETWEEN 0.04 AND 0.05
                   AND id != 'x'"
            ))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter().any(|step| step.contains("lieu_cell")),
            "{plan:?}"
        );
    }

    #[test]
    fn a_place_just_across_a_cell_border_is_still_the_same_place() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("p.db")).unwrap();
        // 44.5999 and 44.6001 are in two cells (4459, 4460), as are -0.0001 and 0.0001.
        store
            .upsert_lieux(&[lieu("a", "Mairie", Some((44.5999, -0.0001)), "2024-01-01")])
            .unwrap();
        let merged = store
            .upsert_lieux(&[lieu("b", "MAIRIE", Some((44.6001, 0.0001)), "2024-02-01")])
            .unwrap();
        assert_eq!(merged.merged, 1);
    }
}

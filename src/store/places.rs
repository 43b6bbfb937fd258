//! Communes and lieux in SQLite. A file is imported in one transaction: all its good rows,
//! or nothing if the database fails.
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::Store;
use crate::domain::communes::Commune;
use crate::domain::lieu::Lieu;
use crate::domain::nearest::Point;
use crate::vocabulary::lieux::Service;
use crate::vocabulary::{join_values, split_values};

fn split(text: String) -> Vec<String> {
    split_values(&text).map(String::from).collect()
}

const LIEU_COLUMNS: &str =
    "rowid, id, nom, commune, code_postal, code_insee, adresse, complement_adresse, latitude,
    longitude, telephone, courriels, site_web, horaires, presentation, services, publics,
    prise_en_charge, frais, dispositifs, modalites_acces, modalites_accompagnement, prise_rdv,
    date_maj, source";

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
        },
    ))
}

/// Writes one lieu of an import.
pub type PutLieu<'a> = dyn FnMut(&Lieu) -> Result<(), String> + 'a;

impl Store {
    /// Adds or updates lieux by `id`; returns (added, updated).
    pub fn upsert_lieux(&mut self, lieux: &[Lieu]) -> Result<(usize, usize), String> {
        self.import_lieux(&mut |put| lieux.iter().try_for_each(put))
    }

    /// Adds or updates the lieux `feed` gives, one at a time, in one transaction: all of
    /// them, or none if `feed` fails. Returns (added, updated).
    pub fn import_lieux(
        &mut self,
        feed: &mut dyn FnMut(&mut PutLieu) -> Result<(), String>,
    ) -> Result<(usize, usize), String> {
        self.place_index = None;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| format!("lieux: {e}"))?;
        let counts = {
            let mut exists = tx
                .prepare("SELECT 1 FROM lieu WHERE id = ?1")
                .map_err(|e| format!("lieux: {e}"))?;
            let mut upsert = tx
                .prepare(
                    "INSERT INTO lieu (id, nom, commune, code_postal, code_insee, adresse,
                     complement_adresse, latitude, longitude, telephone, courriels, site_web,
                     horaires, presentation, services, publics, prise_en_charge, frais,
                     dispositifs, modalites_acces, modalites_accompagnement, prise_rdv, date_maj,
                     source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)
                 ON CONFLICT (id) DO UPDATE SET nom = excluded.nom, commune = excluded.commune,
                     code_postal = excluded.code_postal, code_insee = excluded.code_insee,
                     adresse = excluded.adresse, complement_adresse = excluded.complement_adresse,
                     latitude = excluded.latitude, longitude = excluded.longitude,
                     telephone = excluded.telephone, courriels = excluded.courriels,
                     site_web = excluded.site_web, horaires = excluded.horaires,
                     presentation = excluded.presentation, services = excluded.services,
                     publics = excluded.publics, prise_en_charge = excluded.prise_en_charge,
                     frais = excluded.frais, dispositifs = excluded.dispositifs,
                     modalites_acces = excluded.modalites_acces,
                     modalites_accompagnement = excluded.modalites_accompagnement,
                     prise_rdv = excluded.prise_rdv, date_maj = excluded.date_maj,
                     source = excluded.source",
                )
                .map_err(|e| format!("lieux: {e}"))?;
            let (mut added, mut updated) = (0, 0);
            let mut put = |l: &Lieu| -> rusqlite::Result<()> {
                if exists.exists([&l.id])? {
                    updated += 1;
                } else {
                    added += 1;
                }
                let services: Vec<String> =
                    l.services.iter().map(|s| s.label().to_string()).collect();
                upsert.execute(params![
                    l.id,
                    l.nom,
                    l.commune,
                    l.code_postal,
                    l.code_insee,
                    l.adresse,
                    l.complement_adresse,
                    l.latitude,
                    l.longitude,
                    l.telephone,
                    l.courriels,
                    l.site_web,
                    l.horaires,
                    l.presentation,
                    join_values(&services),
                    join_values(&l.publics),
                    join_values(&l.prise_en_charge),
                    join_values(&l.frais),
                    join_values(&l.dispositifs),
                    join_values(&l.modalites_acces),
                    join_values(&l.modalites_accompagnement),
                    l.prise_rdv,
                    l.date_maj,
                    l.source,
                ])?;
                Ok(())
            };
            feed(&mut |l| put(l).map_err(|e| format!("lieux: {e}")))?;
            (added, updated)
        };
        tx.commit().map_err(|e| format!("lieux: {e}"))?;
        Ok(counts)
    }

    /// Replaces every commune (the file is the whole of France).
    pub fn commune_count(&self) -> Result<usize, String> {
        self.conn
            .query_row("SELECT count(*) FROM commune", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| format!("communes: {e}"))
    }

    pub fn replace_communes(&mut self, communes: &[Commune]) -> Result<usize, String> {
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

    pub fn communes(&self) -> Result<Vec<Commune>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT code_insee, nom, code_postal, kind, parent, departement, population,
                        latitude, longitude FROM commune ORDER BY id",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map([], |r| {
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
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())
    }

    /// Every lieu as a search point.
    pub fn lieu_points(&self) -> Result<Vec<Point>, String> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {LIEU_COLUMNS} FROM lieu"))
            .map_err(|e| e.to_string())?;
        stmt.query_map([], lieu_row)
            .and_then(|rows| {
                rows.map(|r| r.map(|(rowid, l)| Point::of(rowid, &l)))
                    .collect()
            })
            .map_err(|e| e.to_string())
    }

    /// Lieux by their row ids, in the order asked.
    pub fn lieux(&self, rowids: &[i64]) -> Result<Vec<Lieu>, String> {
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

    pub fn lieu_count(&self) -> Result<usize, String> {
        self.conn
            .query_row("SELECT count(*) FROM lieu", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| e.to_string())
    }

    /// What was last imported from a file: (fingerprint, summary).
    pub fn last_import(&self, file: &str) -> Result<Option<(String, String)>, String> {
        self.conn
            .query_row(
                "SELECT fingerprint, summary FROM data_import WHERE file = ?1",
                [file],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    pub fn record_import(
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

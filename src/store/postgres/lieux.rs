//! The lieux on a network: the owner's last update from the national feed, kept as the
//! checked file itself in parts of 1 MiB, which each kiosk copies into a file of its own and
//! imports. Parts keep a kiosk's memory small whatever the file's size.
use std::io::{Read, Write};
use std::path::Path;

use super::{PgStore, cause};
use crate::store::Validators;

/// A part of the file as stored.
const PART_BYTES: usize = 1024 * 1024;
/// Updates kept (the last one and the one before, for a kiosk copying it meanwhile).
const KEPT: i64 = 2;

/// An update the network's owner took.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LieuxUpdate {
    /// Given by the database (0 before it is stored).
    pub id: i64,
    /// Where the owner took it, as shown (never a token).
    pub source: String,
    pub validators: Validators,
    pub lieux: usize,
    /// A JSON file (else CSV).
    pub json: bool,
}

impl PgStore {
    /// The last update the owner took, if any.
    pub(crate) fn last_lieux_update(&mut self) -> Result<Option<LieuxUpdate>, String> {
        let row = self
            .client
            .query_opt(
                "SELECT id, source, etag, last_modified, lieux, json FROM public.lieux_update
                 ORDER BY id DESC LIMIT 1",
                &[],
            )
            .map_err(|e| format!("lieux: {}", cause(&e)))?;
        Ok(row.map(|row| LieuxUpdate {
            id: row.get(0),
            source: row.get(1),
            validators: Validators {
                etag: row.get(2),
                last_modified: row.get(3),
            },
            lieux: row.get::<_, i32>(4) as usize,
            json: row.get(5),
        }))
    }

    /// Stores a checked file as the network's last update, in one transaction; the updates
    /// before the one before go.
    pub(crate) fn publish_lieux(
        &mut self,
        update: &LieuxUpdate,
        file: &Path,
    ) -> Result<i64, String> {
        let context = |e: &dyn std::fmt::Display| format!("lieux: {e}");
        let mut reader = std::fs::File::open(file).map_err(|e| context(&e))?;
        let mut tx = self.client.transaction().map_err(|e| context(&cause(&e)))?;
        let id: i64 = tx
            .query_one(
                "INSERT INTO public.lieux_update (source, etag, last_modified, lieux, json)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[
                    &update.source,
                    &update.validators.etag,
                    &update.validators.last_modified,
                    &(update.lieux as i32),
                    &update.json,
                ],
            )
            .map_err(|e| context(&cause(&e)))?
            .get(0);
        let insert = tx
            .prepare(
                "INSERT INTO public.lieux_update_part (update_id, n, bytes) VALUES ($1, $2, $3)",
            )
            .map_err(|e| context(&cause(&e)))?;
        let mut part = vec![0; PART_BYTES];
        let mut n = 0i32;
        loop {
            let mut filled = 0;
            while filled < PART_BYTES {
                let read = reader.read(&mut part[filled..]).map_err(|e| context(&e))?;
                if read == 0 {
                    break;
                }
                filled += read;
            }
            if filled == 0 {
                break;
            }
            tx.execute(&insert, &[&id, &n, &&part[..filled]])
                .map_err(|e| context(&cause(&e)))?;
            n += 1;
        }
        tx.execute(
            "DELETE FROM public.lieux_update WHERE id <= $1::bigint - $2::bigint",
            &[&id, &KEPT],
        )
        .map_err(|e| context(&cause(&e)))?;
        tx.commit().map_err(|e| context(&cause(&e)))?;
        Ok(id)
    }

    /// Writes the file of update `id` to `out`, a part at a time.
    pub(crate) fn lieux_file(&mut self, id: i64, out: &mut dyn Write) -> Result<(), String> {
        let context = |e: &dyn std::fmt::Display| format!("lieux of the network: {e}");
        let parts: i64 = self
            .client
            .query_one(
                "SELECT count(*) FROM public.lieux_update_part WHERE update_id = $1",
                &[&id],
            )
            .map_err(|e| context(&cause(&e)))?
            .get(0);
        if parts == 0 {
            return Err(context(&format!("update {id} is gone (a newer one came)")));
        }
        for n in 0..parts as i32 {
            let row = self
                .client
                .query_opt(
                    "SELECT bytes FROM public.lieux_update_part WHERE update_id = $1 AND n = $2",
                    &[&id, &n],
                )
                .map_err(|e| context(&cause(&e)))?
                .ok_or_else(|| context(&format!("update {id} lacks its part {n}")))?;
            let bytes: &[u8] = row.get(0);
            out.write_all(bytes).map_err(|e| context(&e))?;
        }
        out.flush().map_err(|e| context(&e))
    }
}

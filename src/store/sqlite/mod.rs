//! The kiosk's SQLite database: created with mode 0600 (it will hold personal data), WAL so
//! several kiosk processes and the counsellor can share it, and schema migrations versioned
//! by `PRAGMA user_version`.
mod activities;
mod bookings;
mod lieux_feed;
mod migrations;
mod network_kept;
mod outbox;
mod places;
mod queue;
mod sessions;
mod waitlist;

pub use lieux_feed::FeedState;

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};

use crate::store::{Journal, StoreError};
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::profile::Profile;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};

pub struct SqliteStore {
    conn: Connection,
    /// The database file and its write-ahead log as they were when opened: a log deleted
    /// under a running kiosk (a clean-up script, a backup tool) leaves it writing where no
    /// other process reads, so the store stops writing then (`still_its_files`).
    files: Files,
    /// The schema version the file had when opened (0: made now).
    schema_found: u32,
    /// Built on first use by the lieux search; dropped when data is imported.
    place_index: Option<std::sync::Arc<crate::domain::nearest::PlaceIndex>>,
}

/// Records a staff action inside the transaction that makes the change, so a refused or
/// failed change is never audited as done.
pub(crate) fn audit_in(
    conn: &Connection,
    at: NaiveDateTime,
    actor: &str,
    action: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit (at, actor, action) VALUES (?1, ?2, ?3)",
        params![at.format("%Y-%m-%dT%H:%M:%S").to_string(), actor, action],
    )?;
    Ok(())
}

/// `--db PATH`, else the configuration's path, else `$XDG_DATA_HOME/borne/borne.db`
/// (or `~/.local/share/borne/borne.db`).
pub fn resolve_path(flag: Option<&Path>, configured: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = flag.or(configured) {
        return Ok(path.to_path_buf());
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .ok_or("no database path: set --db PATH, data.database, XDG_DATA_HOME or HOME")?;
    Ok(data_home.join("borne").join("borne.db"))
}

/// The kiosk's page cache (KiB, negative as SQLite takes it); see `SqliteStore::open`.
pub(crate) const KIOSK_CACHE_KIB: i64 = -256;

/// How long a write waits for another process's lock (another kiosk, an import, a backup)
/// before it gives up and the person is told.
const LOCK_WAIT: Duration = Duration::from_secs(5);
/// How often it looks: often, so it takes the lock in the moment an import leaves it free
/// between two batches (SQLite's own handler sleeps up to 100 ms and would miss it).
const LOCK_POLL: Duration = Duration::from_millis(2);

/// A SQLite failure by its kind: its lock held longer than `LOCK_WAIT` is `Busy`, a file
/// that is not a database, or a damaged one, `Corrupt`.
pub(crate) fn failure(e: &rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Busy(e.to_string())
        }
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt(e.to_string())
        }
        _ => StoreError::Other(e.to_string()),
    }
}

/// SQLite's busy handler: `false` gives up.
fn wait_for_the_lock(attempts: i32) -> bool {
    if LOCK_POLL * attempts.max(0) as u32 >= LOCK_WAIT {
        return false;
    }
    std::thread::sleep(LOCK_POLL);
    true
}

/// The database's path, and which files (device, inode) it and its write-ahead log were.
struct Files {
    database: PathBuf,
    opened: [Option<(u64, u64)>; 2],
    /// Why the store stopped writing, once it has.
    broken: Option<String>,
}

impl Files {
    fn paths(&self) -> [PathBuf; 2] {
        [self.database.clone(), beside(&self.database, "-wal")]
    }

    fn now(&self) -> [Option<(u64, u64)>; 2] {
        self.paths().map(|path| {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
        })
    }
}

/// A file beside the database: its write-ahead log (`-wal`) or shared memory (`-shm`).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// "database PATH: what".
fn said(path: &Path, e: &dyn std::fmt::Display) -> String {
    format!("database {}: {e}", path.display())
}

/// A file system's refusal, about the database's file.
fn refused(path: &Path, e: &dyn std::fmt::Display) -> StoreError {
    StoreError::Other(said(path, e))
}

/// SQLite's failure by its kind (`failure`), about the database's file.
fn sqlite_failed(path: &Path, e: rusqlite::Error) -> StoreError {
    failure(&e).within(|cause| said(path, &cause))
}

/// The database's file as it is found: kept to its owner when it is one, created (and made a
/// database) when there is none, refused when it is a directory or empty. Whether it was
/// created.
fn make_or_keep_file(path: &Path) -> Result<bool, StoreError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| refused(path, &e))?;
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(refused(path, &"is a directory, not a database file")),
        // An empty file is not a database we made: opening it would make one silently,
        // and a wrong path would look like a kiosk that lost all its bookings.
        Ok(meta) if meta.len() == 0 => Err(StoreError::Corrupt(said(
            path,
            &"the file is empty, not a borne database (remove it to start a new one)",
        ))),
        Ok(_) => {
            owner_only(path)?;
            Ok(false)
        }
        Err(_) => {
            create_database(path)?;
            Ok(true)
        }
    }
}

/// The database and its companions made readable by their owner only, whatever they were:
/// they hold personal data.
fn owner_only(path: &Path) -> Result<(), StoreError> {
    for file in [
        path.to_path_buf(),
        beside(path, "-wal"),
        beside(path, "-shm"),
    ] {
        if let Ok(meta) = fs::metadata(&file)
            && meta.permissions().mode() & 0o077 != 0
        {
            fs::set_permissions(&file, fs::Permissions::from_mode(0o600))
                .map_err(|e| refused(path, &e))?;
        }
    }
    Ok(())
}

/// A new database: the file created by the kiosk itself so that it is never readable by
/// others, even for an instant (SQLite gives its journal the same mode), then its schema.
fn create_database(path: &Path) -> Result<(), StoreError> {
    match OpenOptions::new()
        .create_new(true)
        .append(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => {}
        // Another kiosk process made it meanwhile.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(refused(path, &e)),
    }
    let mut conn = Connection::open(path).map_err(|e| sqlite_failed(path, e))?;
    // Written at once, so the file is a database from the first moment.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| sqlite_failed(path, e))?;
    migrations::migrate(&mut conn).map_err(|e| e.within(|cause| said(path, &cause)))?;
    Ok(())
}

/// A connection to the database as the kiosk uses it: waiting for the lock, in write-ahead
/// logging, foreign keys checked, erased data overwritten, a small page cache.
fn connect(path: &Path) -> Result<Connection, StoreError> {
    let sqlite = |e: rusqlite::Error| sqlite_failed(path, e);
    let mut conn = Connection::open(path).map_err(sqlite)?;
    conn.busy_handler(Some(wait_for_the_lock)).map_err(sqlite)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::Corrupt(said(path, &"not a SQLite database (is it the right file?)"))
            }
            e => sqlite(e),
        })?;
    if mode != "wal" {
        return Err(refused(
            path,
            &format!("cannot use write-ahead logging ({mode})"),
        ));
    }
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sqlite)?;
    // Erased data is overwritten, not left in free pages.
    conn.pragma_update(None, "secure_delete", "ON")
        .map_err(sqlite)?;
    // A help point's database is small and the kiosk's machine is cheap: 256 KiB of page
    // cache (SQLite's default is 2 MiB) keeps every query quick, the operating system
    // caching the file itself.
    conn.pragma_update(None, "cache_size", KIOSK_CACHE_KIB)
        .map_err(sqlite)?;
    Ok(conn)
}

impl SqliteStore {
    /// Opens the help point's file, checked whole: a damaged file is refused.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let mut store = SqliteStore::open_unchecked(path)?;
        store.check_integrity()?;
        Ok(store)
    }

    /// Opens the help point's file without reading it whole: the kiosk, whose welcome
    /// screen must not wait for it, calls `check_integrity` once that screen is shown.
    pub(crate) fn open_unchecked(path: &Path) -> Result<SqliteStore, StoreError> {
        if crate::database_url::is_url(&path.to_string_lossy()) {
            return Err(StoreError::Other(format!(
                "database {}: a network's PostgreSQL database; this command works on the \
                 help point's SQLite file (on PostgreSQL: borne db migrate)",
                crate::database_url::shown(&path.to_string_lossy())
            )));
        }
        let created = make_or_keep_file(path)?;
        let mut conn = connect(path)?;
        let found =
            migrations::migrate(&mut conn).map_err(|e| e.within(|cause| said(path, &cause)))?;
        let mut files = Files {
            database: path.to_path_buf(),
            opened: [None, None],
            broken: None,
        };
        files.opened = files.now();
        Ok(SqliteStore {
            files,
            conn,
            schema_found: if created { 0 } else { found },
            place_index: None,
        })
    }

    /// SQLite's quick check of the whole file (every page read once, no index compared
    /// with its table): a file damaged by a crash or by a log deleted under a kiosk is found
    /// here rather than by the person whose booking it loses. A damaged file is refused, and
    /// the store writes nothing more to it (see `still_its_files`).
    pub(crate) fn check_integrity(&mut self) -> Result<(), StoreError> {
        let path = self.files.database.display().to_string();
        let checked: String = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| failure(&e).within(|cause| format!("database {path}: {cause}")))?;
        if checked == "ok" {
            return Ok(());
        }
        let why = format!(
            "database {path}: the file is damaged (SQLite's check: {checked}); restore it \
             from a backup (or move it aside to start a new one)"
        );
        self.files.broken = Some(why.clone());
        Err(StoreError::Corrupt(why))
    }

    /// Whether the database and its write-ahead log are still the files this store opened;
    /// once they are not, it writes nothing more (an error, and a log line, for each
    /// request): its bookings would go where no other kiosk reads them.
    pub(crate) fn still_its_files(&mut self) -> Result<(), StoreError> {
        if let Some(why) = &self.files.broken {
            return Err(StoreError::Corrupt(why.clone()));
        }
        let now = self.files.now();
        let Some(changed) = (0..2).find(|&i| now[i] != self.files.opened[i]) else {
            return Ok(());
        };
        let path = self.files.paths()[changed].clone();
        let why = format!(
            "{}: the database's {} was deleted or replaced while the kiosk ran: writing \
             stopped (check the file, then restart the kiosk)",
            path.display(),
            if changed == 0 {
                "file"
            } else {
                "write-ahead log"
            }
        );
        tracing::error!(error = %why, "database files changed under the kiosk");
        self.files.broken = Some(why.clone());
        Err(StoreError::Corrupt(why))
    }

    pub(crate) fn schema_found(&self) -> u32 {
        self.schema_found
    }

    pub(crate) fn schema_version(&self) -> Result<u32, String> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| e.to_string())
    }

    /// SQLite's own check of the file: "ok" when sound.
    pub fn integrity_check(&self) -> Result<String, String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| e.to_string())
    }

    /// The staff PIN lockout as last saved: (failures, locked until).
    pub(crate) fn pin_guard(&self) -> Result<(u32, Option<NaiveDateTime>), String> {
        self.conn
            .query_row(
                "SELECT failures, locked_until FROM pin_guard WHERE id = 1",
                [],
                |r| {
                    let until: Option<String> = r.get(1)?;
                    Ok((r.get(0)?, until))
                },
            )
            .optional()
            .map_err(|e| format!("PIN lockout: {e}"))?
            .map_or(Ok((0, None)), |(failures, until)| {
                let until = until
                    .map(|t| {
                        NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S")
                            .map_err(|_| format!("PIN lockout: locked_until {t:?} is not a time"))
                    })
                    .transpose()?;
                Ok((failures, until))
            })
    }

    pub(crate) fn save_pin_guard(
        &self,
        failures: u32,
        until: Option<NaiveDateTime>,
    ) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT INTO pin_guard (id, failures, locked_until) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,
                     locked_until = excluded.locked_until",
                params![
                    failures,
                    until.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string())
                ],
            )
            .map(|_| ())
            .map_err(|e| format!("PIN lockout: {e}"))
    }

    /// Runs `work` in an IMMEDIATE transaction: it takes the write lock first, so a
    /// check-then-insert cannot race another process.
    pub fn immediate<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

impl Journal for SqliteStore {
    /// Records a staff action: who, what, when; never citizen data.
    fn audit(&mut self, at: NaiveDateTime, actor: &str, action: &str) -> Result<(), String> {
        audit_in(&self.conn, at, actor, action).map_err(|e| format!("audit: {e}"))
    }

    /// Counts a finished diagnostic; needs are stored as their Coop labels joined by `|`.
    fn count_diagnostic(
        &mut self,
        day: NaiveDate,
        profile: Profile,
        needs: &[Thematique],
    ) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT INTO diagnostic_count (day, profile, needs) VALUES (?1, ?2, ?3)",
                params![
                    day.to_string(),
                    profile.label(),
                    crate::vocabulary::join_values(needs)
                ],
            )
            .map(|_| ())
            .map_err(|e| format!("diagnostic count: {e}"))
    }

    /// The audit trail, oldest first: (at, actor, action).
    fn audit_trail(&mut self) -> Result<Vec<(String, String, String)>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, actor, action FROM audit ORDER BY id")
            .map_err(|e| e.to_string())?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| e.to_string())
    }

    fn diagnostics_between(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, Vec<Thematique>)>, String> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, needs FROM diagnostic_count WHERE day >= ?1 AND day <= ?2")
            .map_err(|e| e.to_string())?;
        let rows: Vec<(String, String)> = stmt
            .query_map(params![from.to_string(), to.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| e.to_string())?;
        rows.into_iter()
            .map(|(day, needs)| {
                let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                    .map_err(|_| format!("diagnostic_count: day {day:?} is not a day"))?;
                let needs = crate::vocabulary::split_values(&needs)
                    .map(|n| {
                        Thematique::from_label(n)
                            .ok_or_else(|| format!("diagnostic_count: need {n:?} is not known"))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok((day, needs))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;

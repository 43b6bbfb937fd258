//! Schema migrations, applied in order; `PRAGMA user_version` counts those applied.
use rusqlite::{Connection, TransactionBehavior};

/// Append only: never edit a migration that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: staff actions (who, what, when; never citizen data).
    "CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL
    );",
    // 2: one row per finished diagnostic, for statistics: the day, never the time or a person.
    "CREATE TABLE diagnostic_count (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        profile TEXT NOT NULL,
        needs TEXT NOT NULL
    );",
];

pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

pub fn migrate(conn: &mut Connection) -> Result<(), String> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())?;
    let current: u32 = tx
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| e.to_string())?;
    if current > latest() {
        return Err(format!(
            "schema version {current} is newer than this borne knows ({}); upgrade borne",
            latest()
        ));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)
            .map_err(|e| format!("migration {}: {e}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", latest())
        .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}

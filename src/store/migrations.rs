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
    // 3: bookings, workshop registrations, reminders. A booking occupies 5-minute cells of
    // its counsellor; their primary key makes overlapping bookings impossible, whatever the
    // motifs' durations and however many processes share the file.
    "CREATE TABLE booking (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        counsellor TEXT NOT NULL,
        motif TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'à venir' CHECK (status IN
            ('à venir', 'présent', 'absent', 'annulé par l''usager', 'annulé par le service')),
        first_name TEXT,
        last_initial TEXT,
        phone TEXT,
        email TEXT,
        reminder INTEGER NOT NULL DEFAULT 0,
        diagnostic TEXT,
        booked_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        cancel_reason TEXT,
        erased INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX booking_starts ON booking (starts_at);
    CREATE TABLE booking_cell (
        counsellor TEXT NOT NULL,
        cell TEXT NOT NULL,
        booking INTEGER NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
        PRIMARY KEY (counsellor, cell)
    ) WITHOUT ROWID;
    CREATE INDEX booking_cell_booking ON booking_cell (booking);
    CREATE TABLE registration (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        workshop TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'à venir' CHECK (status IN
            ('à venir', 'présent', 'absent', 'annulé par l''usager', 'annulé par le service')),
        first_name TEXT,
        last_initial TEXT,
        phone TEXT,
        email TEXT,
        reminder INTEGER NOT NULL DEFAULT 0,
        booked_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        erased INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX registration_workshop ON registration (workshop);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        booking INTEGER REFERENCES booking (id),
        registration INTEGER REFERENCES registration (id),
        due_at TEXT NOT NULL,
        recipient TEXT,
        message TEXT,
        status TEXT NOT NULL DEFAULT 'à envoyer' CHECK (status IN
            ('à envoyer', 'en cours', 'envoyé', 'échec', 'annulé')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at TEXT
    );
    CREATE INDEX outbox_due ON outbox (status, due_at);",
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

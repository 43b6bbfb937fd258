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
    // 4: communes and lieux de médiation numérique (imported open data), and what was
    // imported from which file, so unchanged shipped files are not imported again.
    "CREATE TABLE commune (
        id INTEGER PRIMARY KEY,
        code_insee TEXT NOT NULL,
        nom TEXT NOT NULL,
        code_postal TEXT NOT NULL,
        kind TEXT NOT NULL,
        parent TEXT,
        departement TEXT NOT NULL,
        population INTEGER NOT NULL,
        latitude REAL,
        longitude REAL
    );
    CREATE TABLE lieu (
        id TEXT PRIMARY KEY,
        nom TEXT NOT NULL,
        commune TEXT NOT NULL,
        code_postal TEXT NOT NULL,
        code_insee TEXT,
        adresse TEXT NOT NULL,
        complement_adresse TEXT,
        latitude REAL,
        longitude REAL,
        telephone TEXT,
        courriels TEXT,
        site_web TEXT,
        horaires TEXT,
        presentation TEXT,
        services TEXT NOT NULL,
        publics TEXT NOT NULL,
        prise_en_charge TEXT NOT NULL,
        frais TEXT NOT NULL,
        dispositifs TEXT NOT NULL,
        modalites_acces TEXT NOT NULL,
        modalites_accompagnement TEXT NOT NULL,
        prise_rdv TEXT,
        date_maj TEXT NOT NULL,
        source TEXT
    );
    CREATE TABLE data_import (
        file TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        summary TEXT NOT NULL
    );",
    // 5: activity reports (CRA) in the Coop's labels; notes are erased with personal data.
    "CREATE TABLE activite (
        id INTEGER PRIMARY KEY,
        counsellor TEXT NOT NULL,
        booking TEXT,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        duree INTEGER NOT NULL,
        lieu TEXT NOT NULL,
        autonomie TEXT,
        materiel TEXT NOT NULL,
        thematiques TEXT NOT NULL,
        thematiques_administratives TEXT NOT NULL,
        redirection TEXT,
        notes TEXT,
        genre TEXT NOT NULL,
        tranche_age TEXT NOT NULL,
        statut TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX activite_date ON activite (date);",
    // 6: workshop sessions changed, added or cancelled by staff, over the agenda's.
    "CREATE TABLE workshop_session (
        id TEXT PRIMARY KEY,
        series TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        seats INTEGER NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0,
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL
    );",
    // 7: a message is a reminder (about one start time: it goes only while the appointment
    // stands at that time) or a notice (a cancellation, a move: it goes whatever happens).
    "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'rappel'
        CHECK (kind IN ('rappel', 'avis'));
    ALTER TABLE outbox ADD COLUMN about_start TEXT;
    UPDATE outbox SET about_start = (SELECT starts_at FROM booking WHERE booking.id = outbox.booking)
        WHERE booking IS NOT NULL;
    UPDATE outbox SET about_start = (SELECT starts_at FROM registration
                                     WHERE registration.id = outbox.registration)
        WHERE registration IS NOT NULL;
    UPDATE outbox SET kind = 'avis'
        WHERE booking IN (SELECT id FROM booking WHERE status = 'annulé par le service')
           OR registration IN (SELECT id FROM registration WHERE status = 'annulé par le service');",
    // 8: at most one activity report per booking or registration (an earlier version saved a
    // new one at each reopening: the latest is the one the counsellor last wrote).
    "DELETE FROM activite WHERE booking IS NOT NULL AND id NOT IN
        (SELECT max(id) FROM activite WHERE booking IS NOT NULL GROUP BY booking);
    CREATE UNIQUE INDEX activite_booking ON activite (booking) WHERE booking IS NOT NULL;",
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

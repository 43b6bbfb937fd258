//! Schema migrations, applied in order; `PRAGMA user_version` counts those applied.
use rusqlite::{Connection, TransactionBehavior};

use super::failure;
use crate::store::StoreError;

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
    // 9: phone numbers in E.164 (+33612345678), what the gateway receives; a national number
    // takes its département's code (0692… is +262 692…), and the +269 an earlier version
    // took for Mayotte becomes +262.
    "CREATE TEMP TABLE overseas (prefix TEXT PRIMARY KEY, code TEXT NOT NULL);
    INSERT INTO overseas VALUES ('262', '+262'), ('263', '+262'), ('692', '+262'),
        ('693', '+262'), ('269', '+262'), ('639', '+262'), ('590', '+590'), ('690', '+590'),
        ('691', '+590'), ('594', '+594'), ('694', '+594'), ('596', '+596'), ('696', '+596'),
        ('697', '+596');
    UPDATE booking SET phone = coalesce(
            (SELECT code FROM overseas WHERE prefix = substr(phone, 2, 3)), '+33')
            || substr(phone, 2)
        WHERE phone GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
    UPDATE registration SET phone = coalesce(
            (SELECT code FROM overseas WHERE prefix = substr(phone, 2, 3)), '+33')
            || substr(phone, 2)
        WHERE phone GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
    UPDATE outbox SET recipient = coalesce(
            (SELECT code FROM overseas WHERE prefix = substr(recipient, 2, 3)), '+33')
            || substr(recipient, 2)
        WHERE recipient GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
    UPDATE booking SET phone = '+262' || substr(phone, 5)
        WHERE phone GLOB '+269[0-9]*' AND length(phone) = 13;
    UPDATE registration SET phone = '+262' || substr(phone, 5)
        WHERE phone GLOB '+269[0-9]*' AND length(phone) = 13;
    UPDATE outbox SET recipient = '+262' || substr(recipient, 5)
        WHERE recipient GLOB '+269[0-9]*' AND length(recipient) = 13;
    DROP TABLE overseas;",
    // 10: the staff PIN lockout, kept across restarts (a restart must not give five more
    // tries).
    "CREATE TABLE pin_guard (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL,
        locked_until TEXT
    );",
    // 11: one place from several sources: the structure's SIRET (pivot) to recognise it, the
    // ids of the records merged into it, positions that are the commune's, and an index to
    // find what is near a place being imported.
    "ALTER TABLE lieu ADD COLUMN pivot TEXT;
    ALTER TABLE lieu ADD COLUMN approximate INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE lieu_alias (
        id TEXT PRIMARY KEY,
        lieu TEXT NOT NULL
    );
    CREATE INDEX lieu_latitude ON lieu (latitude);
    CREATE INDEX commune_code_postal ON commune (code_postal);
    CREATE INDEX commune_nom ON commune (lower(nom));",
    // Callback requests made while the network's database could not be reached, waiting to
    // be sent (a network kiosk only); a row is deleted once the server has it.
    "CREATE TABLE callback_queue (
        request_id TEXT PRIMARY KEY,
        first_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        about TEXT NOT NULL,
        asked_at TEXT NOT NULL
    );",
    // 13: the last agenda the network published for this help point, so a kiosk started
    // while its network is out of reach shows the same agenda (a network kiosk only).
    "CREATE TABLE published_agenda (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        document TEXT NOT NULL
    );",
    // 14: the places near a position by a grid of cells of 0.01° (about 1 km): an import
    // looking for a place already known reads the nine cells around a record, not the whole
    // latitude band, whose rows grow with the lieux known (a national import was quadratic).
    "CREATE INDEX lieu_cell ON lieu
        (CAST(latitude * 100 AS INTEGER), CAST(longitude * 100 AS INTEGER));
    DROP INDEX lieu_latitude;",
    // 15: the daily erasing of personal data past retention reads only what it still has to
    // erase, not every booking, report and message of the years kept.
    "CREATE INDEX booking_to_erase ON booking (ends_at) WHERE erased = 0;
    CREATE INDEX registration_to_erase ON registration (ends_at) WHERE erased = 0;
    CREATE INDEX activite_with_notes ON activite (date) WHERE notes IS NOT NULL;
    CREATE INDEX outbox_to_erase ON outbox (id)
        WHERE recipient IS NOT NULL OR message IS NOT NULL OR last_error IS NOT NULL;",
    // 16: the national lieux feed (`borne lieux update`, the kiosk's daily update): where it was
    // last taken from and its validators (an unchanged file is not fetched again), how many
    // lieux it had (a far smaller file is refused), the network's update it came from (a
    // network kiosk), and the ids of its records (a place the feed stops listing goes).
    "CREATE TABLE lieux_feed (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        source TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        lieux INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        network_update INTEGER
    );
    CREATE TABLE feed_lieu (id TEXT PRIMARY KEY) WITHOUT ROWID;",
    // 17: the help point's queue ("Je suis là"): one row a ticket, numbered per day; an
    // appointment checked in has its code (once). Names are erased at the day's end.
    "CREATE TABLE queue_entry (
        day TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
        booking TEXT UNIQUE,
        booking_starts TEXT,
        counsellor TEXT,
        motif TEXT NOT NULL,
        first_name TEXT,
        locale TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'en attente' CHECK (state IN ('en attente', 'appelé',
            'pris en charge', 'absent', 'réorienté', 'parti', 'non reçu')),
        called_at TEXT,
        called_by TEXT,
        desk TEXT,
        calls INTEGER NOT NULL DEFAULT 0,
        closed_at TEXT,
        PRIMARY KEY (day, number)
    ) WITHOUT ROWID;",
    // 18: the language a person booked in (a locale tag; none for what came before), so
    // the counsellor knows to expect someone who reads Ukrainian; and a full workshop's
    // waiting list: a first name and a phone, told (the message written in their language
    // when they joined) when a seat frees. `told_at` is when that message was queued.
    "ALTER TABLE booking ADD COLUMN locale TEXT;
    ALTER TABLE registration ADD COLUMN locale TEXT;
    CREATE TABLE waitlist (
        id INTEGER PRIMARY KEY,
        workshop TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        first_name TEXT,
        phone TEXT,
        locale TEXT NOT NULL,
        seat_free_message TEXT,
        created_at TEXT NOT NULL,
        told_at TEXT,
        erased INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX waitlist_workshop ON waitlist (workshop, id);
    ALTER TABLE outbox ADD COLUMN waitlist INTEGER REFERENCES waitlist (id);
    -- The Coop's label, capitalised as its others: reports written before keep theirs.
    UPDATE activite SET tranche_age = 'Non communiqué' WHERE tranche_age = 'non communiqué';",
];

pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

/// Brings the schema to this borne's version; returns the version found.
pub(crate) fn migrate(conn: &mut Connection) -> Result<u32, StoreError> {
    // Up to date, as at almost every start: nothing to write, so no write lock and no sync.
    let current: u32 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| failure(&e))?;
    if current == latest() {
        return Ok(current);
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| failure(&e))?;
    let current: u32 = tx
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| failure(&e))?;
    if current > latest() {
        return Err(StoreError::Other(format!(
            "schema version {current} is newer than this borne knows ({}); upgrade borne",
            latest()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)
            .map_err(|e| failure(&e).within(|cause| format!("migration {}: {cause}", i + 1)))?;
    }
    tx.pragma_update(None, "user_version", latest())
        .map_err(|e| failure(&e))?;
    tx.commit().map_err(|e| failure(&e))?;
    if current == 0 {
        tracing::debug!(version = latest(), "database created");
    } else if current < latest() {
        tracing::info!(from = current, to = latest(), "database schema upgraded");
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Data as a kiosk of that schema version wrote it (each seed needs the tables of its
    /// version and those before).
    const SEEDS: &[(u32, &str)] = &[
        (1, "INSERT INTO audit (at, actor, action) VALUES ('2026-03-01T09:00:00', 'admin', 'staff sign-in');"),
        (2, "INSERT INTO diagnostic_count (day, profile, needs) VALUES ('2026-03-01', 'autonome', 'E-mail');"),
        (3, "INSERT INTO booking (code, counsellor, motif, starts_at, ends_at, first_name, phone,
                 reminder, booked_by, created_at)
             VALUES ('ABC234', 'camille', 'demarche', '2026-03-05T09:00', '2026-03-05T09:45',
                 'Marie', '0612345678', 1, 'kiosk', '2026-03-01T09:00'),
                    ('DEF567', 'karim', 'appel', '2026-03-05T10:00', '2026-03-05T10:20',
                 'Ali', '0692123456', 0, 'kiosk', '2026-03-01T09:00'),
                    ('GHJ789', 'karim', 'appel', '2026-03-06T10:00', '2026-03-06T10:20',
                 'Lina', '+269639123456', 0, 'kiosk', '2026-03-01T09:00');
             INSERT INTO booking_cell (counsellor, cell, booking) VALUES ('camille', '2026-03-05T09:00', 1);
             INSERT INTO registration (code, workshop, starts_at, ends_at, first_name, phone,
                 booked_by, created_at)
             VALUES ('KMN234', 'email@2026-03-04', '2026-03-04T14:00', '2026-03-04T16:00', 'Paul',
                 '0712345678', 'kiosk', '2026-03-01T09:00');
             INSERT INTO outbox (booking, due_at, recipient, message)
             VALUES (1, '2026-03-03T09:00', '0612345678', 'Rappel');"),
        (4, "INSERT INTO commune (code_insee, nom, code_postal, kind, departement, population,
                 latitude, longitude)
             VALUES ('05061', 'Gap', '05000', 'commune', '05', 40000, 44.56, 6.08);"),
        (5, "INSERT INTO activite (counsellor, booking, type, date, duree, lieu, materiel,
                 thematiques, thematiques_administratives, genre, tranche_age, statut, created_at)
             VALUES ('camille', 'ABC234', 'Accompagnement individuel', '2026-03-05', 45,
                 'Lieu d''activité', '', 'E-mail', '', 'Non communiqué', 'Non communiqué',
                 'Non communiqué', '2026-03-05T10:00'),
                    ('camille', 'ABC234', 'Accompagnement individuel', '2026-03-05', 60,
                 'Lieu d''activité', '', 'E-mail', '', 'Non communiqué', 'non communiqué',
                 'Non communiqué', '2026-03-05T11:00');"),
        (6, "INSERT INTO workshop_session (id, series, starts_at, ends_at, seats, cancelled,
                 changed_by, changed_at)
             VALUES ('email@2026-03-04', 'email', '2026-03-04T15:00', '2026-03-04T17:00', 10, 0,
                 'camille', '2026-03-02T10:00');"),
        (18, "INSERT INTO waitlist (workshop, starts_at, first_name, phone, locale, created_at)
             VALUES ('email@2026-03-04', '2026-03-04T14:00', 'Olena', '+380501234567', 'uk',
                 '2026-03-01T09:00');"),
        (17, "INSERT INTO queue_entry (day, number, motif, first_name, locale, arrived_at)
             VALUES ('2026-03-05', 1, 'demarche', 'Ali', 'fr', '2026-03-05T09:02:00');"),
    ];

    fn at_version(version: u32) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for (i, sql) in MIGRATIONS.iter().take(version as usize).enumerate() {
            conn.execute_batch(sql).unwrap();
            for (seed_version, seed) in SEEDS {
                if *seed_version == i as u32 + 1 {
                    conn.execute_batch(seed).unwrap();
                }
            }
        }
        conn.pragma_update(None, "user_version", version).unwrap();
        conn
    }

    fn one<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> T {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn every_earlier_schema_with_data_upgrades_to_the_latest() {
        for version in 0..latest() {
            let mut conn = at_version(version);
            migrate(&mut conn).unwrap_or_else(|e| panic!("from version {version}: {e}"));
            let v: u32 = one(&conn, "PRAGMA user_version");
            assert_eq!(v, latest());
            if version >= 3 {
                // Bookings kept, phones in E.164 with their own code.
                let phones: Vec<String> = conn
                    .prepare("SELECT phone FROM booking ORDER BY id")
                    .unwrap()
                    .query_map([], |r| r.get(0))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert_eq!(
                    phones,
                    ["+33612345678", "+262692123456", "+262639123456"],
                    "from version {version}"
                );
                let reg: String = one(&conn, "SELECT phone FROM registration");
                assert_eq!(reg, "+33712345678");
                let recipient: String = one(&conn, "SELECT recipient FROM outbox");
                assert_eq!(recipient, "+33612345678");
                let (kind, about): (String, String) = conn
                    .query_row("SELECT kind, about_start FROM outbox", [], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .unwrap();
                assert_eq!(
                    (kind.as_str(), about.as_str()),
                    ("rappel", "2026-03-05T09:00")
                );
            }
            if version >= 5 {
                // Two reports for one booking: the latest stays.
                let (n, minutes): (u32, u32) = conn
                    .query_row("SELECT count(*), max(duree) FROM activite", [], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .unwrap();
                assert_eq!((n, minutes), (1, 60), "from version {version}");
                let age: String = one(&conn, "SELECT tranche_age FROM activite");
                assert_eq!(
                    age, "Non communiqué",
                    "the Coop's label, from version {version}"
                );
            }
            if version >= 6 {
                let seats: u32 = one(&conn, "SELECT seats FROM workshop_session");
                assert_eq!(seats, 10);
            }
            if version >= 3 {
                // A booking made before languages were kept has none.
                let locale: Option<String> = one(&conn, "SELECT locale FROM booking LIMIT 1");
                assert_eq!(locale, None);
            }
            if version >= 18 {
                let waiting: String = one(&conn, "SELECT first_name FROM waitlist");
                assert_eq!(waiting, "Olena");
            }
            if version >= 17 {
                let ticket: String = one(&conn, "SELECT state FROM queue_entry");
                assert_eq!(ticket, "en attente");
            }
            if version >= 1 {
                let audit: u32 = one(&conn, "SELECT count(*) FROM audit");
                assert_eq!(audit, 1, "from version {version}");
            }
        }
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = at_version(latest());
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(err.cause().contains("newer than this borne knows"), "{err}");
    }
}

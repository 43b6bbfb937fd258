//! Who a connection is in the network: a kiosk's role and its help point, the counsellor
//! signed in on it, and the agendas the network's owner publishes for its kiosks.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use postgres::error::SqlState;

use super::{PgStore, cause};
use crate::domain::pin::PublishedPin;
use crate::store::{Refusal, SignIn};

/// A counsellor's absence as an agenda says it: whole days, the last one included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Away {
    pub counsellor: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Why the network refused an agenda: nothing of it was published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpublished {
    /// An absence over an appointment already booked with the counsellor.
    Absence(Away),
    /// The counsellor's id is another person's, published by another help point: its id,
    /// its name, and the counsellor's name there.
    Counsellor {
        counsellor: String,
        help_point: String,
        help_point_name: String,
        name: String,
    },
}

/// Declares a help point of the network under its name (the name changes with it).
fn name_help_point(
    client: &mut impl postgres::GenericClient,
    id: &str,
    name: &str,
) -> Result<u64, postgres::Error> {
    client.execute(
        "INSERT INTO help_point (id, name) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name",
        &[&id, &name],
    )
}

/// Marks a counsellor away over `during`, published with `help_point`'s agenda (or by hand);
/// `SlotTaken` when it meets an appointment or a session they lead.
pub(super) fn insert_absence(
    client: &mut impl postgres::GenericClient,
    counsellor: &str,
    (starts, ends): (DateTime<Utc>, DateTime<Utc>),
    help_point: Option<&str>,
) -> Result<Result<(), Refusal>, postgres::Error> {
    match client.execute(
        "INSERT INTO absence (counsellor, starts_at, ends_at, help_point)
         VALUES ($1, $2, $3, $4)",
        &[&counsellor, &starts, &ends, &help_point],
    ) {
        Ok(_) => Ok(Ok(())),
        Err(e) if e.code() == Some(&SqlState::EXCLUSION_VIOLATION) => Ok(Err(Refusal::SlotTaken)),
        Err(e) => Err(e),
    }
}

/// Another help point's claim on a counsellor's id, when it publishes them with another
/// name or PIN than `pin` (a new PIN is the same person's when their id is in `new_pins`).
fn held_elsewhere(
    tx: &mut postgres::Transaction,
    here: &str,
    pin: &PublishedPin,
    new_pins: &[String],
) -> Result<Option<Unpublished>, postgres::Error> {
    let Some(row) = tx.query_opt(
        "SELECT p.name, p.salted, p.kept, l.help_point, h.name
         FROM counsellor_pin p
         JOIN counsellor_listed l ON l.counsellor = p.counsellor AND l.help_point <> $2
         JOIN help_point h ON h.id = l.help_point
         WHERE p.counsellor = $1
         ORDER BY l.help_point LIMIT 1 FOR UPDATE OF p",
        &[&pin.counsellor, &here],
    )?
    else {
        return Ok(None);
    };
    let name: Option<String> = row.get(0);
    let same_pin = row.get::<_, &str>(1) == pin.salted && row.get::<_, &[u8]>(2) == pin.kept;
    let renewed = new_pins.contains(&pin.counsellor);
    if name.as_deref() == Some(pin.name.as_str()) && (same_pin || renewed) {
        return Ok(None);
    }
    Ok(Some(Unpublished::Counsellor {
        counsellor: pin.counsellor.clone(),
        help_point: row.get(3),
        help_point_name: row.get(4),
        name: name.unwrap_or_default(),
    }))
}

/// The database's words, and who may do it when the role may not: the network's owner.
fn owners(e: &postgres::Error) -> String {
    if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) {
        format!(
            "{} (the network's owner does this: give its role in the URL)",
            cause(e)
        )
    } else {
        cause(e)
    }
}

/// What a role may create in this database, if anything: a kiosk's role must create
/// nothing (a temporary table would shadow the schema's; see schema.rs, migration 6).
const CREATES: &str = "SELECT CASE
    WHEN has_database_privilege($1, current_database(), 'TEMPORARY') THEN 'temporary tables'
    WHEN has_database_privilege($1, current_database(), 'CREATE') THEN 'schemas'
    ELSE (SELECT 'objects in schema ' || string_agg(nspname, ', ') FROM pg_namespace
        WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
            AND has_schema_privilege($1, oid, 'CREATE')) END";

impl PgStore {
    /// Declares this kiosk's help point (its name as configured). A kiosk's own role may not
    /// change the network's help points: it then checks that the owner declared it.
    pub fn declare_help_point(&mut self, name: &str) -> Result<(), String> {
        let id = self.site.help_point.clone();
        let context = |e: &postgres::Error| format!("help point {id}: {}", cause(e));
        let row = self
            .client
            .query_one(
                "SELECT borne_help_point(), (SELECT name FROM help_point WHERE id = $1)",
                &[&id],
            )
            .map_err(|e| context(&e))?;
        let (kiosk_of, known): (Option<String>, Option<String>) = (row.get(0), row.get(1));
        match kiosk_of {
            Some(of) if of != id => {
                return Err(format!(
                    "help point {id}: this kiosk's database role belongs to help point {of}; \
                     set [help_point] id = \"{of}\" in kiosk.toml, or use that kiosk's role"
                ));
            }
            // A kiosk's role: the owner declared its help point and names it.
            Some(_) => return Ok(()),
            None if known.as_deref() == Some(name) => return Ok(()),
            None => {}
        }
        match name_help_point(&mut self.client, &id, name) {
            Ok(_) => Ok(()),
            // A role that may not name it: the name the owner gave stands.
            Err(e) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) && known.is_some() => {
                Ok(())
            }
            Err(e) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => Err(format!(
                "help point {id} is not in the network's database: its owner publishes it \
                 (borne agenda publish)"
            )),
            Err(e) => Err(context(&e)),
        }
    }

    /// Lets a role log in as a kiosk of a help point (`borne db add-kiosk`): the role is
    /// made if it does not exist (its password is the owner's to set), and given what a kiosk
    /// may do and nothing else.
    pub fn add_kiosk(&mut self, role: &str, name: &str) -> Result<bool, String> {
        let context = |e: &postgres::Error| format!("kiosk role {role}: {}", owners(e));
        let mut tx = self.client.transaction().map_err(|e| context(&e))?;
        let exists: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)",
                &[&role],
            )
            .map_err(|e| context(&e))?
            .get(0);
        // Identifiers cannot be parameters: quote_ident makes the name safe to splice.
        let quoted: String = tx
            .query_one("SELECT quote_ident($1)", &[&role])
            .map_err(|e| context(&e))?
            .get(0);
        if !exists {
            tx.batch_execute(&format!("CREATE ROLE {quoted} LOGIN"))
                .map_err(|e| context(&e))?;
        }
        tx.batch_execute(&format!("GRANT borne_kiosk TO {quoted}"))
            .map_err(|e| context(&e))?;
        let database: String = tx
            .query_one("SELECT quote_ident(current_database())", &[])
            .map_err(|e| context(&e))?
            .get(0);
        tx.batch_execute(&format!(
            "REVOKE CREATE, TEMPORARY ON DATABASE {database} FROM {quoted}"
        ))
        .map_err(|e| context(&e))?;
        let creates: Option<String> = tx
            .query_one(CREATES, &[&role])
            .map_err(|e| context(&e))?
            .get(0);
        if let Some(what) = creates {
            return Err(format!(
                "kiosk role {role}: it may create {what} in this database (through PUBLIC or \
                 another role): a kiosk's role creates nothing; the database's owner revokes \
                 it (REVOKE TEMPORARY ON DATABASE … FROM PUBLIC, REVOKE CREATE ON SCHEMA … \
                 FROM PUBLIC), then runs this again"
            ));
        }
        name_help_point(&mut tx, &self.site.help_point, name).map_err(|e| context(&e))?;
        tx.execute(
            "INSERT INTO kiosk (role, help_point) VALUES ($1, $2)
             ON CONFLICT (role) DO UPDATE SET help_point = excluded.help_point",
            &[&role, &self.site.help_point],
        )
        .map_err(|e| context(&e))?;
        tx.commit().map_err(|e| context(&e))?;
        Ok(!exists)
    }

    /// Publishes this help point's agenda (its text, the PIN hashes taken out), its
    /// counsellors' PINs and their absences, in one transaction: a kiosk never reads half of
    /// it. A counsellor's id is one person in the whole network: an id another help point
    /// publishes with another name or PIN is refused (a new PIN of the same person is taken
    /// when their id is in `new_pins`). An absence over an appointment already booked is
    /// refused. A refusal publishes nothing, and says why.
    pub fn publish_agenda(
        &mut self,
        name: &str,
        document: &str,
        pins: &[PublishedPin],
        absences: &[Away],
        new_pins: &[String],
    ) -> Result<Result<(), Unpublished>, String> {
        let context = |e: &postgres::Error| format!("publish: {}", owners(e));
        let here = self.site.help_point.clone();
        let mut tx = self.client.transaction().map_err(|e| context(&e))?;
        name_help_point(&mut tx, &here, name).map_err(|e| context(&e))?;
        tx.execute(
            "INSERT INTO agenda (help_point, document) VALUES ($1, $2)
             ON CONFLICT (help_point) DO UPDATE SET document = excluded.document,
                 published_at = now(), published_by = session_user",
            &[&here, &document],
        )
        .map_err(|e| context(&e))?;
        for pin in pins {
            if let Some(elsewhere) =
                held_elsewhere(&mut tx, &here, pin, new_pins).map_err(|e| context(&e))?
            {
                return Ok(Err(elsewhere));
            }
            tx.execute(
                "INSERT INTO counsellor_pin (counsellor, name, salted, kept)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (counsellor) DO UPDATE SET name = excluded.name,
                     salted = excluded.salted, kept = excluded.kept",
                &[&pin.counsellor, &pin.name, &pin.salted, &pin.kept],
            )
            .map_err(|e| context(&e))?;
        }
        // Which counsellors this agenda lists now; one no agenda lists any more signs in
        // nowhere (a PIN published before the network knew who listed it stays until then).
        let listed: Vec<&str> = pins.iter().map(|p| p.counsellor.as_str()).collect();
        tx.execute(
            "DELETE FROM counsellor_listed WHERE help_point = $1",
            &[&here],
        )
        .map_err(|e| context(&e))?;
        tx.execute(
            "INSERT INTO counsellor_listed (help_point, counsellor)
             SELECT $1, unnest($2::text[])",
            &[&here, &listed],
        )
        .map_err(|e| context(&e))?;
        tx.execute(
            "DELETE FROM counsellor_pin p WHERE p.name IS NOT NULL
                 AND NOT EXISTS (SELECT FROM counsellor_listed l
                     WHERE l.counsellor = p.counsellor)",
            &[],
        )
        .map_err(|e| context(&e))?;
        tx.execute(
            "DELETE FROM counsellor_session s WHERE NOT EXISTS
                 (SELECT FROM counsellor_pin p WHERE p.counsellor = s.counsellor)",
            &[],
        )
        .map_err(|e| context(&e))?;
        tx.execute("DELETE FROM absence WHERE help_point = $1", &[&here])
            .map_err(|e| context(&e))?;
        for away in absences {
            // Whole days in the help point's zone, the last one included.
            let starts = self.site.instant(away.from.and_time(NaiveTime::MIN));
            let ends = self
                .site
                .instant((away.to + Duration::days(1)).and_time(NaiveTime::MIN));
            if insert_absence(&mut tx, &away.counsellor, (starts, ends), Some(&here))
                .map_err(|e| context(&e))?
                .is_err()
            {
                return Ok(Err(Unpublished::Absence(away.clone())));
            }
        }
        tx.commit().map(Ok).map_err(|e| context(&e))
    }

    /// The agenda published for this help point, if any.
    pub(crate) fn published_agenda(&mut self) -> Result<Option<String>, String> {
        self.client
            .query_opt(
                "SELECT document FROM agenda WHERE help_point = $1",
                &[&self.site.help_point],
            )
            .map(|row| row.map(|r| r.get(0)))
            .map_err(|e| format!("published agenda: {}", cause(&e)))
    }

    /// Signs `counsellor` in on this connection if `pin` is theirs. The kiosk proves the PIN
    /// with the salt the network published last for them (argon2, slow on purpose: this runs
    /// on the database's thread, never the screen's); the database counts the try, then
    /// tells, in a transaction of its own, whether it opened a session.
    pub fn sign_in(&mut self, counsellor: &str, pin: &str) -> Result<SignIn, String> {
        let context = |e: &postgres::Error| format!("sign in: {}", cause(e));
        let salted: Option<String> = self
            .client
            .query_opt(
                "SELECT salted FROM counsellor_pin WHERE counsellor = $1",
                &[&counsellor],
            )
            .map_err(|e| context(&e))?
            .map(|row| row.get(0));
        // An unknown counsellor's try counts all the same.
        let proof = salted
            .and_then(|salted| crate::domain::pin::proof(pin, &salted))
            .unwrap_or_default();
        match self
            .client
            .execute("SELECT borne_sign_in($1, $2)", &[&counsellor, &proof])
        {
            Ok(_) => {}
            Err(e) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
                return Ok(SignIn::Locked(cause(&e)));
            }
            Err(e) => return Err(context(&e)),
        }
        let row = self
            .client
            .query_one("SELECT borne_signed_in()", &[])
            .map_err(|e| context(&e))?;
        Ok(match row.get::<_, Option<String>>(0) {
            Some(counsellor) => SignIn::Counsellor(counsellor),
            None => SignIn::Wrong,
        })
    }

    /// The token of the counsellor's session on this connection, to resume it on another.
    pub fn session_token(&mut self) -> Result<Option<String>, String> {
        self.client
            .query_one("SELECT current_setting('borne.session', true)", &[])
            .map(|row| row.get::<_, Option<String>>(0).filter(|t| !t.is_empty()))
            .map_err(|e| format!("session: {}", cause(&e)))
    }

    /// Takes a counsellor's session back on this (new) connection; whether it still holds.
    pub fn resume(&mut self, token: &str) -> Result<bool, String> {
        self.client
            .query_one("SELECT borne_resume($1)", &[&token])
            .map(|row| row.get::<_, Option<String>>(0).is_some())
            .map_err(|e| format!("session: {}", cause(&e)))
    }

    pub fn sign_out(&mut self) -> Result<(), String> {
        self.client
            .execute("SELECT borne_sign_out()", &[])
            .map(|_| ())
            .map_err(|e| format!("sign out: {}", cause(&e)))
    }
}

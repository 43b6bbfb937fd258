//! Who a connection is in the network: a kiosk's role and its help point, the counsellor
//! signed in on it, and the agendas the network's owner publishes for its kiosks.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use postgres::error::SqlState;

use super::{PgStore, cause};
use crate::domain::pin::PublishedPin;
use crate::store::Refusal;

/// A counsellor's absence as an agenda says it: whole days, the last one included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Away {
    pub counsellor: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What a sign-in attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    /// The counsellor (their id) whose PIN it was: signed in on this connection.
    Counsellor(String),
    Wrong,
    /// Too many wrong PINs on this kiosk; the database's words.
    Locked(String),
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
    /// it. An absence over an appointment already booked is refused (that absence comes
    /// back), and nothing is published.
    pub fn publish_agenda(
        &mut self,
        name: &str,
        document: &str,
        pins: &[PublishedPin],
        absences: &[Away],
    ) -> Result<Result<(), Away>, String> {
        let context = |e: &postgres::Error| format!("publish: {}", owners(e));
        let mut tx = self.client.transaction().map_err(|e| context(&e))?;
        name_help_point(&mut tx, &self.site.help_point, name).map_err(|e| context(&e))?;
        tx.execute(
            "INSERT INTO agenda (help_point, document) VALUES ($1, $2)
             ON CONFLICT (help_point) DO UPDATE SET document = excluded.document,
                 published_at = now(), published_by = session_user",
            &[&self.site.help_point, &document],
        )
        .map_err(|e| context(&e))?;
        for pin in pins {
            tx.execute(
                "INSERT INTO counsellor_pin (counsellor, salted, kept) VALUES ($1, $2, $3)
                 ON CONFLICT (counsellor) DO UPDATE SET salted = excluded.salted,
                     kept = excluded.kept",
                &[&pin.counsellor, &pin.salted, &pin.kept],
            )
            .map_err(|e| context(&e))?;
        }
        tx.execute(
            "DELETE FROM absence WHERE help_point = $1",
            &[&self.site.help_point],
        )
        .map_err(|e| context(&e))?;
        for away in absences {
            // Whole days in the help point's zone, the last one included.
            let starts = self.site.instant(away.from.and_time(NaiveTime::MIN));
            let ends = self
                .site
                .instant((away.to + Duration::days(1)).and_time(NaiveTime::MIN));
            let here = Some(self.site.help_point.as_str());
            if insert_absence(&mut tx, &away.counsellor, (starts, ends), here)
                .map_err(|e| context(&e))?
                .is_err()
            {
                return Ok(Err(away.clone()));
            }
        }
        tx.commit().map(Ok).map_err(|e| context(&e))
    }

    /// The agenda published for this help point, if any.
    pub fn published_agenda(&mut self) -> Result<Option<String>, String> {
        self.client
            .query_opt(
                "SELECT document FROM agenda WHERE help_point = $1",
                &[&self.site.help_point],
            )
            .map(|row| row.map(|r| r.get(0)))
            .map_err(|e| format!("published agenda: {}", cause(&e)))
    }

    /// Signs in the counsellor whose PIN one of the proofs is (counsellor id, proof).
    pub fn sign_in(&mut self, proofs: &[(String, Vec<u8>)]) -> Result<SignIn, String> {
        let (counsellors, proofs): (Vec<&str>, Vec<&[u8]>) = proofs
            .iter()
            .map(|(c, p)| (c.as_str(), p.as_slice()))
            .unzip();
        match self
            .client
            .query_one("SELECT borne_sign_in($1, $2)", &[&counsellors, &proofs])
        {
            Ok(row) => Ok(match row.get::<_, Option<String>>(0) {
                Some(counsellor) => SignIn::Counsellor(counsellor),
                None => SignIn::Wrong,
            }),
            Err(e) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
                Ok(SignIn::Locked(cause(&e)))
            }
            Err(e) => Err(format!("sign in: {}", cause(&e))),
        }
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

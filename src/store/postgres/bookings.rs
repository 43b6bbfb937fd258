//! Appointments on the network's PostgreSQL: the same behaviour as the help point's SQLite
//! file (`store/sqlite/bookings/`), with the overlap rule left to the database's exclusion
//! constraint and each check-then-write done on rows locked in its transaction.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use postgres::error::SqlState;
use postgres::{GenericClient, Row, Transaction};

use super::{PgStore, Site, cause};
use crate::domain::code;
use crate::domain::person::Person;
use crate::store::appointments::{
    Appointment, BookedBy, Bookings, Busy, CODE_PLACEHOLDER, Canceller, Move, NewBooking,
    NewRegistration, Refusal, Reminder, Status, What, attendance, cancellation, move_allowed,
    seat_left,
};

/// The two tables an appointment lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Booking,
    Registration,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Booking => "booking",
            Table::Registration => "registration",
        }
    }
}

/// Appointments of both tables read into the same columns, so one mapping serves both; `$2`
/// is this help point, `$1` (and `$3`) what `which` says of each table's rows.
macro_rules! appointments_where {
    ($which:literal) => {
        concat!(
            "SELECT code, 'booking', counsellor, motif, starts_at, ends_at, status, first_name,
                    last_initial, phone, email, booked_by, reminder, diagnostic,
                    EXISTS (SELECT 1 FROM activite WHERE activite.booking = booking.code), id,
                    (SELECT name FROM help_point h
                     WHERE h.id = booking.help_point AND h.id <> $2), locale
             FROM booking WHERE ",
            $which,
            " UNION ALL
             SELECT code, 'workshop', workshop, NULL, starts_at, ends_at, status, first_name,
                    last_initial, phone, email, booked_by, reminder, NULL,
                    EXISTS (SELECT 1 FROM activite WHERE activite.booking = registration.code),
                    id,
                    (SELECT name FROM help_point h
                     WHERE h.id = registration.help_point AND h.id <> $2), locale
             FROM registration WHERE ",
            $which
        )
    };
}

/// The appointment of a code ($1).
const APPOINTMENT: &str = appointments_where!("code = $1");

/// The appointments starting from $1 to before $3, in time order.
const APPOINTMENTS_BETWEEN: &str = concat!(
    appointments_where!("starts_at >= $1 AND starts_at < $3"),
    " ORDER BY 5, 1"
);

/// A booking with its reminder ($16–$18, or NULLs) and its audit row ($19, or NULL), in one
/// round trip (schema 12): its id, or NULL when a registration has its code or a booking
/// was already made for its request id ($14: the same request sent again after its answer
/// was lost).
pub(super) const BOOK: &str = "SELECT public.borne_book($1, $2, $3, $4, $5, $6, $7, $8, $9,
     $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";

/// What an earlier sending of the same request made: its code and row id.
fn made_for(
    client: &mut impl GenericClient,
    table: Table,
    request_id: Option<&String>,
) -> Result<Option<(String, i64)>, postgres::Error> {
    let Some(request_id) = request_id else {
        return Ok(None);
    };
    let sql = match table {
        Table::Booking => "SELECT code, id FROM booking WHERE request_id = $1",
        Table::Registration => "SELECT code, id FROM registration WHERE request_id = $1",
    };
    Ok(client
        .query_opt(sql, &[request_id])?
        .map(|row| (row.get(0), row.get(1))))
}

fn is_taken(e: &postgres::Error) -> bool {
    e.code() == Some(&SqlState::EXCLUSION_VIOLATION)
}

/// A deadlock or serialization failure between two kiosks: gone when run again.
fn is_passing(e: &postgres::Error) -> bool {
    matches!(
        e.code(),
        Some(&SqlState::T_R_DEADLOCK_DETECTED) | Some(&SqlState::T_R_SERIALIZATION_FAILURE)
    )
}

/// A new code another appointment already has: drawn again when run again.
fn is_code_taken(e: &postgres::Error) -> bool {
    e.as_db_error().is_some_and(|db| {
        db.code() == &SqlState::UNIQUE_VIOLATION
            && matches!(
                db.constraint(),
                Some("booking_code_key" | "registration_code_key")
            )
    })
}

impl Site {
    fn appointment_row(&self, r: &Row) -> Result<(Appointment, Table, i64), String> {
        let code: String = r.get(0);
        let (what, table) = match r.get::<_, &str>(1) {
            "booking" => (
                What::Booking {
                    counsellor: r.get(2),
                    motif: r.get(3),
                },
                Table::Booking,
            ),
            _ => (What::Workshop { workshop: r.get(2) }, Table::Registration),
        };
        let label: String = r.get(6);
        let status = Status::from_label(&label)
            .ok_or_else(|| format!("appointment {code}: unknown status {label:?}"))?;
        Ok((
            Appointment {
                code,
                what,
                starts: self.local(r.get(4)),
                ends: self.local(r.get(5)),
                status,
                person: Person {
                    first_name: r.get::<_, Option<String>>(7).unwrap_or_default(),
                    last_initial: r.get(8),
                    phone: r.get(9),
                    email: r.get(10),
                    locale: r.get(17),
                },
                booked_by: BookedBy::from_stored(r.get(11)),
                reminder: r.get(12),
                diagnostic: r.get(13),
                report: r.get(14),
                elsewhere: r.get(16),
            },
            table,
            r.get(15),
        ))
    }

    /// The appointment of a code, with its table and row, read on `client` (locking it when
    /// `for_update`, so the rule checked holds until the transaction ends).
    pub(super) fn appointment_on(
        &self,
        client: &mut impl GenericClient,
        code: &str,
        for_update: bool,
    ) -> Result<Option<(Appointment, Table, i64)>, postgres::Error> {
        if for_update {
            // Lock the row first; a union cannot be locked as a whole.
            for table in ["booking", "registration"] {
                client.query(
                    &format!("SELECT 1 FROM {table} WHERE code = $1 FOR UPDATE"),
                    &[&code],
                )?;
            }
        }
        let row = client.query_opt(APPOINTMENT, &[&code, &self.help_point])?;
        Ok(row.and_then(|r| self.appointment_row(&r).ok()))
    }

    pub(super) fn queue_message(
        &self,
        tx: &mut Transaction,
        (table, id): (Table, i64),
        code: &str,
        message: &Reminder,
        kind: &str,
        about: Option<NaiveDateTime>,
    ) -> Result<(), postgres::Error> {
        let due = self.instant(message.due);
        let about = about.map(|t| self.instant(t));
        tx.execute(
            &format!(
                "INSERT INTO outbox ({}, due_at, recipient, message, kind, about_start,
                     help_point)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                table.name()
            ),
            &[
                &id,
                &due,
                &message.recipient,
                &message.message.replace(CODE_PLACEHOLDER, code),
                &kind,
                &about,
                &self.help_point,
            ],
        )?;
        Ok(())
    }

    pub(super) fn audit_in(
        &self,
        tx: &mut Transaction,
        at: NaiveDateTime,
        actor: &str,
        action: &str,
    ) -> Result<(), postgres::Error> {
        tx.execute(
            "INSERT INTO audit (at, help_point, actor, action) VALUES ($1, $2, $3, $4)",
            &[&self.instant(at), &self.help_point, &actor, &action],
        )?;
        Ok(())
    }

    fn day_start(&self, day: NaiveDate) -> DateTime<Utc> {
        self.instant(day.and_time(NaiveTime::MIN))
    }
}

/// Voids every message of an appointment that has not gone yet, failed ones included.
pub(super) fn void_messages(
    tx: &mut Transaction,
    table: Table,
    id: i64,
) -> Result<(), postgres::Error> {
    tx.execute(
        &format!(
            "UPDATE outbox SET status = 'annulé'
             WHERE status IN ('à envoyer', 'échec') AND {} = $1",
            table.name()
        ),
        &[&id],
    )?;
    Ok(())
}

/// A code no booking or registration has yet.
fn fresh_code(tx: &mut Transaction) -> Result<String, postgres::Error> {
    loop {
        let code = code::new_code();
        let used: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM booking WHERE code = $1)
                     OR EXISTS (SELECT 1 FROM registration WHERE code = $1)",
                &[&code],
            )?
            .get(0);
        if !used {
            return Ok(code);
        }
    }
}

/// Runs `work` in a transaction: committed when it returns `Ok(Ok(_))`, rolled back on a
/// refusal or an error. Two kiosks inserting overlapping times at the same instant may each
/// wait on the other's row: PostgreSQL breaks the deadlock by failing one, which then runs
/// again and meets the other's committed time as a refusal; so does one that drew a code
/// already given.
pub(super) fn in_transaction<T>(
    store: &mut PgStore,
    what: &str,
    mut work: impl FnMut(&Site, &mut Transaction) -> Result<Result<T, Refusal>, postgres::Error>,
) -> Result<Result<T, Refusal>, String> {
    let PgStore { client, site, .. } = store;
    retried(what, || {
        let mut tx = client.transaction()?;
        let outcome = work(site, &mut tx)?;
        if outcome.is_ok() {
            tx.commit()?;
        }
        Ok(outcome)
    })
}

/// `work`'s outcome, with the database's refusal of an overlap as `SlotTaken`, and `work`
/// run again (up to 5 times) after a conflict that passes.
fn retried<T>(
    what: &str,
    mut work: impl FnMut() -> Result<Result<T, Refusal>, postgres::Error>,
) -> Result<Result<T, Refusal>, String> {
    const ATTEMPTS: u32 = 5;
    let mut attempt = 1;
    loop {
        match work() {
            Ok(result) => return Ok(result),
            Err(e) if is_taken(&e) => return Ok(Err(Refusal::SlotTaken)),
            Err(e) if attempt < ATTEMPTS && (is_passing(&e) || is_code_taken(&e)) => {
                attempt += 1;
            }
            Err(e) => return Err(format!("{what}: {}", cause(&e))),
        }
    }
}

/// Makes a booking, with its reminder and audit row, under a new code (drawn again while a
/// registration has the one drawn; one a booking has fails the insert, its unique index,
/// and the caller tries again): its code, or the code of the booking its request id already
/// made (with its reminder and audit row).
fn insert_booking(
    client: &mut impl GenericClient,
    book: &postgres::Statement,
    site: &Site,
    new: &NewBooking,
    now: NaiveDateTime,
) -> Result<String, postgres::Error> {
    loop {
        let code = code::new_code();
        let reminder = new.reminder.as_ref();
        let audit = new
            .booked_by
            .on_behalf()
            .then(|| format!("booked on behalf {code}"));
        let made: Option<i64> = client
            .query_one(
                book,
                &[
                    &code,
                    &site.help_point,
                    &new.counsellor,
                    &new.motif,
                    &site.instant(new.starts),
                    &site.instant(new.ends),
                    &new.person.first_name,
                    &new.person.last_initial,
                    &new.person.phone,
                    &new.person.email,
                    &new.diagnostic,
                    &new.booked_by.stored(),
                    &site.instant(now),
                    &new.request_id,
                    &new.person.locale,
                    &reminder.map(|r| site.instant(r.due)),
                    &reminder.map(|r| r.recipient.as_str()),
                    &reminder.map(|r| r.message.replace(CODE_PLACEHOLDER, &code)),
                    &audit,
                ],
            )?
            .get(0);
        if made.is_some() {
            return Ok(code);
        }
        if let Some((code, _)) = made_for(client, Table::Booking, new.request_id.as_ref())? {
            return Ok(code);
        }
    }
}

impl PgStore {
    /// A booking with its reminder made and undone as the kiosk connects (after its help
    /// point is declared): the first booking on a connection compiles the occupation
    /// trigger (PL/pgSQL), plans its statements and reads the catalogs they need, tens of
    /// milliseconds the first person to book would wait otherwise. Far in the past, for a
    /// counsellor no agenda names: it meets no one's booking.
    pub fn warm_up(&mut self, now: NaiveDateTime) -> Result<(), String> {
        let book = self.prepared(BOOK)?;
        let starts = NaiveDateTime::new(
            NaiveDate::from_ymd_opt(2000, 1, 3).unwrap_or_default(),
            NaiveTime::MIN,
        );
        let new = NewBooking {
            counsellor: format!("warm-up of {}", self.site.help_point),
            motif: "warm-up".into(),
            starts,
            ends: starts + Duration::minutes(30),
            person: Person::default(),
            reminder: Some(Reminder {
                due: starts,
                recipient: String::new(),
                message: String::new(),
            }),
            diagnostic: None,
            booked_by: BookedBy::Kiosk,
            request_id: None,
        };
        let PgStore { client, site, .. } = self;
        let mut tx = client
            .transaction()
            .map_err(|e| format!("warm-up: {}", cause(&e)))?;
        let made = insert_booking(&mut tx, &book, site, &new, now);
        // Undone whatever happened: nothing of it is ever seen.
        let undone = tx.rollback();
        made.map(|_| ())
            .and(undone)
            .map_err(|e| format!("warm-up: {}", cause(&e)))
    }
}

/// A session's seats taken at this help point ($2): its registrations not cancelled.
const SEATS_TAKEN: &str = "SELECT count(*) FROM registration WHERE workshop = $1
    AND help_point = $2 AND status NOT IN ('annulé par l''usager', 'annulé par le service')";

impl Bookings for PgStore {
    /// Whatever takes a counsellor's time (appointments, absences, sessions they lead), at
    /// whichever help point.
    fn busy(&mut self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Busy>, String> {
        let (from, to) = (
            self.site.day_start(from),
            self.site.day_start(to + Duration::days(1)),
        );
        let rows = self
            .client
            .query(
                "SELECT counsellor, lower(during), upper(during) FROM occupation
                 WHERE during && tstzrange($1, $2, '[)') ORDER BY lower(during), counsellor",
                &[&from, &to],
            )
            .map_err(|e| format!("busy: {}", cause(&e)))?;
        Ok(rows
            .iter()
            .map(|r| Busy {
                counsellor: r.get(0),
                starts: self.site.local(r.get(1)),
                ends: self.site.local(r.get(2)),
            })
            .collect())
    }

    fn book(
        &mut self,
        new: &NewBooking,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String> {
        // One statement is its own transaction: one round trip to the server, and the
        // counsellor's time locked for the shortest while.
        let book = self.prepared(BOOK)?;
        let PgStore { client, site, .. } = self;
        retried("booking", || {
            Ok(Ok(insert_booking(client, &book, site, new, now)?))
        })
    }

    fn seats_taken(&mut self, workshops: &[String]) -> Result<Vec<u32>, String> {
        let here = &self.site.help_point;
        let taken = |client: &mut postgres::Client, w: &String| -> Result<u32, String> {
            let n: i64 = client
                .query_one(SEATS_TAKEN, &[w, here])
                .map_err(|e| format!("seats: {}", cause(&e)))?
                .get(0);
            Ok(n as u32)
        };
        workshops
            .iter()
            .map(|w| taken(&mut self.client, w))
            .collect()
    }

    /// Kiosks registering for one session take turns on a lock named after it, so the count
    /// and the insert cannot interleave: never more registrants than seats.
    fn register(
        &mut self,
        new: &NewRegistration,
        now: NaiveDateTime,
    ) -> Result<Result<String, Refusal>, String> {
        in_transaction(self, "registration", |store, tx| {
            tx.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended($2 || '/' || $1, 0))",
                &[&new.workshop, &store.help_point],
            )?;
            // Sent again after its answer was lost: what it made then (under the lock, so
            // the earlier sending has committed or rolled back).
            if let Some((code, _)) = made_for(tx, Table::Registration, new.request_id.as_ref())? {
                return Ok(Ok(code));
            }
            let staff = tx
                .query_opt(
                    "SELECT seats, cancelled FROM workshop_session
                     WHERE id = $1 AND help_point = $2",
                    &[&new.workshop, &store.help_point],
                )?
                .map(|row| (row.get::<_, i32>(0) as u32, row.get::<_, bool>(1)));
            let taken: i64 = tx
                .query_one(SEATS_TAKEN, &[&new.workshop, &store.help_point])?
                .get(0);
            if let Err(refusal) = seat_left(staff, new.seats, taken as u32) {
                return Ok(Err(refusal));
            }
            let code = fresh_code(tx)?;
            let id: i64 = tx
                .query_one(
                    "INSERT INTO registration (code, help_point, workshop, starts_at, ends_at,
                         first_name, last_initial, phone, email, reminder, booked_by,
                         created_at, request_id, locale)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                     RETURNING id",
                    &[
                        &code,
                        &store.help_point,
                        &new.workshop,
                        &store.instant(new.starts),
                        &store.instant(new.ends),
                        &new.person.first_name,
                        &new.person.last_initial,
                        &new.person.phone,
                        &new.person.email,
                        &new.reminder.is_some(),
                        &new.booked_by.stored(),
                        &store.instant(now),
                        &new.request_id,
                        &new.person.locale,
                    ],
                )?
                .get(0);
            if let Some(reminder) = &new.reminder {
                let row = (Table::Registration, id);
                store.queue_message(tx, row, &code, reminder, "rappel", Some(new.starts))?;
            }
            if new.booked_by.on_behalf() {
                let action = format!("registered on behalf {code}");
                store.audit_in(tx, now, new.booked_by.stored(), &action)?;
            }
            Ok(Ok(code))
        })
    }

    fn appointment(&mut self, code: &str) -> Result<Option<Appointment>, String> {
        let row = self
            .client
            .query_opt(APPOINTMENT, &[&code, &self.site.help_point])
            .map_err(|e| format!("appointment: {}", cause(&e)))?;
        row.map(|r| self.site.appointment_row(&r).map(|(a, _, _)| a))
            .transpose()
    }

    fn booked_elsewhere(&mut self, code: &str, check: &str) -> Result<Option<String>, String> {
        self.client
            .query_one(
                "SELECT borne_booked_elsewhere($1, $2, $3)",
                &[&code, &self.site.help_point, &check.trim()],
            )
            .map(|row| row.get(0))
            .map_err(|e| format!("find: {}", cause(&e)))
    }

    fn cancel(
        &mut self,
        code: &str,
        by: &Canceller,
        now: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String> {
        in_transaction(self, "cancel", |store, tx| {
            let Some((found, table, id)) = store.appointment_on(tx, code, true)? else {
                return Ok(Err(Refusal::NotFound));
            };
            let (status, reason) = match cancellation(&found, by) {
                Ok(change) => change,
                Err(refusal) => return Ok(Err(refusal)),
            };
            // The trigger frees the counsellor's time with the status.
            match table {
                Table::Booking => tx.execute(
                    "UPDATE booking SET status = $2, cancel_reason = $3 WHERE id = $1",
                    &[&id, &status.label(), &reason],
                )?,
                Table::Registration => tx.execute(
                    "UPDATE registration SET status = $2 WHERE id = $1",
                    &[&id, &status.label()],
                )?,
            };
            if let What::Workshop { workshop } = &found.what {
                super::waitlist::seat_freed(store, tx, workshop, now)?;
            }
            void_messages(tx, table, id)?;
            match by {
                Canceller::Citizen { .. } => {}
                Canceller::StaffForCitizen { actor } => {
                    store.audit_in(tx, now, actor, &format!("cancelled for the person {code}"))?;
                }
                Canceller::Service { actor, notice, .. } => {
                    if let Some(notice) = notice {
                        store.queue_message(tx, (table, id), code, notice, "avis", None)?;
                    }
                    store.audit_in(tx, now, actor, &format!("cancelled by the service {code}"))?;
                }
            }
            Ok(Ok(()))
        })
    }

    fn set_status(
        &mut self,
        code: &str,
        status: Status,
        marked_from: NaiveDateTime,
        actor: &str,
        now: NaiveDateTime,
    ) -> Result<Result<(), Refusal>, String> {
        in_transaction(self, "status", |store, tx| {
            let Some((found, table, id)) = store.appointment_on(tx, code, true)? else {
                return Ok(Err(Refusal::NotFound));
            };
            if let Err(refusal) = attendance(&found, status, marked_from) {
                return Ok(Err(refusal));
            }
            tx.execute(
                &format!("UPDATE {} SET status = $2 WHERE id = $1", table.name()),
                &[&id, &status.label()],
            )?;
            store.audit_in(tx, now, actor, &format!("status {} {code}", status.label()))?;
            Ok(Ok(()))
        })
    }

    fn reschedule(
        &mut self,
        code: &str,
        to: &Move,
        limit: Option<NaiveDateTime>,
    ) -> Result<Result<(), Refusal>, String> {
        in_transaction(self, "change", |store, tx| {
            let Some((found, table, id)) = store.appointment_on(tx, code, true)? else {
                return Ok(Err(Refusal::NotFound));
            };
            if let Err(refusal) = move_allowed(&found, limit) {
                return Ok(Err(refusal));
            }
            // The trigger moves the counsellor's time; the constraint refuses a taken one.
            tx.execute(
                "UPDATE booking SET counsellor = $2, starts_at = $3, ends_at = $4 WHERE id = $1",
                &[
                    &id,
                    &to.counsellor,
                    &store.instant(to.starts),
                    &store.instant(to.ends),
                ],
            )?;
            void_messages(tx, table, id)?;
            if let Some(reminder) = &to.reminder {
                store.queue_message(tx, (table, id), code, reminder, "rappel", Some(to.starts))?;
            }
            Ok(Ok(()))
        })
    }

    fn appointments_between(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Appointment>, String> {
        let (from, to) = (
            self.site.day_start(from),
            self.site.day_start(to + Duration::days(1)),
        );
        let rows = self
            .client
            .query(APPOINTMENTS_BETWEEN, &[&from, &self.site.help_point, &to])
            .map_err(|e| format!("appointments: {}", cause(&e)))?;
        rows.iter()
            .map(|r| self.site.appointment_row(r).map(|(a, _, _)| a))
            .collect()
    }

    fn erase_personal_data(&mut self, now: NaiveDateTime, days: u32) -> Result<usize, String> {
        let before = self.site.instant(now - Duration::days(days.into()));
        let day = (now - Duration::days(days.into())).date();
        // The queue's names go at the day's end.
        crate::store::queue::Queue::end_queue_days(self, now.date(), now)?;
        in_transaction(self, "erase", |site, tx| {
            let bookings = tx.execute(
                "UPDATE booking SET first_name = NULL, last_initial = NULL, phone = NULL,
                     email = NULL, diagnostic = NULL, cancel_reason = NULL, erased = true
                 WHERE NOT erased AND ends_at < $1",
                &[&before],
            )?;
            tx.execute(
                "UPDATE activite SET notes = NULL WHERE notes IS NOT NULL AND date < $1",
                &[&day],
            )?;
            let registrations = tx.execute(
                "UPDATE registration SET first_name = NULL, last_initial = NULL, phone = NULL,
                     email = NULL, erased = true
                 WHERE NOT erased AND ends_at < $1",
                &[&before],
            )?;
            tx.execute(
                "UPDATE outbox SET recipient = NULL, message = NULL, last_error = NULL
                 WHERE (recipient IS NOT NULL OR message IS NOT NULL OR last_error IS NOT NULL)
                   AND (booking IN (SELECT id FROM booking WHERE erased)
                     OR registration IN (SELECT id FROM registration WHERE erased))",
                &[],
            )?;
            super::waitlist::erase_past(site, tx, now)?;
            Ok(Ok((bookings + registrations) as usize))
        })
        .map(|r| r.unwrap_or(0))
    }
}

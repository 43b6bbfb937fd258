//! `borne booking create|list|cancel` and `borne outbox send|status`: the same rules, codes
//! and messages as the kiosk, for staff taking phone bookings and for scripts.
use std::process::ExitCode;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde_json::json;

use super::Agenda;
use super::slots::{free_slots, last_day};
use super::ticket::{self, Confirmed};
use crate::config::KioskConfig;
use crate::domain::person::{Person, parse_phone, valid_email};
use crate::i18n::Tr;
use crate::problem::{EXIT_CONFIG, EXIT_FAILURE};
use crate::store::postgres::{Away, PgStore, Unpublished};
use crate::store::{
    AgendaStore, Appointment, CODE_PLACEHOLDER, Canceller, NewBooking, Refusal, Status, What,
};

/// What `booking create` needs.
pub(crate) struct CreateArgs<'a> {
    pub motif: &'a str,
    pub at: NaiveDateTime,
    pub counsellor: Option<&'a str>,
    pub first_name: &'a str,
    pub last_initial: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub reminder: bool,
}

/// Books like the kiosk: only a free slot of the motif, the same code. Errors are sentences
/// for the staff member.
pub(crate) fn create(
    agenda: &Agenda,
    store: &mut dyn AgendaStore,
    args: &CreateArgs,
    now: NaiveDateTime,
    tr: &Tr,
    kiosk: &KioskConfig,
) -> Result<(String, NewBooking), String> {
    let motif = asked_motif(agenda, args)?;
    let person = asked_person(args)?;
    let slot = asked_slot(agenda, store, motif, args, now)?;
    if args.reminder && person.phone.is_none() && person.email.is_none() {
        return Err("--reminder needs --phone or --email".into());
    }
    // The same reminder as a booking made at the kiosk.
    let confirmed = Confirmed::of_slot(
        agenda,
        &slot,
        CODE_PLACEHOLDER.into(),
        person.phone.clone(),
        tr,
    );
    let reminder = args
        .reminder
        .then(|| ticket::reminder_for(&person, &confirmed, tr, kiosk, now))
        .flatten();
    let new = NewBooking {
        counsellor: agenda.counsellors[slot.counsellor].id.clone(),
        motif: agenda.motifs[motif].id.clone(),
        starts: slot.starts,
        ends: slot.ends,
        person,
        reminder,
        diagnostic: None,
        booked_by: crate::store::BookedBy::CommandLine,
        request_id: None,
    };
    match store.book(&new, now)? {
        Ok(code) => Ok((code, new)),
        Err(Refusal::SlotTaken) => Err("this slot was just taken".into()),
        Err(other) => Err(format!("refused: {other:?}")),
    }
}

/// The motif asked (its index in the agenda); the counsellor asked, if one, known.
fn asked_motif(agenda: &Agenda, args: &CreateArgs) -> Result<usize, String> {
    let motif = agenda.motif_by_id(args.motif).ok_or_else(|| {
        format!(
            "no motif {:?} (motifs: {})",
            args.motif,
            ids(agenda.motifs.iter().map(|m| &m.id))
        )
    })?;
    if let Some(c) = args.counsellor
        && agenda.counsellor_by_id(c).is_none()
    {
        return Err(format!(
            "no counsellor {c:?} (counsellors: {})",
            ids(agenda.counsellors.iter().map(|c| &c.id))
        ));
    }
    Ok(motif)
}

/// The person the booking is for: a first name, and a phone and e-mail that are ones.
fn asked_person(args: &CreateArgs) -> Result<Person, String> {
    let first_name = args.first_name.trim();
    if first_name.is_empty() {
        return Err("--first-name is required".into());
    }
    let phone = match args.phone {
        Some(p) => {
            Some(parse_phone(p).map_err(|_| format!("--phone {p:?} is not a phone number"))?)
        }
        None => None,
    };
    if let Some(e) = args.email
        && !valid_email(e)
    {
        return Err(format!("--email {e:?} is not an e-mail address"));
    }
    Ok(Person {
        first_name: first_name.to_string(),
        last_initial: args
            .last_initial
            .map(|s| s.chars().take(1).collect::<String>().to_uppercase()),
        phone,
        email: args.email.map(String::from),
        locale: None,
    })
}

/// The slot asked: free for the motif at that time (with the counsellor asked, if one), as
/// the kiosk would offer it.
fn asked_slot(
    agenda: &Agenda,
    store: &mut dyn AgendaStore,
    motif: usize,
    args: &CreateArgs,
    now: NaiveDateTime,
) -> Result<super::slots::Slot, String> {
    let busy = store.busy(now.date(), last_day(now, agenda.motifs[motif].horizon))?;
    free_slots(agenda, motif, &busy, now)
        .into_iter()
        .find(|s| {
            s.starts == args.at
                && args
                    .counsellor
                    .is_none_or(|c| agenda.counsellors[s.counsellor].id == c)
        })
        .ok_or_else(|| {
            format!(
                "{} is not a free slot for {:?}",
                args.at.format("%Y-%m-%d %H:%M"),
                args.motif
            )
        })
}

fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    ids.map(String::as_str).collect::<Vec<_>>().join(", ")
}

/// One line an appointment: when, code, status, what, who.
/// Who a booking is for when its first name was not given (or was erased).
pub(crate) const NO_FIRST_NAME: &str = "(sans prénom)";

/// Why the store refused, as a sentence.
pub(crate) fn refusal_sentence(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::SlotTaken => "this slot was just taken.",
        Refusal::Full => "this workshop has no seat left.",
        Refusal::NotFound => "no appointment has this code.",
        Refusal::TooLate => "it is too late to change this appointment.",
        Refusal::AlreadyCancelled => "this appointment was already cancelled.",
        Refusal::TooEarly => "this appointment has not started yet.",
        Refusal::SessionCancelled => "this workshop session was cancelled.",
        Refusal::Absent => "the person was marked absent.",
    }
}

/// A booking's line, in French as its status and the figures under the list are.
pub(crate) fn line(a: &Appointment) -> String {
    let what = match &a.what {
        What::Booking { counsellor, motif } => format!("{motif} avec {counsellor}"),
        What::Workshop { workshop } => format!("atelier {workshop}"),
    };
    let who = if a.person.first_name.trim().is_empty() {
        NO_FIRST_NAME.to_string()
    } else {
        a.person.first_name.clone()
    };
    format!(
        "{}  {}  {:<22}  {}  {}",
        a.starts.format("%Y-%m-%d %H:%M"),
        a.code,
        a.status.label(),
        what,
        who
    )
}

pub(crate) fn json(a: &Appointment) -> serde_json::Value {
    json!({
        "code": a.code,
        "starts": a.starts.format("%Y-%m-%dT%H:%M").to_string(),
        "ends": a.ends.format("%Y-%m-%dT%H:%M").to_string(),
        "status": a.status.label(),
        "what": a.what,
        "first_name": a.person.first_name,
        "last_initial": a.person.last_initial,
        "phone": a.person.phone,
        "email": a.person.email,
        "booked_by": a.booked_by,
    })
}

/// The default listing: today and the four weeks after.
pub(crate) fn default_range(now: NaiveDateTime) -> (NaiveDate, NaiveDate) {
    (now.date(), now.date() + Duration::weeks(4))
}

/// `borne booking create`: prints the booking made, or why none was.
pub(crate) fn create_command(
    agenda: &Agenda,
    store: &mut dyn AgendaStore,
    args: &CreateArgs,
    json: bool,
    now: NaiveDateTime,
    tr: &Tr,
    kiosk: &KioskConfig,
) -> ExitCode {
    match create(agenda, store, args, now, tr, kiosk) {
        Ok((code, _)) => {
            match (json, store.appointment(&code).ok().flatten()) {
                (true, Some(a)) => println!("{}", self::json(&a)),
                (false, Some(a)) => println!("{}", line(&a)),
                _ => println!("{code}"),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne booking create: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne booking list`: the appointments from `first` to `last`, one a line or as JSON.
pub(crate) fn list(
    store: &mut dyn AgendaStore,
    first: NaiveDate,
    last: NaiveDate,
    json: bool,
) -> ExitCode {
    match store.appointments_between(first, last) {
        Ok(list) if json => {
            let all: Vec<_> = list.iter().map(self::json).collect();
            println!("{}", serde_json::Value::Array(all));
            ExitCode::SUCCESS
        }
        Ok(list) => {
            for a in &list {
                println!("{}", line(a));
            }
            println!("{} rendez-vous du {first} au {last}", list.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne booking list: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne booking cancel`: for the citizen who called, or by the service.
pub(crate) fn cancel(
    store: &mut dyn AgendaStore,
    code: &str,
    by_service: Option<Option<String>>,
    json: bool,
    now: NaiveDateTime,
) -> ExitCode {
    let code = crate::domain::code::normalise(code);
    let (by, status) = match by_service {
        Some(reason) => (
            Canceller::Service {
                actor: "cli".into(),
                reason: reason.filter(|r| !r.trim().is_empty()),
                notice: None,
            },
            Status::CancelledByService,
        ),
        None => (
            Canceller::StaffForCitizen {
                actor: "cli".into(),
            },
            Status::CancelledByCitizen,
        ),
    };
    match store.cancel(&code, &by, now) {
        Ok(Ok(())) => {
            if json {
                println!("{}", json!({ "code": code, "status": status.label() }));
            } else {
                println!("{code} {}", status.label());
            }
            ExitCode::SUCCESS
        }
        Ok(Err(refusal)) => {
            eprintln!(
                "borne booking cancel: {code}: {}",
                refusal_sentence(refusal)
            );
            ExitCode::from(EXIT_FAILURE)
        }
        Err(e) => {
            eprintln!("borne booking cancel: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne outbox send`: the reminders due, through the help point's gateway.
pub(crate) fn outbox_send(
    store: &mut dyn AgendaStore,
    kiosk: &KioskConfig,
    now: NaiveDateTime,
) -> ExitCode {
    let Some(gateway) = &kiosk.reminder_gateway else {
        println!("no reminder gateway ([reminders] command in kiosk.toml): nothing sent");
        return ExitCode::SUCCESS;
    };
    match crate::store::outbox::send_due(store, gateway, now, crate::store::outbox::GATEWAY_LIMIT) {
        Ok(report) => {
            println!(
                "{} sent, {} failed, {} retried",
                report.sent, report.failed, report.retried
            );
            if report.failed > 0 {
                ExitCode::from(EXIT_FAILURE)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("borne outbox send: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne outbox status`: how many messages in each state.
pub(crate) fn outbox_status(store: &mut dyn AgendaStore) -> ExitCode {
    match store.outbox_counts() {
        Ok(counts) => {
            if counts.is_empty() {
                println!("no reminder queued");
            }
            for (status, n) in counts {
                println!("{status}: {n}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne outbox status: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne callbacks`: the requests to call someone back, oldest first, one a line: when,
/// where, who, the number, what for.
pub(crate) fn callbacks(received: &[crate::store::postgres::Received]) -> ExitCode {
    if received.is_empty() {
        println!("no callback request waiting");
    }
    for r in received {
        let c = &r.callback;
        let mut line = format!(
            "{} — {} — {} — {}",
            c.asked_at.format("%Y-%m-%d %H:%M"),
            r.help_point,
            c.first_name,
            crate::domain::person::show_phone(&c.phone)
        );
        if !c.about.is_empty() {
            line.push_str(&format!(" — {}", c.about));
        }
        println!("{line}");
    }
    ExitCode::SUCCESS
}

/// `borne db add-kiosk ROLE`: one line saying what the role may now do.
pub(crate) fn add_kiosk(owner: &mut PgStore, role: &str, name: &str) -> ExitCode {
    let fits = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
    if role.is_empty() || role.len() > 63 || !role.chars().all(fits) {
        eprintln!(
            "borne db add-kiosk: role {role:?}: lowercase letters, digits and _ only, at most \
             63 (e.g. borne_mairie_gap)"
        );
        return ExitCode::from(crate::problem::EXIT_CONFIG);
    }
    match owner.add_kiosk(role, name) {
        Ok(made) => {
            println!(
                "{role}: {} kiosk of {name}: it sees the people booked here only \
                 (set its password with psql: \\password {role})",
                if made { "made, a" } else { "now a" }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne db add-kiosk: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne agenda publish`: the help point's agenda, checked as its kiosk would check it, to
/// the network's database; the counsellors' PIN hashes go to the database alone.
pub(crate) fn publish(
    owner: &mut PgStore,
    dir: &std::path::Path,
    name: &str,
    a: &Agenda,
    new_pins: &[String],
) -> ExitCode {
    let path = dir.join(super::agenda::FILE_NAME);
    let (document, pins) = match agenda_to_publish(&path) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("borne agenda publish: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let absences: Vec<Away> = a
        .absences
        .iter()
        .filter_map(|absence| {
            Some(Away {
                counsellor: a.counsellors[absence.counsellor?].id.clone(),
                from: absence.from,
                to: absence.to,
            })
        })
        .collect();
    if let Some(unknown) = new_pins
        .iter()
        .find(|id| !pins.iter().any(|p| &p.counsellor == *id))
    {
        eprintln!(
            "borne agenda publish: --new-pin {unknown}: {} lists no counsellor of that id",
            path.display()
        );
        return ExitCode::from(EXIT_CONFIG);
    }
    match owner.publish_agenda(name, &document, &pins, &absences, new_pins) {
        Ok(Ok(())) => {
            println!(
                "{}: agenda published for {} ({} counsellors, {} motifs, {} plages, {} workshops); \
                 its kiosks read it when they start",
                path.display(),
                name,
                a.counsellors.len(),
                a.motifs.len(),
                a.plages.len(),
                a.workshops.len()
            );
            ExitCode::SUCCESS
        }
        Ok(Err(unpublished)) => {
            eprintln!(
                "borne agenda publish: {}: {}",
                path.display(),
                unpublished_sentence(unpublished)
            );
            ExitCode::from(EXIT_FAILURE)
        }
        Err(e) => {
            eprintln!("borne agenda publish: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// The agenda file as the network keeps it, and its counsellors' PIN hashes; or why not, as
/// a sentence.
fn agenda_to_publish(
    path: &std::path::Path,
) -> Result<(String, Vec<crate::domain::pin::PublishedPin>), String> {
    crate::text_file::read(path)
        .map_err(|problems| {
            let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            said.join("\n")
        })
        .and_then(|text| {
            super::published::published(&text)
                .ok_or_else(|| format!("{}: not an agenda with valid PIN hashes", path.display()))
        })
}

/// Why the network refused an agenda, and what to do, as a sentence.
fn unpublished_sentence(unpublished: Unpublished) -> String {
    match unpublished {
        Unpublished::Counsellor {
            counsellor,
            help_point,
            help_point_name,
            name: known_as,
        } => format!(
            "counsellor id {counsellor:?} is already {known_as:?} \
             at {help_point_name} ({help_point}), with another name or PIN: one id is one \
             person in the whole network (nothing was published). Someone else: give them \
             another id in agenda.toml. The same person: copy their name and pin_hash \
             from {help_point}'s agenda.toml; if their PIN changed, publish with \
             --new-pin {counsellor}, then {help_point}'s agenda with the same pin_hash."
        ),
        Unpublished::Absence(away) => format!(
            "the absence of {} from {} to {} meets an appointment \
             already booked with them; cancel or move it first (nothing was published)",
            away.counsellor, away.from, away.to
        ),
    }
}

//! `borne booking create|list|cancel` and `borne outbox send`: the same rules and codes as the
//! kiosk, for staff taking phone bookings and for scripts.
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde_json::json;

use super::Agenda;
use super::slots::{free_slots, last_day};
use crate::domain::person::{Person, parse_phone, valid_email};
use crate::store::{Appointment, NewBooking, Refusal, Reminder, Store, What};

/// What `booking create` needs.
pub struct CreateArgs<'a> {
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
pub fn create(
    agenda: &Agenda,
    store: &mut Store,
    args: &CreateArgs,
    now: NaiveDateTime,
    reminder_text: impl Fn(&str) -> String,
) -> Result<(String, NewBooking), String> {
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
    let busy = store.busy(now.date(), last_day(now, agenda.motifs[motif].horizon))?;
    let slot = free_slots(agenda, motif, &busy, now)
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
        })?;
    let person = Person {
        first_name: first_name.to_string(),
        last_initial: args
            .last_initial
            .map(|s| s.chars().take(1).collect::<String>().to_uppercase()),
        phone,
        email: args.email.map(String::from),
    };
    let recipient = person.phone.clone().or(person.email.clone());
    let reminder = match (args.reminder, recipient) {
        (true, Some(recipient)) => super::rules::reminder_due(&agenda.calendar, slot.starts, now)
            .map(|due| Reminder {
                due,
                recipient,
                message: reminder_text(crate::store::CODE_PLACEHOLDER),
            }),
        (true, None) => return Err("--reminder needs --phone or --email".into()),
        _ => None,
    };
    let new = NewBooking {
        counsellor: agenda.counsellors[slot.counsellor].id.clone(),
        motif: agenda.motifs[motif].id.clone(),
        starts: slot.starts,
        ends: slot.ends,
        person,
        reminder,
        diagnostic: None,
        booked_by: "cli".into(),
    };
    match store.book(&new, now)? {
        Ok(code) => Ok((code, new)),
        Err(Refusal::SlotTaken) => Err("this slot was just taken".into()),
        Err(other) => Err(format!("refused: {other:?}")),
    }
}

fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    ids.map(String::as_str).collect::<Vec<_>>().join(", ")
}

/// One line an appointment: when, code, status, what, who.
pub fn line(a: &Appointment) -> String {
    let what = match &a.what {
        What::Booking { counsellor, motif } => format!("{motif} with {counsellor}"),
        What::Workshop { workshop } => format!("workshop {workshop}"),
    };
    let who = if a.person.first_name.is_empty() {
        "(erased)".to_string()
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

pub fn json(a: &Appointment) -> serde_json::Value {
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
pub fn default_range(now: NaiveDateTime) -> (NaiveDate, NaiveDate) {
    (now.date(), now.date() + Duration::weeks(4))
}

//! What a person takes away: the confirmation in plain words, a calendar event for the QR
//! code, the reminder message, and the printed ticket.
use chrono::NaiveDateTime;

use super::agenda::{Agenda, Where};
use super::message::Message;
use super::slots::Slot;
use crate::app::printout::{PrintLine, Printout};
use crate::calendar::ical::Ical;
use crate::calendar::words;
use crate::config::KioskConfig;
use crate::i18n::Tr;
use crate::ui::page::{self, Para};

/// A confirmed appointment, in the words of the person's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirmed {
    pub code: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    /// The motif's label or the workshop's title.
    pub what: String,
    pub counsellor: Option<String>,
    pub place: Where,
    pub room: Option<String>,
    /// "Apportez : …"
    pub bring: Option<String>,
    /// The person's phone: the number the counsellor calls for a phone appointment; `None`
    /// when they have none ("Je n'ai pas de téléphone"), and then no QR code is offered.
    pub phone: Option<String>,
    /// A seat in a workshop, not an appointment: its screens never say "rendez-vous".
    pub workshop: bool,
}

impl Confirmed {
    /// A booking of a free slot, as the person will read it.
    pub fn of_slot(
        agenda: &Agenda,
        slot: &Slot,
        code: String,
        phone: Option<String>,
        tr: &Tr,
    ) -> Confirmed {
        let motif = &agenda.motifs[slot.motif];
        Confirmed {
            code,
            starts: slot.starts,
            ends: slot.ends,
            what: tr.text(&motif.label),
            counsellor: Some(agenda.counsellors[slot.counsellor].name.clone()),
            place: motif.place,
            room: agenda.plages[slot.plage].room.clone(),
            bring: motif.bring.as_ref().map(|id| tr.text(id)),
            phone,
            workshop: false,
        }
    }
}

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// "Mardi 3 mars à 14 h 30, avec Camille."
pub fn when(c: &Confirmed, tr: &Tr) -> String {
    let day = words::day(tr, c.starts.date());
    let time = words::time(tr, c.starts);
    let text = match &c.counsellor {
        Some(name) => tr.text_with(
            "confirm-when-with",
            &[
                ("day", day.into()),
                ("time", time.into()),
                ("name", name.clone().into()),
            ],
        ),
        None => tr.text_with(
            "confirm-when",
            &[("day", day.into()), ("time", time.into())],
        ),
    };
    capitalised(text)
}

/// "Point numérique — Mairie de Gap, 3 rue Colonel Roux, salle 2"
pub fn place(c: &Confirmed, kiosk: &KioskConfig) -> String {
    let hp = &kiosk.help_point;
    let mut place = format!(
        "{}, {}, {} {}",
        hp.name, hp.address, hp.postal_code, hp.commune
    );
    if let Some(room) = &c.room {
        place.push_str(", ");
        place.push_str(room);
    }
    place
}

/// The confirmation screen's text: the code, the day and the time first, so that the
/// smallest screen shows them without a key; then what, where, and what to bring.
pub fn paras(c: &Confirmed, tr: &Tr, kiosk: &KioskConfig) -> Vec<Para> {
    let mut out = vec![
        page::strong(tr.text_with("confirm-code", &[("code", spaced(&c.code).into())])),
        page::text(when(c, tr)),
        page::heading(c.what.clone()),
    ];
    match (c.place, &c.phone) {
        (Where::ByPhone, Some(phone)) => out.push(page::text(tr.text_with(
            "confirm-by-phone",
            &[("phone", crate::domain::person::show_phone(phone).into())],
        ))),
        _ => out.push(page::text(
            tr.text_with("confirm-place", &[("place", place(c, kiosk).into())]),
        )),
    }
    if let Some(bring) = &c.bring {
        out.push(page::text(bring.clone()));
    }
    out.push(page::text(tr.text(if c.workshop {
        "workshop-keep-code"
    } else {
        "confirm-keep-code"
    })));
    out
}

/// What a person needs to keep, in words, for a screen reader where the QR code would be:
/// the code, the day and time, the place, the help point's phone (never calendar syntax).
pub fn in_words(c: &Confirmed, tr: &Tr, kiosk: &KioskConfig) -> Vec<String> {
    let mut words = vec![
        tr.text_with("confirm-code", &[("code", spaced(&c.code).into())]),
        c.what.clone(),
        when(c, tr),
    ];
    match (c.place, &c.phone) {
        (Where::ByPhone, Some(phone)) => words.push(tr.text_with(
            "confirm-by-phone",
            &[("phone", crate::domain::person::show_phone(phone).into())],
        )),
        _ => words.push(tr.text_with("confirm-place", &[("place", place(c, kiosk).into())])),
    }
    words.push(tr.text_with(
        "ticket-phone",
        &[("phone", kiosk.help_point.phone.clone().into())],
    ));
    words
}

/// "ABC 234": easier to copy down.
pub fn spaced(code: &str) -> String {
    if code.len() == 6 {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// How much of the appointment a calendar event carries besides its day and time.
#[derive(Clone, Copy)]
enum Detail {
    /// The duration, the address, and (DESCRIPTION) the code, the help point's phone and how
    /// to change the appointment.
    Full,
    NoDuration,
    NoPlace,
    /// DESCRIPTION: the code and the phone only.
    Short,
    /// The code and the phone as the event's title: the smallest code that still carries
    /// them (an 80×24 screen with the quiet zone the standard asks for).
    InTitle,
}

/// Calendar events for the phone, from the fullest to the shortest: the screen shows the
/// first whose QR code fits, the paper the first. Every one carries the booking code and the
/// help point's phone; a smaller screen gets one without duration, then without address,
/// then without the words on how to change, then with the code and phone as its title.
pub fn vevents(c: &Confirmed, tr: &Tr, kiosk: &KioskConfig) -> Vec<String> {
    let minutes = (c.ends - c.starts).num_minutes();
    let hp = &kiosk.help_point;
    let location = format!("{}, {} {}", hp.address, hp.postal_code, hp.commune);
    let args = [
        ("code", c.code.clone().into()),
        ("phone", hp.phone.clone().into()),
    ];
    let event = |detail: Detail| {
        let mut ical = Ical::compact();
        let summary = match detail {
            Detail::InTitle => tr.text_with("qr-summary-short", &args),
            _ => c.what.clone(),
        };
        ical.raw("BEGIN", "VEVENT")
            .text("SUMMARY", &summary)
            .raw("DTSTART", &c.starts.format("%Y%m%dT%H%M%S").to_string());
        if let Detail::Full = detail {
            ical.raw("DURATION", &format!("PT{minutes}M"));
        }
        if let Detail::Full | Detail::NoDuration = detail {
            ical.text("LOCATION", &location);
        }
        match detail {
            Detail::Full | Detail::NoDuration | Detail::NoPlace => {
                ical.text("DESCRIPTION", &tr.text_with("qr-description", &args));
            }
            Detail::Short => {
                ical.text("DESCRIPTION", &tr.text_with("qr-description-short", &args));
            }
            Detail::InTitle => {}
        }
        ical.raw("END", "VEVENT");
        ical.finish_trimmed()
    };
    [
        Detail::Full,
        Detail::NoDuration,
        Detail::NoPlace,
        Detail::Short,
        Detail::InTitle,
    ]
    .map(event)
    .to_vec()
}

/// Whether to offer a reminder for what starts at `starts`: the help point has a gateway to
/// send it, and the appointment is more than two days away (the reminder goes 48 h before).
pub fn reminder_possible(kiosk: &KioskConfig, starts: NaiveDateTime, now: NaiveDateTime) -> bool {
    kiosk.reminder_gateway.is_some()
        && super::rules::reminder_due(&kiosk.help_point.calendar, starts, now).is_some()
}

/// The reminder to queue for a person who asked for one: 48 h before, to their phone or
/// e-mail; `None` when that moment has passed or there is no way to reach them.
/// `c.code` may be `CODE_PLACEHOLDER`: the store puts the real code in.
pub fn reminder_for(
    person: &crate::domain::person::Person,
    c: &Confirmed,
    tr: &Tr,
    kiosk: &KioskConfig,
    now: NaiveDateTime,
) -> Option<crate::store::Reminder> {
    let recipient = person.phone.clone().or(person.email.clone())?;
    super::rules::reminder_due(&kiosk.help_point.calendar, c.starts, now).map(|due| {
        crate::store::Reminder {
            due,
            recipient,
            message: Message::Reminder(c).text(tr, kiosk),
        }
    })
}

/// The confirmation to send at once through the help point's gateway, to the person's phone
/// or e-mail; `None` without a gateway or a way to reach them. Like the reminder, `c.code` may
/// be `CODE_PLACEHOLDER`.
pub fn confirmation_for(
    person: &crate::domain::person::Person,
    c: &Confirmed,
    tr: &Tr,
    kiosk: &KioskConfig,
    now: NaiveDateTime,
) -> Option<crate::store::Reminder> {
    kiosk.reminder_gateway.as_ref()?;
    let recipient = person.phone.clone().or(person.email.clone())?;
    Some(crate::store::Reminder {
        due: now,
        recipient,
        message: Message::Confirmation(c).text(tr, kiosk),
    })
}

/// The printed ticket: the help point, the code in large, the day and time, what, where, what
/// to bring, the help point's phone and how to change the appointment, and the QR code of the
/// event for a person who has a phone to scan it.
pub fn printout(c: &Confirmed, tr: &Tr, kiosk: &KioskConfig) -> Printout {
    let mut p = Printout::new(tr.tag());
    p.push(PrintLine::Title(kiosk.help_point.name.clone()))
        .push(PrintLine::Gap)
        .push(PrintLine::Text(tr.text("ticket-code")))
        .push(PrintLine::Large(spaced(&c.code)));
    // The receipt's paragraphs after the code (the day first).
    for para in paras(c, tr, kiosk).into_iter().skip(1) {
        p.push(PrintLine::Text(para.text));
    }
    if c.phone.is_some()
        && let Some(event) = vevents(c, tr, kiosk).into_iter().next()
    {
        p.push(PrintLine::Gap).push(PrintLine::Qr(event));
    }
    p.push(PrintLine::Gap)
        .push(PrintLine::Text(tr.text_with(
            "ticket-phone",
            &[("phone", kiosk.help_point.phone.clone().into())],
        )))
        .push(PrintLine::Text(tr.text_with(
            "ticket-change",
            &[("phone", kiosk.help_point.phone.clone().into())],
        )));
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::demo_config;

    #[test]
    fn the_qr_event_escapes_text_and_shortens_by_dropping_duration_then_place() {
        let config = demo_config();
        let starts = crate::clock::parse_local("2026-03-03T14:30").unwrap();
        let c = Confirmed {
            code: "ABC234".into(),
            starts,
            ends: starts + chrono::Duration::minutes(45),
            what: "CV, lettre; entretien".into(),
            counsellor: None,
            place: Where::OnSite,
            room: None,
            bring: None,
            phone: None,
            workshop: false,
        };
        let tr = config.i18n.tr("fr");
        let events = vevents(&c, &tr, &config.kiosk);
        let hp = &config.kiosk.help_point;
        // Lines are folded at 75 octets (RFC 5545): read them unfolded.
        let unfolded: Vec<String> = events.iter().map(|e| e.replace("\n ", "")).collect();
        assert_eq!(
            unfolded[0],
            format!(
                "BEGIN:VEVENT\nSUMMARY:CV\\, lettre\\; entretien\nDTSTART:20260303T143000\n\
                 DURATION:PT45M\nLOCATION:{}\\, {} {}\nDESCRIPTION:Code ABC234. Pour changer \
                 ou annuler : « Gérer mon rendez-vous » sur la borne\\, ou {}.\nEND:VEVENT",
                hp.address, hp.postal_code, hp.commune, hp.phone
            )
        );
        assert!(!events[1].contains("DURATION") && events[1].contains("LOCATION"));
        assert!(!events[2].contains("LOCATION"));
        assert!(events.windows(2).all(|w| w[0].len() > w[1].len()));
        // Every event carries the code and the help point's phone.
        for event in &unfolded {
            assert!(event.contains("ABC234"), "{event}");
            assert!(event.contains(&hp.phone), "{event}");
        }
        // The shortest still fits an 80×24 screen, quiet zone and a line of words included.
        assert!(crate::ui::qr::can_show(&events, (80, 24), false));
    }
}

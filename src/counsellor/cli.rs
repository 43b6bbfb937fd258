//! `borne export activites|agenda`, `borne stats` and `borne purge`: the counsellors' figures
//! and exports, from the same store and arithmetic as the statistics screen.
use crate::store::AgendaStore;
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveDateTime};

use super::export;
use crate::booking::Agenda;
use crate::calendar::Calendar;
use crate::i18n::Tr;
use crate::problem::{EXIT_CONFIG, EXIT_FAILURE};

/// The activity reports' file format.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Format {
    Csv,
    Json,
}

/// `borne export activites`: the reports from `from` to `to`, in the Coop's labels.
pub(crate) fn export_activities(
    store: &mut dyn AgendaStore,
    origin: &export::Origin,
    (from, to): (NaiveDate, NaiveDate),
    format: Format,
) -> ExitCode {
    match store.reports_between(from, to) {
        Ok(reports) => {
            match format {
                Format::Csv => print!("{}", export::activities_csv(&reports, origin)),
                Format::Json => println!("{}", export::activities_json(&reports, origin)),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne export activites: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne export agenda`: a counsellor's appointments and workshops as an iCalendar file
/// (no phone, no e-mail).
pub(crate) fn export_agenda(
    store: &mut dyn AgendaStore,
    agenda: &Agenda,
    counsellor: &str,
    (from, to): (NaiveDate, NaiveDate),
    tr: &Tr,
    calendar: &Calendar,
    now: NaiveDateTime,
) -> ExitCode {
    let Some(c) = agenda
        .counsellors
        .iter()
        .find(|c| c.id == counsellor || c.name.eq_ignore_ascii_case(counsellor))
    else {
        eprintln!(
            "borne export agenda: no counsellor {counsellor:?} (counsellors: {})",
            agenda
                .counsellors
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(EXIT_CONFIG);
    };
    let appointments = match store.appointments_between(from, to) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("borne export agenda: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let mut events: Vec<export::Event> = appointments
        .iter()
        .filter_map(|a| match &a.what {
            crate::store::What::Booking {
                counsellor: who,
                motif,
            } if *who == c.id => {
                let label = agenda.motif_label(motif, tr);
                Some(export::Event {
                    uid: format!("{}@borne", a.code),
                    starts: a.starts,
                    ends: a.ends,
                    summary: format!("{} — {label}", super::agenda::first_name(&a.person, tr)),
                    cancelled: a.status.cancelled(),
                })
            }
            _ => None,
        })
        .collect();
    // The sessions as they stand: moved ones on their new day, cancelled ones marked so
    // that calendars which had them drop them.
    let sessions = match store.sessions(&agenda.planned_sessions(from, to), from, to) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("borne export agenda: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    for s in &sessions {
        let Some(w) = agenda.session_workshop(s) else {
            continue;
        };
        events.push(export::Event {
            uid: format!("{}@borne", w.id),
            starts: w.starts,
            ends: w.ends,
            summary: tr.text_with(
                "counsellor-workshop-event",
                &[("title", tr.text(&agenda.workshops[w.series].title).into())],
            ),
            cancelled: s.cancelled,
        });
    }
    events.sort_by_key(|e| e.starts);
    print!("{}", export::ics(&events, now, calendar));
    ExitCode::SUCCESS
}

/// `borne purge`: what the retention period allows to keep, and nothing more.
pub(crate) fn purge(
    store: &mut dyn AgendaStore,
    now: NaiveDateTime,
    retention_days: u32,
) -> ExitCode {
    match store.erase_personal_data(now, retention_days) {
        Ok(n) => {
            println!(
                "{n} appointments erased (names, phones, e-mails, shared diagnostics, reminders, notes) — older than {retention_days} days"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne purge: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne stats`, and the figures line under `borne booking list`: the statistics screen's
/// figures.
pub fn stats(
    store: &mut dyn AgendaStore,
    agenda: &Agenda,
    tr: &crate::i18n::Tr,
    (from, to): (NaiveDate, NaiveDate),
    json: bool,
    summary_only: bool,
) -> ExitCode {
    match crate::store::stats(store, from, to, &agenda.planned_sessions(from, to)) {
        Ok(s) if summary_only => {
            println!("{}", super::stats::summary(&s.total, tr));
            ExitCode::SUCCESS
        }
        Ok(s) if json => {
            println!("{}", serde_json::to_string(&s).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Ok(s) => {
            print!("{}", super::stats::text(&s, tr));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne stats: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

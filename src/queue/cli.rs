//! `borne queue list|take|call|done|stats`: the queue as the counsellor sees it, for scripts,
//! a desk without a kiosk, and the tests — the same rules and store as the screens.
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use crate::booking::Agenda;
use crate::domain::queue::{self, DayFigures, Entry, NewEntry, State};
use crate::i18n::Tr;
use crate::problem::{EXIT_CONFIG, EXIT_FAILURE};
use crate::store::{AgendaStore, Caller, QueueRefusal};

fn failed(command: &str, e: &str) -> ExitCode {
    eprintln!("borne queue {command}: {e}");
    ExitCode::from(EXIT_FAILURE)
}

fn refused(command: &str, why: &str) -> ExitCode {
    eprintln!("borne queue {command}: {why}");
    ExitCode::from(EXIT_FAILURE)
}

/// A refusal in the staff's words.
pub(crate) fn refusal_text(refusal: QueueRefusal) -> &'static str {
    match refusal {
        QueueRefusal::NobodyWaiting => "nobody is waiting for you",
        QueueRefusal::NotFound => "no such ticket today (or not called by you)",
        QueueRefusal::CalledByAnother => "another counsellor called this ticket",
        QueueRefusal::NotYours => "this is another counsellor's appointment",
        QueueRefusal::Settled => "this ticket is settled already",
        QueueRefusal::Full => "the day's 999 tickets are all given",
    }
}

/// The queue as the counsellor sees it: who was called and is not settled yet, then who
/// waits, in the order they are called; each with its place (1: the next).
pub(crate) fn as_seen(entries: &[Entry], now: NaiveDateTime) -> Vec<(Option<usize>, &Entry)> {
    let mut seen: Vec<(Option<usize>, &Entry)> = entries
        .iter()
        .filter(|e| e.state == State::Called)
        .map(|e| (None, e))
        .collect();
    seen.extend(
        queue::order(entries, now)
            .into_iter()
            .enumerate()
            .map(|(i, e)| (Some(i + 1), e)),
    );
    seen
}

fn entry_json(
    place: Option<usize>,
    e: &Entry,
    agenda: &Agenda,
    tr: &Tr,
    now: NaiveDateTime,
) -> serde_json::Value {
    json!({
        "ticket": e.label(),
        "number": e.number,
        "place": place,
        "state": e.state.label(),
        "arrived": e.arrived.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "waiting_minutes": (now - e.arrived).num_minutes().max(0),
        "motif": e.motif,
        "motif_label": agenda.motif_label(&e.motif, tr),
        "first_name": e.first_name,
        "locale": e.locale,
        "appointment": e.appointment.as_ref().map(|a| json!({
            "code": a.code,
            "starts": a.starts.format("%Y-%m-%dT%H:%M").to_string(),
            "counsellor": a.counsellor,
        })),
        "called_by": e.called_by,
        "desk": e.desk,
        "calls": e.calls,
    })
}

fn entry_line(
    place: Option<usize>,
    e: &Entry,
    agenda: &Agenda,
    tr: &Tr,
    now: NaiveDateTime,
) -> String {
    let place = place.map_or_else(|| "-".to_string(), |p| p.to_string());
    let appointment = e.appointment.as_ref().map_or(String::new(), |a| {
        format!(
            "  rendez-vous {} {}",
            a.starts.format("%H:%M"),
            a.counsellor
        )
    });
    let called = match (&e.called_by, e.state) {
        (Some(who), State::Called) => {
            format!(
                "  appelé par {who}{}",
                e.desk.as_ref().map_or(String::new(), |d| format!(" ({d})"))
            )
        }
        _ => String::new(),
    };
    format!(
        "{place:>3}  {}  {}  {:<10}  {:>3} min  {}  {}  {}{appointment}{called}",
        e.label(),
        e.arrived.format("%H:%M"),
        e.state.label(),
        (now - e.arrived).num_minutes().max(0),
        agenda.motif_label(&e.motif, tr),
        e.first_name.as_deref().unwrap_or("-"),
        e.locale,
    )
}

/// `borne queue list`: today's queue as the counsellor sees it.
pub(crate) fn list(
    store: &mut dyn AgendaStore,
    agenda: &Agenda,
    tr: &Tr,
    now: NaiveDateTime,
    json: bool,
) -> ExitCode {
    let entries = match store.queue_day(now.date()) {
        Ok(entries) => entries,
        Err(e) => return failed("list", &e),
    };
    let seen = as_seen(&entries, now);
    if json {
        let all: Vec<_> = seen
            .iter()
            .map(|(place, e)| entry_json(*place, e, agenda, tr, now))
            .collect();
        println!("{}", serde_json::Value::Array(all));
    } else {
        for (place, e) in &seen {
            println!("{}", entry_line(*place, e, agenda, tr, now));
        }
        let waiting = seen.iter().filter(|(p, _)| p.is_some()).count();
        println!(
            "{waiting} waiting, {} called, {} tickets today",
            seen.len() - waiting,
            entries.len()
        );
    }
    ExitCode::SUCCESS
}

/// `borne queue take`: a walk-in's ticket, as the kiosk gives it.
pub(crate) fn take(
    store: &mut dyn AgendaStore,
    agenda: &Agenda,
    (motif, first_name, locale): (&str, Option<&str>, &str),
    now: NaiveDateTime,
    json: bool,
) -> ExitCode {
    if agenda.motif_by_id(motif).is_none() {
        eprintln!(
            "borne queue take: no motif {motif:?} (motifs: {})",
            agenda
                .motifs
                .iter()
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(EXIT_CONFIG);
    }
    let new = NewEntry {
        motif: motif.to_string(),
        first_name: first_name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        locale: locale.to_string(),
    };
    let entry = match store.take_ticket(&new, now) {
        Ok(Ok(entry)) => entry,
        Ok(Err(refusal)) => return refused("take", refusal_text(refusal)),
        Err(e) => return failed("take", &e),
    };
    let entries = store.queue_day(now.date()).unwrap_or_default();
    let (ahead, estimate) = super::standing(agenda, &entries, entry.number, now);
    if json {
        println!(
            "{}",
            json!({
                "ticket": entry.label(),
                "number": entry.number,
                "ahead": ahead,
                "wait_minutes": estimate,
            })
        );
    } else {
        println!(
            "{}: {ahead} before, wait {} to {} min",
            entry.label(),
            estimate.low,
            estimate.high
        );
    }
    ExitCode::SUCCESS
}

/// `borne queue call`: the next person this counsellor may call, or the ticket given, to
/// their desk.
pub(crate) fn call(
    store: &mut dyn AgendaStore,
    agenda: &Agenda,
    counsellor: &str,
    ticket: Option<&str>,
    now: NaiveDateTime,
    json: bool,
) -> ExitCode {
    let Some(c) = agenda.counsellor_by_id(counsellor) else {
        eprintln!("borne queue call: no counsellor {counsellor:?} in the agenda");
        return ExitCode::from(EXIT_CONFIG);
    };
    let number = match ticket.map(|t| (t, queue::parse_label(t))) {
        None => None,
        Some((_, Some(n))) => Some(n),
        Some((t, None)) => {
            eprintln!("borne queue call: --ticket {t:?} is not a ticket (write A-012)");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let caller = Caller {
        counsellor: counsellor.to_string(),
        desk: agenda.counsellors[c].desk.clone(),
    };
    match store.call(&caller, number, now) {
        Ok(Ok(e)) if json => {
            println!(
                "{}",
                json!({"ticket": e.label(), "number": e.number, "desk": e.desk, "calls": e.calls})
            );
            ExitCode::SUCCESS
        }
        Ok(Ok(e)) => {
            let desk = e.desk.as_ref().map_or(String::new(), |d| format!(" → {d}"));
            println!("{}{desk}", e.label());
            ExitCode::SUCCESS
        }
        Ok(Err(refusal)) => refused("call", refusal_text(refusal)),
        Err(e) => failed("call", &e),
    }
}

/// `borne queue done`: the outcome of a call.
pub(crate) fn done(
    store: &mut dyn AgendaStore,
    counsellor: &str,
    ticket: &str,
    outcome: &str,
    now: NaiveDateTime,
) -> ExitCode {
    let Some(number) = queue::parse_label(ticket) else {
        eprintln!("borne queue done: --ticket {ticket:?} is not a ticket (write A-012)");
        return ExitCode::from(EXIT_CONFIG);
    };
    let outcome = match State::parse(outcome) {
        Ok(s @ (State::Served | State::Absent | State::Redirected)) => s,
        _ => {
            eprintln!("borne queue done: --outcome {outcome:?}: served, absent or redirected");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    match store.settle(now.date(), number, outcome, counsellor, now) {
        Ok(Ok(e)) => {
            println!("{} {}", e.label(), e.state.label());
            ExitCode::SUCCESS
        }
        Ok(Err(refusal)) => refused("done", refusal_text(refusal)),
        Err(e) => failed("done", &e),
    }
}

/// The queue's figures of a day, one line.
pub(crate) fn figures_line(f: &DayFigures) -> String {
    let minutes = |m: Option<i64>| m.map_or("-".to_string(), |m| format!("{m} min"));
    format!(
        "{}  helped without appointment {}  (tickets {}, checked in {}, absent {}, redirected {}, left {})  wait median {}  90th percentile {}",
        f.day,
        f.helped_without_appointment,
        f.walk_ins,
        f.checked_in,
        f.absent,
        f.redirected,
        f.left,
        minutes(f.wait_median),
        minutes(f.wait_p90),
    )
}

/// `borne queue stats`: each day's figures, as the statistics count them.
pub fn stats(
    store: &mut dyn AgendaStore,
    (from, to): (NaiveDate, NaiveDate),
    json: bool,
) -> ExitCode {
    let figures = match store.queue_between(from, to) {
        Ok(entries) => queue::figures(&entries),
        Err(e) => return failed("stats", &e),
    };
    if json {
        println!("{}", serde_json::to_string(&figures).unwrap_or_default());
    } else {
        for f in &figures {
            println!("{}", figures_line(f));
        }
        println!("{} days with a queue from {from} to {to}", figures.len());
    }
    ExitCode::SUCCESS
}

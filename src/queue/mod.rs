//! "Je suis là": the help point's queue as people meet it — the citizen's check-in for an
//! appointment and ticket for help now (`check_in.rs`, `walk_in.rs`, the ticket in
//! `ticket.rs`), the waiting room's calling screen (`display.rs`), and `borne queue` (`cli.rs`).
//! Counsellor mode's "File d'attente" is the counsellor's (`counsellor/queue.rs`). The rules
//! themselves are the domain's (`domain/queue.rs`); the store keeps the queue.
pub(crate) mod check_in;
pub(crate) mod cli;
pub(crate) mod display;
pub(crate) mod here;
pub(crate) mod ticket;
pub(crate) mod walk_in;

use chrono::{Duration, NaiveDateTime};

use crate::booking::Agenda;
use crate::booking::agenda::Where;
use crate::domain::queue::{self, Entry, Estimate};

/// The counsellors who receive here today and have not finished: their plage here is open
/// today and ends after `now`, they are not away, the help point is not closed.
pub(crate) fn on_duty(agenda: &Agenda, now: NaiveDateTime) -> Vec<usize> {
    let day = now.date();
    if agenda.closed(day) {
        return Vec::new();
    }
    let mut found: Vec<usize> = agenda
        .plages
        .iter()
        .filter(|p| p.help_point.is_none() && p.open_on(day) && day.and_time(p.end) > now)
        .map(|p| p.counsellor)
        .filter(|c| !agenda.away(*c, day))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// How long helping one person usually takes, before today has times of its own: the
/// shortest and the longest of the motifs received on site.
pub(crate) fn usual_help(agenda: &Agenda) -> (Duration, Duration) {
    let on_site = agenda.motifs.iter().filter(|m| m.place == Where::OnSite);
    let shortest = on_site.clone().map(|m| m.duration).min();
    let longest = on_site.map(|m| m.duration).max();
    match (shortest, longest) {
        (Some(s), Some(l)) => (s, l),
        _ => (Duration::minutes(15), Duration::minutes(45)),
    }
}

/// Where ticket `number` stands in the day's queue: how many are before it, and the wait.
pub(crate) fn standing(
    agenda: &Agenda,
    entries: &[Entry],
    number: u32,
    now: NaiveDateTime,
) -> (usize, Estimate) {
    let ahead = queue::ahead_of(entries, number, now);
    let desks = on_duty(agenda, now).len();
    let estimate = queue::estimate(
        ahead,
        desks,
        &queue::help_times(entries),
        usual_help(agenda),
    );
    (ahead, estimate)
}

/// Where a called person goes: the desk of the call, else "Bureau de Camille".
pub(crate) fn desk(agenda: &Agenda, entry: &Entry, tr: &crate::i18n::Tr) -> String {
    if let Some(desk) = &entry.desk {
        return desk.clone();
    }
    let name = entry
        .called_by
        .as_deref()
        .and_then(|id| agenda.counsellor_by_id(id))
        .map_or_else(String::new, |c| agenda.counsellors[c].name.clone());
    tr.text_with("display-desk-none", &[("name", name.into())])
}

/// The motifs people can ask help for now: those received on site.
pub(crate) fn motifs_here(agenda: &Agenda) -> Vec<usize> {
    (0..agenda.motifs.len())
        .filter(|m| agenda.motifs[*m].place == Where::OnSite)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;
    use crate::testing::demo_config;

    #[test]
    fn counsellors_on_duty_are_those_whose_plage_here_is_not_over() {
        let config = demo_config();
        let agenda = &config.agenda;
        let names = |now: &str| -> Vec<String> {
            on_duty(agenda, parse_local(now).unwrap())
                .into_iter()
                .map(|c| agenda.counsellors[c].id.clone())
                .collect()
        };
        // Monday morning: Camille's plage is open.
        assert!(names("2026-03-02T10:15").contains(&"camille".to_string()));
        // Sunday: nobody.
        assert!(names("2026-03-01T10:15").is_empty());
        // Monday night: every plage is over.
        assert!(names("2026-03-02T21:00").is_empty());
        // Easter Monday, a public holiday: closed.
        assert!(names("2026-04-06T10:15").is_empty());
    }

    #[test]
    fn the_usual_help_is_the_range_of_the_motifs_on_site() {
        let config = demo_config();
        assert_eq!(
            usual_help(&config.agenda),
            (Duration::minutes(30), Duration::minutes(45))
        );
    }
}

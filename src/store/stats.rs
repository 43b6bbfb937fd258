//! The help point's statistics, worked out from what the agenda keeps — the same arithmetic
//! on either store, for the statistics screen, `borne stats` and `borne booking list`.
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::appointments::{AgendaStore, Appointment, Session, Status, What};
use crate::domain::queue::DayFigures;
use crate::domain::report::Report;
use crate::vocabulary::coop::Thematique;

/// What a period is: the whole range asked, one of its weeks, one of its months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    #[default]
    Range,
    /// From its Monday (`first_day` may be later, where the range starts).
    Week,
    Month,
}

/// A week or a month of activity (or the whole range), from `first_day` to `last_day`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Period {
    pub span: Span,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub bookings: u32,
    pub present: u32,
    pub absent: u32,
    pub cancelled: u32,
    /// absent / (present + absent), when anyone was expected.
    pub no_show_rate: Option<f64>,
    pub workshop_seats: u32,
    pub workshop_registered: u32,
    pub fill_rate: Option<f64>,
    pub diagnostics: u32,
    pub accompaniments: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// The whole range: the figures `borne booking list` also gives.
    pub total: Period,
    pub weeks: Vec<Period>,
    pub months: Vec<Period>,
    /// Needs found by the anonymous diagnostics: (Coop label, count), most first.
    pub needs: Vec<(String, u32)>,
    /// Accompaniments by thématique: (Coop label, count), most first.
    pub themes: Vec<(String, u32)>,
    /// Each day that had a queue: people helped without appointment, waits.
    pub queue: Vec<DayFigures>,
}

/// Statistics between two days, per week and per month. `planned` are the agenda's workshop
/// sessions of the range: their seats count as staff left them (a cancelled session offers
/// none).
pub fn stats(
    agenda: &mut dyn AgendaStore,
    from: NaiveDate,
    to: NaiveDate,
    planned: &[Session],
) -> Result<Stats, String> {
    let facts = Facts {
        appointments: agenda.appointments_between(from, to)?,
        sessions: agenda.sessions(planned, from, to)?,
        reports: agenda.reports_between(from, to)?,
        diagnostics: agenda.diagnostics_between(from, to)?,
    };
    let mut stats = facts.stats(from, to);
    stats.queue = crate::domain::queue::figures(&agenda.queue_between(from, to)?);
    Ok(stats)
}

/// What the statistics count.
struct Facts {
    appointments: Vec<Appointment>,
    sessions: Vec<Session>,
    reports: Vec<Report>,
    diagnostics: Vec<(NaiveDate, Vec<Thematique>)>,
}

impl Facts {
    fn stats(&self, from: NaiveDate, to: NaiveDate) -> Stats {
        let mut stats = Stats {
            total: self.period(Span::Range, from, to),
            ..Stats::default()
        };
        let mut week = crate::calendar::monday_of(from);
        while week <= to {
            let (start, end) = (week.max(from), (week + Duration::days(6)).min(to));
            stats.weeks.push(self.period(Span::Week, start, end));
            week += Duration::days(7);
        }
        let mut month = from.with_day(1).expect("day 1");
        while month <= to {
            let next = if month.month() == 12 {
                NaiveDate::from_ymd_opt(month.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(month.year(), month.month() + 1, 1)
            }
            .expect("a month");
            let (start, end) = (month.max(from), (next - Duration::days(1)).min(to));
            stats.months.push(self.period(Span::Month, start, end));
            month = next;
        }
        stats.needs = tally(
            self.diagnostics
                .iter()
                .flat_map(|(_, needs)| needs)
                .map(|n| n.label()),
        );
        stats.themes = tally(
            self.reports
                .iter()
                .flat_map(|r| &r.themes)
                .map(|t| t.label()),
        );
        stats
    }

    fn period(&self, span: Span, from: NaiveDate, to: NaiveDate) -> Period {
        let within = |day: NaiveDate| day >= from && day <= to;
        let bookings: Vec<&Appointment> = self
            .appointments
            .iter()
            .filter(|a| matches!(a.what, What::Booking { .. }) && within(a.starts.date()))
            .collect();
        let with = |status: Status| bookings.iter().filter(|a| a.status == status).count() as u32;
        let (present, absent) = (with(Status::Present), with(Status::Absent));
        let registered = self
            .appointments
            .iter()
            .filter(|a| {
                matches!(a.what, What::Workshop { .. })
                    && within(a.starts.date())
                    && !a.status.cancelled()
            })
            .count() as u32;
        let seats: u32 = self
            .sessions
            .iter()
            .filter(|s| !s.cancelled && within(s.starts.date()))
            .map(|s| s.seats)
            .sum();
        Period {
            span,
            first_day: from,
            last_day: to,
            bookings: bookings.len() as u32,
            present,
            absent,
            cancelled: with(Status::CancelledByCitizen) + with(Status::CancelledByService),
            no_show_rate: (present + absent > 0)
                .then(|| f64::from(absent) / f64::from(present + absent)),
            workshop_seats: seats,
            workshop_registered: registered,
            fill_rate: (seats > 0).then(|| f64::from(registered) / f64::from(seats)),
            diagnostics: self.diagnostics.iter().filter(|(d, _)| within(*d)).count() as u32,
            accompaniments: self.reports.iter().filter(|r| within(r.date)).count() as u32,
        }
    }
}

/// (label, count), most first, then by label.
fn tally<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<(String, u32)> {
    let mut counts: std::collections::BTreeMap<String, u32> = Default::default();
    for label in labels {
        *counts.entry(label.to_string()).or_default() += 1;
    }
    let mut list: Vec<(String, u32)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

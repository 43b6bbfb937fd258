//! The help point's statistics in words and bars, in the counsellor's language: per week and
//! month, bookings, attendance, workshops, needs and accompaniments. Short lines, so that the
//! screen and a terminal of 80 columns show them whole.
use chrono::Datelike;

use crate::calendar::words;
use crate::i18n::Tr;
use crate::store::{Period, Span, Stats};
use crate::vocabulary::coop::Thematique;

const BAR: usize = 20;

/// The range's figures in one line, as `borne booking list` ends.
pub(crate) fn summary(p: &Period, tr: &Tr) -> String {
    tr.text_with(
        "stats-summary",
        &[
            ("period", name(p, tr).into()),
            ("bookings", i64::from(p.bookings).into()),
            ("present", i64::from(p.present).into()),
            ("absent", i64::from(p.absent).into()),
            ("cancelled", i64::from(p.cancelled).into()),
            ("registered", i64::from(p.workshop_registered).into()),
            ("seats", i64::from(p.workshop_seats).into()),
        ],
    )
}

/// "du lundi 2 mars au dimanche 29 mars", "semaine du lundi 2 mars", "mars 2026".
fn name(p: &Period, tr: &Tr) -> String {
    match p.span {
        Span::Range => tr.text_with(
            "stats-range",
            &[
                ("from", words::day(tr, p.first_day).into()),
                ("to", words::day(tr, p.last_day).into()),
            ],
        ),
        Span::Week => {
            let monday = crate::calendar::monday_of(p.first_day);
            tr.text_with("stats-week", &[("day", words::day(tr, monday).into())])
        }
        Span::Month => tr.text_with(
            "stats-month",
            &[
                (
                    "month",
                    tr.text(&format!("month-{}", p.first_day.month())).into(),
                ),
                ("year", i64::from(p.first_day.year()).into()),
            ],
        ),
    }
}

/// A bar of `n` out of `max`, in full blocks, and the number beside it.
pub(crate) fn bar(n: u32, max: u32) -> String {
    let len = if max == 0 {
        0
    } else {
        (n as usize * BAR).div_ceil(max as usize)
    };
    format!("{:<BAR$} {n}", "█".repeat(len))
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or("—".to_string(), |r| format!("{:.0}\u{a0}%", r * 100.0))
}

fn periods(title: &str, list: &[Period], tr: &Tr) -> String {
    let mut out = format!("{title}\n");
    let max = list.iter().map(|p| p.bookings).max().unwrap_or(0);
    for p in list {
        out += &format!("  {}\n", name(p, tr));
        out += &format!(
            "    {} {}\n",
            tr.text("stats-bookings"),
            bar(p.bookings, max)
        );
        out += &format!(
            "    {}\n",
            tr.text_with(
                "stats-attendance",
                &[
                    ("present", i64::from(p.present).into()),
                    ("absent", i64::from(p.absent).into()),
                    ("rate", percent(p.no_show_rate).into()),
                    ("cancelled", i64::from(p.cancelled).into()),
                ],
            )
        );
        out += &format!(
            "    {}\n",
            tr.text_with(
                "stats-activity",
                &[
                    ("registered", i64::from(p.workshop_registered).into()),
                    ("seats", i64::from(p.workshop_seats).into()),
                    ("rate", percent(p.fill_rate).into()),
                    ("diagnostics", i64::from(p.diagnostics).into()),
                    ("accompaniments", i64::from(p.accompaniments).into()),
                ],
            )
        );
    }
    out
}

/// Each thématique in the counsellor's language (the Coop's label in the exports).
fn tally(title: &str, list: &[(String, u32)], tr: &Tr) -> String {
    let mut out = format!("{title}\n");
    let max = list.first().map_or(0, |(_, n)| *n);
    if list.is_empty() {
        out += "  —\n";
    }
    for (label, n) in list {
        let said = Thematique::from_label(label)
            .map_or(label.clone(), |t| tr.text(&format!("need-{}", t.key())));
        out += &format!("  {said}\n    {}\n", bar(*n, max));
    }
    out
}

/// Each day that had a queue: people helped without appointment, the median wait and the
/// 90th percentile.
fn queue_days(figures: &[crate::domain::queue::DayFigures], tr: &Tr) -> String {
    let mut out = format!("{}\n", tr.text("counsellor-queue-stats-title"));
    let minutes = |m: Option<i64>| m.map_or("—".to_string(), |m| m.to_string());
    for f in figures {
        out += &format!(
            "  {}\n",
            tr.text_with(
                "counsellor-queue-stats-day",
                &[
                    ("day", crate::calendar::words::day(tr, f.day).into()),
                    ("helped", i64::from(f.helped_without_appointment).into()),
                    ("median", minutes(f.wait_median).into()),
                    ("p90", minutes(f.wait_p90).into()),
                ],
            )
        );
    }
    out
}

pub(crate) fn text(s: &Stats, tr: &Tr) -> String {
    let mut parts = vec![
        periods(&tr.text("stats-total"), std::slice::from_ref(&s.total), tr),
        periods(&tr.text("stats-weeks"), &s.weeks, tr),
        periods(&tr.text("stats-months"), &s.months, tr),
        tally(&tr.text("stats-needs"), &s.needs, tr),
        tally(&tr.text("stats-themes"), &s.themes, tr),
    ];
    if !s.queue.is_empty() {
        parts.push(queue_days(&s.queue, tr));
    }
    parts.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_with_the_number_beside() {
        assert_eq!(bar(12, 12).trim_end(), format!("{} 12", "█".repeat(BAR)));
        assert!(bar(6, 12).starts_with(&"█".repeat(BAR / 2)));
        assert!(bar(0, 12).trim().ends_with('0'));
        assert!(bar(0, 0).trim() == "0");
    }
}

//! Dates and times in words, in the person's language: "mardi 3 mars", "14 h 30".
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::i18n::Tr;

/// "mardi 3 mars"
pub(crate) fn day(tr: &Tr, date: NaiveDate) -> String {
    tr.text_with(
        "date-day",
        &[
            (
                "weekday",
                tr.text(&format!("weekday-{}", date.weekday().number_from_monday()))
                    .into(),
            ),
            ("day", i64::from(date.day()).into()),
            ("month", tr.text(&format!("month-{}", date.month())).into()),
        ],
    )
}

/// The day as `day` says it, "aujourd'hui" or "demain" before it when it is one of those
/// (from `today`).
pub fn day_from(tr: &Tr, date: NaiveDate, today: NaiveDate) -> String {
    let day = day(tr, date);
    let id = match (date - today).num_days() {
        0 => "date-today",
        1 => "date-tomorrow",
        _ => return day,
    };
    tr.text_with(id, &[("day", day.into())])
}

/// "14 h 30"; for the voice, as a person says it: "14 heures 30", "midi".
pub(crate) fn time(tr: &Tr, t: NaiveDateTime) -> String {
    if tr.is_spoken() {
        return tr.text_with(
            "time-said",
            &[
                ("hour", i64::from(t.hour()).into()),
                ("minute", i64::from(t.minute()).into()),
            ],
        );
    }
    tr.text_with(
        "time-of-day",
        &[
            ("hour", i64::from(t.hour()).into()),
            ("minute", format!("{:02}", t.minute()).into()),
        ],
    )
}

/// "2 avril 2024": a date of another year in words (never "02/04/2024", which reads as a
/// sum to some and as 4 February to others).
pub(crate) fn long(tr: &Tr, date: NaiveDate) -> String {
    tr.text_with(
        "date-long",
        &[
            ("day", i64::from(date.day()).into()),
            ("month", tr.text(&format!("month-{}", date.month())).into()),
            // A string: a year is not grouped in thousands.
            ("year", date.year().to_string().into()),
        ],
    )
}

/// "Données du 2 décembre 2026": the date of the newest lieux data, or that there is none.
pub(crate) fn data_date(tr: &Tr, date: Option<NaiveDate>) -> String {
    match date {
        Some(date) => tr.text_with("staff-lieux-date", &[("date", long(tr, date).into())]),
        None => tr.text("staff-lieux-none"),
    }
}

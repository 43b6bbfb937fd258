//! Handing the work over: activity reports as CSV or JSON with the Coop's exact labels, and a
//! counsellor's agenda as an iCalendar file (first names and motifs only, never a phone).
use chrono::NaiveDateTime;
use serde_json::json;

use crate::calendar::Calendar;
use crate::calendar::ical::Ical;
use crate::domain::report::Report;
use crate::vocabulary::{join_values, split_values};

/// Who the reports are from, as La Coop needs them with each: the lieu (its identifier in
/// the national cartographie, else the help point's network id; its name) and each
/// counsellor's name by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origin {
    pub lieu_id: String,
    pub lieu_name: String,
    pub counsellors: Vec<(String, String)>,
}

impl Origin {
    pub(crate) fn of(
        kiosk: &crate::config::KioskConfig,
        agenda: &crate::booking::Agenda,
    ) -> Origin {
        let hp = &kiosk.help_point;
        Origin {
            lieu_id: hp
                .lieu_id
                .clone()
                .or_else(|| hp.id.clone())
                .unwrap_or_default(),
            lieu_name: hp.name.clone(),
            counsellors: agenda
                .counsellors
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
        }
    }

    fn name_of(&self, counsellor: &str) -> String {
        self.counsellors
            .iter()
            .find(|(id, _)| id == counsellor)
            .map_or_else(|| counsellor.to_string(), |(_, name)| name.clone())
    }
}

/// The CSV columns, one row per accompaniment. Notes stay at the help point.
pub(crate) const COLUMNS: [&str; 17] = [
    "date",
    "type",
    "duree_minutes",
    "lieu",
    "autonomie",
    "materiel",
    "thematiques",
    "thematiques_administratives",
    "redirection",
    "genre",
    "tranche_age",
    "statut",
    "conseiller",
    "rendez_vous",
    "conseiller_nom",
    "lieu_id",
    "lieu_nom",
];

fn row(r: &Report, origin: &Origin) -> [String; 17] {
    [
        r.date.to_string(),
        r.kind.to_string(),
        r.minutes.to_string(),
        r.place.to_string(),
        r.autonomy.map(|a| a.to_string()).unwrap_or_default(),
        join_values(&r.equipment),
        join_values(&r.themes),
        join_values(&r.administrative),
        r.redirection.map(|x| x.to_string()).unwrap_or_default(),
        r.gender.to_string(),
        r.age.to_string(),
        r.status.to_string(),
        r.counsellor.clone(),
        r.booking.clone().unwrap_or_default(),
        origin.name_of(&r.counsellor),
        origin.lieu_id.clone(),
        origin.lieu_name.clone(),
    ]
}

pub(crate) fn activities_csv(reports: &[Report], origin: &Origin) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).expect("in memory");
    for r in reports {
        writer.write_record(row(r, origin)).expect("in memory");
    }
    String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8")
}

pub(crate) fn activities_json(reports: &[Report], origin: &Origin) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            let values = row(r, origin);
            let mut object = serde_json::Map::new();
            for (column, value) in COLUMNS.iter().zip(values) {
                let value = if matches!(
                    *column,
                    "materiel" | "thematiques" | "thematiques_administratives"
                ) {
                    json!(split_values(&value).collect::<Vec<_>>())
                } else if *column == "duree_minutes" {
                    json!(r.minutes)
                } else {
                    json!(value)
                };
                object.insert(column.to_string(), value);
            }
            serde_json::Value::Object(object)
        })
        .collect();
    serde_json::Value::Array(rows)
}

/// An event of the agenda file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Event {
    pub uid: String,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub summary: String,
    pub cancelled: bool,
}

/// The events as a calendar file; times in UTC, converted from the help point's local time.
pub(crate) fn ics(events: &[Event], stamp: NaiveDateTime, calendar: &Calendar) -> String {
    let utc = |t: NaiveDateTime| calendar.to_utc(t).format("%Y%m%dT%H%M%SZ").to_string();
    let mut ical = Ical::file();
    ical.raw("BEGIN", "VCALENDAR")
        .raw("VERSION", "2.0")
        .raw("PRODID", "-//borne//agenda//FR")
        .raw("CALSCALE", "GREGORIAN");
    for e in events {
        ical.raw("BEGIN", "VEVENT")
            .text("UID", &e.uid)
            .raw("DTSTAMP", &utc(stamp))
            .raw("DTSTART", &utc(e.starts))
            .raw("DTEND", &utc(e.ends))
            .text("SUMMARY", &e.summary);
        if e.cancelled {
            ical.raw("STATUS", "CANCELLED");
        }
        ical.raw("END", "VEVENT");
    }
    ical.raw("END", "VCALENDAR");
    ical.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::coop::{Thematique, ThematiqueAdministrative};

    #[test]
    fn csv_uses_the_exact_coop_labels() {
        let mut r = Report::walk_in(
            "camille",
            chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
        );
        r.themes = vec![
            Thematique::AideAuxDemarchesAdministratives,
            Thematique::Email,
        ];
        r.administrative = vec![ThematiqueAdministrative::ArgentImpots];
        let mut config = (*crate::testing::demo_config().kiosk).clone();
        config.help_point.lieu_id = Some("a5e1d0c2-gap".into());
        let origin = Origin::of(&config, &crate::testing::demo_config().agenda);
        let csv = activities_csv(&[r], &origin);
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        assert_eq!(
            lines.next().unwrap(),
            "2026-03-03,Accompagnement individuel,30,Lieu d'activité,,,Aide aux démarches administratives|E-mail,Argent - Impôts,,Non communiqué,Non communiqué,Non communiqué,camille,,Camille,a5e1d0c2-gap,Point numérique — Mairie de Gap"
        );
    }

    #[test]
    fn calendar_lines_are_escaped_and_folded() {
        let t = crate::clock::parse_local("2026-07-01T09:00").unwrap();
        let text = ics(
            &[Event {
                uid: "A@borne".into(),
                starts: t,
                ends: t + chrono::Duration::minutes(45),
                summary: format!("Marie, {}", "très long; ".repeat(10)),
                cancelled: false,
            }],
            t,
            &Calendar::default(),
        );
        assert!(
            text.contains("DTSTART:20260701T070000Z\r\n"),
            "summer time: UTC+2"
        );
        assert!(text.contains("SUMMARY:Marie\\, très long\\;"));
        assert!(text.lines().all(|l| l.len() <= 75), "{text}");
    }
}

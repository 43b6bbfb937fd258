//! Activity reports, and the statistics of the help point.
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;
use serde::Serialize;

use super::Store;
use super::bookings::time_text;
use crate::counsellor::report::Report;
use crate::vocabulary::coop::{
    Autonomie, Genre, LieuAccompagnement, Materiel, Redirection, Statut, Thematique,
    ThematiqueAdministrative, TrancheAge, TypeAccompagnement,
};

fn labels<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join("|")
}

fn parse_list<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.split('|')
        .filter(|s| !s.is_empty())
        .filter_map(parse)
        .collect()
}

/// A week or a month of activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Period {
    pub label: String,
    pub first_day: NaiveDate,
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
    pub weeks: Vec<Period>,
    pub months: Vec<Period>,
    /// Needs found by the anonymous diagnostics: (Coop label, count), most first.
    pub needs: Vec<(String, u32)>,
    /// Accompaniments by thématique: (Coop label, count), most first.
    pub themes: Vec<(String, u32)>,
}

impl Store {
    pub fn save_report(&mut self, r: &Report, at: chrono::NaiveDateTime) -> Result<i64, String> {
        self.immediate(|tx| {
            tx.execute(
                "INSERT INTO activite (counsellor, booking, type, date, duree, lieu, autonomie,
                     materiel, thematiques, thematiques_administratives, redirection, notes, genre,
                     tranche_age, statut, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    r.counsellor,
                    r.booking,
                    r.kind.label(),
                    r.date.to_string(),
                    r.minutes,
                    r.place.label(),
                    r.autonomy.map(|a| a.label()),
                    labels(&r.equipment),
                    labels(&r.themes),
                    labels(&r.administrative),
                    r.redirection.map(|x| x.label()),
                    (!r.notes.trim().is_empty()).then(|| r.notes.clone()),
                    r.gender.label(),
                    r.age.label(),
                    r.status.label(),
                    time_text(at),
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
        .map_err(|e| format!("report: {e}"))
    }

    /// Reports dated between two days (inclusive), oldest first.
    pub fn reports_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Report>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT counsellor, booking, type, date, duree, lieu, autonomie, materiel,
                        thematiques, thematiques_administratives, redirection, notes, genre,
                        tranche_age, statut
                 FROM activite WHERE date >= ?1 AND date <= ?2 ORDER BY date, id",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            let text = |i: usize| r.get::<_, Option<String>>(i).map(Option::unwrap_or_default);
            Ok(Report {
                counsellor: r.get(0)?,
                booking: r.get(1)?,
                kind: TypeAccompagnement::from_label(&text(2)?)
                    .unwrap_or(TypeAccompagnement::Individuel),
                date: NaiveDate::parse_from_str(&text(3)?, "%Y-%m-%d").unwrap_or_default(),
                minutes: r.get(4)?,
                place: LieuAccompagnement::from_label(&text(5)?)
                    .unwrap_or(LieuAccompagnement::LieuActivite),
                autonomy: Autonomie::from_label(&text(6)?),
                equipment: parse_list(&text(7)?, Materiel::from_label),
                themes: parse_list(&text(8)?, Thematique::from_label),
                administrative: parse_list(&text(9)?, ThematiqueAdministrative::from_label),
                redirection: Redirection::from_label(&text(10)?),
                notes: text(11)?,
                gender: Genre::from_label(&text(12)?).unwrap_or(Genre::NonCommunique),
                age: TrancheAge::from_label(&text(13)?).unwrap_or(TrancheAge::NonCommunique),
                status: Statut::from_label(&text(14)?).unwrap_or(Statut::NonCommunique),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())
    }

    fn count(&self, sql: &str, from: NaiveDate, to: NaiveDate) -> Result<u32, String> {
        self.conn
            .query_row(
                sql,
                params![from.to_string(), (to + Duration::days(1)).to_string()],
                |r| r.get(0),
            )
            .map_err(|e| e.to_string())
    }

    fn period(
        &self,
        label: String,
        from: NaiveDate,
        to: NaiveDate,
        seats: u32,
        registered_sql: &str,
    ) -> Result<Period, String> {
        let by_status = |status: &str| {
            self.count(
                &format!("SELECT count(*) FROM booking WHERE starts_at >= ?1 AND starts_at < ?2 AND status = '{status}'"),
                from,
                to,
            )
        };
        let bookings = self.count(
            "SELECT count(*) FROM booking WHERE starts_at >= ?1 AND starts_at < ?2",
            from,
            to,
        )?;
        let present = by_status("présent")?;
        let absent = by_status("absent")?;
        let cancelled = by_status("annulé par l''usager")? + by_status("annulé par le service")?;
        let registered = self.count(registered_sql, from, to)?;
        Ok(Period {
            label,
            first_day: from,
            bookings,
            present,
            absent,
            cancelled,
            no_show_rate: (present + absent > 0)
                .then(|| f64::from(absent) / f64::from(present + absent)),
            workshop_seats: seats,
            workshop_registered: registered,
            fill_rate: (seats > 0).then(|| f64::from(registered) / f64::from(seats)),
            diagnostics: self.count(
                "SELECT count(*) FROM diagnostic_count WHERE day >= ?1 AND day < ?2",
                from,
                to,
            )?,
            accompaniments: self.count(
                "SELECT count(*) FROM activite WHERE date >= ?1 AND date < ?2",
                from,
                to,
            )?,
        })
    }

    /// Statistics between two days, per week and per month. `seats` gives the workshop seats
    /// offered between two days (from the agenda).
    pub fn stats(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        seats: &dyn Fn(NaiveDate, NaiveDate) -> u32,
    ) -> Result<Stats, String> {
        let registered =
            "SELECT count(*) FROM registration WHERE starts_at >= ?1 AND starts_at < ?2
                          AND status NOT IN ('annulé par l''usager', 'annulé par le service')";
        let mut stats = Stats::default();
        let mut week = from - Duration::days(from.weekday().num_days_from_monday().into());
        while week <= to {
            let end = (week + Duration::days(6)).min(to);
            let start = week.max(from);
            let label = format!("semaine du {}", week.format("%d/%m/%Y"));
            stats
                .weeks
                .push(self.period(label, start, end, seats(start, end), registered)?);
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
            let label = month.format("%m/%Y").to_string();
            stats
                .months
                .push(self.period(label, start, end, seats(start, end), registered)?);
            month = next;
        }
        let tally = |sql: &str| -> Result<Vec<(String, u32)>, String> {
            let mut counts: std::collections::BTreeMap<String, u32> = Default::default();
            let mut stmt = self.conn.prepare(sql).map_err(|e| e.to_string())?;
            let rows: Vec<String> = stmt
                .query_map(
                    params![from.to_string(), (to + Duration::days(1)).to_string()],
                    |r| r.get(0),
                )
                .and_then(|rows| rows.collect())
                .map_err(|e| e.to_string())?;
            for row in rows {
                for label in row.split('|').filter(|s| !s.is_empty()) {
                    *counts.entry(label.to_string()).or_default() += 1;
                }
            }
            let mut list: Vec<(String, u32)> = counts.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Ok(list)
        };
        stats.needs = tally("SELECT needs FROM diagnostic_count WHERE day >= ?1 AND day < ?2")?;
        stats.themes = tally("SELECT thematiques FROM activite WHERE date >= ?1 AND date < ?2")?;
        Ok(stats)
    }
}

//! An activity report as both stores keep it: its vocabulary's values as text columns.
use chrono::NaiveDate;

use crate::domain::report::Report;
use crate::vocabulary::coop::{
    Autonomie, Genre, LieuAccompagnement, Materiel, Redirection, Statut, Thematique,
    ThematiqueAdministrative, TrancheAge, TypeAccompagnement,
};
use crate::vocabulary::split_values;

/// A report from its stored columns, whichever store read them: `text(column)` gives a
/// column's text ("" for none). A value the vocabulary does not know is an error naming the
/// row and the column, never a default (a wrong figure sent to La Coop is worse than none).
pub(crate) fn report_of(
    id: i64,
    counsellor: String,
    booking: Option<String>,
    date: &str,
    minutes: u32,
    text: impl Fn(&str) -> String,
) -> Result<Report, String> {
    let bad = |column: &str, value: &str| {
        format!("activite row {id}: {column}: {value:?} is not a known value")
    };
    fn one<T>(
        id: i64,
        column: &str,
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<T, String> {
        parse(value)
            .ok_or_else(|| format!("activite row {id}: {column}: {value:?} is not a known value"))
    }
    fn maybe<T>(
        id: i64,
        column: &str,
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, String> {
        if value.is_empty() {
            Ok(None)
        } else {
            one(id, column, value, parse).map(Some)
        }
    }
    fn list<T>(
        id: i64,
        column: &str,
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Vec<T>, String> {
        split_values(value)
            .map(|v| one(id, column, v, &parse))
            .collect()
    }
    Ok(Report {
        id: Some(id),
        counsellor,
        booking,
        kind: one(id, "type", &text("type"), TypeAccompagnement::from_label)?,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad("date", date))?,
        minutes,
        place: one(id, "lieu", &text("lieu"), LieuAccompagnement::from_label)?,
        autonomy: maybe(id, "autonomie", &text("autonomie"), Autonomie::from_label)?,
        equipment: list(id, "materiel", &text("materiel"), Materiel::from_label)?,
        themes: list(
            id,
            "thematiques",
            &text("thematiques"),
            Thematique::from_label,
        )?,
        administrative: list(
            id,
            "thematiques_administratives",
            &text("thematiques_administratives"),
            ThematiqueAdministrative::from_label,
        )?,
        redirection: maybe(
            id,
            "redirection",
            &text("redirection"),
            Redirection::from_label,
        )?,
        notes: text("notes"),
        gender: one(id, "genre", &text("genre"), Genre::from_label)?,
        age: one(
            id,
            "tranche_age",
            &text("tranche_age"),
            TrancheAge::from_label,
        )?,
        status: one(id, "statut", &text("statut"), Statut::from_label)?,
    })
}

/// The stored text columns of a report, as `report_of` names them.
pub(crate) const REPORT_TEXT: [&str; 11] = [
    "type",
    "lieu",
    "autonomie",
    "materiel",
    "thematiques",
    "thematiques_administratives",
    "redirection",
    "notes",
    "genre",
    "tranche_age",
    "statut",
];

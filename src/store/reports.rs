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
    let row = StoredRow { id, text };
    Ok(Report {
        id: Some(id),
        counsellor,
        booking,
        kind: row.one("type", TypeAccompagnement::from_label)?,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| row.unknown("date", date))?,
        minutes,
        place: row.one("lieu", LieuAccompagnement::from_label)?,
        autonomy: row.maybe("autonomie", Autonomie::from_label)?,
        equipment: row.list("materiel", Materiel::from_label)?,
        themes: row.list("thematiques", Thematique::from_label)?,
        administrative: row.list(
            "thematiques_administratives",
            ThematiqueAdministrative::from_label,
        )?,
        redirection: row.maybe("redirection", Redirection::from_label)?,
        notes: (row.text)("notes"),
        gender: row.one("genre", Genre::from_label)?,
        age: row.one("tranche_age", TrancheAge::from_label)?,
        status: row.one("statut", Statut::from_label)?,
    })
}

/// A stored report's row: its id, and its text columns (`text(column)`, "" for none).
struct StoredRow<F> {
    id: i64,
    text: F,
}

impl<F: Fn(&str) -> String> StoredRow<F> {
    /// Why a column's value is refused, naming the row.
    fn unknown(&self, column: &str, value: &str) -> String {
        format!(
            "activite row {}: {column}: {value:?} is not a known value",
            self.id
        )
    }

    /// A column that holds one value of the vocabulary.
    fn one<T>(&self, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, String> {
        let value = (self.text)(column);
        parse(&value).ok_or_else(|| self.unknown(column, &value))
    }

    /// A column that holds one value of the vocabulary, or none ("").
    fn maybe<T>(
        &self,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, String> {
        let value = (self.text)(column);
        if value.is_empty() {
            return Ok(None);
        }
        parse(&value)
            .map(Some)
            .ok_or_else(|| self.unknown(column, &value))
    }

    /// A column that holds a list of the vocabulary's values.
    fn list<T>(&self, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, String> {
        let value = (self.text)(column);
        split_values(&value)
            .map(|v| parse(v).ok_or_else(|| self.unknown(column, v)))
            .collect()
    }
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

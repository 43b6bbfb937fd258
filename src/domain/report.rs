//! The activity report (compte rendu d'activité, CRA) of an accompaniment, in La Coop de la
//! médiation numérique's v2 vocabulary, and the Coop's rules on it.
use chrono::NaiveDate;
use serde::Serialize;

use crate::vocabulary::coop::{
    Autonomie, Genre, LieuAccompagnement, Materiel, Redirection, Statut, Thematique,
    ThematiqueAdministrative, TrancheAge, TypeAccompagnement,
};

/// The durations offered as choices, in minutes; any other value is allowed.
pub(crate) const DURATIONS: [u32; 6] = [15, 30, 45, 60, 90, 120];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The saved report's row, once saved: saving again edits it.
    pub id: Option<i64>,
    pub counsellor: String,
    /// The booking it follows, if any (walk-in help has none).
    pub booking: Option<String>,
    pub kind: TypeAccompagnement,
    pub date: NaiveDate,
    pub minutes: u32,
    pub place: LieuAccompagnement,
    pub autonomy: Option<Autonomie>,
    pub equipment: Vec<Materiel>,
    pub themes: Vec<Thematique>,
    pub administrative: Vec<ThematiqueAdministrative>,
    pub redirection: Option<Redirection>,
    pub notes: String,
    pub gender: Genre,
    pub age: TrancheAge,
    pub status: Statut,
}

/// Why a report cannot be saved yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportError {
    NoTheme,
    /// Administrative sub-thématiques without "Aide aux démarches administratives".
    AdministrativeWithoutTheme,
    NoDuration,
    /// A report is written after the accompaniment, not before.
    FutureDate,
    /// "Pas de matériel" with some equipment.
    NoEquipmentAndEquipment,
}

impl Report {
    /// A report for walk-in help: today, 30 minutes, anonymous.
    pub(crate) fn walk_in(counsellor: &str, date: NaiveDate) -> Report {
        Report {
            id: None,
            counsellor: counsellor.into(),
            booking: None,
            kind: TypeAccompagnement::Individuel,
            date,
            minutes: 30,
            place: LieuAccompagnement::LieuActivite,
            autonomy: None,
            equipment: Vec::new(),
            themes: Vec::new(),
            administrative: Vec::new(),
            redirection: None,
            notes: String::new(),
            gender: Genre::NonCommunique,
            age: TrancheAge::NonCommunique,
            status: Statut::NonCommunique,
        }
    }

    /// The Coop's rule: administrative sub-thématiques only under "Aide aux démarches
    /// administratives"; and a report says what it was about and how long it took.
    pub(crate) fn check(&self, today: NaiveDate) -> Result<(), ReportError> {
        if self.date > today {
            return Err(ReportError::FutureDate);
        }
        if self.equipment.contains(&Materiel::PasDeMateriel) && self.equipment.len() > 1 {
            return Err(ReportError::NoEquipmentAndEquipment);
        }
        if self.themes.is_empty() {
            return Err(ReportError::NoTheme);
        }
        if !self.administrative.is_empty()
            && !self
                .themes
                .contains(&Thematique::AideAuxDemarchesAdministratives)
        {
            return Err(ReportError::AdministrativeWithoutTheme);
        }
        if self.minutes == 0 {
            return Err(ReportError::NoDuration);
        }
        Ok(())
    }

    /// Toggles an equipment; "Pas de matériel" and the others exclude each other.
    pub(crate) fn toggle_equipment(&mut self, m: Materiel) {
        if let Some(at) = self.equipment.iter().position(|x| *x == m) {
            self.equipment.remove(at);
            return;
        }
        if m == Materiel::PasDeMateriel {
            self.equipment.clear();
        } else {
            self.equipment.retain(|x| *x != Materiel::PasDeMateriel);
        }
        self.equipment.push(m);
    }

    /// Toggles a thématique; taking away "Aide aux démarches administratives" takes its
    /// sub-thématiques with it.
    pub(crate) fn toggle_theme(&mut self, theme: Thematique) {
        if let Some(i) = self.themes.iter().position(|t| *t == theme) {
            self.themes.remove(i);
            if theme == Thematique::AideAuxDemarchesAdministratives {
                self.administrative.clear();
            }
        } else {
            self.themes.push(theme);
        }
    }

    /// Toggles a sub-thématique: refused (false) while "Aide aux démarches administratives"
    /// is not chosen.
    pub(crate) fn toggle_administrative(&mut self, sub: ThematiqueAdministrative) -> bool {
        if !self
            .themes
            .contains(&Thematique::AideAuxDemarchesAdministratives)
        {
            return false;
        }
        if let Some(i) = self.administrative.iter().position(|t| *t == sub) {
            self.administrative.remove(i);
        } else {
            self.administrative.push(sub);
        }
        true
    }
}

/// The closest offered duration (a 45-minute motif stays 45; 20 becomes 15).
pub(crate) fn nearest_duration(minutes: i64) -> u32 {
    DURATIONS
        .iter()
        .copied()
        .min_by_key(|d| (i64::from(*d) - minutes).abs())
        .unwrap_or(30)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
    }

    #[test]
    fn administrative_sub_themes_need_their_theme() {
        let mut r = Report::walk_in("camille", day());
        assert_eq!(r.check(day()), Err(ReportError::NoTheme));
        r.toggle_theme(Thematique::Email);
        assert!(r.check(day()).is_ok());
        assert!(
            !r.toggle_administrative(ThematiqueAdministrative::ArgentImpots),
            "refused"
        );
        r.administrative
            .push(ThematiqueAdministrative::ArgentImpots);
        assert_eq!(r.check(day()), Err(ReportError::AdministrativeWithoutTheme));
        r.administrative.clear();
        r.toggle_theme(Thematique::AideAuxDemarchesAdministratives);
        assert!(r.toggle_administrative(ThematiqueAdministrative::ArgentImpots));
        assert!(r.check(day()).is_ok());
        r.toggle_theme(Thematique::AideAuxDemarchesAdministratives);
        assert!(r.administrative.is_empty(), "removed with their theme");
    }

    #[test]
    fn no_report_for_a_future_day_and_no_equipment_excludes_the_rest() {
        let mut r = Report::walk_in("camille", day() + chrono::Duration::days(1));
        r.toggle_theme(Thematique::Email);
        assert_eq!(r.check(day()), Err(ReportError::FutureDate));
        r.date = day();
        r.toggle_equipment(Materiel::Telephone);
        r.toggle_equipment(Materiel::PasDeMateriel);
        assert_eq!(r.equipment, vec![Materiel::PasDeMateriel]);
        r.toggle_equipment(Materiel::Ordinateur);
        assert_eq!(r.equipment, vec![Materiel::Ordinateur]);
        r.equipment.push(Materiel::PasDeMateriel);
        assert_eq!(r.check(day()), Err(ReportError::NoEquipmentAndEquipment));
    }
}

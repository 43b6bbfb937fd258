//! An activity report prefilled from a booking: its day and length, and what its diagnostic
//! found (the profile gives the autonomy).
use chrono::NaiveDate;

use crate::domain::outcome::Outcome;
use crate::domain::report::{Report, nearest_duration};
use crate::vocabulary::coop::{Autonomie, LieuAccompagnement, Thematique};
use crate::vocabulary::profile::Profile;

/// Prefilled from a booking: its day and length, and what its diagnostic found.
pub(crate) fn report_for_booking(
    counsellor: &str,
    code: &str,
    date: NaiveDate,
    minutes: i64,
    by_phone: bool,
    motif_needs: &[Thematique],
    outcome: Option<&Outcome>,
) -> Report {
    let mut report = Report::walk_in(counsellor, date);
    report.booking = Some(code.into());
    report.minutes = nearest_duration(minutes);
    if by_phone {
        report.place = LieuAccompagnement::ADistance;
    }
    match outcome {
        Some(o) => {
            report.themes = o.needs.clone();
            report.administrative = o.administrative.clone();
            report.equipment = o.equipment.clone();
            report.autonomy = Some(match o.profile {
                Profile::Autonome => Autonomie::Autonome,
                Profile::AAccompagner => Autonomie::AutonomeGuidage,
                Profile::Eloigne => Autonomie::AvecGuidage,
            });
        }
        None => report.themes = motif_needs.iter().take(1).copied().collect(),
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::coop::{Genre, Materiel, ThematiqueAdministrative};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
    }

    #[test]
    fn a_booking_prefills_from_its_diagnostic() {
        let outcome = Outcome {
            profile: Profile::Eloigne,
            needs: vec![
                Thematique::AideAuxDemarchesAdministratives,
                Thematique::PrendreEnMainDuMateriel,
            ],
            administrative: vec![ThematiqueAdministrative::SocialSante],
            named: None,
            modality: crate::vocabulary::lieux::ModaliteAccompagnement::AccompagnementIndividuel,
            help: crate::domain::outcome::HelpKind::Appointment,
            aidants_connect: None,
            services: Vec::new(),
            equipment: vec![Materiel::PasDeMateriel],
            urgent: false,
        };
        let r = report_for_booking("camille", "ABC234", day(), 45, false, &[], Some(&outcome));
        assert_eq!(r.minutes, 45);
        assert_eq!(r.themes, outcome.needs);
        assert_eq!(
            r.administrative,
            vec![ThematiqueAdministrative::SocialSante]
        );
        assert_eq!(r.autonomy, Some(Autonomie::AvecGuidage));
        assert_eq!(r.equipment, vec![Materiel::PasDeMateriel]);
        assert_eq!(r.gender, Genre::NonCommunique, "anonymous by default");
        assert!(r.check(day()).is_ok());
        let phone = report_for_booking(
            "karim",
            "XYZ789",
            day(),
            20,
            true,
            &[Thematique::Parentalite],
            None,
        );
        assert_eq!(
            (phone.minutes, phone.place),
            (15, LieuAccompagnement::ADistance)
        );
        assert_eq!(phone.themes, vec![Thematique::Parentalite]);
    }
}

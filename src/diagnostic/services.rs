//! Which lieu services (the standard's 9) help with each Coop thématique, so the lieux search
//! can filter on a diagnostic's needs.
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::lieux::Service;

pub(crate) fn services_for(need: Thematique) -> &'static [Service] {
    use Service::*;
    use Thematique as T;
    match need {
        T::DiagnosticNumerique
        | T::PrendreEnMainDuMateriel
        | T::MaintenanceDeMateriel
        | T::GererSesContenusNumeriques
        | T::NavigationSurInternet
        | T::Email
        | T::Bureautique
        | T::ReseauxSociauxCommunication => &[MaitriseDesOutilsNumeriquesDuQuotidien],
        T::Sante | T::AideAuxDemarchesAdministratives => &[AideAuxDemarchesAdministratives],
        T::BanqueEtAchatsEnLigne => &[
            MaitriseDesOutilsNumeriquesDuQuotidien,
            UtilisationSecuriseeDuNumerique,
        ],
        T::AccompagnerUnProfessionnel | T::InsertionProfessionnelle => {
            &[InsertionProfessionnelleViaLeNumerique]
        }
        T::PreventionEnSecuriteNumerique => &[UtilisationSecuriseeDuNumerique],
        T::Parentalite | T::ScolariteEtNumerique => &[ParentaliteEtEducationAvecLeNumerique],
        T::CreerAvecLeNumerique => &[LoisirsEtCreationsNumeriques],
        T::CultureNumerique | T::IntelligenceArtificielle => &[ComprehensionDuMondeNumerique],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_thematique_maps_to_at_least_one_service() {
        for need in Thematique::ALL {
            assert!(!services_for(*need).is_empty(), "{need}");
        }
    }
}

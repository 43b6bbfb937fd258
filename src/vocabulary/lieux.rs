//! The national data standard for lieux de médiation numérique, v1.0.2 (domain.md §2).
use super::vocabulary;

vocabulary! {
    /// The 9 services a lieu offers.
    Service {
        AideAuxDemarchesAdministratives => "Aide aux démarches administratives", "aide-aux-demarches-administratives";
        MaitriseDesOutilsNumeriquesDuQuotidien => "Maîtrise des outils numériques du quotidien", "maitrise-des-outils-numeriques-du-quotidien";
        InsertionProfessionnelleViaLeNumerique => "Insertion professionnelle via le numérique", "insertion-professionnelle-via-le-numerique";
        UtilisationSecuriseeDuNumerique => "Utilisation sécurisée du numérique", "utilisation-securisee-du-numerique";
        ParentaliteEtEducationAvecLeNumerique => "Parentalité et éducation avec le numérique", "parentalite-et-education-avec-le-numerique";
        LoisirsEtCreationsNumeriques => "Loisirs et créations numériques", "loisirs-et-creations-numeriques";
        ComprehensionDuMondeNumerique => "Compréhension du monde numérique", "comprehension-du-monde-numerique";
        AccesInternetEtMaterielInformatique => "Accès internet et matériel informatique", "acces-internet-et-materiel-informatique";
        AcquisitionDeMaterielInformatiqueAPrixSolidaire => "Acquisition de matériel informatique à prix solidaire", "acquisition-de-materiel-informatique-a-prix-solidaire";
    }
}

vocabulary! {
    /// How a lieu accompanies people (`modalites_accompagnement`).
    ModaliteAccompagnement {
        EnAutonomie => "En autonomie", "en-autonomie";
        AccompagnementIndividuel => "Accompagnement individuel", "accompagnement-individuel";
        DansUnAtelierCollectif => "Dans un atelier collectif", "dans-un-atelier-collectif";
        ADistance => "À distance", "a-distance";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_services_with_exact_labels() {
        assert_eq!(Service::ALL.len(), 9);
        assert_eq!(
            Service::from_label("Acquisition de matériel informatique à prix solidaire"),
            Some(Service::AcquisitionDeMaterielInformatiqueAPrixSolidaire)
        );
        assert_eq!(ModaliteAccompagnement::ALL.len(), 4);
    }
}

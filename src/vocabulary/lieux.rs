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

/// The `typologie` codes of a lieu (the kind of structure), as the standard's reference
/// library (`@gouvfr-anct/lieux-de-mediation-numerique`) emits them now: the newer ESAT, MDH,
/// FABRIQUE, RELAIS_LECTURE… included.
pub(crate) const TYPOLOGIES: [&str; 92] = [
    "ACI",
    "ACIPHC",
    "AFPA",
    "AI",
    "ASE",
    "ASSO",
    "ASSO_CHOMEUR",
    "Autre",
    "AVIP",
    "BIB",
    "CAARUD",
    "CADA",
    "CAF",
    "CAP_EMPLOI",
    "CAVA",
    "CC",
    "CCAS",
    "CCONS",
    "CD",
    "CDAS",
    "CFP",
    "CHRS",
    "CHU",
    "CIAS",
    "CIDFF",
    "CITMET",
    "CMP",
    "CMS",
    "CPAM",
    "CPH",
    "CS",
    "CSAPA",
    "CSC",
    "DEETS",
    "DEPT",
    "DIPLP",
    "E2C",
    "EA",
    "EATT",
    "EI",
    "EITI",
    "ENM",
    "EPCI",
    "EPI",
    "EPIDE",
    "EPN",
    "ES",
    "ESAT",
    "ESS",
    "ETTI",
    "EVS",
    "FABLAB",
    "FABRIQUE",
    "FAIS",
    "FT",
    "GEIQ",
    "HUDA",
    "LA_POSTE",
    "MDE",
    "MDH",
    "MDEF",
    "MDPH",
    "MDS",
    "MJC",
    "ML",
    "MQ",
    "MSA",
    "MSAP",
    "MUNI",
    "OACAS",
    "ODC",
    "OF",
    "OIL",
    "OPCS",
    "PAD",
    "PENSION",
    "PI",
    "PIJ_BIJ",
    "PIMMS",
    "PJJ",
    "PLIE",
    "PREF",
    "PREVENTION",
    "REG",
    "RELAIS_LECTURE",
    "RESSOURCERIE",
    "RFS",
    "RS_FJT",
    "SCP",
    "SPIP",
    "TIERS_LIEUX",
    "UDAF",
];

/// Whether `code` is a typologie of the standard.
pub(crate) fn is_typologie(code: &str) -> bool {
    TYPOLOGIES.contains(&code)
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
        for newer in ["ESAT", "MDH", "FABRIQUE", "RELAIS_LECTURE", "Autre"] {
            assert!(is_typologie(newer), "{newer}");
        }
        assert!(!is_typologie("esat"));
    }
}

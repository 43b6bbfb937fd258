//! La Coop de la médiation numérique, activity reports v2 (domain.md §4), and the Aidants
//! Connect démarche categories (§1).
use super::vocabulary;

vocabulary! {
    /// The 19 thématiques of an accompaniment.
    Thematique {
        DiagnosticNumerique => "Diagnostic numérique", "diagnostic-numerique";
        PrendreEnMainDuMateriel => "Prendre en main du matériel", "prendre-en-main-du-materiel";
        MaintenanceDeMateriel => "Maintenance de matériel", "maintenance-de-materiel";
        GererSesContenusNumeriques => "Gérer ses contenus numériques", "gerer-ses-contenus-numeriques";
        NavigationSurInternet => "Navigation sur internet", "navigation-sur-internet";
        Email => "E-mail", "e-mail";
        Bureautique => "Bureautique", "bureautique";
        ReseauxSociauxCommunication => "Réseaux sociaux communication", "reseaux-sociaux-communication";
        Sante => "Santé", "sante";
        BanqueEtAchatsEnLigne => "Banque et achats en ligne", "banque-et-achats-en-ligne";
        AccompagnerUnProfessionnel => "Accompagner un professionnel", "accompagner-un-professionnel";
        InsertionProfessionnelle => "Insertion professionnelle", "insertion-professionnelle";
        PreventionEnSecuriteNumerique => "Prévention en sécurité numérique", "prevention-en-securite-numerique";
        Parentalite => "Parentalité", "parentalite";
        ScolariteEtNumerique => "Scolarité et numérique", "scolarite-et-numerique";
        CreerAvecLeNumerique => "Créer avec le numérique", "creer-avec-le-numerique";
        CultureNumerique => "Culture numérique", "culture-numerique";
        IntelligenceArtificielle => "Intelligence artificielle (IA)", "intelligence-artificielle";
        AideAuxDemarchesAdministratives => "Aide aux démarches administratives", "aide-aux-demarches-administratives";
    }
}

vocabulary! {
    /// Administrative sub-thématiques, only with "Aide aux démarches administratives".
    ThematiqueAdministrative {
        PapiersElectionsCitoyennete => "Papiers - Élections - Citoyenneté", "papiers-elections-citoyennete";
        FamilleScolarite => "Famille - Scolarité", "famille-scolarite";
        SocialSante => "Social - Santé", "social-sante";
        TravailFormationEntreprise => "Travail - Formation - Entreprise", "travail-formation-entreprise";
        Logement => "Logement", "logement";
        TransportsMobilite => "Transports - Mobilité", "transports-mobilite";
        ArgentImpots => "Argent - Impôts", "argent-impots";
        Justice => "Justice", "justice";
        EtrangersEurope => "Étrangers - Europe", "etrangers-europe";
        LoisirsSportsCulture => "Loisirs - Sports - Culture", "loisirs-sports-culture";
        Associations => "Associations", "associations";
    }
}

vocabulary! {
    /// The device the person uses ("Matériel").
    Materiel {
        Ordinateur => "Ordinateur", "ordinateur";
        Telephone => "Téléphone", "telephone";
        Tablette => "Tablette", "tablette";
        Autre => "Autre", "autre";
        PasDeMateriel => "Pas de matériel", "pas-de-materiel";
    }
}

vocabulary! {
    /// The 10 categories of an Aidants Connect mandate.
    AidantsConnect {
        PapiersCitoyennete => "Papiers - Citoyenneté", "papiers-citoyennete";
        Famille => "Famille", "famille";
        SocialSante => "Social - Santé", "social-sante";
        Travail => "Travail", "travail";
        Logement => "Logement", "logement";
        Transports => "Transports", "transports";
        Argent => "Argent", "argent";
        Justice => "Justice", "justice";
        Etrangers => "Étrangers", "etrangers";
        Loisirs => "Loisirs", "loisirs";
    }
}

vocabulary! {
    /// A workshop's level ("Atelier niveau").
    Niveau {
        Debutant => "Débutant", "debutant";
        Intermediaire => "Intermédiaire", "intermediaire";
        Avance => "Avancé", "avance";
    }
}

vocabulary! {
    /// "Type" of an activity report.
    TypeAccompagnement {
        Individuel => "Accompagnement individuel", "individuel";
        Collectif => "Atelier collectif", "collectif";
    }
}

vocabulary! {
    /// Where the accompaniment took place ("Lieu").
    LieuAccompagnement {
        LieuActivite => "Lieu d'activité", "lieu-activite";
        ADomicile => "À domicile", "a-domicile";
        ADistance => "À distance", "a-distance";
        AutreLieu => "Autre lieu", "autre-lieu";
    }
}

vocabulary! {
    Autonomie {
        AvecGuidage => "Avec guidage", "avec-guidage";
        AutonomeGuidage => "Autonome avec guidage en cas de besoin", "autonome-guidage";
        Autonome => "Autonome", "autonome";
    }
}

vocabulary! {
    Redirection {
        Administration => "Administration (mairie, préfecture…)", "administration";
        AutreMediation => "Autre structure de médiation numérique", "autre-mediation";
        Operateur => "Opérateur ou organisme en charge de la démarche administrative", "operateur";
        AideSociale => "Structure d'aide sociale", "aide-sociale";
        Insertion => "Structure d'insertion professionnelle (France Travail, mission locale…)", "insertion";
        AideDemarches => "Structure d'aide aux démarches administratives (France Services…)", "aide-demarches";
        Autre => "Autre", "autre";
    }
}

vocabulary! {
    Genre {
        Masculin => "Masculin", "masculin";
        Feminin => "Féminin", "feminin";
        NonCommunique => "Non communiqué", "non-communique";
    }
}

vocabulary! {
    TrancheAge {
        Moins12 => "<12", "moins-12";
        De12a18 => "12–18", "12-18";
        De18a24 => "18–24", "18-24";
        De25a39 => "25–39", "25-39";
        De40a59 => "40–59", "40-59";
        De60a69 => "60–69", "60-69";
        Plus70 => "70+", "70-plus";
        NonCommunique => "Non communiqué", "non-communique";
    }
}

vocabulary! {
    Statut {
        Scolarise => "Scolarisé", "scolarise";
        SansEmploi => "Sans emploi", "sans-emploi";
        EnEmploi => "En emploi", "en-emploi";
        Retraite => "Retraité", "retraite";
        NonCommunique => "Non communiqué", "non-communique";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_exact_labels_match_the_reference() {
        assert_eq!(Thematique::ALL.len(), 19);
        assert_eq!(ThematiqueAdministrative::ALL.len(), 11);
        assert_eq!(AidantsConnect::ALL.len(), 10);
        assert_eq!(
            Thematique::from_label("Intelligence artificielle (IA)"),
            Some(Thematique::IntelligenceArtificielle)
        );
        assert_eq!(
            ThematiqueAdministrative::ArgentImpots.label(),
            "Argent - Impôts"
        );
        assert_eq!(Materiel::PasDeMateriel.label(), "Pas de matériel");
        assert_eq!(Redirection::ALL.len(), 7);
        assert_eq!(
            Redirection::Insertion.label(),
            "Structure d'insertion professionnelle (France Travail, mission locale…)"
        );
        assert_eq!(
            Autonomie::AutonomeGuidage.label(),
            "Autonome avec guidage en cas de besoin"
        );
        assert_eq!(TrancheAge::ALL.len(), 8);
        assert_eq!(TrancheAge::De25a39.label(), "25–39");
        assert_eq!(LieuAccompagnement::LieuActivite.label(), "Lieu d'activité");
        assert_eq!(TypeAccompagnement::Collectif.label(), "Atelier collectif");
    }

    #[test]
    fn parse_takes_label_or_key_and_lists_the_choices_otherwise() {
        assert_eq!(Thematique::parse("E-mail"), Ok(Thematique::Email));
        assert_eq!(Thematique::parse("e-mail"), Ok(Thematique::Email));
        let err = Thematique::parse("Email").unwrap_err();
        assert!(
            err.contains("\"Email\" is not one of: Diagnostic numérique"),
            "{err}"
        );
    }
}

use std::path::PathBuf;

use super::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn the_standard_example_reads_with_every_field() {
    let parsed = read(&fixture("exemple-valide-v1.0.2.csv")).unwrap();
    assert_eq!(parsed.rejected, vec![]);
    assert_eq!(parsed.lieux.len(), 1);
    let (line, lieu) = &parsed.lieux[0];
    assert_eq!(*line, 2);
    assert!(!lieu.services.is_empty());
    assert!(lieu.located().is_some());
}

#[test]
fn real_gap_lieux_read_and_a_row_without_date_is_rejected_with_its_line() {
    let parsed = read(&fixture("lieux-gap.csv")).unwrap();
    assert_eq!(parsed.lieux.len(), 10);
    let missing = |line| Rejected {
        line,
        field: "date_maj".into(),
        reason: "missing (required by the standard)".into(),
    };
    assert_eq!(parsed.rejected, vec![missing(12), missing(13), missing(14)]);
    assert!(
        parsed
            .lieux
            .iter()
            .all(|(_, l)| l.code_postal.starts_with("05"))
    );
}

#[test]
fn bad_rows_are_reported_and_text_is_cleaned() {
    let parsed = read(&fixture("lieux-problems.csv")).unwrap();
    let rejected: Vec<(usize, &str)> = parsed
        .rejected
        .iter()
        .map(|r| (r.line, r.field.as_str()))
        .collect();
    assert_eq!(
        rejected,
        vec![(3, "code_postal"), (4, "latitude"), (5, "id")]
    );
    let first = &parsed.lieux[0].1;
    assert_eq!(
        first.nom, "Espace [31mnumérique[0m de Gap",
        "no escape character survives"
    );
    assert!(!first.nom.contains('\u{1b}') && !first.nom.contains('\u{7}'));
    // `;` splits like `|`.
    assert_eq!(
        first.services,
        vec![
            Service::AideAuxDemarchesAdministratives,
            Service::MaitriseDesOutilsNumeriquesDuQuotidien
        ]
    );
    let unlocated = &parsed.lieux[1].1;
    assert_eq!(unlocated.located(), None);
    assert_eq!(
        unlocated.dispositifs,
        vec!["Aidants Connect", "France Services"]
    );
}

#[test]
fn legacy_json_field_names_and_services_are_mapped() {
    let parsed = read(&fixture("hinaura-v01.json")).unwrap();
    assert_eq!(parsed.lieux.len(), 6);
    let abondance = &parsed.lieux[0].1;
    assert_eq!(
        abondance.services,
        vec![
            Service::AccesInternetEtMaterielInformatique,
            Service::AideAuxDemarchesAdministratives
        ]
    );
    assert_eq!(
        abondance.frais,
        vec!["Gratuit"],
        "conditions_acces → frais_a_charge"
    );
    assert!(
        abondance.prise_en_charge.contains(&"Surdité".to_string()),
        "{:?}",
        abondance.prise_en_charge
    );
    assert!(
        abondance
            .publics
            .contains(&"Seniors (+ 65 ans)".to_string())
    );
    let charente = read(&fixture("charente-v01.json")).unwrap();
    let first = &charente.lieux[0].1;
    assert!(
        first
            .dispositifs
            .contains(&"Conseillers numériques".to_string()),
        "labels_nationaux → dispositif"
    );
    assert!(first.dispositifs.contains(&"France Services".to_string()));
}

#[test]
fn france_services_rows_get_osm_hours_and_the_programme() {
    let parsed = read(&fixture("liste-fs-20240801.csv")).unwrap();
    assert_eq!(parsed.rejected, vec![]);
    let embrun = &parsed.lieux[0].1;
    assert_eq!(embrun.id, "france-services-576");
    assert_eq!(embrun.dispositifs, vec!["France Services"]);
    assert_eq!(
        embrun.date_maj, "2024-08-01",
        "the list's date, from its name"
    );
    let hours = embrun.horaires.as_deref().unwrap();
    assert!(hours.starts_with("Mo 08:00-12:00,13:30-17:00"), "{hours}");
    assert!(super::super::hours::parse(hours, crate::calendar::Region::Metropole).is_some());
}

#[test]
fn a_file_that_is_not_lieux_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("autre.csv");
    std::fs::write(&path, "nom,prenom\nDupont,Marie\n").unwrap();
    let err = read(&path).unwrap_err();
    assert!(
        err.contains("autre.csv:1: neither the lieux standard"),
        "{err}"
    );
}

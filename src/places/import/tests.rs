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
fn real_gap_lieux_read_and_a_row_without_date_is_taken_with_a_warning_on_its_line() {
    let parsed = read(&fixture("lieux-gap.csv")).unwrap();
    assert_eq!(
        parsed.lieux.len(),
        13,
        "the kiosk can show a place without its date"
    );
    assert_eq!(parsed.rejected, vec![]);
    let missing = |line| RowNote {
        line,
        field: "date_maj".into(),
        reason: "missing (warning)".into(),
    };
    assert_eq!(parsed.warnings, vec![missing(12), missing(13), missing(14)]);
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
        first.nom, "Espace numérique de Gap",
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
    assert!(crate::domain::hours::parse(hours, crate::calendar::Region::Metropole).is_some());
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

#[test]
fn escape_sequences_go_whole_and_invisible_characters_with_them() {
    assert_eq!(
        super::clean("Espace \u{1b}[31mnumérique\u{1b}[0m"),
        "Espace numérique"
    );
    assert_eq!(
        super::clean("Mairie\u{1b}]0;pwned\u{7} de Gap"),
        "Mairie de Gap"
    );
    assert_eq!(
        super::clean("Mairie\u{1b}]0;x\u{1b}\\ de Gap"),
        "Mairie de Gap"
    );
    assert_eq!(
        super::clean("\u{202e}paG\u{202c} \u{200b}centre\u{feff}"),
        "paG centre"
    );
    assert_eq!(super::clean("  Gap\u{7}  "), "Gap");
}

#[test]
fn a_latin1_file_is_refused_with_its_line_not_imported_with_replacement_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.csv");
    let mut bytes = std::fs::read(fixture("exemple-valide-v1.0.2.csv")).unwrap();
    let first_line_end = bytes.iter().position(|b| *b == b'\n').unwrap();
    // "Guéret" in Latin-1 on line 2.
    bytes.splice(
        first_line_end + 1..first_line_end + 1,
        b"x,Gu\xe9ret\n".iter().copied(),
    );
    std::fs::write(&path, bytes).unwrap();
    let err = super::read(&path).unwrap_err();
    assert!(err.ends_with("latin1.csv:2: not UTF-8 (Latin-1 or Windows-1252?): convert the file first (iconv -f latin1 -t utf-8); nothing was imported"), "{err}");
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quote.csv");
    let text = std::fs::read_to_string(fixture("lieux-gap.csv")).unwrap();
    let header = text.lines().next().unwrap();
    let columns = header.split(',').count();
    let row = |id: &str, nom: &str| {
        let mut fields = vec![String::new(); columns];
        let col = |name: &str| header.split(',').position(|h| h == name).unwrap();
        fields[col("id")] = id.into();
        fields[col("nom")] = nom.into();
        fields[col("commune")] = "Gap".into();
        fields[col("code_postal")] = "05000".into();
        fields[col("adresse")] = "1 place".into();
        fields[col("date_maj")] = "2024-04-02".into();
        fields.join(",")
    };
    // Row 2 opens a quote in its name and nothing closes it: rows 3 to 5 vanish into it.
    let lines = [
        header.to_string(),
        row("a", "\"Espace numérique"),
        row("b", "Médiathèque"),
        row("c", "Mairie"),
        row("d", "Centre social"),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let parsed = super::read(&path).unwrap();
    let r = &parsed.rejected[0];
    assert_eq!(
        (r.line, r.field.as_str()),
        (2, "nom"),
        "{:?}",
        parsed.rejected
    );
    assert_eq!(
        r.reason,
        "a quote opened here is not closed: the next 3 lines were read as this field"
    );
}

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

/// A small standard file: the header of `lieux-gap.csv` and rows of the fields given.
fn standard_file(rows: &[&[(&str, &str)]]) -> String {
    let text = std::fs::read_to_string(fixture("lieux-gap.csv")).unwrap();
    let header = text.lines().next().unwrap().to_string();
    let columns: Vec<&str> = header.split(',').collect();
    let mut lines = vec![header.clone()];
    for fields in rows {
        let mut row = vec![String::new(); columns.len()];
        for (name, value) in [
            ("commune", "Gap"),
            ("code_postal", "05000"),
            ("adresse", "1 place"),
            ("date_maj", "2024-04-02"),
        ]
        .iter()
        .chain(fields.iter())
        {
            row[columns.iter().position(|h| h == name).unwrap()] = value.to_string();
        }
        lines.push(row.join(","));
    }
    lines.join("\n") + "\n"
}

fn read_text(name: &str, text: &[u8]) -> Parsed {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    super::read(&path).unwrap()
}

fn rejected(parsed: &Parsed) -> Vec<(usize, String, String)> {
    parsed
        .rejected
        .iter()
        .map(|r| (r.line, r.field.clone(), r.reason.clone()))
        .collect()
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    // Row 2 opens a quote in its name and nothing closes it: rows 3 to 5 vanish into it.
    let text = standard_file(&[
        &[("id", "a"), ("nom", "\"Espace numérique")],
        &[("id", "b"), ("nom", "Médiathèque")],
        &[("id", "c"), ("nom", "Mairie")],
        &[("id", "d"), ("nom", "Centre social")],
    ]);
    let parsed = read_text("quote.csv", text.as_bytes());
    assert_eq!(
        rejected(&parsed),
        [(
            2,
            "nom".to_string(),
            "a quote opened in this row is never closed: lines 2 to 5 (the end of the file) \
             were read as one row and refused"
                .to_string()
        )]
    );
    assert!(parsed.lieux.is_empty());
}

#[test]
fn a_quote_closed_by_the_next_rows_quote_is_said_so_and_the_rows_after_are_read() {
    // Row 2's name opens a quote; row 3's quoted name closes it: rows 2 and 3 become one.
    let text = standard_file(&[
        &[("id", "a"), ("nom", "\"Espace numérique")],
        &[("id", "b"), ("nom", "\"Médiathèque, centre\"")],
        &[("id", "c"), ("nom", "Mairie")],
    ]);
    let parsed = read_text("quote.csv", text.as_bytes());
    assert_eq!(
        rejected(&parsed),
        [(
            2,
            "nom".to_string(),
            "a quote opened in this row closes only on line 3: lines 2 to 3 were read as one \
             row and refused (check the quotes of line 2)"
                .to_string()
        )]
    );
    let read: Vec<(usize, &str)> = parsed
        .lieux
        .iter()
        .map(|(l, x)| (*l, x.id.as_str()))
        .collect();
    assert_eq!(read, [(4, "c")]);
}

#[test]
fn lines_are_the_files_own_whatever_ends_them() {
    let text = standard_file(&[
        &[("id", "a"), ("nom", "Mairie")],
        &[("id", "b"), ("nom", "Médiathèque"), ("code_postal", "5000")],
        &[("id", "c"), ("nom", "\"Centre\nsocial\"")],
        &[("id", "d"), ("nom", "Gare"), ("code_postal", "5000")],
    ]);
    for end in ["\n", "\r\n", "\r"] {
        let parsed = read_text("ends.csv", text.replace('\n', end).as_bytes());
        let lines: Vec<usize> = parsed.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 6], "line ends {end:?}: {:?}", parsed.rejected);
        let taken: Vec<usize> = parsed.lieux.iter().map(|(l, _)| *l).collect();
        assert_eq!(taken, [2, 4], "line ends {end:?}");
    }
}

#[test]
fn a_row_larger_than_a_megabyte_is_refused_with_its_line_and_the_next_is_read() {
    let huge = format!("\"{}\"", "x".repeat(3 * 1024 * 1024));
    let text = standard_file(&[
        &[
            ("id", "a"),
            ("nom", "Mairie"),
            ("presentation_resume", &huge),
        ],
        &[("id", "b"), ("nom", "Médiathèque")],
    ]);
    let parsed = read_text("huge.csv", text.as_bytes());
    assert_eq!(
        rejected(&parsed),
        [(
            2,
            "-".to_string(),
            "the row is larger than 1 MB: refused".to_string()
        )]
    );
    assert_eq!(parsed.lieux.len(), 1);
    assert_eq!(parsed.lieux[0].0, 3);
}

#[test]
fn a_json_lieu_larger_than_a_megabyte_refuses_the_file_naming_it() {
    let huge = "x".repeat(2 * 1024 * 1024);
    let text = format!(
        r#"[{{"id":"a","nom":"Mairie","commune":"Gap","code_postal":"05000","adresse":"1 place"}},
           {{"id":"b","nom":"{huge}","commune":"Gap","code_postal":"05000","adresse":"1 place"}}]"#
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    std::fs::write(&path, text).unwrap();
    let err = super::read(&path).unwrap_err();
    assert!(
        err.ends_with("huge.json: lieu 2: larger than 1 MB: not a lieu: nothing was imported"),
        "{err}"
    );
}

#[test]
fn a_date_to_come_is_taken_as_today_with_a_warning() {
    let text = standard_file(&[&[("id", "a"), ("nom", "Mairie"), ("date_maj", "9999-12-31")]]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.csv");
    std::fs::write(&path, text).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut read = Vec::new();
    let notes = super::read_each(&path, today, &mut |_, lieu| {
        read.push(lieu);
        Ok(())
    })
    .unwrap();
    assert_eq!(read[0].date_maj, "2026-03-02");
    assert!(
        notes.warnings.iter().any(|w| w.field == "date_maj"
            && w.reason == "\"9999-12-31\" is after today: taken as today, 2026-03-02 (warning)"),
        "{:?}",
        notes.warnings
    );
}

#[test]
fn a_word_joiner_goes_and_postal_code_00000_is_refused() {
    let text = standard_file(&[
        &[("id", "a"), ("nom", "Mai\u{2060}rie\u{2063} de Gap")],
        &[("id", "b"), ("nom", "Nulle part"), ("code_postal", "00000")],
    ]);
    let parsed = read_text("odd.csv", text.as_bytes());
    assert_eq!(parsed.lieux[0].1.nom, "Mairie de Gap");
    assert_eq!(
        rejected(&parsed),
        [(
            3,
            "code_postal".to_string(),
            "\"00000\" is not a postal code (no département's begins 00)".to_string()
        )]
    );
}

use super::*;
use std::collections::BTreeSet;

fn shipped_signatures(tag: &str) -> Signatures {
    let mut all = Signatures::new();
    for (_, text) in shipped_sources(tag) {
        all.extend(signatures(text));
    }
    all
}

#[test]
fn every_shipped_locale_has_every_reference_message_with_the_same_variables() {
    let reference = shipped_signatures(REFERENCE_LOCALE);
    assert!(reference.len() > 20, "the reference locale has messages");
    let mut missing = Vec::new();
    for tag in shipped_tags() {
        let other = shipped_signatures(tag);
        for (id, vars) in &reference {
            match other.get(id) {
                None => missing.push(format!("{tag}: missing {id}")),
                Some(v) if v != vars => {
                    missing.push(format!("{tag}: {id} uses {v:?}, French uses {vars:?}"))
                }
                _ => {}
            }
        }
        for id in other.keys().filter(|id| !reference.contains_key(*id)) {
            missing.push(format!("{tag}: {id} is not in French"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn shipped_files_parse_without_errors() {
    for tag in shipped_tags() {
        for (file, text) in shipped_sources(tag) {
            let path = Path::new("locales").join(tag).join(file);
            if let Err(problems) = parse(&path, text) {
                panic!("{problems:?}");
            }
        }
    }
}

#[test]
fn ships_french_plain_french_english_portuguese_and_ukrainian() {
    let tags: BTreeSet<_> = shipped_tags().into_iter().collect();
    for tag in ["fr", "fr-x-falc", "en", "pt", "uk"] {
        assert!(tags.contains(tag), "{tag} is shipped");
    }
}

#[test]
fn signatures_find_variables_in_selectors_and_variants() {
    let sigs = signatures(
        "a = { $n ->\n    [one] un { $what }\n   *[other] { $n } { $what }\n}\nb = rien\n",
    );
    let a: BTreeSet<String> = ["n", "what"].iter().map(|s| s.to_string()).collect();
    assert_eq!(sigs["a"], a);
    assert!(sigs["b"].is_empty());
}

#[test]
fn formats_without_isolation_marks_and_with_french_plurals() {
    let dir = tempfile::tempdir().unwrap();
    let i18n = I18n::load(&["fr".into(), "en".into()], dir.path()).unwrap();
    let fr = i18n.tr("fr");
    let text = fr.text_with("counsellor-told", &[("count", 1.into())]);
    assert!(!text.contains('\u{2068}'), "{text:?}");
    assert!(text.starts_with("La personne est"), "{text}");
    let text = fr.text_with("counsellor-told", &[("count", 2.into())]);
    assert!(text.starts_with("2 personnes sont"), "{text}");
    let en = i18n.tr("en");
    assert!(en.text("welcome-title").contains("Welcome"));
}

#[test]
fn config_files_override_and_report_syntax_errors_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let fr_dir = dir.path().join("locales").join("fr");
    std::fs::create_dir_all(&fr_dir).unwrap();
    std::fs::write(fr_dir.join("local.ftl"), "welcome-title = Bonjour Gap\n").unwrap();
    let i18n = I18n::load(&["fr".into()], dir.path()).unwrap();
    assert_eq!(i18n.tr("fr").text("welcome-title"), "Bonjour Gap");

    std::fs::write(fr_dir.join("local.ftl"), "ok = oui\n\nbad message\n").unwrap();
    let problems = I18n::load(&["fr".into()], dir.path())
        .err()
        .expect("syntax error found");
    assert_eq!(problems[0].line, 3);
    assert!(problems[0].file.ends_with("local.ftl"));
}

#[test]
fn missing_message_falls_back_to_french_then_shows_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let en_dir = dir.path().join("locales").join("xx");
    std::fs::create_dir_all(&en_dir).unwrap();
    std::fs::write(en_dir.join("a.ftl"), "locale-name = Xx\n").unwrap();
    let i18n = I18n::load(&["xx".into()], dir.path()).unwrap();
    let tr = i18n.tr("xx");
    assert_eq!(tr.text("locale-name"), "Xx");
    assert_eq!(
        tr.text("welcome-title"),
        i18n.tr("fr").text("welcome-title")
    );
    assert_eq!(tr.text("no-such-id"), "[no-such-id]");
}

/// Staff read plain French: their screens and messages are exempt from the FALC rules.
fn for_staff(file: &str, id: &str) -> bool {
    file == "counsellor.ftl"
        || ["staff-", "pin-", "workshop-admin-", "counsellor-"]
            .iter()
            .any(|prefix| id.starts_with(prefix))
}

/// Messages whose negative is what they mean: the person's own answer ("Je ne sais pas",
/// "Je n'ai pas de téléphone"), or a fact with no positive way to say it.
const NEGATIVE_MEANT: &[&str] = &[
    "diag-dont-know",
    "diag-equipement-aucun",
    "form-no-phone",
    "form-error-phone-missing",
    "lieux-no-commune",
    "lieux-hours-unknown",
    "lieu-access-ce-lieu-n-accueille-pas-de-public",
];

#[test]
fn easy_to_read_french_follows_the_checkable_rules_on_every_citizen_message() {
    let mut found = Vec::new();
    for (file, source) in shipped_sources("fr-x-falc") {
        for (id, texts) in super::easy_read::message_texts(source) {
            if for_staff(file, &id) {
                continue;
            }
            for text in texts {
                for breach in super::easy_read::breaches(&text) {
                    found.push(format!("fr-x-falc/{file}: {id}: {breach}"));
                }
                if super::easy_read::negative(&text) && !NEGATIVE_MEANT.contains(&id.as_str()) {
                    found.push(format!(
                        "fr-x-falc/{file}: {id}: a negative where a positive works: {text:?}"
                    ));
                }
            }
        }
    }
    found.dedup();
    assert!(
        found.is_empty(),
        "{} to rewrite:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_message_ids_listed_at_build_time_are_those_each_shipped_locale_parses_to() {
    for tag in shipped_tags() {
        let listed: Vec<&str> = shipped_message_ids(tag).collect();
        let parsed: Vec<String> = shipped_signatures(tag).into_keys().collect();
        assert_eq!(listed, parsed, "{tag}");
    }
}

#[test]
fn a_locale_the_help_point_does_not_override_is_parsed_when_first_shown() {
    let dir = tempfile::tempdir().unwrap();
    let i18n = I18n::load(&["fr".into(), "en".into(), "pt".into()], dir.path()).unwrap();
    assert!(!i18n.is_loaded("en") && !i18n.is_loaded("pt"));
    // Checking a configuration's message names does not parse it either.
    assert!(i18n.has_message("en", "welcome-title"));
    assert!(!i18n.has_message("en", "no-such-id"));
    assert!(i18n.missing_message("welcome-title").is_empty());
    assert_eq!(i18n.missing_message("no-such-id").len(), 3);
    assert!(!i18n.is_loaded("en"));

    assert!(i18n.tr("en").text("welcome-title").contains("Welcome"));
    assert!(i18n.is_loaded("en") && !i18n.is_loaded("pt"));
    assert!(i18n.has_message("en", "welcome-title"));
}

#[test]
fn a_locale_the_help_point_overrides_is_checked_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let en_dir = dir.path().join("locales").join("en");
    std::fs::create_dir_all(&en_dir).unwrap();
    std::fs::write(
        en_dir.join("local.ftl"),
        "welcome-title = Hello {$nobody}\n",
    )
    .unwrap();
    let problems = I18n::load(&["fr".into(), "en".into()], dir.path())
        .err()
        .expect("the unknown variable is found at start");
    assert!(problems[0].to_string().contains("nobody"), "{problems:?}");
}

#[test]
fn the_list_of_languages_names_each_in_its_own_words_without_parsing_it() {
    let dir = tempfile::tempdir().unwrap();
    let tags: Vec<String> = shipped_tags().iter().map(|t| t.to_string()).collect();
    let unparsed = I18n::load(&tags, dir.path()).unwrap();
    let names: Vec<(String, String)> = shipped_tags()
        .iter()
        .map(|t| (unparsed.locale_name(t), unparsed.language_word(t)))
        .collect();
    assert_eq!(
        names[shipped_tags().iter().position(|t| *t == "uk").unwrap()],
        ("Українська".to_string(), "Мова".to_string())
    );
    assert_eq!(unparsed.locale_name("fr-x-falc"), "Français facile à lire");
    // Read without parsing any locale but the reference…
    assert!(
        shipped_tags()
            .iter()
            .all(|t| *t == "fr" || !unparsed.is_loaded(t))
    );
    // …and the same words as the parsed messages.
    let i18n = I18n::load(&tags, dir.path()).unwrap();
    for (tag, (name, word)) in shipped_tags().iter().zip(&names) {
        assert_eq!(*name, i18n.tr(tag).text("locale-name"), "{tag}");
        assert_eq!(*word, i18n.tr(tag).text("language-word"), "{tag}");
    }

    // A help point's own name for a language is the one listed.
    let en_dir = dir.path().join("locales").join("en");
    std::fs::create_dir_all(&en_dir).unwrap();
    std::fs::write(en_dir.join("a.ftl"), "locale-name = English (UK)\n").unwrap();
    let i18n = I18n::load(&tags, dir.path()).unwrap();
    assert_eq!(i18n.locale_name("en"), "English (UK)");
}

#[test]
fn french_typography_first_of_the_month_elision_and_thousands() {
    let dir = tempfile::tempdir().unwrap();
    let i18n = I18n::load(&["fr".into(), "en".into()], dir.path()).unwrap();
    let (fr, en) = (i18n.tr("fr"), i18n.tr("en"));
    let june_first = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    assert_eq!(
        crate::calendar::words::day(&fr, june_first),
        "lundi 1er juin"
    );
    assert_eq!(
        crate::calendar::words::day(&fr, june_first.succ_opt().unwrap()),
        "mardi 2 juin"
    );
    assert_eq!(
        crate::calendar::words::day(&en, june_first),
        "Monday 1 June"
    );
    let near = |tr: &Tr, commune: &str| {
        tr.text_with("lieux-near", &[("commune", commune.to_string().into())])
    };
    assert_eq!(near(&fr, "Embrun"), "Les lieux les plus proches d'Embrun :");
    assert_eq!(near(&fr, "Le Mans"), "Les lieux les plus proches du Mans :");
    assert_eq!(near(&fr, "Gap"), "Les lieux les plus proches de Gap :");
    assert_eq!(near(&en, "Embrun"), "The places nearest Embrun:");
    assert_eq!(fr.integer(8757), "8\u{a0}757");
    assert_eq!(en.integer(8757), "8,757");
}

#[test]
fn the_help_points_translations_are_bounded_all_files_together() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("locales/fr");
    std::fs::create_dir_all(&fr).unwrap();
    // Each file under the bound of one file; three of them over the bound of all.
    let comment = format!("# {}\n", "x".repeat(1_900_000));
    for n in 0..3 {
        std::fs::write(fr.join(format!("aide-{n}.ftl")), &comment).unwrap();
    }
    let problems: Vec<String> = I18n::load(&["fr".into()], dir.path())
        .err()
        .expect("6 MB of translations taken")
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("aide-2.ftl") && problems[0].contains("pass 4 MiB"),
        "{problems:?}"
    );
}

#[test]
fn a_long_chain_of_overridden_messages_and_its_cycle_are_checked_in_one_walk() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("locales/fr");
    std::fs::create_dir_all(&fr).unwrap();
    // 20,000 messages, each referring to the next; the last to the first.
    let n = 20_000;
    let text: String = (0..n)
        .map(|i| format!("m{i} = {{ m{} }}\n", (i + 1) % n))
        .collect();
    std::fs::write(fr.join("chaine.ftl"), text).unwrap();
    let problems: Vec<String> = I18n::load(&["fr".into()], dir.path())
        .err()
        .expect("a cycle taken")
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 1, "one cycle, said once");
    assert!(
        problems[0].contains("locales/fr/chaine.ftl:1:1: m0 refers to itself: m0 → m1 → m2"),
        "{}",
        &problems[0][..200.min(problems[0].len())]
    );
    assert!(problems[0].ends_with("m19999 → m0"));
}

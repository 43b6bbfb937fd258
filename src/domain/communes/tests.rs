use std::path::Path;
use std::sync::OnceLock;

use super::*;
use crate::places::import::communes::read;

/// The shipped file: every commune of France.
fn index() -> &'static CommuneIndex {
    static INDEX: OnceLock<CommuneIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config/communes.csv");
        let (communes, rejected) = read(&path).unwrap();
        assert!(rejected.is_empty(), "{rejected:?}");
        CommuneIndex::new(communes)
    })
}

fn first(text: &str) -> (String, String) {
    let found = index().search(text);
    let c = index().get(
        *found
            .first()
            .unwrap_or_else(|| panic!("nothing for {text:?}")),
    );
    (c.nom.clone(), c.code_postal.clone())
}

fn names(text: &str) -> Vec<String> {
    index()
        .search(text)
        .iter()
        .map(|i| index().get(*i).nom.clone())
        .collect()
}

#[test]
fn the_whole_of_france_is_there() {
    assert_eq!(index().len(), 39_368);
}

#[test]
fn postal_codes_find_their_communes() {
    assert_eq!(first("05000"), ("Gap".into(), "05000".into()));
    assert_eq!(first("05100"), ("Briançon".into(), "05100".into()));
    assert_eq!(first("87200"), ("Saint-Junien".into(), "87200".into()));
    assert_eq!(first("23000"), ("Guéret".into(), "23000".into()));
    assert_eq!(first("19000"), ("Tulle".into(), "19000".into()));
    // A partial code lists the biggest first, at most 8.
    let partial = index().search("050");
    assert!(partial.len() == SUGGESTIONS);
    assert_eq!(index().get(partial[0]).nom, "Gap");
    assert!(index().search("99999").is_empty());
}

#[test]
fn names_are_found_whatever_accents_case_hyphens_and_abbreviations() {
    assert_eq!(first("gap").0, "Gap");
    assert_eq!(first("briancon").0, "Briançon");
    assert_eq!(first("BRIANÇON").0, "Briançon");
    assert_eq!(first("laragne").0, "Laragne-Montéglin");
    assert_eq!(first("l argentiere").0, "L'Argentière-la-Bessée");
    assert_eq!(first("argentiere la").0, "L'Argentière-la-Bessée");
    assert!(
        names("st bonnet")
            .iter()
            .any(|n| n == "Saint-Bonnet-en-Champsaur"),
        "{:?}",
        names("st bonnet")
    );
    assert!(
        names("ste foy").iter().all(|n| n.starts_with("Sainte-Foy")),
        "{:?}",
        names("ste foy")
    );
    assert_eq!(first("saint junien").0, "Saint-Junien");
    assert_eq!(first("coeuvres").0, "Cœuvres-et-Valsery");
}

#[test]
fn small_typos_still_find_the_commune() {
    assert_eq!(first("brinacon").0, "Briançon");
    assert_eq!(first("gueret").0, "Guéret");
    assert_eq!(first("embrum").0, "Embrun");
}

#[test]
fn former_names_lead_to_todays_commune() {
    let found = index().search("Bellegarde-sur-Valserine");
    let old = index().get(found[0]);
    assert_eq!(old.nom, "Bellegarde-sur-Valserine");
    assert!(old.is_old_name());
    assert_eq!(index().parent(&old).unwrap().nom, "Valserhône");
}

#[test]
fn the_big_commune_comes_before_the_small_namesakes() {
    let found = names("tulle");
    assert_eq!(found[0], "Tulle");
    assert!(names("xyzzy").is_empty());
}

#[test]
fn edits_are_counted_as_optimal_string_alignment_does() {
    let words = [
        "",
        "a",
        "ab",
        "ba",
        "abc",
        "acb",
        "briancon",
        "brinacon",
        "strasbourg",
        "strassburg",
        "marseille",
        "marsielle",
        "marseile",
        "caienne",
        "cayenne",
        "l",
        "lyon",
        "lyonn",
    ];
    for a in words {
        for b in words {
            let distance = strsim::osa_distance(a, b);
            for allowed in 0..4 {
                assert_eq!(
                    super::within_edits(a.as_bytes(), b.as_bytes(), allowed),
                    distance <= allowed,
                    "{a:?} {b:?} within {allowed}"
                );
            }
        }
    }
}

/// From a help point at Gap: its own département first, then the nearest, then the most
/// populated; a complete postal code lists all its communes.
#[test]
fn suggestions_rank_near_the_help_point_first() {
    let gap = index().home("05000", "Gap");
    assert!(gap.is_some());
    let near = |text: &str| -> Vec<String> {
        index()
            .search_from(text, gap)
            .iter()
            .map(|i| index().get(*i).nom.clone())
            .collect()
    };
    assert_eq!(near("st bonnet")[0], "Saint-Bonnet-en-Champsaur");
    let bri = near("bri");
    let briancon = bri.iter().position(|n| n == "Briançon").unwrap();
    assert!(
        bri.iter()
            .position(|n| n == "Brive-la-Gaillarde")
            .is_none_or(|b| briancon < b),
        "{bri:?}"
    );
    assert_eq!(near("largentiere")[0], "L'Argentière-la-Bessée");
    let embrun = near("05200");
    assert_eq!(embrun.len(), 9, "{embrun:?}");
    assert!(embrun.contains(&"Crévoux".to_string()), "{embrun:?}");
    // Without a help point, the national order: Brive, larger, comes first.
    let national = names("bri");
    assert!(
        national.iter().position(|n| n == "Brive-la-Gaillarde")
            < national.iter().position(|n| n == "Briançon"),
        "{national:?}"
    );
}

/// Issue #27: the commune a person names comes first. From Gap, "saint junien" is
/// Saint-Junien (87200), not the nearer Saint-Junien-la-Bregère it merely begins.
#[test]
fn the_commune_named_comes_before_the_names_it_begins() {
    let gap = index().home("05000", "Gap");
    let near = |text: &str| -> Vec<(String, String)> {
        index()
            .search_from(text, gap)
            .iter()
            .map(|i| {
                let c = index().get(*i);
                (c.nom, c.code_postal)
            })
            .collect()
    };
    for typed in ["saint junien", "Saint-Junien", "st junien", "ST-JUNIEN "] {
        assert_eq!(
            near(typed)[0],
            ("Saint-Junien".to_string(), "87200".to_string()),
            "{typed:?}: {:?}",
            near(typed)
        );
    }
    // A postal code lists its main commune first (the largest), wherever the help point is.
    assert_eq!(near("87200")[0].0, "Saint-Junien");
    assert_eq!(near("05200")[0].0, "Embrun");
    // An arrondissement's postal code is the arrondissement, with its own centre.
    let paris_11 = index().search_from("75011", gap);
    let first = index().get(paris_11[0]);
    assert_eq!(first.nom, "Paris 11e Arrondissement");
    assert!((first.latitude.unwrap() - 48.859).abs() < 0.01);
    assert!((first.longitude.unwrap() - 2.380).abs() < 0.01);
    // Within names that merely begin alike, the help point's neighbours still come first.
    assert_eq!(near("st bonnet")[0].0, "Saint-Bonnet-en-Champsaur");
    // One typed digit suggests nothing yet; two do.
    assert!(index().search_from("8", gap).is_empty());
    assert!(index().search_from(" 0 ", gap).is_empty());
    assert!(!index().search_from("87", gap).is_empty());
}

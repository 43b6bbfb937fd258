//! End-to-end: a counsellor signs in with their PIN, opens today's booking, marks the person
//! present, fills the activity report, and finds it in the export.
use crate::pty;

use borne::store::Bookings;
use borne::store::Journal;
use std::process::Command;

use borne::clock::parse_local;
use borne::domain::person::Person;
use borne::store::{NewBooking, SqliteStore};
use pty::*;

#[test]
fn sign_in_mark_present_report_and_export() {
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("borne.log");
    let mut kiosk = Kiosk::start_logging(&[("BORNE_LOG", "debug")], &log);
    kiosk.wait_for("Bienvenue");
    // Earlier Marie booked 10:00, now begun and shared her diagnostic.
    let diagnostic = r#"{"profile":"éloigné du numérique","needs":["Aide aux démarches administratives","Prendre en main du matériel"],"administrative":["Social - Santé"],"modality":"Accompagnement individuel","help":"appointment","aidants_connect":null,"services":["Aide aux démarches administratives"],"equipment":["Pas de matériel"],"urgent":false}"#;
    let starts = parse_local("2026-03-02T10:00").unwrap();
    let code = SqliteStore::open(&kiosk.db_path())
        .unwrap()
        .book(
            &NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts,
                ends: starts + chrono::Duration::minutes(45),
                person: Person {
                    first_name: "Marie".into(),
                    phone: Some("+33612345678".into()),
                    email: Some("marie.durand@example.org".into()),
                    ..Person::default()
                },
                reminder: None,
                diagnostic: Some(diagnostic.into()),
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            parse_local("2026-03-02T09:00").unwrap(),
        )
        .unwrap()
        .unwrap();

    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.type_text("1357");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Connecté : Camille");
    kiosk.keys(&["1"]);
    // The day's appointments, once the database has answered (it may be preparing the
    // lieux search's index just after the start).
    let agenda = kiosk.wait_for("présence à noter");
    let words = agenda.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("lundi 2 mars 10 h 00 — Marie — Aide pour une démarche en ligne — 06 •• •• •• 78 — présence à noter"), "{agenda}");
    kiosk.keys(&[ENTER]);
    let detail = kiosk.wait_for("Réponses au questionnaire");
    assert!(
        detail.contains("Téléphone : 06 12 34 56 78"),
        "the phone shows once opened: {detail}"
    );
    // The diagnostic in the staff's words (the Coop's labels), not the citizen's.
    let words = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Besoins : Aide aux démarches administratives"),
        "{detail}"
    );
    assert!(!words.contains("Faire vos démarches en ligne"), "{detail}");
    kiosk.keys(&["1"]);
    // Success is marked as done, never with the warning sign.
    let saved = kiosk.wait_for("✓ Statut enregistré.");
    assert!(!saved.contains("⚠"), "{saved}");
    kiosk.wait_for("lundi 2 mars 10 h 00 — présent");
    kiosk.keys(&["4"]);
    let form = kiosk.wait_for("Compte rendu d'activité");
    let words = form.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Durée : 45 min"), "{form}");
    assert!(
        // In the order of the Coop's list.
        words.contains(
            "Thématiques : Prendre en main du matériel, Aide aux démarches administratives"
        ),
        "{form}"
    );
    assert!(
        words.contains("Thématiques administratives : Social - Santé"),
        "{form}"
    );
    assert!(words.contains("Autonomie : Avec guidage"), "{form}");
    // To "Enregistrer" (the last line), and save.
    kiosk.keys(&["\x1b[Z", ENTER]);
    kiosk.wait_for("Compte rendu enregistré.");
    // Back on the booking, it says a report exists; reopening shows what was saved, and
    // saving again edits it: one accompaniment, one report.
    kiosk.keys(&[ESC]);
    // On whichever page of the detail the focus is, the choice says a report exists.
    kiosk.wait_for("Compte rendu d'activité (déjà enregistré : le modifier)");
    kiosk.keys(&["4"]);
    let reopened = kiosk.wait_for("Compte rendu d'activité");
    let words = reopened.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Durée : 45 min"), "{reopened}");
    assert!(words.contains("Autonomie : Avec guidage"), "{reopened}");
    kiosk.keys(&["\x1b[Z", ENTER]);
    kiosk.wait_for("Compte rendu enregistré.");

    let out = Command::new(env!("CARGO_BIN_EXE_borne"))
        .env("BORNE_NOW", "2026-03-02T15:00")
        .arg("--config")
        .arg(kiosk.dir.path().join("kiosk-config"))
        .arg("--db")
        .arg(kiosk.db_path())
        .args([
            "export",
            "activites",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 2, "a header and one row: {csv}");
    let row = csv.lines().nth(1).unwrap_or_else(|| panic!("a row: {csv}"));
    assert_eq!(
        row,
        format!(
            "2026-03-02,Accompagnement individuel,45,Lieu d'activité,Avec guidage,Pas de matériel,Aide aux démarches administratives|Prendre en main du matériel,Social - Santé,,Non communiqué,Non communiqué,Non communiqué,camille,{code},Camille,,Point numérique — Mairie de Gap"
        )
    );
    // A second booking, cancelled by the service with a reason only staff may read.
    let later = parse_local("2026-03-02T11:00").unwrap();
    let other = SqliteStore::open(&kiosk.db_path())
        .unwrap()
        .book(
            &NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts: later,
                ends: later + chrono::Duration::minutes(45),
                person: Person {
                    first_name: "Yvette".into(),
                    phone: Some("+33698765432".into()),
                    ..Person::default()
                },
                reminder: None,
                diagnostic: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            parse_local("2026-03-02T09:00").unwrap(),
        )
        .unwrap()
        .unwrap();
    // Back from the report and the booking: today's agenda, read again.
    kiosk.keys(&[ESC, ESC]);
    kiosk.wait_for("Yvette");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Annuler (par le service)");
    kiosk.keys(&["3"]);
    kiosk.wait_for("Motif de l'annulation");
    kiosk.type_text("Yvette hospitalisée");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Rendez-vous annulé.");

    let mut store = SqliteStore::open(&kiosk.db_path()).unwrap();
    assert!(
        store
            .appointment(&other)
            .unwrap()
            .unwrap()
            .status
            .cancelled()
    );
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("store answered"),
        "the log has lines: {logged}"
    );
    for personal in [
        "Marie",
        "Yvette",
        "hospitalisée",
        "612345678",
        "12 34 56 78",
        "698765432",
        "marie.durand",
        "Faire vos démarches",
        "Social - Santé",
    ] {
        assert!(
            !logged.contains(personal),
            "{personal:?} in the log:\n{logged}"
        );
    }
    assert_eq!(
        store.appointment(&code).unwrap().unwrap().status.label(),
        "présent"
    );
    let trail = store.audit_trail().unwrap();
    let actions: Vec<&str> = trail.iter().map(|(_, _, a)| a.as_str()).collect();
    assert!(actions.contains(&"counsellor sign-in"), "{actions:?}");
    assert!(
        actions.contains(&format!("status présent {code}").as_str()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&format!("activity report saved {code} #1").as_str()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&format!("activity report edited {code} #1").as_str()),
        "{actions:?}"
    );
    assert!(
        trail
            .iter()
            .all(|(_, _, a)| !a.contains("Marie") && !a.contains("0612")),
        "no citizen data in the audit"
    );
}

#[test]
fn booking_for_someone_asks_for_the_person_s_details_not_yours() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.type_text("1357");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Prendre un rendez-vous pour une personne");
    kiosk.keys(&["3"]);
    kiosk.keys(&["1"]);
    kiosk.wait_for("mardi 3 mars");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Choisissez une heure, mardi 3 mars :");
    kiosk.keys(&[ENTER]);
    let screen = kiosk.wait_for("Coordonnées de la personne");
    assert!(!screen.contains("Vos coordonnées"), "{screen}");
}

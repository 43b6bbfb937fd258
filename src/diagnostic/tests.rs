use std::path::Path;

use super::questionnaire::{self, Choice, MAX_QUESTIONS_ON_A_PATH, Wish};
use super::services::services_for;
use super::*;
use crate::domain::outcome::{HelpKind, Outcome};
use crate::vocabulary::coop::{
    AidantsConnect as Ac, Materiel, Thematique as T, ThematiqueAdministrative as A,
};
use crate::vocabulary::lieux::{ModaliteAccompagnement as M, Service as S};
use crate::vocabulary::profile::Profile;

fn demo() -> Questionnaire {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let text = std::fs::read_to_string(dir.join(questionnaire::FILE_NAME)).unwrap();
    questionnaire::parse(Path::new("diagnostic.toml"), &text, None).unwrap()
}

/// Walks "q=a,q=a" and checks the path is complete and asked exactly these questions.
fn outcome_of(answers: &str) -> (Vec<Choice>, Outcome) {
    let q = demo();
    let pairs: Vec<(String, String)> = answers
        .split(',')
        .map(|p| {
            let (a, b) = p.split_once('=').unwrap();
            (a.to_string(), b.to_string())
        })
        .collect();
    let (path, stopped) = q.walk(&pairs).unwrap();
    assert_eq!(stopped, Step::End, "{answers} is a complete path");
    assert_eq!(path.len(), pairs.len(), "every answer was asked: {answers}");
    let outcome = q.outcome(&path);
    (path, outcome)
}

#[test]
fn no_device_at_all() {
    let (path, o) =
        outcome_of("equipement=aucun,motif=demarche,demarche=caf,urgence=non,souhait=avec-moi");
    assert_eq!(path.len(), 5, "internet and log-in questions are skipped");
    assert_eq!(o.profile, Profile::Eloigne);
    assert_eq!(
        o.needs,
        vec![
            T::AideAuxDemarchesAdministratives,
            T::PrendreEnMainDuMateriel
        ]
    );
    assert_eq!(o.administrative, vec![A::SocialSante]);
    assert_eq!(o.modality, M::AccompagnementIndividuel);
    assert_eq!(o.help, HelpKind::Appointment);
    assert_eq!(o.equipment, vec![Materiel::PasDeMateriel]);
    for s in [
        S::AccesInternetEtMaterielInformatique,
        S::AcquisitionDeMaterielInformatiqueAPrixSolidaire,
        S::AideAuxDemarchesAdministratives,
    ] {
        assert!(o.services.contains(&s), "{s}");
    }
}

#[test]
fn fully_autonomous_skips_the_email_detail() {
    let (path, o) =
        outcome_of("equipement=les-deux,internet=oui,motif=email,email=facile,souhait=apprendre");
    assert_eq!(path.len(), 5);
    assert_eq!(o.profile, Profile::Autonome);
    assert_eq!(o.needs, vec![T::Email]);
    assert_eq!(o.modality, M::EnAutonomie);
    assert_eq!(o.help, HelpKind::SelfService);
    assert_eq!(o.services, vec![S::MaitriseDesOutilsNumeriquesDuQuotidien]);
    assert!(!o.urgent);
}

#[test]
fn wants_it_done_for_them() {
    let (_, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=demarche,demarche=logement,connexion=non,urgence=non,souhait=a-ma-place",
    );
    assert_eq!(o.aidants_connect, Some(Ac::Logement));
    assert_eq!(o.help, HelpKind::AidantsConnect);
    assert_eq!(o.modality, M::AccompagnementIndividuel);
    assert_eq!(
        o.needs,
        vec![T::AideAuxDemarchesAdministratives, T::NavigationSurInternet]
    );
    assert_eq!(o.administrative, vec![A::Logement]);
}

#[test]
fn urgent_tax_declaration() {
    let (_, o) = outcome_of(
        "equipement=ordinateur,internet=oui,motif=demarche,demarche=impots,connexion=seul,urgence=oui,souhait=apprendre",
    );
    assert!(o.urgent);
    assert_eq!(o.profile, Profile::Autonome);
    assert_eq!(o.needs, vec![T::AideAuxDemarchesAdministratives]);
    assert_eq!(o.administrative, vec![A::ArgentImpots]);
    // Urgent: a counsellor now, not a workshop some day or trying alone.
    assert_eq!(o.modality, M::AccompagnementIndividuel);
    assert_eq!(o.help, HelpKind::Appointment);
    assert_eq!(o.aidants_connect, None, "they want to learn, not a mandate");
}

#[test]
fn email_trouble_and_no_attachments_suggest_a_workshop() {
    let (path, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=email,email=difficile,piece-jointe=non,souhait=apprendre",
    );
    assert_eq!(path.len(), 6);
    assert_eq!(o.needs, vec![T::Email, T::GererSesContenusNumeriques]);
    assert_eq!(o.profile, Profile::AAccompagner);
    assert_eq!(o.modality, M::DansUnAtelierCollectif);
    assert_eq!(o.help, HelpKind::Workshop);
}

#[test]
fn without_internet_attachments_are_not_asked() {
    let (path, o) = outcome_of(
        "equipement=smartphone,internet=non,motif=email,email=difficile,souhait=avec-moi",
    );
    assert_eq!(path.len(), 5);
    assert!(o.services.contains(&S::AccesInternetEtMaterielInformatique));
}

#[test]
fn dont_know_everywhere_still_gives_a_complete_answer() {
    let (_, o) = outcome_of(
        "equipement=ne-sait-pas,internet=ne-sait-pas,motif=ne-sait-pas,souhait=ne-sait-pas",
    );
    assert_eq!(o.needs, vec![T::DiagnosticNumerique]);
    assert_eq!(o.profile, Profile::AAccompagner);
    assert_eq!(o.modality, M::AccompagnementIndividuel);
    assert_eq!(o.services, vec![S::MaitriseDesOutilsNumeriquesDuQuotidien]);
}

#[test]
fn dont_know_the_procedure_ends_that_branch() {
    let (path, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=demarche,demarche=ne-sait-pas,souhait=a-ma-place",
    );
    assert_eq!(
        path.len(),
        5,
        "no log-in or urgency question after \"Je ne sais pas\""
    );
    assert_eq!(o.needs, vec![T::AideAuxDemarchesAdministratives]);
    assert!(o.administrative.is_empty());
    assert_eq!(o.aidants_connect, None, "no category to mandate");
    assert_eq!(o.help, HelpKind::Appointment);
}

#[test]
fn smartphone_beginner_is_far_from_digital_even_wanting_to_learn() {
    let (_, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=smartphone,smartphone=bases,souhait=apprendre",
    );
    assert_eq!(o.profile, Profile::Eloigne);
    assert_eq!(o.modality, M::AccompagnementIndividuel);
    assert_eq!(o.needs, vec![T::PrendreEnMainDuMateriel]);
}

#[test]
fn france_travail_registration_done_for_them() {
    let (_, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=emploi,emploi=france-travail,souhait=a-ma-place",
    );
    assert_eq!(
        o.needs,
        vec![
            T::AideAuxDemarchesAdministratives,
            T::InsertionProfessionnelle
        ]
    );
    assert_eq!(o.administrative, vec![A::TravailFormationEntreprise]);
    assert_eq!(o.aidants_connect, Some(Ac::Travail));
    assert!(
        o.services
            .contains(&S::InsertionProfessionnelleViaLeNumerique)
    );
}

#[test]
fn money_stolen_is_urgent_security() {
    let (_, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=securite,securite=vol,souhait=avec-moi",
    );
    assert!(o.urgent);
    assert_eq!(
        o.needs,
        vec![T::PreventionEnSecuriteNumerique, T::BanqueEtAchatsEnLigne]
    );
    assert_eq!(
        o.services,
        vec![
            S::UtilisationSecuriseeDuNumerique,
            S::MaitriseDesOutilsNumeriquesDuQuotidien
        ]
    );
}

#[test]
fn video_call_with_the_doctor() {
    let (_, o) = outcome_of("equipement=smartphone,internet=oui,motif=video,souhait=avec-moi");
    assert_eq!(o.needs, vec![T::ReseauxSociauxCommunication, T::Sante]);
    assert!(o.services.contains(&S::AideAuxDemarchesAdministratives));
}

#[test]
fn following_children_at_school() {
    let (_, o) = outcome_of("equipement=ordinateur,internet=oui,motif=ecole,souhait=apprendre");
    assert_eq!(o.needs, vec![T::ScolariteEtNumerique, T::Parentalite]);
    assert_eq!(o.services, vec![S::ParentaliteEtEducationAvecLeNumerique]);
    assert_eq!(o.help, HelpKind::Workshop);
}

#[test]
fn buying_and_selling_online() {
    let (_, o) = outcome_of("equipement=les-deux,internet=oui,motif=achats,souhait=apprendre");
    assert_eq!(o.profile, Profile::Autonome);
    assert_eq!(
        o.needs,
        vec![T::BanqueEtAchatsEnLigne, T::PreventionEnSecuriteNumerique]
    );
    assert_eq!(o.modality, M::EnAutonomie);
}

#[test]
fn health_procedure_names_both_needs() {
    let (_, o) = outcome_of(
        "equipement=smartphone,internet=oui,motif=demarche,demarche=sante,connexion=avec-aide,urgence=non,souhait=avec-moi",
    );
    assert_eq!(o.needs, vec![T::AideAuxDemarchesAdministratives, T::Sante]);
    assert_eq!(o.administrative, vec![A::SocialSante]);
    assert_eq!(o.help, HelpKind::Appointment);
}

#[test]
fn lost_email_password() {
    let (_, o) = outcome_of(
        "equipement=ordinateur,internet=oui,motif=email,email=mot-de-passe,souhait=avec-moi",
    );
    assert_eq!(o.needs, vec![T::Email, T::PreventionEnSecuriteNumerique]);
}

#[test]
fn autonomous_person_who_wants_someone_beside_them() {
    let (_, o) =
        outcome_of("equipement=les-deux,internet=oui,motif=email,email=facile,souhait=avec-moi");
    assert_eq!(o.profile, Profile::Autonome);
    assert_eq!(o.modality, M::AccompagnementIndividuel);
}

#[test]
fn no_device_and_email_skips_attachments() {
    let (path, _) = outcome_of("equipement=aucun,motif=email,email=difficile,souhait=avec-moi");
    assert_eq!(path.len(), 4);
}

#[test]
fn the_survey_of_the_paths_finds_what_walking_each_finds() {
    let q = demo();
    let paths = q
        .paths_within(200_000, MAX_QUESTIONS_ON_A_PATH + 1)
        .unwrap();
    let survey = q.survey(200_000, MAX_QUESTIONS_ON_A_PATH + 1).unwrap();
    assert_eq!(survey.paths, paths.len());
    let mut asked = vec![false; q.questions.len()];
    for choice in paths.iter().flatten() {
        asked[choice.question] = true;
    }
    assert_eq!(survey.asked, asked);
    assert_eq!(survey.first_at_max, None);
    // Past the limit: refused, whatever the limit.
    assert_eq!(q.survey(paths.len() - 1, MAX_QUESTIONS_ON_A_PATH + 1), None);
}

#[test]
fn a_questionnaire_of_531441_paths_is_refused_without_walking_them() {
    // Six questions of nine answers each, every answer leading to the next question.
    let mut text = "start = \"q0\"\n".to_string();
    for i in 0..6 {
        text += &format!("[[question]]\nid = \"q{i}\"\n");
        for a in 0..9 {
            let next = if i == 5 {
                "fin".to_string()
            } else {
                format!("q{}", i + 1)
            };
            let dont_know = if a == 8 { "dont_know = true\n" } else { "" };
            text += &format!("[[question.answer]]\nid = \"a{a}\"\n{dont_know}next = \"{next}\"\n");
        }
    }
    assert_eq!(
        problems(&text),
        ["diagnostic.toml:1:1: more than 200000 paths: simplify the branching"]
    );
}

#[test]
fn every_reachable_path_is_short_and_gives_a_complete_outcome() {
    let q = demo();
    let paths = q.paths_bounded(100_000).unwrap();
    assert!(paths.len() > 1000, "{} paths", paths.len());
    let mut lengths = vec![0; MAX_QUESTIONS_ON_A_PATH + 1];
    for path in &paths {
        assert!(
            path.len() <= MAX_QUESTIONS_ON_A_PATH,
            "{}",
            q.describe(path)
        );
        lengths[path.len()] += 1;
        assert_eq!(q.next_step(path), Ok(Step::End));
        let o = q.outcome(path);
        let context = q.describe(path);
        assert!((1..=3).contains(&o.needs.len()), "{context}");
        assert!(!o.services.is_empty(), "{context}");
        for need in &o.needs {
            for service in services_for(*need) {
                assert!(o.services.contains(service), "{context}");
            }
        }
        if !o.administrative.is_empty() {
            assert!(
                o.needs.contains(&T::AideAuxDemarchesAdministratives),
                "{context}"
            );
        }
        assert_eq!(
            o.aidants_connect.is_some(),
            o.help == HelpKind::AidantsConnect,
            "{context}"
        );
        if o.aidants_connect.is_some() {
            let wished = path.iter().any(|c| {
                q.questions[c.question].answers[c.answer].implies.wish == Some(Wish::ForMe)
            });
            assert!(wished, "{context}");
        }
    }
    // "usually 4–6": only an online procedure (which asks about logging in and urgency)
    // goes beyond six questions.
    let demarche = q.question_by_id("demarche").unwrap();
    for path in &paths {
        if path.len() > 6 {
            assert!(
                path.iter().any(|c| c.question == demarche),
                "{}",
                q.describe(path)
            );
        }
    }
    // The shortest: no device, then a topic with no detail question.
    assert_eq!(lengths[..3].iter().sum::<usize>(), 0, "{lengths:?}");
}

#[test]
fn going_back_and_answering_differently_changes_the_next_question() {
    let q = demo();
    let equipement = q.question_by_id("equipement").unwrap();
    let internet = q.question_by_id("internet").unwrap();
    let motif = q.question_by_id("motif").unwrap();
    let smartphone = Choice {
        question: equipement,
        answer: 0,
    };
    let none = Choice {
        question: equipement,
        answer: 3,
    };
    assert_eq!(q.next_step(&[smartphone]), Ok(Step::Ask(internet)));
    assert_eq!(q.next_step(&[none]), Ok(Step::Ask(motif)));
    assert!(
        q.next_step(&[Choice {
            question: motif,
            answer: 0
        }])
        .is_err()
    );
}

// ---- validation of an edited questionnaire ----

fn problems(text: &str) -> Vec<String> {
    questionnaire::check(Path::new("diagnostic.toml"), text, None)
        .expect_err("refused")
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn question(id: &str, next: &str) -> String {
    format!(
        "[[question]]\nid = \"{id}\"\n[[question.answer]]\nid = \"oui\"\nnext = \"{next}\"\n[[question.answer]]\nid = \"ne-sait-pas\"\ndont_know = true\nnext = \"fin\"\n"
    )
}

#[test]
fn a_minimal_questionnaire_is_valid() {
    let text = format!("start = \"a\"\n{}", question("a", "fin"));
    let q = questionnaire::parse(Path::new("d.toml"), &text, None).unwrap();
    assert_eq!(q.questions[0].text, "diag-a");
    assert_eq!(q.questions[0].answers[0].text, "diag-a-oui");
}

#[test]
fn unknown_references_are_located() {
    let text = format!("start = \"a\"\n{}", question("a", "nulle-part"));
    let p = problems(&text);
    assert_eq!(
        p,
        vec!["diagnostic.toml:6:8: no question has the id \"nulle-part\""]
    );
}

#[test]
fn unreachable_questions_are_found() {
    let text = format!(
        "start = \"a\"\n{}{}",
        question("a", "fin"),
        question("b", "fin")
    );
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("diagnostic.toml:12:6: question \"b\" is never asked"),
        "{p:?}"
    );
}

#[test]
fn loops_are_refused() {
    let text = format!(
        "start = \"a\"\n{}{}",
        question("a", "b"),
        question("b", "a")
    );
    let p = problems(&text);
    assert!(p[0].contains("the questions loop: a → b → a"), "{p:?}");
}

#[test]
fn a_path_longer_than_eight_questions_is_refused() {
    let ids: Vec<String> = (1..=9).map(|i| format!("q{i}")).collect();
    let mut text = "start = \"q1\"\n".to_string();
    for (i, id) in ids.iter().enumerate() {
        let next = ids.get(i + 1).map_or("fin", String::as_str);
        text += &question(id, next);
    }
    let p = problems(&text);
    assert!(
        p[0].contains("a path asks 9 questions (at most 8): q1=oui → q2=oui"),
        "{p:?}"
    );
}

#[test]
fn every_question_needs_a_dont_know_answer_and_known_labels() {
    let text = "start = \"a\"\n[[question]]\nid = \"a\"\n[[question.answer]]\nid = \"x\"\nnext = \"fin\"\n[[question.answer]]\nid = \"y\"\nnext = \"fin\"\n";
    assert!(problems(text)[0].contains("has no \"Je ne sais pas\" answer"));
    let text = format!("start = \"a\"\n{}", question("a", "fin")).replace(
        "next = \"fin\"\n[[question.answer]]",
        "next = \"fin\"\nneeds = [\"Email\"]\n[[question.answer]]",
    );
    let p = problems(&text);
    assert!(
        p[0].starts_with("diagnostic.toml:7:9: \"Email\" is not one of: Diagnostic numérique"),
        "{p:?}"
    );
}

#[test]
fn skip_rules_must_name_real_answers() {
    let text = format!("start = \"a\"\n{}", question("a", "fin")).replace(
        "id = \"a\"\n",
        "id = \"a\"\nskip_if = [\"a=peut-etre\"]\nskip_to = \"fin\"\n",
    );
    assert!(problems(&text)[0].contains("question \"a\" has no answer \"peut-etre\""));
}

#[test]
fn a_message_missing_from_a_locale_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let i18n = crate::i18n::I18n::load(&["fr".into(), "en".into()], dir.path()).unwrap();
    let text = format!("start = \"a\"\n{}", question("a", "fin"))
        .replace("id = \"oui\"", "id = \"oui\"\ntext = \"diag-internet-oui\"");
    let p: Vec<String> = questionnaire::parse(Path::new("d.toml"), &text, Some(&i18n))
        .expect_err("diag-a is in no locale")
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(p.contains(&"d.toml:3:6: message \"diag-a\" is missing from locale \"fr\" (locales/fr/ or the config's locales/fr/)".to_string()), "{p:?}");
    assert!(
        p.iter()
            .any(|l| l.contains("\"diag-a-ne-sait-pas\" is missing from locale \"en\"")),
        "{p:?}"
    );
    assert!(!p.iter().any(|l| l.contains("diag-internet-oui")), "{p:?}");
}

#[test]
fn the_shipped_questionnaire_uses_messages_every_locale_has() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let i18n =
        crate::i18n::I18n::load(&["fr".into(), "fr-x-falc".into(), "en".into()], &dir).unwrap();
    questionnaire::load_checked(&dir, &i18n).unwrap_or_else(|p| panic!("{p:?}"));
}

// ---- the screen, through the core ----

mod screen {
    use crate::app::key::Key;
    use crate::app::{App, Effect, Msg};

    use crate::testing::{demo_config, monday_morning};
    use crate::vocabulary::coop::Thematique;
    use crate::vocabulary::profile::Profile;

    fn press(app: &mut App, keys: &str) -> Vec<Effect> {
        keys.chars()
            .flat_map(|c| {
                let key = match c {
                    '<' => Key::Esc,
                    '\n' => Key::Enter,
                    'v' => Key::Down,
                    c => Key::Char(c),
                };
                app.update(Msg::Key(key), monday_morning())
            })
            .collect()
    }

    #[test]
    fn counts_once_anonymously_even_after_going_back() {
        let mut app = crate::kiosk::app(demo_config(), monday_morning());
        let effects = press(&mut app, "1111");
        assert!(effects.is_empty(), "nothing counted before the result");
        let effects = press(&mut app, "1213");
        assert_eq!(
            effects,
            vec![Effect::CountDiagnostic {
                day: monday_morning().date(),
                profile: Profile::AAccompagner,
                needs: vec![Thematique::AideAuxDemarchesAdministratives],
            }]
        );
        assert_eq!(app.screen().title(), "diag-result-title");
        let again = press(&mut app, "<2");
        assert!(again.is_empty(), "{again:?}");
        assert_eq!(app.screen().title(), "diag-result-title");
    }

    #[test]
    fn escape_walks_back_to_the_welcome_screen_and_terminer_goes_home() {
        let mut app = crate::kiosk::app(demo_config(), monday_morning());
        press(&mut app, "14");
        assert!(app.screen().holds_input());
        press(&mut app, "<<");
        assert!(app.on_welcome());
        press(&mut app, "148v\n");
        assert_eq!(app.screen().title(), "diag-result-title");
        // Buying online: an appointment, help now, the scams workshop, the nearest lieux, or
        // finish.
        press(&mut app, "5");
        assert!(app.on_welcome());
    }

    #[test]
    fn the_result_leads_to_booking_with_the_motif_preselected() {
        let mut app = crate::kiosk::app(demo_config(), monday_morning());
        let effects = press(&mut app, "148v\n");
        assert_eq!(effects.len(), 1, "the anonymous count");
        let effects = press(&mut app, "1");
        assert_eq!(app.screen().title(), "booking-title");
        // The booking screen asks for the busy times right away: the motif is known.
        assert!(
            matches!(
                effects.as_slice(),
                [Effect::Store(crate::store::Request::Busy { .. })]
            ),
            "{effects:?}"
        );
        // Esc on the days goes back to the motifs, then to the result.
        press(&mut app, "<<");
        assert_eq!(app.screen().title(), "diag-result-title");
    }
}

/// The result names the démarche as the person said it ("vos allocations (CAF, MSA)"), not
/// its category ("allocations, santé"); and someone scammed is offered the motif about
/// security, not the one about learning the phone.
#[test]
fn the_result_names_what_was_said_and_a_scam_leads_to_the_security_motif() {
    let (_, caf) =
        outcome_of("equipement=aucun,motif=demarche,demarche=caf,urgence=non,souhait=avec-moi");
    assert_eq!(caf.named.as_deref(), Some("diag-demarche-caf-said"));
    let (_, other) =
        outcome_of("equipement=aucun,motif=demarche,demarche=autre,urgence=non,souhait=avec-moi");
    assert_eq!(other.named, None);

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let config = crate::kiosk::load(&dir).unwrap();
    let (_, scammed) = outcome_of(
        "equipement=smartphone,internet=oui,motif=securite,securite=vol,souhait=avec-moi",
    );
    let motif = crate::booking::book::motif_for(&config.agenda, &scammed).expect("a motif");
    assert_eq!(config.agenda.motifs[motif].id, "securite");
}

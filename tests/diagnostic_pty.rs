//! End-to-end: the needs diagnostic, from the welcome screen to "Vos besoins", in the real
//! binary in a pseudo-terminal.
use crate::pty;

use pty::*;

#[test]
fn walk_the_diagnostic_to_the_result_and_go_back_once() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("1  Faire le point sur mes besoins");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Question 1");
    kiosk.wait_for("Avez-vous un appareil pour aller sur internet ?");
    kiosk.wait_for_focus("▶ 1  Oui, un téléphone portable");
    // By arrows and Enter, as well as by number.
    kiosk.keys(&[DOWN, ENTER]);
    kiosk.wait_for("Question 2");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Pour quoi venez-vous aujourd'hui ?");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Avez-vous une adresse e-mail ?");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Savez-vous envoyer un document par e-mail");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Question 6");
    kiosk.keys(&["1"]);
    let result = kiosk.wait_for("Vos besoins");
    assert!(result.contains("• Utiliser vos e-mails"), "{result}");
    assert!(
        result.contains("• Ranger et envoyer vos documents et vos photos"),
        "{result}"
    );
    assert!(result.contains("Un atelier en groupe."), "{result}");
    // The recommended way first: the workshops on this theme.
    kiosk.wait_for_focus("▶ 1  Voir les ateliers sur ce thème");
    assert!(result.contains("5  Terminer"), "{result}");

    // Back once: the last question, with the earlier answer still selected.
    kiosk.keys(&[ESC]);
    kiosk.wait_for("Question 6");
    kiosk.wait_for_focus("▶ 1  Apprendre à le faire moi-même");
    kiosk.keys(&[DOWN, ENTER]);
    let result = kiosk.wait_for("Un rendez-vous avec un conseiller.");
    assert!(!result.contains("Un atelier en groupe"), "{result}");
    kiosk.wait_for_focus("▶ 1  Prendre rendez-vous avec un conseiller");
    // Straight to the days of the motif that serves e-mail needs.
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Créer ou utiliser ma boîte e-mail");
    kiosk.wait_for("Choisissez un jour :");
    // Going home would drop the answers: the kiosk asks first.
    kiosk.keys(&[HOME]);
    kiosk.wait_for("Revenir à l'accueil ?");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Bienvenue");
}

#[test]
fn home_asks_before_dropping_the_answers() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["1", "4"]);
    kiosk.wait_for("Question 2");
    kiosk.keys(&[HOME]);
    kiosk.wait_for("Revenir à l'accueil ?");
    kiosk.wait_for_focus("▶ 2  Non, continuer ici");
    kiosk.keys(&[ENTER]);
    kiosk.wait_until(
        |s| !s.contains("Revenir à l'accueil ?"),
        "the question is back",
    );
    kiosk.wait_for("Question 2");
    kiosk.keys(&[HOME, "1"]);
    kiosk.wait_for("Bienvenue");
}

#[test]
fn the_idle_reset_wipes_the_answers() {
    let mut kiosk = Kiosk::start_with(
        &[
            ("idle_seconds = 90", "idle_seconds = 10"),
            ("warning_seconds = 30", "warning_seconds = 20"),
        ],
        80,
        24,
        &[],
    );
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["1", "4", "2"]);
    kiosk.wait_for("Question 3");
    kiosk.wait_for("Vous êtes toujours là ?");
    kiosk.wait_for("dans 1 seconde.");
    kiosk.wait_for("Bienvenue");
    // A new diagnostic starts from the first question with nothing selected from before.
    kiosk.keys(&["1"]);
    kiosk.wait_for("Question 1");
    kiosk.wait_for_focus("▶ 1  Oui, un téléphone portable");
}

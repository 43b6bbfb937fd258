//! End-to-end: finding the nearest help place from the welcome screen, on the shipped data.
use crate::pty;

use pty::*;

#[test]
fn type_gap_choose_it_see_the_nearest_lieux_and_open_one() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("3  Trouver un lieu d'aide près de moi");
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune :");
    kiosk.type_text("gap");
    let screen = kiosk.wait_for("  Gap (05000)");
    // Suggestions have no numbers: digits type a postal code into the field.
    assert!(!screen.contains("1  Gap"), "{screen}");
    // The cursor stays in the field while typing.
    let (row, _) = kiosk.cursor();
    assert!(kiosk.row(row).contains("gap"), "{}", kiosk.row(row));
    kiosk.keys(&[ENTER]);
    let list = kiosk.wait_for("Les lieux les plus proches de Gap (05000) :");
    let words = list.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("— à 2 km"), "{list}");
    // Monday 10:15: most are open until noon.
    assert!(words.contains("Ouvert maintenant — ferme à 12 h"), "{list}");
    // A place whose position was wrong in the data is at its commune, and says so.
    kiosk.wait_for_focus("▶ 1  Maison des Habitants — Gap — dans la commune, adresse à vérifier");
    assert!(
        list.contains("3  France services Gap — Gap — à 2 km"),
        "{list}"
    );
    kiosk.keys(&["3"]);
    let detail = kiosk.wait_for("Le lieu d'aide");
    // A date of another year in words, never in numbers.
    assert!(detail.contains("Informations du 1er août 2024"), "{detail}");
    assert!(detail.contains("Téléphone : "), "{detail}");
    kiosk.keys(&["2"]);
    let week = kiosk.wait_for("Les horaires de la semaine");
    assert!(week.contains("lundi : "), "{week}");
    kiosk.keys(&[ENTER, "1"]);
    kiosk.wait_for("Visez ce code avec l'appareil photo");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Revenir à la liste");
}

#[test]
fn an_unknown_postal_code_gets_a_kind_message() {
    let mut kiosk = Kiosk::start();
    kiosk.keys(&["3"]);
    kiosk.wait_for("Votre code postal ou votre commune :");
    kiosk.type_text("99999");
    kiosk.wait_for("Aucune commune n'a le code postal 99999. Vérifiez les chiffres.");
    // Correcting it works at once.
    kiosk.keys(&["\x7f", "\x7f", "\x7f", "\x7f", "\x7f"]);
    kiosk.type_text("briancon");
    kiosk.wait_for("  Briançon (05100)");
}

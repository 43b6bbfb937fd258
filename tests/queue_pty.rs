//! The queue end to end, as a help point runs it: the kiosk, a counsellor's kiosk and the
//! waiting room's calling screen (`borne display`) as three processes on one database. A
//! walk-in takes a ticket, the counsellor calls it, the calling screen shows it — no name.
use crate::pty;

use pty::{DOWN, ENTER, F12, Kiosk};

#[test]
fn a_walk_in_takes_a_ticket_the_counsellor_calls_it_and_the_display_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("borne.db");
    let mut kiosk = Kiosk::start_on(&db);
    kiosk.wait_for("Que voulez-vous faire ?");
    let mut desk = Kiosk::start_on(&db);
    desk.wait_for("Que voulez-vous faire ?");
    let display = Kiosk::run_on(&db, &["display"]);
    display.wait_for("Les numéros appelés s'affichent ici.");
    display.wait_for("Personne n'attend.");

    // The walk-in: help now, what for, a first name, the ticket.
    kiosk.keys(&["6"]);
    kiosk.wait_for("Avez-vous un rendez-vous aujourd'hui ?");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Pour quoi voulez-vous de l'aide ?");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Votre prénom, si vous voulez");
    kiosk.type_text("Marie");
    kiosk.keys(&[DOWN, ENTER]);
    let ticket = kiosk.wait_for("Votre numéro : A-001");
    assert!(
        ticket.contains("Vous êtes la prochaine personne."),
        "{ticket}"
    );
    assert!(ticket.contains("Attente estimée"), "{ticket}");
    display.wait_for("1 personne attend.");

    // Camille calls the next person to her desk.
    desk.keys(&[F12]);
    desk.wait_for("Code :");
    desk.type_text("1357");
    desk.keys(&[ENTER]);
    desk.wait_for("Connecté : Camille");
    desk.keys(&["7"]);
    let queue = desk.wait_for("1 personne attend.");
    assert!(queue.contains("A-001 · attend depuis"), "{queue}");
    assert!(queue.contains("Marie"), "{queue}");
    desk.keys(&["1"]);
    desk.wait_for("Vous appelez A-001 au Bureau 1.");

    // The waiting room sees the call, and no name.
    let shown = display.wait_for("A-001 → Bureau 1");
    assert!(shown.contains("Personne n'attend."), "{shown}");
    assert!(!shown.contains("Marie"), "{shown}");

    // Taken in charge: the activity report can start from the entry.
    desk.keys(&["1"]);
    desk.wait_for("A-001 est pris en charge.");
    desk.keys(&["1"]);
    desk.wait_for("Compte rendu");
}

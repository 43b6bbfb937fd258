//! End-to-end: booking, managing and workshops in the real binary, at a fixed "now"
//! (Monday 2 March 2026, 10:15).
use crate::pty;

use borne::clock::parse_local;
use borne::domain::person::Person;
use borne::store::Bookings;
use borne::store::{NewBooking, NewRegistration, SqliteStore};
use pty::*;

/// Books Tuesday 3 March at 09:00 ("Aide pour une démarche en ligne", 45 min, Camille) and
/// returns the code shown.
fn book_tuesday_morning(kiosk: &mut Kiosk) -> String {
    kiosk.wait_for("2  Prendre rendez-vous");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Pour quoi voulez-vous un rendez-vous ?");
    kiosk.keys(&["1"]);
    kiosk.wait_for("lundi 2 mars — 4 créneaux");
    kiosk.wait_for("Apportez vos papiers, votre carte Vitale");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Choisissez une heure, mardi 3 mars :");
    kiosk.wait_for_focus("▶ 1  9 h 00 avec Camille");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Vos coordonnées");
    kiosk.type_text("Marie");
    kiosk.keys(&[ENTER, ENTER]);
    kiosk.type_text("0612345678");
    kiosk.wait_for("Téléphone : 06 12 34 56 78");
    kiosk.keys(&[DOWN, DOWN, DOWN, ENTER]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    kiosk.wait_for("Marie — 06 12 34 56 78");
    kiosk.keys(&[ENTER]);
    let screen = kiosk.wait_for("Votre code : ");
    assert!(
        screen.contains("Mardi 3 mars à 9 h 00, avec Camille."),
        "{screen}"
    );
    assert!(
        screen.contains("Lieu : Point numérique — Mairie de Gap, 3 rue Colonel Roux"),
        "{screen}"
    );
    assert!(
        screen.contains("Gardez ce code pour gérer votre rendez-vous."),
        "{screen}"
    );
    // What to bring, in the same words as when choosing the day.
    assert!(
        screen.contains("Apportez vos papiers, votre carte Vitale"),
        "{screen}"
    );
    let at = screen.find("Votre code : ").unwrap() + "Votre code : ".len();
    let code: String = screen[at..at + 7]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert_eq!(code.len(), 6, "{screen}");
    code
}

#[test]
fn book_then_manage_and_cancel_with_the_code() {
    let mut kiosk = Kiosk::start();
    let code = book_tuesday_morning(&mut kiosk);
    let mut store = SqliteStore::open(&kiosk.db_path()).unwrap();
    let saved = store
        .appointment(&code)
        .unwrap()
        .expect("the booking is stored");
    assert_eq!(
        saved.person.phone.as_deref(),
        Some("+33612345678"),
        "stored in E.164"
    );

    // The QR code for the phone, then "Terminer".
    kiosk.keys(&["1"]);
    kiosk.wait_for("Visez ce code avec l'appareil photo");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("2  Terminer");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Bienvenue");

    kiosk.keys(&["4"]);
    kiosk.wait_for("Tapez le code de votre rendez-vous");
    kiosk.type_text(&code.to_lowercase());
    kiosk.keys(&[ENTER]);
    kiosk.type_text("77");
    kiosk.keys(&[ENTER, ENTER]);
    kiosk.wait_for("Nous ne trouvons pas ce rendez-vous.");
    kiosk.keys(&[UP, "\x7f", "\x7f"]);
    kiosk.type_text("78");
    kiosk.keys(&[ENTER, ENTER]);
    let found = kiosk.wait_for("Mardi 3 mars à 9 h 00, avec Camille.");
    // Less than 2 days ahead: no change at the kiosk, but cancelling is still possible.
    assert!(found.contains("appelez le 04 92 53 24 24"), "{found}");
    assert!(!found.contains("Changer de jour"), "{found}");
    // Cancelling is never the default (#27): the focus keeps the appointment.
    kiosk.wait_for_focus("▶ 2  Terminer");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Voulez-vous vraiment annuler ce rendez-vous ?");
    kiosk.wait_for_focus("▶ 2  Non, garder le rendez-vous");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Votre rendez-vous est annulé.");
    let mut store = SqliteStore::open(&kiosk.db_path()).unwrap();
    assert_eq!(
        store.appointment(&code).unwrap().unwrap().status.label(),
        "annulé par l'usager"
    );
}

#[test]
fn a_slot_taken_meanwhile_shows_fresh_slots_not_an_error() {
    let mut kiosk = Kiosk::start();
    kiosk.walk_to_identity_form();
    // Another kiosk takes Tuesday 09:00 while the person types.
    let mut other = SqliteStore::open(&kiosk.db_path()).unwrap();
    let starts = parse_local("2026-03-03T09:00").unwrap();
    other
        .book(
            &NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts,
                ends: starts + chrono::Duration::minutes(45),
                person: Person {
                    first_name: "Paul".into(),
                    ..Person::default()
                },
                reminder: None,
                diagnostic: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            parse_local("2026-03-02T10:00").unwrap(),
        )
        .unwrap()
        .unwrap();
    kiosk.type_text("Marie");
    kiosk.keys(&[ENTER, ENTER, DOWN, " ", DOWN, ENTER, ENTER]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    kiosk.keys(&[ENTER]);
    let screen = kiosk.wait_for("Ce créneau vient d'être pris.");
    assert!(screen.contains("mardi 3 mars — 3 créneaux"), "{screen}");
}

#[test]
fn a_full_workshop_cannot_be_booked() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("5  Ateliers");
    let mut store = SqliteStore::open(&kiosk.db_path()).unwrap();
    let starts = parse_local("2026-03-04T14:00").unwrap();
    for n in 0..12 {
        store
            .register(
                &NewRegistration {
                    workshop: "email-debutant@2026-03-04".into(),
                    starts,
                    ends: starts + chrono::Duration::hours(2),
                    seats: 12,
                    person: Person {
                        first_name: format!("P{n}"),
                        ..Person::default()
                    },
                    reminder: None,
                    booked_by: borne::store::BookedBy::Kiosk,
                    request_id: None,
                },
                parse_local("2026-03-01T10:00").unwrap(),
            )
            .unwrap()
            .unwrap();
    }
    kiosk.keys(&["5"]);
    let list = kiosk.wait_for("Les prochains ateliers :");
    // Long lines wrap: read the words as a person reads them.
    let words = list.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "1 mercredi 4 mars, 14 h 00 — Bien démarrer avec les e-mails (Débutant) — Complet"
        ),
        "{list}"
    );
    assert!(
        words.contains("(Intermédiaire) — 10 places restantes sur 10"),
        "{list}"
    );
    kiosk.wait_for_focus("▶ 1  mercredi 4 mars");
    kiosk.keys(&[ENTER]);
    // Full: not a dead end, its waiting list (a first name and a phone); Esc goes back.
    kiosk.wait_for("Laissez votre prénom et votre téléphone");
    kiosk.keys(&[ESC]);
    kiosk.wait_for("Les prochains ateliers :");
    kiosk.wait_for_focus("▶ 1  mercredi 4 mars");
    // The next one has seats: signing up works.
    kiosk.keys(&[DOWN, ENTER]);
    kiosk.wait_for("Vos coordonnées");
    kiosk.type_text("Ali");
    kiosk.keys(&[ENTER, ENTER, DOWN, " ", DOWN, ENTER, ENTER]);
    kiosk.wait_for("Vérifiez votre inscription :");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Votre code : ");
    kiosk.wait_for("Votre inscription");
}

#[test]
fn a_configured_printer_prints_the_ticket() {
    let out = tempfile::tempdir().unwrap();
    let ticket = out.path().join("ticket.txt");
    let command = format!(
        "[printer]\ncommand = [\"sh\", \"-c\", \"cat > {}\"]",
        ticket.display()
    );
    let mut kiosk = Kiosk::start_with(&[("[printer]", &command)], 80, 24, &[]);
    let code = book_tuesday_morning(&mut kiosk);
    kiosk.wait_for("2  Imprimer mon ticket");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Votre ticket est imprimé.");
    let printed = std::fs::read_to_string(&ticket).unwrap();
    assert!(
        printed.starts_with("Point numérique — Mairie de Gap\n"),
        "{printed}"
    );
    assert!(
        printed.contains(&format!("{} {}", &code[..3], &code[3..])),
        "{printed}"
    );
    assert!(
        printed.contains("Pour nous appeler : 04 92 53 24 24"),
        "{printed}"
    );
    assert!(
        printed.lines().all(|l| l.chars().count() <= 40),
        "{printed}"
    );
}

#[test]
fn change_an_appointment_two_days_ahead() {
    let mut kiosk = Kiosk::start();
    kiosk.wait_for("Bienvenue");
    let starts = parse_local("2026-03-05T09:00").unwrap();
    let code = SqliteStore::open(&kiosk.db_path())
        .unwrap()
        .book(
            &NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts,
                ends: starts + chrono::Duration::minutes(45),
                person: Person {
                    first_name: "Josée".into(),
                    ..Person::default()
                },
                reminder: None,
                diagnostic: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            parse_local("2026-03-01T10:00").unwrap(),
        )
        .unwrap()
        .unwrap();
    kiosk.keys(&["4"]);
    kiosk.wait_for("Tapez le code de votre rendez-vous");
    kiosk.type_text(&code);
    kiosk.keys(&[ENTER]);
    // No phone given: the first name is the check, whatever its accents.
    kiosk.type_text("josee");
    kiosk.keys(&[ENTER, ENTER]);
    kiosk.wait_for("Jeudi 5 mars à 9 h 00, avec Camille.");
    kiosk.wait_for("2  Changer de jour ou d'heure");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Votre rendez-vous actuel : jeudi 5 mars à 9 h 00.");
    kiosk.wait_for("Choisissez un jour :");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Choisissez une heure, mardi 3 mars :");
    kiosk.keys(&[ENTER]);
    // The new day, time, counsellor and place, to confirm: "No" keeps the appointment.
    let asked = kiosk.wait_for("Voulez-vous changer pour ce nouveau rendez-vous ?");
    assert!(
        asked.contains("Votre rendez-vous actuel : jeudi 5 mars à 9 h 00."),
        "{asked}"
    );
    assert!(
        asked.contains("Mardi 3 mars à 9 h 00, avec Camille."),
        "{asked}"
    );
    assert!(
        asked.contains("Lieu : Point numérique — Mairie de Gap"),
        "{asked}"
    );
    kiosk.keys(&["2"]);
    kiosk.wait_for("Choisissez une heure, mardi 3 mars :");
    let kept = SqliteStore::open(&kiosk.db_path())
        .unwrap()
        .appointment(&code)
        .unwrap()
        .unwrap();
    assert_eq!(kept.starts, starts, "not moved before it is confirmed");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Voulez-vous changer pour ce nouveau rendez-vous ?");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Votre rendez-vous est changé.");
    // The same receipt as a new booking: the code, the new day, and (no phone, no printer)
    // the desk for a note.
    let receipt = kiosk.wait_for("Mardi 3 mars à 9 h 00, avec Camille.");
    assert!(
        receipt.contains(&format!("Votre code : {} {}", &code[..3], &code[3..])),
        "{receipt}"
    );
    assert!(
        receipt.contains("Notez ce code, ou demandez un papier à l'accueil."),
        "{receipt}"
    );
    let moved = SqliteStore::open(&kiosk.db_path())
        .unwrap()
        .appointment(&code)
        .unwrap()
        .unwrap();
    assert_eq!(moved.starts, parse_local("2026-03-03T09:00").unwrap());
}

#[test]
fn a_hung_printer_never_freezes_the_kiosk() {
    let command = "[printer]\ncommand = [\"sh\", \"-c\", \"sleep 60\"]";
    let mut kiosk = Kiosk::start_with(&[("[printer]", command)], 80, 24, &[]);
    book_tuesday_morning(&mut kiosk);
    kiosk.wait_for("2  Imprimer mon ticket");
    kiosk.keys(&["2"]);
    // The printer does not answer; the kiosk does, at once.
    kiosk.keys(&[F12]);
    kiosk.wait_for("Code :");
    kiosk.keys(&[ESC, HOME]);
    kiosk.wait_for("Que voulez-vous faire ?");
}

#[test]
fn esc_on_a_form_with_typed_data_asks_first_and_enter_never_ticks_the_box() {
    let mut kiosk = Kiosk::start();
    kiosk.walk_to_identity_form();
    kiosk.type_text("Marie");
    kiosk.keys(&[ENTER, ENTER]);
    kiosk.type_text("0612345678");
    kiosk.wait_for("Téléphone : 06 12 34 56 78");
    // Down to "Je n'ai pas de téléphone": the key bar says Space ticks it.
    kiosk.keys(&[DOWN]);
    kiosk.wait_for("Espace : cocher ou décocher");
    // Enter moves on; the number stays.
    kiosk.keys(&[ENTER]);
    let screen = kiosk.wait_for("[ ] Je n'ai pas de téléphone");
    assert!(screen.contains("Téléphone : 06 12 34 56 78"), "{screen}");
    // Esc asks before dropping what was typed; "Non" keeps it.
    kiosk.keys(&[ESC]);
    kiosk.wait_for("Revenir en arrière ?");
    kiosk.keys(&["2"]);
    let screen = kiosk.wait_until(
        |s| !s.contains("Revenir en arrière ?"),
        "the question closed",
    );
    assert!(screen.contains("Prénom (obligatoire) : Marie"), "{screen}");
    kiosk.keys(&[ESC]);
    kiosk.wait_for("Revenir en arrière ?");
    kiosk.keys(&["1"]);
    kiosk.wait_for("Choisissez une heure, mardi 3 mars :");
}

/// The mairie closes between Christmas and New Year: nothing to book here for over a week, and
/// the kiosk says that Karim sees people sooner at the médiathèque d'Embrun (never booking
/// there itself).
#[test]
fn with_nothing_soon_here_the_kiosk_says_where_a_counsellor_is_sooner() {
    let mut kiosk = Kiosk::start_with(&[], 80, 24, &[("BORNE_NOW", "2026-12-23T18:00:00")]);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&["2", "1"]);
    let screen = kiosk.wait_for("Choisissez un jour");
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "Karim reçoit aussi jeudi 24 décembre dans un autre lieu : Médiathèque d'Embrun."
        ),
        "{screen}"
    );
    // The first day offered is here, after the closure.
    assert!(words.contains("lundi 4 janvier"), "{screen}");
}

/// Where `needle` starts in `bytes`.
fn find(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    bytes.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_receipt_printer_on_the_network_prints_the_code_in_double_size_and_the_qr_code() {
    use std::io::Read;
    let printer = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = printer.local_addr().unwrap().port();
    let received = std::thread::spawn(move || {
        let (mut socket, _) = printer.accept().unwrap();
        let mut bytes = Vec::new();
        socket.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let config = format!("[printer]\nescpos = \"tcp://127.0.0.1:{port}\"");
    let mut kiosk = Kiosk::start_with(&[("[printer]", &config)], 80, 24, &[]);
    let code = book_tuesday_morning(&mut kiosk);
    kiosk.wait_for("2  Imprimer mon ticket");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Votre ticket est imprimé.");
    let bytes = received.join().unwrap();
    // GS ! 0x11 (double width and height), then the code as the screen spaces it.
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    let large = find(&bytes, b"\x1d!\x11").expect("double size");
    let at = find(&bytes, spaced.as_bytes()).expect("the code");
    assert!(
        large < at && at - large < 12,
        "the code right after the size"
    );
    // GS ( k: the QR code's data is the calendar event, with the code in its description,
    // then the printer is told to print it.
    let qr = find(&bytes, b"\x1d(k").expect("a QR command");
    let event = find(&bytes, b"BEGIN:VEVENT").expect("the event");
    assert!(qr < event);
    assert!(find(&bytes[event..], format!("Code {code}").as_bytes()).is_some());
    assert!(
        find(&bytes, b"\x1d(k\x03\x001Q0").is_some(),
        "print the symbol"
    );
    // The day, the place and the help point's phone in the printer's code page.
    assert!(find(&bytes, b"Mardi 3 mars \xe0 9 h 00").is_some());
    assert!(find(&bytes, b"04 92 53 24 24").is_some());
}

#[test]
fn a_printer_that_does_not_answer_is_told_kindly_and_the_code_stays_on_screen() {
    // Nobody listens on that port any more.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let config = format!("[printer]\nescpos = \"tcp://127.0.0.1:{port}\"");
    let mut kiosk = Kiosk::start_with(&[("[printer]", &config)], 80, 24, &[]);
    let code = book_tuesday_morning(&mut kiosk);
    kiosk.wait_for("2  Imprimer mon ticket");
    kiosk.keys(&["2"]);
    let screen = kiosk.wait_for("L'imprimante ne répond pas.");
    assert!(
        screen.contains(&format!("Votre code : {} {}", &code[..3], &code[3..])),
        "{screen}"
    );
}

/// Books Tuesday 3 March at 09:00 for Ali, who has no phone; returns the screen after.
fn book_without_a_phone(kiosk: &mut Kiosk) -> String {
    kiosk.wait_for("2  Prendre rendez-vous");
    kiosk.keys(&["2"]);
    kiosk.wait_for("Pour quoi voulez-vous un rendez-vous ?");
    kiosk.keys(&["1"]);
    kiosk.wait_for("lundi 2 mars — 4 créneaux");
    kiosk.keys(&["2"]);
    kiosk.wait_for_focus("▶ 1  9 h 00 avec Camille");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Vos coordonnées");
    kiosk.type_text("Ali");
    kiosk.keys(&[ENTER, ENTER, DOWN, " "]);
    kiosk.wait_for("[x] Je n'ai pas de téléphone");
    kiosk.keys(&[DOWN, DOWN, ENTER]);
    kiosk.wait_for("Vérifiez votre rendez-vous :");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Votre code : ")
}

#[test]
fn without_a_phone_no_qr_code_but_a_ticket_or_the_desk() {
    let mut kiosk = Kiosk::start();
    let screen = book_without_a_phone(&mut kiosk);
    assert!(!screen.contains("QR code"), "{screen}");
    assert!(
        screen.contains("Notez ce code, ou demandez un papier à l'accueil."),
        "{screen}"
    );
    assert!(screen.contains("1  Terminer"), "{screen}");

    let out = tempfile::tempdir().unwrap();
    let ticket = out.path().join("ticket.txt");
    let command = format!(
        "[printer]\ncommand = [\"sh\", \"-c\", \"cat > {}\"]",
        ticket.display()
    );
    let mut kiosk = Kiosk::start_with(&[("[printer]", &command)], 80, 24, &[]);
    let screen = book_without_a_phone(&mut kiosk);
    assert!(!screen.contains("QR code"), "{screen}");
    assert!(screen.contains("1  Imprimer mon ticket"), "{screen}");
}

#[test]
fn with_a_gateway_the_confirmation_goes_at_booking_with_the_code() {
    use borne::store::Outbox;
    let gateway = "[reminders]\ncommand = [\"true\"]";
    let mut kiosk = Kiosk::start_with(&[("[reminders]", gateway)], 80, 24, &[]);
    let code = book_tuesday_morning(&mut kiosk);
    kiosk.wait_for("Une confirmation avec votre code part vers 06 12 34 56 78.");
    let due = SqliteStore::open(&kiosk.db_path())
        .unwrap()
        .claim_due_messages(parse_local("2026-03-02T10:20").unwrap())
        .unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].recipient, "+33612345678");
    assert!(due[0].text.contains(&code), "{}", due[0].text);
    assert!(
        due[0].text.contains("Mardi 3 mars à 9 h 00"),
        "{}",
        due[0].text
    );
}

//! A counsellor changes, adds and cancels workshop sessions; citizens see the result.
use borne::store::Bookings;
use borne::store::Journal;
use borne::store::Outbox;
use borne::store::Workshops;
use std::rc::Rc;

use borne::app::key::Key;
use borne::app::{App, Effect, Msg};
use borne::clock::parse_local;
use borne::domain::person::Person;
use borne::kiosk as config;
use borne::store::{NewRegistration, SqliteStore};
use chrono::NaiveDateTime;

fn now() -> NaiveDateTime {
    parse_local("2026-03-02T10:15").unwrap()
}

/// Feeds keys to the core, answering its requests with the store, as the shell does.
fn drive(app: &mut App, store: &mut SqliteStore, keys: &[Key]) {
    fn answer(app: &mut App, store: &mut SqliteStore, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Store(request) => {
                    let reply = borne::store::answer(store, None, request, now());
                    let more = app.update(Msg::Reply(reply), now());
                    answer(app, store, more);
                }
                Effect::Audit { actor, action } => store.audit(now(), &actor, &action).unwrap(),
                Effect::CheckPin(entered) => {
                    let who = app.signer(&entered);
                    let more = app.update(Msg::PinChecked(who), now());
                    answer(app, store, more);
                }
                _ => {}
            }
        }
    }
    for key in keys {
        let effects = app.update(Msg::Key(*key), now());
        answer(app, store, effects);
    }
}

/// The screen as a person reads it, lines joined.
fn screen_text(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| {
            borne::app::frame::draw(f, app, now(), false);
        })
        .unwrap();
    borne::ui::text::screen_of(terminal.backend().buffer())
}

fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::Char).collect()
}

/// Ali registered for Wednesday's e-mail session (14:00, 12 seats), at the kiosk.
fn ali_registered(store: &mut SqliteStore, phone: Option<&str>) {
    let starts = parse_local("2026-03-04T14:00").unwrap();
    store
        .register(
            &NewRegistration {
                workshop: "email-debutant@2026-03-04".into(),
                starts,
                ends: starts + chrono::Duration::hours(2),
                seats: 12,
                person: Person {
                    first_name: "Ali".into(),
                    phone: phone.map(str::to_string),
                    ..Person::default()
                },
                reminder: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            now(),
        )
        .unwrap()
        .unwrap();
}

/// The demo kiosk, Camille signed in (PIN 1357) and on her workshops (4).
fn camille_at_the_workshops(store: &mut SqliteStore) -> (Rc<config::Config>, App) {
    let dir_config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let cfg = Rc::new(config::load(&dir_config).unwrap());
    let mut app = borne::kiosk::app(cfg.clone(), now());
    drive(&mut app, store, &[Key::F(12)]);
    drive(&mut app, store, &typed("1357"));
    drive(&mut app, store, &[Key::Enter, Key::Char('4')]);
    assert_eq!(app.screen().title(), "workshop-admin-title");
    (cfg, app)
}

#[test]
fn change_seats_add_a_session_and_cancel_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
    let starts = parse_local("2026-03-04T14:00").unwrap();
    ali_registered(&mut store, Some("0698765432"));
    let (cfg, mut app) = camille_at_the_workshops(&mut store);

    // The first session (Wednesday 4 March, e-mail): 20 seats.
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('2')]);
    drive(&mut app, &mut store, &[Key::Backspace, Key::Backspace]);
    drive(&mut app, &mut store, &typed("20"));
    drive(&mut app, &mut store, &[Key::Enter]);
    let day = starts.date();
    let sessions = store
        .sessions(&cfg.agenda.planned_sessions(day, day), day, day)
        .unwrap();
    assert_eq!((sessions[0].seats, sessions[0].taken), (20, 1));

    // Fewer seats than registrants is refused.
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('2')]);
    for _ in 0..2 {
        drive(&mut app, &mut store, &[Key::Backspace]);
    }
    drive(
        &mut app,
        &mut store,
        &[Key::Char('0'), Key::Enter, Key::Esc, Key::Esc],
    );
    let sessions = store
        .sessions(&cfg.agenda.planned_sessions(day, day), day, day)
        .unwrap();
    assert_eq!(sessions[0].seats, 20);

    // A new session of "Premiers pas avec son smartphone" on Friday 6 March at 14:00:
    // "Ajouter une séance" is the line before the last.
    drive(
        &mut app,
        &mut store,
        &[Key::BackTab, Key::BackTab, Key::Enter],
    );
    drive(&mut app, &mut store, &[Key::Char('2')]);
    drive(&mut app, &mut store, &typed("06/03/2026 14:00"));
    drive(&mut app, &mut store, &[Key::Enter]);
    let friday = parse_local("2026-03-06T00:00").unwrap().date();
    let added = store.sessions(&[], friday, friday).unwrap();
    assert_eq!(added.len(), 1, "{added:?}");
    assert_eq!(added[0].id, "smartphone-debutant@2026-03-06");
    assert_eq!(added[0].seats, 8);

    // Cancel the e-mail session. The demo has no SMS gateway: nothing would send a
    // message, so Ali is not "told": the counsellor reads whom to call.
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('4')]);
    // Said up front, before "Annuler cet atelier ?": nobody will be told, and whom to call.
    let asked = screen_text(&app);
    assert!(
        asked.contains("Aucun message ne part de cette borne"),
        "{asked}"
    );
    assert!(asked.contains("Ali : 06 98 76 54 32"), "{asked}");
    assert!(!asked.contains("seront prévenus"), "{asked}");
    drive(&mut app, &mut store, &[Key::Char('1')]);
    let sessions = store
        .sessions(&cfg.agenda.planned_sessions(day, day), day, day)
        .unwrap();
    assert!(sessions[0].cancelled);
    assert_eq!(store.outbox_counts().unwrap(), vec![]);
    let screen = screen_text(&app);
    assert!(screen.contains("Atelier annulé."), "{screen}");
    assert!(
        screen.contains("1 personne n'a pas pu être prévenue par message"),
        "{screen}"
    );
    assert!(screen.contains("Ali : 06 98 76 54 32"), "{screen}");
    assert!(!screen.contains("prévenus"), "{screen}");
    let trail: Vec<String> = store
        .audit_trail()
        .unwrap()
        .into_iter()
        .map(|(_, _, a)| a)
        .collect();
    assert!(
        trail.contains(&"workshop session saved email-debutant@2026-03-04".to_string()),
        "{trail:?}"
    );
    assert!(
        trail.contains(&"workshop session saved smartphone-debutant@2026-03-06".to_string()),
        "{trail:?}"
    );
    assert!(
        trail.contains(&"workshop session cancelled email-debutant@2026-03-04".to_string()),
        "{trail:?}"
    );
}

#[test]
fn a_moved_session_shows_on_its_new_day_with_its_registrants_and_a_cancelled_one_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("m.db")).unwrap();
    let dir_config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let cfg = Rc::new(config::load(&dir_config).unwrap());
    let wednesday = parse_local("2026-03-04T00:00").unwrap().date();
    let planned = cfg.agenda.planned_sessions(wednesday, wednesday);
    let email = planned[0].clone();
    store
        .register(
            &NewRegistration {
                workshop: email.id.clone(),
                starts: email.starts,
                ends: email.ends,
                seats: email.seats,
                person: Person {
                    first_name: "Ali".into(),
                    phone: Some("0698765432".into()),
                    ..Person::default()
                },
                reminder: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            now(),
        )
        .unwrap()
        .unwrap();
    // Staff move it to Thursday 15:00.
    let mut moved = email.clone();
    moved.starts = parse_local("2026-03-05T15:00").unwrap();
    moved.ends = moved.starts + (email.ends - email.starts);
    store.save_session(&moved, "karim", None, now()).unwrap();

    let mut app = borne::kiosk::app(cfg.clone(), now());
    drive(&mut app, &mut store, &[Key::F(12)]);
    drive(&mut app, &mut store, &typed("1357"));
    drive(&mut app, &mut store, &[Key::Enter, Key::Char('2')]);
    let week = screen_text(&app);
    let words = week.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("jeudi 5 mars 15 h 00 — Atelier"),
        "on its new day: {week}"
    );
    assert!(words.contains("— 1/12 inscrits"), "{week}");
    assert!(!words.contains("mercredi 4 mars 14 h 00"), "{week}");

    // Cancelled: gone from the agenda and from the citizens' list.
    store.cancel_session(&moved, "karim", None, now()).unwrap();
    drive(&mut app, &mut store, &[Key::Esc, Key::Char('2')]);
    let week = screen_text(&app);
    assert!(!week.contains("jeudi 5 mars 15 h 00"), "{week}");
    let sessions = store
        .sessions(
            &cfg.agenda.planned_sessions(wednesday, wednesday),
            wednesday,
            wednesday,
        )
        .unwrap();
    assert!(sessions.iter().all(|s| s.id != email.id || s.cancelled));
}

/// A session's registrants open under their own title with the session's seats as changed
/// (1/1, as the list says, not the 12 of the configuration); the seats field shows its value;
/// Esc comes back to the session.
#[test]
fn the_registrants_screen_agrees_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
    ali_registered(&mut store, None);
    let (_, mut app) = camille_at_the_workshops(&mut store);
    // The seats of the first session: the field shows 12, typed over with 1.
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('2')]);
    let field = screen_text(&app);
    assert!(field.contains("▶ Nombre de places : 12"), "{field}");
    drive(&mut app, &mut store, &[Key::Backspace, Key::Backspace]);
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Enter]);
    let list = screen_text(&app);
    assert!(
        list.contains("Bien démarrer avec les e-mails — 1/1"),
        "{list}"
    );
    // "Inscrits et émargement" of that session.
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('1')]);
    let registrants = screen_text(&app);
    assert_eq!(app.screen().title(), "workshop-admin-registrants");
    assert!(
        registrants.contains("Inscrits et émargement"),
        "{registrants}"
    );
    assert!(registrants.contains("1/1 inscrits"), "{registrants}");
    assert!(registrants.contains("Ali — à venir"), "{registrants}");
    assert!(!registrants.contains("Aujourd'hui"), "{registrants}");
    drive(&mut app, &mut store, &[Key::Esc]);
    assert_eq!(app.screen().title(), "workshop-admin-title");
}

/// A new session over another in the same room, or on Easter Monday, is refused with a
/// reason, and nothing is saved.
#[test]
fn a_new_session_over_another_in_its_room_or_on_a_holiday_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
    let (_, mut app) = camille_at_the_workshops(&mut store);
    // "Ajouter une séance" is the line before the last; "Premiers pas avec son smartphone".
    drive(
        &mut app,
        &mut store,
        &[Key::BackTab, Key::BackTab, Key::Enter],
    );
    drive(&mut app, &mut store, &[Key::Char('2')]);
    drive(&mut app, &mut store, &typed("04/03/2026 15:00"));
    drive(&mut app, &mut store, &[Key::Enter]);
    let text = screen_text(&app);
    assert!(text.contains("La salle est déjà prise"), "{text}");
    for _ in 0..16 {
        drive(&mut app, &mut store, &[Key::Backspace]);
    }
    drive(&mut app, &mut store, &typed("06/04/2026 10:00"));
    drive(&mut app, &mut store, &[Key::Enter]);
    let text = screen_text(&app);
    assert!(text.contains("Le lieu est fermé ce jour-là"), "{text}");
    let (from, to) = (now().date(), now().date() + chrono::Duration::weeks(8));
    assert!(store.sessions(&[], from, to).unwrap().is_empty());
}

/// A full workshop is not a dead end: Olena, in Ukrainian, leaves her first name and phone
/// on its waiting list; Camille sees her there, with her language.
#[test]
fn a_full_workshop_offers_its_waiting_list_and_the_counsellor_sees_it() {
    use borne::store::Waitlist;
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
    for _ in 0..12 {
        ali_registered(&mut store, None);
    }
    let dir_config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let cfg = Rc::new(config::load(&dir_config).unwrap());
    let mut app = borne::kiosk::app(cfg.clone(), now());
    drive(&mut app, &mut store, &[Key::Char('5'), Key::Char('1')]);
    let offered = words(&screen_text(&app));
    assert!(offered.contains("nous vous prévenons"), "{offered}");
    drive(&mut app, &mut store, &typed("Olena"));
    drive(&mut app, &mut store, &[Key::Enter, Key::Enter]);
    drive(&mut app, &mut store, &typed("+380501234567"));
    drive(
        &mut app,
        &mut store,
        &[Key::Down, Key::Down, Key::Down, Key::Enter],
    );
    let check = words(&screen_text(&app));
    assert!(
        check.contains("Me mettre sur la liste d'attente"),
        "{check}"
    );
    assert!(check.contains("Bien démarrer avec les e-mails"), "{check}");
    assert!(!check.to_lowercase().contains("rendez-vous"), "{check}");
    drive(&mut app, &mut store, &[Key::Enter]);
    let joined = words(&screen_text(&app));
    assert!(joined.contains("en position 1"), "{joined}");
    // No gateway in the demo: a counsellor will call.
    assert!(
        joined.contains("un conseiller vous appelle au +380 50 123 4567"),
        "{joined}"
    );
    let waiting = store.waitlist("email-debutant@2026-03-04").unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].phone.as_deref(), Some("+380501234567"));
    assert_eq!(waiting[0].locale, "fr");

    let (_, mut app) = camille_at_the_workshops(&mut store);
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('1')]);
    let registrants = words(&screen_text(&app));
    assert!(registrants.contains("Liste d'attente : 1"), "{registrants}");
    assert!(
        registrants.contains("Olena — +380 50 123 4567"),
        "{registrants}"
    );
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The demo with a message gateway configured.
fn with_gateway() -> Rc<config::Config> {
    let dir_config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let c = config::load(&dir_config).unwrap();
    let mut kiosk = (*c.kiosk).clone();
    kiosk.reminder_gateway = Some(vec!["true".into()]);
    Rc::new(config::Config {
        kiosk: Rc::new(kiosk),
        ..c
    })
}

/// With a gateway, a seat freed tells the first person waiting, in the language they used.
#[test]
fn a_freed_seat_is_told_to_the_first_waiting_in_their_language() {
    use borne::store::{Bookings, Canceller};
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
    for _ in 0..12 {
        ali_registered(&mut store, None);
    }
    let mut app = borne::kiosk::app(with_gateway(), now());
    app.settings.locale = "uk".into();
    drive(&mut app, &mut store, &[Key::Char('5'), Key::Char('1')]);
    drive(&mut app, &mut store, &typed("Olena"));
    drive(&mut app, &mut store, &[Key::Enter, Key::Enter]);
    drive(&mut app, &mut store, &typed("+380501234567"));
    drive(
        &mut app,
        &mut store,
        &[Key::Down, Key::Down, Key::Down, Key::Enter, Key::Enter],
    );
    let joined = words(&screen_text(&app));
    assert!(joined.contains("+380 50 123 4567"), "{joined}");
    let day = parse_local("2026-03-04T00:00").unwrap().date();
    let seat = store
        .appointments_between(day, day)
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    store
        .cancel(&seat.code, &Canceller::Citizen { limit: now() }, now())
        .unwrap()
        .unwrap();
    let sent = store.claim_due_messages(now()).unwrap();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].recipient, "+380501234567");
    assert!(
        sent[0].text.contains("звільнилося місце"),
        "{}",
        sent[0].text
    );
}

/// With a gateway, cancelling a session names up front only those no message can reach.
#[test]
fn with_a_gateway_cancelling_names_those_without_phone_or_e_mail() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("w.db")).unwrap();
    ali_registered(&mut store, Some("0698765432"));
    ali_registered(&mut store, None);
    let cfg = with_gateway();
    let mut app = borne::kiosk::app(cfg, now());
    drive(&mut app, &mut store, &[Key::F(12)]);
    drive(&mut app, &mut store, &typed("1357"));
    drive(&mut app, &mut store, &[Key::Enter, Key::Char('4')]);
    drive(&mut app, &mut store, &[Key::Char('1'), Key::Char('4')]);
    let asked = words(&screen_text(&app));
    assert!(
        asked.contains("1 inscrit n'a ni téléphone ni e-mail"),
        "{asked}"
    );
    assert!(
        asked.contains("Ali n'a donné ni téléphone ni e-mail"),
        "{asked}"
    );
    assert!(
        !asked.contains("06 98 76 54 32"),
        "the reachable one is not listed: {asked}"
    );
}

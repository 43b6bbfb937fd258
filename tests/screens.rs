//! Screen tests: the kiosk rendered into ratatui's TestBackend, compared with reviewed
//! snapshots (tests/snapshots/). Run `INSTA_UPDATE=always cargo test` after a deliberate
//! change, then review the .snap files before committing.
use borne::app::key::Key;
use borne::app::{App, Msg};
use borne::clock::parse_local;
use borne::kiosk::{self as config, Config};
use chrono::{Duration, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Position;
use std::rc::Rc;

fn demo() -> Rc<Config> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    Rc::new(config::load(&dir).unwrap_or_else(|p| panic!("{p:?}")))
}

fn now() -> NaiveDateTime {
    parse_local("2026-03-02T10:15:00").unwrap()
}

/// The frame at `w`×`h`, the size given to the core first as the shell gives it: the keys
/// that follow page for what was shown.
fn render(app: &mut App, w: u16, h: u16, monochrome: bool) -> Terminal<TestBackend> {
    app.screen_size = (w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            borne::app::frame::draw(f, app, now(), monochrome);
        })
        .unwrap();
    terminal
}

/// Keys to the core; a PIN check is answered as the shell does.
fn keys(app: &mut App, keys: &[Key]) {
    for key in keys {
        for effect in app.update(Msg::Key(*key), now()) {
            if let borne::app::Effect::CheckPin(entered) = effect {
                let who = app.signer(&entered);
                app.update(Msg::PinChecked(who), now());
            }
        }
    }
}

/// The screen, each row ended by a line break.
fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    borne::ui::text::screen_of(terminal.backend().buffer()) + "\n"
}

#[test]
fn welcome_in_each_locale() {
    let config = demo();
    for (tag, name) in [
        ("fr", "fr"),
        ("fr-x-falc", "falc"),
        ("en", "en"),
        ("pt", "pt"),
        ("uk", "uk"),
    ] {
        let mut app = borne::kiosk::app(config.clone(), now());
        app.settings.locale = tag.into();
        let terminal = render(&mut app, 80, 24, false);
        insta::assert_snapshot!(format!("welcome_{name}_80x24"), terminal.backend());
    }
}

#[test]
fn welcome_themes_with_styles() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    let default = render(&mut app, 80, 24, false);
    insta::assert_debug_snapshot!("welcome_default_theme", default.backend().buffer());
    app.update(Msg::Key(Key::F(3)), now());
    let high = render(&mut app, 80, 24, false);
    insta::assert_debug_snapshot!("welcome_high_contrast_theme", high.backend().buffer());
    let mono = render(&mut app, 80, 24, true);
    insta::assert_debug_snapshot!("welcome_monochrome_theme", mono.backend().buffer());
}

#[test]
fn welcome_in_large_text_at_the_three_kiosk_sizes() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    app.update(Msg::Key(Key::F(2)), now());
    for (w, h) in [(80, 24), (60, 20), (120, 33)] {
        let terminal = render(&mut app, w, h, false);
        insta::assert_snapshot!(format!("welcome_large_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn large_text_draws_the_title_in_big_glyphs() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    let small = screen_text(&render(&mut app, 120, 33, false));
    assert!(small.contains("Bienvenue") && !small.contains('█'));
    app.update(Msg::Key(Key::F(2)), now());
    let large = screen_text(&render(&mut app, 120, 33, false));
    assert!(!large.contains("Bienvenue") && large.contains("████"));
    // Where the terminal's font grew, its letters are the large text: no block letters, no
    // spacing.
    app.large_font = true;
    let font = screen_text(&render(&mut app, 120, 33, false));
    assert_eq!(font, small);
}

#[test]
fn large_text_in_ukrainian_keeps_the_title_in_letters_rather_than_blank_boxes() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    app.settings.locale = "uk".into();
    app.update(Msg::Key(Key::F(2)), now());
    let large = screen_text(&render(&mut app, 120, 33, false));
    assert!(large.contains("Вітаємо"), "{large}");
    assert!(!large.contains('█'), "{large}");
    app.settings.locale = "pt".into();
    let large = screen_text(&render(&mut app, 120, 33, false));
    assert!(
        !large.contains("Bem-vindo") && large.contains("████"),
        "{large}"
    );
}

#[test]
fn the_cursor_sits_on_the_focused_choice() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    let mut terminal = render(&mut app, 80, 24, false);
    let at = terminal.get_cursor_position().unwrap();
    assert_eq!(
        text_at(&terminal, at, 35),
        "▶ 1  Faire le point sur mes besoins"
    );
    to_languages(&mut app);
    terminal = render(&mut app, 80, 24, false);
    let at = terminal.get_cursor_position().unwrap();
    assert_eq!(text_at(&terminal, at, 17), "▶ 1  (•) Français");
    keys(
        &mut app,
        &[
            Key::Down,
            Key::Down,
            Key::Down,
            Key::Down,
            Key::Down,
            Key::Down,
        ],
    );
    terminal = render(&mut app, 80, 24, false);
    let at = terminal.get_cursor_position().unwrap();
    assert_eq!(text_at(&terminal, at, 24), "▶ 7  [ ] Contraste élevé");
}

/// "Langue et affichage" (7 on the welcome screen), the focus on the language in use.
fn to_languages(app: &mut App) {
    keys(app, &[Key::Char('7')]);
}

fn text_at(terminal: &Terminal<TestBackend>, at: Position, len: u16) -> String {
    let buffer = terminal.backend().buffer();
    (at.x..at.x + len)
        .map(|x| buffer[(x, at.y)].symbol().to_string())
        .collect()
}

#[test]
fn switching_language_changes_every_text_at_once() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    to_languages(&mut app);
    keys(&mut app, &[Key::Down, Key::Down, Key::Enter]);
    let text = screen_text(&render(&mut app, 80, 24, false));
    assert!(text.contains("Welcome"), "{text}");
    assert!(text.contains("1  Find out what help I need"), "{text}");
    assert!(text.contains("Arrows: move"), "English spacing: {text}");
    assert!(
        text.contains("7  Language and display · Langue · Língua · Мова"),
        "{text}"
    );
    assert!(!text.contains("Bienvenue"));
    to_languages(&mut app);
    let text = screen_text(&render(&mut app, 80, 24, false));
    assert!(text.contains("▶ 3  (•) English"), "{text}");
    assert!(text.contains("[ ] Large text"), "{text}");
}

#[test]
fn overlays_pin_prompt_idle_countdown_and_staff_menu() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    keys(
        &mut app,
        &[
            Key::F(12),
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Enter,
        ],
    );
    let terminal = render(&mut app, 80, 24, false);
    insta::assert_snapshot!("pin_prompt_wrong", terminal.backend());

    keys(&mut app, &[Key::Esc, Key::F(2)]);
    let idle_at = now() + Duration::seconds(90);
    app.update(Msg::Tick, idle_at);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            borne::app::frame::draw(f, &app, idle_at + Duration::seconds(5), false);
        })
        .unwrap();
    insta::assert_snapshot!("idle_countdown", terminal.backend());

    let mut app = borne::kiosk::app(config.clone(), now());
    keys(
        &mut app,
        &[
            Key::F(12),
            Key::Char('2'),
            Key::Char('4'),
            Key::Char('6'),
            Key::Char('8'),
            Key::Enter,
        ],
    );
    let terminal = render(&mut app, 80, 24, false);
    insta::assert_snapshot!("staff_menu", terminal.backend());

    // A question over the screen says its own keys, not those of the screen behind it.
    let mut app = borne::kiosk::app(config.clone(), now());
    keys(
        &mut app,
        &[
            Key::F(12),
            Key::Char('8'),
            Key::Char('6'),
            Key::Char('4'),
            Key::Char('2'),
            Key::Enter,
            Key::Home,
        ],
    );
    let text = screen_text(&render(&mut app, 80, 24, false));
    assert!(text.contains("Vous déconnecter ?"), "{text}");
    assert!(text.contains("Échap : rester ici"), "{text}");
    assert!(!text.contains("Échap : revenir en arrière"), "{text}");
}

#[test]
fn too_small_a_terminal_asks_for_a_larger_window() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    let text = screen_text(&render(&mut app, 39, 11, false));
    assert!(text.starts_with("Agrandissez la fenêtre"), "{text}");
    let text = screen_text(&render(&mut app, 1, 1, false));
    assert_eq!(text, "A\n");
}

#[test]
fn no_size_from_one_by_one_up_makes_any_screen_panic() {
    let config = demo();
    let mut plain = borne::kiosk::app(config.clone(), now());
    let mut large = borne::kiosk::app(config.clone(), now());
    large.update(Msg::Key(Key::F(2)), now());
    let mut pin = borne::kiosk::app(config.clone(), now());
    keys(
        &mut pin,
        &[
            Key::F(2),
            Key::F(12),
            Key::Char('9'),
            Key::Char('9'),
            Key::Char('9'),
            Key::Char('9'),
            Key::Enter,
        ],
    );
    let mut idle = borne::kiosk::app(config.clone(), now());
    keys(&mut idle, &[Key::Down]);
    idle.update(Msg::Key(Key::F(3)), now());
    idle.update(Msg::Tick, now() + Duration::seconds(90));
    plain.update(Msg::Key(Key::Down), now());
    for app in [&mut plain, &mut large, &mut pin, &mut idle] {
        for w in (1..=130).step_by(3) {
            for h in 1..=40 {
                render(app, w, h, false);
            }
        }
    }
}

#[test]
fn long_lists_page_in_large_text_and_follow_the_focus() {
    use borne::ui::choices::{Choice, render_choices};
    let config = demo();
    let app = borne::kiosk::app(config.clone(), now());
    let theme = borne::ui::Theme::default_colours();
    let mut settings = app.settings.clone();
    for (large, count, focused, expect) in [
        (false, 5, 0, None),
        // Five fit in six rows without their blank rows: no page for spacing's sake.
        (true, 5, 0, None),
        // Eight do not: three spaced choices and the page line a page.
        (true, 8, 0, Some("Page 1 sur 3")),
        (true, 8, 2, Some("Page 1 sur 3")),
        (true, 8, 3, Some("Page 2 sur 3")),
        (true, 8, 7, Some("Page 3 sur 3")),
    ] {
        let choices: Vec<Choice> = (1..=count)
            .map(|n| Choice::numbered(n, format!("Choix {n}")))
            .collect();
        settings.large_text = large;
        let view = borne::ui::View {
            tr: config.i18n.tr("fr"),
            i18n: &config.i18n,
            theme: &theme,
            large,
            large_text: large,
            high_contrast: false,
            locale: "fr",
            linear: false,
            kiosk: &config.kiosk,
            now: now(),
            page: app.page,
            screen: (30, 6),
        };
        let mut terminal = Terminal::new(TestBackend::new(30, 6)).unwrap();
        let mut cursor = None;
        terminal
            .draw(|f| cursor = render_choices(f, f.area(), &view, &choices, Some(focused)))
            .unwrap();
        let text = screen_text(&terminal);
        match expect {
            None => assert!(text.contains("5  Choix 5") && !text.contains("Page")),
            Some(page) => {
                assert!(text.contains(page), "{text}");
                let focused_line = text.lines().nth(cursor.unwrap().y as usize).unwrap();
                assert!(
                    focused_line.starts_with(&format!("▶ {}  Choix", focused + 1)),
                    "{text}"
                );
            }
        }
    }
}

#[test]
fn diagnostic_question_and_result_in_normal_and_large_text() {
    let config = demo();
    for (large, name) in [(false, "normal"), (true, "large")] {
        let mut app = borne::kiosk::app(config.clone(), now());
        if large {
            keys(&mut app, &[Key::F(2)]);
        }
        keys(
            &mut app,
            &[
                Key::Char('1'),
                Key::Char('1'),
                Key::Char('1'),
                Key::Char('1'),
            ],
        );
        let question = render(&mut app, 80, 24, false);
        insta::assert_snapshot!(format!("diagnostic_question_{name}"), question.backend());
        // impots, avec de l'aide, urgent, à ma place
        keys(
            &mut app,
            &[
                Key::Char('1'),
                Key::Char('2'),
                Key::Char('1'),
                Key::Char('3'),
            ],
        );
        let result = render(&mut app, 80, 24, false);
        insta::assert_snapshot!(format!("diagnostic_result_{name}"), result.backend());
    }
}

#[test]
fn the_diagnostic_speaks_every_language() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    to_languages(&mut app);
    keys(
        &mut app,
        &[Key::Down, Key::Down, Key::Enter, Key::Char('1')],
    );
    let text = screen_text(&render(&mut app, 80, 24, false));
    assert!(
        text.contains("Do you have a device to go online?"),
        "{text}"
    );
    assert!(text.contains("I don't know"), "{text}");
}

/// Feeds the core the store's answers, as the shell would, with an empty database.
fn answer_with_empty_store(app: &mut App, effects: Vec<borne::app::Effect>) {
    use borne::app::Effect;
    use borne::store::{Reply, Request};
    for effect in effects {
        let reply = match effect {
            Effect::Store(Request::Busy { .. }) => Reply::Busy(Vec::new()),
            Effect::Store(Request::Sessions { planned, .. }) => Reply::Sessions(
                planned
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut s)| {
                        s.taken = if i == 0 { 12 } else { 3 };
                        s
                    })
                    .collect(),
            ),
            Effect::Store(Request::Book(_)) => Reply::Booked(Ok("XMDY7R".into())),
            Effect::Store(Request::Register(_)) => Reply::Registered(Ok("XMDY7R".into())),
            _ => continue,
        };
        let more = app.update(Msg::Reply(reply), now());
        answer_with_empty_store(app, more);
    }
}

fn drive(app: &mut App, keys: &[Key]) {
    for key in keys {
        let effects = app.update(Msg::Key(*key), now());
        answer_with_empty_store(app, effects);
    }
}

#[test]
fn booking_days_form_and_confirmation() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    drive(&mut app, &[Key::Char('2'), Key::Char('1')]);
    insta::assert_snapshot!("booking_days", render(&mut app, 80, 24, false).backend());
    drive(&mut app, &[Key::Char('2'), Key::Enter]);
    for c in "Marie".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(&mut app, &[Key::Enter, Key::Enter]);
    for c in "061234".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(&mut app, &[Key::Down, Key::Down, Key::Down, Key::Enter]);
    insta::assert_snapshot!(
        "booking_form_error",
        render(&mut app, 80, 24, false).backend()
    );
    // The focus went back to the phone number: finish typing it.
    for c in "5678".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(&mut app, &[Key::Down, Key::Down, Key::Down, Key::Enter]);
    // Tomorrow, and no gateway in the demo: no reminder could be sent, none is offered.
    let check = screen_text(&render(&mut app, 80, 24, false));
    assert!(
        check.contains("Vérifiez votre rendez-vous") && !check.contains("rappel"),
        "{check}"
    );
    // Before "Confirmer": how long, where, and what to bring.
    let words = check.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Durée : 45 min",
        "Lieu : Point numérique",
        "Apportez vos papiers",
    ] {
        assert!(words.contains(expected), "{expected}: {check}");
    }
    drive(&mut app, &[Key::Enter]);
    insta::assert_snapshot!(
        "booking_confirmation",
        render(&mut app, 80, 24, false).backend()
    );
    drive(&mut app, &[Key::Char('1')]);
    let qr = screen_text(&render(&mut app, 80, 24, false));
    assert!(qr.contains('█') && qr.contains("Visez ce code"), "{qr}");
    assert!(
        !qr.contains("Point numérique — Mairie de Gap"),
        "the QR code takes the whole screen"
    );
}

#[test]
fn workshops_show_seats_left_and_full() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    drive(&mut app, &[Key::Char('5')]);
    let terminal = render(&mut app, 80, 24, false);
    insta::assert_snapshot!("workshops", terminal.backend());
    let words = screen_text(&terminal)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("(Débutant) — Complet"), "{words}");
    assert!(words.contains("7 places restantes sur 10"), "{words}");
}

/// Answers the core's requests with a real store holding the shipped data.
fn drive_with(store: &mut borne::store::SqliteStore, app: &mut App, keys: &[Key]) {
    fn answer(
        store: &mut borne::store::SqliteStore,
        app: &mut App,
        effects: Vec<borne::app::Effect>,
    ) {
        for effect in effects {
            let more = match effect {
                borne::app::Effect::Store(request) => {
                    let reply = borne::store::answer(store, None, request, now());
                    app.update(Msg::Reply(reply), now())
                }
                borne::app::Effect::CheckPin(entered) => {
                    let who = app.signer(&entered);
                    app.update(Msg::PinChecked(who), now())
                }
                _ => Vec::new(),
            };
            answer(store, app, more);
        }
    }
    for key in keys {
        let effects = app.update(Msg::Key(*key), now());
        answer(store, app, effects);
    }
}

fn store_with_shipped_data(dir: &std::path::Path) -> borne::store::SqliteStore {
    let mut store = borne::store::SqliteStore::open(&dir.join("s.db")).unwrap();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    borne::places::load::shipped(&mut store, &config, "2026-03-02T10:15", &mut |_, _, _| {})
        .unwrap();
    store
}

#[test]
fn lieux_search_results_with_map_and_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    drive_with(
        &mut store,
        &mut app,
        &[
            Key::Char('3'),
            Key::Char('b'),
            Key::Char('r'),
            Key::Char('i'),
        ],
    );
    insta::assert_snapshot!(
        "lieux_suggestions",
        render(&mut app, 80, 24, false).backend()
    );
    drive_with(
        &mut store,
        &mut app,
        &[Key::Backspace, Key::Backspace, Key::Backspace],
    );
    for c in "gap".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    insta::assert_snapshot!(
        "lieux_results_80x24",
        render(&mut app, 80, 24, false).backend()
    );
    let wide = screen_text(&render(&mut app, 120, 33, false));
    assert!(wide.contains("Carte") && wide.contains('×'), "{wide}");
    // A legend, and the focused lieu marked on the map as in the list.
    assert!(
        wide.contains("× : Gap") && wide.contains("Les chiffres : les lieux de la"),
        "{wide}"
    );
    assert!(wide.contains("[1]"), "{wide}");
    drive_with(&mut store, &mut app, &[Key::Down]);
    let moved = screen_text(&render(&mut app, 120, 33, false));
    assert!(moved.contains("[2]") && !moved.contains("[1]"), "{moved}");
    // The map shows the page's lieux by the list's numbers: no "10" beside page 1.
    assert!(!moved.contains(" 10 "), "{moved}");
    drive_with(&mut store, &mut app, &[Key::Up]);
    drive_with(&mut store, &mut app, &[Key::Enter]);
    insta::assert_snapshot!("lieux_detail", render(&mut app, 80, 24, false).backend());
}

/// The reminder question comes only when the help point has a gateway to send reminders and
/// the appointment is more than two days away (the reminder goes 48 h before).
#[test]
fn the_reminder_question_only_when_a_reminder_can_be_sent() {
    let demo = demo();
    let with_gateway = Rc::new(config::Config {
        dir: demo.dir.clone(),
        kiosk: Rc::new(borne::config::KioskConfig {
            reminder_gateway: Some(vec!["/bin/true".into()]),
            ..(*demo.kiosk).clone()
        }),
        diagnostic: demo.diagnostic.clone(),
        agenda: demo.agenda.clone(),
        i18n: demo.i18n.clone(),
        agenda_published: false,
    });
    // Monday 10:15: day 2 is Tuesday (tomorrow), day 4 Thursday (three days away).
    let after_the_form = |config: Rc<config::Config>, day: char| {
        let mut app = borne::kiosk::app(config, now());
        drive(&mut app, &[Key::Char('2'), Key::Char('1'), Key::Char(day)]);
        drive(&mut app, &[Key::Enter]);
        for c in "Marie".chars() {
            drive(&mut app, &[Key::Char(c)]);
        }
        drive(&mut app, &[Key::Enter, Key::Enter]);
        for c in "0612345678".chars() {
            drive(&mut app, &[Key::Char(c)]);
        }
        drive(&mut app, &[Key::Down, Key::Down, Key::Down, Key::Enter]);
        screen_text(&render(&mut app, 80, 24, false))
    };
    let thursday = after_the_form(with_gateway.clone(), '4');
    assert!(thursday.contains("Voulez-vous un rappel"), "{thursday}");
    let tomorrow = after_the_form(with_gateway, '2');
    assert!(
        tomorrow.contains("Vérifiez votre rendez-vous") && !tomorrow.contains("rappel"),
        "{tomorrow}"
    );
    let no_gateway = after_the_form(demo, '4');
    assert!(
        no_gateway.contains("Vérifiez votre rendez-vous") && !no_gateway.contains("rappel"),
        "{no_gateway}"
    );
}

/// Days come a week a page, numbered from 1: a digit chooses among the days shown, and
/// PageDown shows the next week ("2" on it is Tuesday 10 March, not Tuesday 3 March).
#[test]
fn a_digit_chooses_among_the_days_shown_a_week_a_page() {
    let mut app = borne::kiosk::app(demo(), now());
    drive(&mut app, &[Key::Char('2'), Key::Char('1')]);
    let this_week = screen_text(&render(&mut app, 80, 24, false));
    assert!(this_week.contains("Cette semaine"), "{this_week}");
    assert!(!this_week.contains("lundi 9 mars"), "{this_week}");
    assert!(
        this_week.contains("Pg préc / Pg suiv : changer de page"),
        "{this_week}"
    );
    drive(&mut app, &[Key::PageDown]);
    let next_week = screen_text(&render(&mut app, 80, 24, false));
    assert!(next_week.contains("Semaine prochaine"), "{next_week}");
    assert!(next_week.contains("▶ 1  lundi 9 mars"), "{next_week}");
    assert!(next_week.contains("  2  mardi 10 mars"), "{next_week}");
    assert!(
        !next_week.contains("10  "),
        "no number above 9: {next_week}"
    );
    drive(&mut app, &[Key::PageDown]);
    let later = screen_text(&render(&mut app, 80, 24, false));
    assert!(later.contains("Semaine du lundi 16 mars"), "{later}");
    drive(&mut app, &[Key::PageUp, Key::Char('2')]);
    let times = screen_text(&render(&mut app, 80, 24, false));
    assert!(
        times.contains("Choisissez une heure, mardi 10 mars"),
        "{times}"
    );
}

/// The statistics in the counsellor's language, in lines an 80×24 screen shows whole, a page
/// at a time.
#[test]
fn the_statistics_are_translated_and_read_a_page_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    book_with_camille(&mut store, "2026-02-24T09:00", "Paul");
    for tag in ["en", "fr"] {
        let mut app = borne::kiosk::app(demo(), now());
        app.settings.locale = tag.into();
        sign_in_camille(&mut store, &mut app);
        drive_with(&mut store, &mut app, &[Key::Char('6')]);
        let first = screen_text(&render(&mut app, 80, 24, false));
        // The first frame already says how to turn pages.
        let words = if tag == "en" {
            [
                "Whole period",
                "Appointments",
                "Page 1 of",
                "PgUp / PgDn: change page",
            ]
        } else {
            [
                "En tout",
                "Rendez-vous",
                "Page 1 sur",
                "Pg préc / Pg suiv : changer de page",
            ]
        };
        for w in words {
            assert!(first.contains(w), "{tag}: {w}\n{first}");
        }
        if tag == "en" {
            for french in ["rendez-vous", "semaine", "présents", "Par mois"] {
                assert!(!first.contains(french), "{french}\n{first}");
            }
        }
        drive_with(&mut store, &mut app, &[Key::PageDown]);
        let second = screen_text(&render(&mut app, 80, 24, false));
        assert!(
            second.contains(if tag == "en" {
                "Page 2 of"
            } else {
                "Page 2 sur"
            }),
            "{second}"
        );
        assert_ne!(first, second);
    }
}

/// Enter on the empty commune field says what to type; typing takes the words away.
#[test]
fn enter_on_the_empty_commune_field_says_what_to_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let mut app = borne::kiosk::app(demo(), now());
    drive_with(&mut store, &mut app, &[Key::Char('3'), Key::Enter]);
    let said = screen_text(&render(&mut app, 80, 24, false));
    assert!(said.contains("Tapez d'abord votre code postal"), "{said}");
    assert_eq!(app.screen().title(), "lieux-title", "still on the search");
    drive_with(&mut store, &mut app, &[Key::Char('0')]);
    let typing = screen_text(&render(&mut app, 80, 24, false));
    assert!(!typing.contains("Tapez d'abord"), "{typing}");
}

/// The counsellor's day: an appointment whose time has passed unmarked is "présence à
/// noter", not "à venir"; its detail says what it is for and its code.
#[test]
fn the_counsellors_day_tells_past_from_upcoming_and_the_detail_gives_motif_and_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let morning = book_with_camille(&mut store, "2026-03-02T09:00", "Paul");
    book_with_camille(&mut store, "2026-03-02T14:00", "Lina");
    let mut app = borne::kiosk::app(demo(), now());
    sign_in_camille(&mut store, &mut app);
    drive_with(&mut store, &mut app, &[Key::Char('1')]);
    let day = screen_text(&render(&mut app, 80, 24, false));
    let words = day.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Paul — Aide pour une démarche en ligne — présence à noter"),
        "{day}"
    );
    assert!(
        words.contains("Lina — Aide pour une démarche en ligne — à venir"),
        "{day}"
    );
    drive_with(&mut store, &mut app, &[Key::Char('1')]);
    let detail = screen_text(&render(&mut app, 80, 24, false));
    let code = format!("{} {}", &morning[..3], &morning[3..]);
    assert!(
        detail.contains(&format!("Aide pour une démarche en ligne — code {code}")),
        "{detail}"
    );
}

/// A 45-minute "demarche" appointment with Camille, booked a few days before; its code.
fn book_with_camille(store: &mut borne::store::SqliteStore, at: &str, name: &str) -> String {
    use borne::store::Bookings;
    let starts = parse_local(at).unwrap();
    store
        .book(
            &borne::store::NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts,
                ends: starts + chrono::Duration::minutes(45),
                person: borne::domain::person::Person {
                    first_name: name.into(),
                    ..Default::default()
                },
                reminder: None,
                diagnostic: None,
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            starts - chrono::Duration::days(4),
        )
        .unwrap()
        .unwrap()
}

/// Camille signs in with her PIN (F12, 1357, Enter): her home screen.
fn sign_in_camille(store: &mut borne::store::SqliteStore, app: &mut App) {
    drive_with(store, app, &[Key::F(12)]);
    drive_with(
        store,
        app,
        &"1357".chars().map(Key::Char).collect::<Vec<_>>(),
    );
    drive_with(store, app, &[Key::Enter]);
}

/// A lieu's "How", "Cost" and access values from the national standard, in English for an
/// English reader.
#[test]
fn a_lieus_values_are_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let mut app = borne::kiosk::app(demo(), now());
    app.settings.locale = "en".into();
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    for c in "gap".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    let mut seen = String::new();
    // The first lieux of Gap: their details, whichever give values.
    for n in ['1', '2', '3'] {
        drive_with(&mut store, &mut app, &[Key::Char(n)]);
        seen += &screen_text(&render(&mut app, 80, 40, false));
        drive_with(&mut store, &mut app, &[Key::Esc]);
    }
    let words = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Cost: free"), "{words}");
    for french in [
        "Gratuit",
        "Se présenter",
        "Accompagnement individuel",
        "Téléphoner",
    ] {
        assert!(!words.contains(french), "{french}: {words}");
    }
}

/// The QR code is offered only where it can be drawn: in a window too small the receipt and a
/// lieu's page do not offer it (a lieu's short code fits down to 60×20), and their digits
/// choose what they show.
#[test]
fn a_qr_code_is_offered_only_where_it_can_be_drawn() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    drive(
        &mut app,
        &[Key::Char('2'), Key::Char('1'), Key::Char('2'), Key::Enter],
    );
    for c in "Marie".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(&mut app, &[Key::Enter, Key::Enter]);
    for c in "0612345678".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(
        &mut app,
        &[Key::Down, Key::Down, Key::Down, Key::Enter, Key::Enter],
    );
    let wide = screen_text(&render(&mut app, 80, 24, false));
    assert!(
        wide.contains("1  Mettre le rendez-vous dans mon téléphone (QR code)"),
        "{wide}"
    );
    let small = screen_text(&render(&mut app, 60, 20, false));
    assert!(!small.contains("QR"), "{small}");
    assert!(small.contains("1  Terminer"), "{small}");
    // The digit shown is the one that acts: "1" finishes, home.
    drive(&mut app, &[Key::Char('1')]);
    assert!(app.on_welcome());

    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let mut app = borne::kiosk::app(config.clone(), now());
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    for c in "gap".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter, Key::Enter]);
    // A lieu's address is a short code: drawn at 60×20, not in the smallest window.
    let wide = screen_text(&render(&mut app, 60, 20, false));
    assert!(
        wide.contains("1  Mettre l'adresse dans mon téléphone (QR code)"),
        "{wide}"
    );
    let small = screen_text(&render(&mut app, 40, 12, false));
    assert!(!small.contains("QR"), "{small}");
    // "1" opens the week's hours, as shown.
    drive_with(&mut store, &mut app, &[Key::Char('1')]);
    let week = screen_text(&render(&mut app, 60, 20, false));
    assert!(week.contains("undi"), "{week}");
}

/// The report form lists each field's values to choose from (no hidden round of values on
/// Enter): one value a radio that closes the list, "Lieu" is the help point by its name, age
/// bands that do not overlap, values with a capital, and a letter in the minutes is said.
#[test]
fn the_report_form_lists_the_values_to_choose_from() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("r.db")).unwrap();
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    sign_in_camille(&mut store, &mut app);
    drive_with(&mut store, &mut app, &[Key::Char('5')]);
    let form = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        form.contains("Lieu : Point numérique — Mairie de Gap (lieu d'activité)"),
        "{form}"
    );
    assert!(form.contains("Tranche d'âge : Non communiqué"), "{form}");
    // The minutes take digits: a letter is said.
    drive_with(
        &mut store,
        &mut app,
        &[Key::Down, Key::Down, Key::Char('a')],
    );
    let said = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        said.contains("⚠ Seuls les chiffres comptent ici."),
        "{said}"
    );
    // "Tranche d'âge": its eight values, the chosen one marked; the second picked.
    for _ in 0..8 {
        drive_with(&mut store, &mut app, &[Key::Down]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    let list = screen_text(&render(&mut app, 100, 30, false));
    for band in [
        "( ) Moins de 12 ans",
        "( ) 12 à 17 ans",
        "( ) 18 à 24 ans",
        "( ) 70 ans et plus",
        "(•) Non communiqué",
    ] {
        assert!(list.contains(band), "{band}\n{list}");
    }
    drive_with(&mut store, &mut app, &[Key::Home]);
    assert!(
        app.overlay.is_some(),
        "Home asks before dropping the report"
    );
    drive_with(&mut store, &mut app, &[Key::Esc]);
    drive_with(
        &mut store,
        &mut app,
        &[
            Key::Up,
            Key::Up,
            Key::Up,
            Key::Up,
            Key::Up,
            Key::Up,
            Key::Up,
        ],
    );
    drive_with(&mut store, &mut app, &[Key::Down, Key::Enter]);
    let form = screen_text(&render(&mut app, 100, 30, false));
    assert!(form.contains("Tranche d'âge : 12 à 17 ans"), "{form}");
}

/// On a narrow screen whose text has pages, the key bar keeps what matters: the page keys,
/// Esc, Home and large text; the digits' hint gives way (the numbers on the screen say it).
#[test]
fn a_narrow_key_bar_keeps_the_page_keys_home_and_large_text() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    drive(&mut app, &[Key::F(2), Key::Char('1')]);
    drive(&mut app, &[Key::Enter; 7]);
    // Drawn once for the page count, then read.
    render(&mut app, 60, 20, false);
    let screen = screen_text(&render(&mut app, 60, 20, false));
    let bar: String = screen.lines().rev().take(4).collect::<Vec<_>>().join("\n");
    for said in [
        "Pg préc / Pg suiv : changer de page",
        "Échap : revenir en arrière",
        "Début : accueil",
        "F2 : texte en grand",
    ] {
        assert!(bar.contains(said), "{said}\n{screen}");
    }
    assert!(screen.contains("Page 1 sur"), "{screen}");
}

/// A booking made from the welcome screen, up to its receipt (Marie, Tuesday 3 March 9:00).
fn book_to_receipt(app: &mut App) {
    drive(
        app,
        &[Key::Char('2'), Key::Char('1'), Key::Char('2'), Key::Enter],
    );
    for c in "Marie".chars() {
        drive(app, &[Key::Char(c)]);
    }
    drive(app, &[Key::Enter, Key::Enter]);
    for c in "0612345678".chars() {
        drive(app, &[Key::Char(c)]);
    }
    drive(
        app,
        &[Key::Down, Key::Down, Key::Down, Key::Enter, Key::Enter],
    );
    assert_eq!(app.screen().title(), "booking-done-title");
}

/// On the smallest screens large text leaves, the receipt's first page says the code, the
/// day and the time, whatever Enter does next.
#[test]
fn a_receipt_shows_its_code_day_and_time_first_on_the_smallest_screens() {
    for (font, w, h) in [(true, 60, 16), (true, 42, 12), (false, 60, 20)] {
        let mut app = borne::kiosk::app(demo(), now());
        app.large_font = font;
        drive(&mut app, &[Key::F(2)]);
        book_to_receipt(&mut app);
        render(&mut app, w, h, false);
        let screen = screen_text(&render(&mut app, w, h, false));
        for said in ["Votre code :", "Mardi 3 mars", "9 h 00"] {
            assert!(screen.contains(said), "{said} at {w}×{h}:\n{screen}");
        }
    }
}

/// "Terminer" leaves the kiosk as the next person should find it: the help point's display
/// (here normal text, normal contrast, French), whatever the person chose.
#[test]
fn terminer_gives_the_next_person_the_help_points_display() {
    let mut app = borne::kiosk::app(demo(), now());
    drive(
        &mut app,
        &[Key::F(2), Key::F(3), Key::Char('7'), Key::Down, Key::Down],
    );
    drive(&mut app, &[Key::Enter]);
    assert!(app.settings.large_text && app.settings.high_contrast);
    assert_eq!(app.settings.locale, "en");
    book_to_receipt(&mut app);
    // The receipt's last choice: "Finish".
    drive(&mut app, &[Key::Down, Key::Down, Key::Enter]);
    assert!(app.on_welcome());
    assert!(!app.settings.large_text && !app.settings.high_contrast);
    assert_eq!(app.settings.locale, "fr");
    // Home keeps them: the person is still there.
    drive(&mut app, &[Key::F(2), Key::Char('5'), Key::Home]);
    assert!(app.on_welcome() && app.settings.large_text);
}

/// Every welcome choice is on the first screen: in screen-reader mode at 80×24 and 60×20, in
/// the kiosk's own large text, and in the grid a large font leaves.
#[test]
fn every_welcome_choice_is_on_the_first_screen() {
    for (keys, font, w, h) in [
        (vec![Key::F(5)], false, 80, 24),
        (vec![Key::F(5)], false, 60, 20),
        (vec![Key::F(2)], false, 60, 20),
        (vec![Key::F(5), Key::F(2)], false, 60, 20),
        (vec![Key::F(2)], true, 60, 16),
        (vec![Key::F(2)], true, 42, 12),
        (vec![Key::F(5), Key::F(2)], true, 42, 12),
    ] {
        let mut app = borne::kiosk::app(demo(), now());
        app.large_font = font;
        drive(&mut app, &keys);
        let screen = screen_text(&render(&mut app, w, h, false));
        for n in 1..=7 {
            assert!(
                screen.contains(&format!("{n}  ")),
                "{n} with {keys:?} at {w}×{h}:\n{screen}"
            );
        }
        assert!(!screen.contains("Page 1"), "{screen}");
    }
}

#[test]
fn the_queue_ticket_a_check_in_too_early_and_the_counsellors_queue() {
    use borne::store::{BookedBy, Bookings, NewBooking, Queue};
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("q.db")).unwrap();
    let early = now() - Duration::minutes(20);
    for name in ["Paul", "Lina"] {
        let new = borne::domain::queue::NewEntry {
            motif: "demarche".into(),
            first_name: Some(name.into()),
            locale: "fr".into(),
        };
        store.take_ticket(&new, early).unwrap().unwrap();
    }
    let code = Bookings::book(
        &mut store,
        &NewBooking {
            counsellor: "camille".into(),
            motif: "demarche".into(),
            starts: parse_local("2026-03-02T14:00:00").unwrap(),
            ends: parse_local("2026-03-02T14:45:00").unwrap(),
            person: borne::domain::person::Person {
                first_name: "Marie".into(),
                phone: Some("+33612345678".into()),
                ..Default::default()
            },
            reminder: None,
            diagnostic: None,
            booked_by: BookedBy::Kiosk,
            request_id: None,
        },
        early,
    )
    .unwrap()
    .unwrap();
    let config = demo();

    // Help now: what for, a first name, the ticket.
    let mut app = borne::kiosk::app(config.clone(), now());
    let mut typed: Vec<Key> = vec![Key::Char('6'), Key::Char('2'), Key::Char('1')];
    typed.extend("Ali".chars().map(Key::Char));
    typed.extend([Key::Down, Key::Enter]);
    drive_with(&mut store, &mut app, &typed);
    let terminal = render(&mut app, 80, 24, false);
    let text = screen_text(&terminal);
    assert!(text.contains("Votre numéro : A-003"), "{text}");
    assert!(text.contains("Il y a 2 personnes avant vous."), "{text}");
    insta::assert_snapshot!("queue_ticket", text);

    // An appointment this afternoon, checked in at 10:15: too early, the queue offered.
    let mut app = borne::kiosk::app(config.clone(), now());
    let mut typed: Vec<Key> = vec![Key::Char('6'), Key::Char('1')];
    typed.extend(code.chars().map(Key::Char));
    typed.push(Key::Down);
    typed.extend("78".chars().map(Key::Char));
    typed.extend([Key::Down, Key::Enter]);
    drive_with(&mut store, &mut app, &typed);
    let text = screen_text(&render(&mut app, 80, 24, false));
    assert!(text.contains("Votre rendez-vous est à 14 h 00."), "{text}");
    insta::assert_snapshot!("check_in_too_early", text);

    // Camille's File d'attente.
    let mut app = borne::kiosk::app(config, now());
    let mut typed = vec![Key::F(12)];
    typed.extend("1357".chars().map(Key::Char));
    typed.extend([Key::Enter, Key::Char('7')]);
    drive_with(&mut store, &mut app, &typed);
    let text = screen_text(&render(&mut app, 80, 24, false));
    assert!(text.contains("3 personnes attendent."), "{text}");
    insta::assert_snapshot!("counsellor_queue", text);
}

/// The page line a screen shows ("Page 2 sur 3"), each one.
fn page_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.trim_start().starts_with("Page ") && l.contains(" sur "))
        .map(|l| l.trim().to_string())
        .collect()
}

/// Issue #27: a page key turns exactly the page the person sees — the lieux of 05000, the
/// workshops, the large-text day list — and a screen has one pager.
#[test]
fn a_page_key_turns_exactly_the_page_seen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    for c in "05000".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    let first = screen_text(&render(&mut app, 80, 24, false));
    assert_eq!(page_lines(&first), vec!["Page 1 sur 3"], "{first}");
    drive_with(&mut store, &mut app, &[Key::PageDown]);
    let second = screen_text(&render(&mut app, 80, 24, false));
    assert_eq!(page_lines(&second), vec!["Page 2 sur 3"], "{second}");
    // The focus is on the first choice of the page turned to.
    let focused = second.lines().find(|l| l.contains('▶')).unwrap();
    let below = &second[second.find('▶').unwrap()..];
    assert!(!first.contains(focused.trim()), "{focused}\n{first}");
    assert!(!below.is_empty());
    drive_with(&mut store, &mut app, &[Key::PageDown]);
    let third = screen_text(&render(&mut app, 80, 24, false));
    assert_eq!(page_lines(&third), vec!["Page 3 sur 3"], "{third}");
    drive_with(&mut store, &mut app, &[Key::PageUp, Key::PageUp]);
    let back = screen_text(&render(&mut app, 80, 24, false));
    assert_eq!(
        back, first,
        "two pages back is the first page, focus and all"
    );

    // The workshops at 60×20: every page in turn.
    let mut app = borne::kiosk::app(config.clone(), now());
    drive(&mut app, &[Key::Char('5')]);
    let shown = screen_text(&render(&mut app, 60, 20, false));
    let lines = page_lines(&shown);
    assert_eq!(lines.len(), 1, "{shown}");
    let count: usize = lines[0].rsplit(' ').next().unwrap().parse().unwrap();
    assert!(count > 1, "{shown}");
    for page in 2..=count {
        drive(&mut app, &[Key::PageDown]);
        let shown = screen_text(&render(&mut app, 60, 20, false));
        assert_eq!(
            page_lines(&shown),
            vec![format!("Page {page} sur {count}")],
            "{shown}"
        );
    }

    // The days in large text at 80×24: PageDown shows the next days, not a week later.
    let mut app = borne::kiosk::app(config.clone(), now());
    keys(&mut app, &[Key::F(2)]);
    drive(&mut app, &[Key::Char('2'), Key::Char('1')]);
    let days = screen_text(&render(&mut app, 80, 24, false));
    let lines = page_lines(&days);
    assert_eq!(lines.len(), 1, "{days}");
    let count: usize = lines[0].rsplit(' ').next().unwrap().parse().unwrap();
    for page in 2..=count {
        drive(&mut app, &[Key::PageDown]);
        let shown = screen_text(&render(&mut app, 80, 24, false));
        assert_eq!(
            page_lines(&shown),
            vec![format!("Page {page} sur {count}")],
            "{shown}"
        );
    }
}

/// Issue #27: at 60×20 the text above a list pages with the list: one "Page 1 sur N".
#[test]
fn text_above_a_list_pages_with_it_one_pager_a_screen() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    keys(
        &mut app,
        &[
            Key::Char('1'),
            Key::Char('1'),
            Key::Char('1'),
            Key::Char('1'),
        ],
    );
    let question = screen_text(&render(&mut app, 80, 24, false));
    assert!(question.contains("Question 4 sur 7"), "{question}");
    keys(
        &mut app,
        &[
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('1'),
            Key::Char('3'),
        ],
    );
    keys(&mut app, &[Key::F(2)]);
    let mut seen = Vec::new();
    let first = screen_text(&render(&mut app, 60, 20, false));
    let lines = page_lines(&first);
    assert!(lines.len() <= 1, "one pager: {first}");
    if let Some(line) = lines.first() {
        let count: usize = line.rsplit(' ').next().unwrap().parse().unwrap();
        seen.push(first);
        for page in 2..=count {
            keys(&mut app, &[Key::PageDown]);
            let shown = screen_text(&render(&mut app, 60, 20, false));
            assert_eq!(
                page_lines(&shown),
                vec![format!("Page {page} sur {count}")],
                "{shown}"
            );
            seen.push(shown);
        }
    }
}

/// Issue #27: "gratuit + Aidants Connect" from Gap listed places 465 km away. With filters
/// only places near are listed; when none passes, the first choice says so and offers the
/// places near without filters; a new commune starts without the last one's filters.
#[test]
fn filters_never_list_far_places_and_a_new_commune_clears_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let mut app = borne::kiosk::app(demo(), now());
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    for c in "gap".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    render(&mut app, 80, 24, false);
    // The filters: Shift+Tab twice from the first lieu.
    drive_with(
        &mut store,
        &mut app,
        &[Key::BackTab, Key::BackTab, Key::Enter],
    );
    let filters = screen_text(&render(&mut app, 80, 24, false));
    assert!(filters.contains("[ ] gratuit"), "{filters}");
    // One rule for boxes: Espace ticks, and the key bar says so.
    assert!(filters.contains("Espace : cocher ou décocher"), "{filters}");
    drive_with(&mut store, &mut app, &[Key::Char(' ')]);
    let ticked = screen_text(&render(&mut app, 80, 24, false));
    assert!(ticked.contains("[x] gratuit"), "{ticked}");
    // Aidants Connect (Entrée chooses, a box too).
    drive_with(&mut store, &mut app, &[Key::Down, Key::Down, Key::Enter]);
    drive_with(&mut store, &mut app, &[Key::Esc]);
    let shown = screen_text(&render(&mut app, 80, 24, false));
    assert!(!shown.contains(" km") || !shown.contains("465"), "{shown}");
    for line in shown
        .lines()
        .filter(|l| l.contains(" à ") && l.contains(" km"))
    {
        let km: f64 = line
            .rsplit(" à ")
            .next()
            .and_then(|d| d.split_whitespace().next())
            .and_then(|n| n.replace(',', ".").parse().ok())
            .unwrap_or(0.0);
        assert!(km <= 30.0, "a far place listed as near: {line}\n{shown}");
    }
    assert!(
        shown.contains("Aucun lieu à moins de 30 km ne correspond à ces filtres."),
        "{shown}"
    );
    assert!(
        shown.contains("▶ 1  Voir tous les lieux proches"),
        "{shown}"
    );
    drive_with(&mut store, &mut app, &[Key::Enter]);
    let all = screen_text(&render(&mut app, 80, 24, false));
    assert!(!all.contains("Filtres :"), "{all}");
    assert!(all.contains("Gap —"), "{all}");
    // Another commune: no filters.
    drive_with(&mut store, &mut app, &[Key::BackTab, Key::Enter]);
    for _ in 0..3 {
        drive_with(&mut store, &mut app, &[Key::Backspace]);
    }
    for c in "briancon".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    let other = screen_text(&render(&mut app, 80, 24, false));
    assert!(other.contains("Briançon"), "{other}");
    assert!(!other.contains("Filtres :"), "{other}");
}

/// Issue #27: the day list says "aujourd'hui" and "demain".
#[test]
fn the_day_list_says_today_and_tomorrow() {
    let mut app = borne::kiosk::app(demo(), now());
    drive(&mut app, &[Key::Char('2'), Key::Char('1')]);
    let days = screen_text(&render(&mut app, 80, 24, false));
    assert!(days.contains("1  aujourd'hui, lundi 2 mars —"), "{days}");
    assert!(days.contains("2  demain, mardi 3 mars —"), "{days}");
    assert!(days.contains("3  mercredi 4 mars —"), "{days}");
}

/// Issue #27: Échap on the receipt says where it goes (the booking is made: it ends).
#[test]
fn escape_on_the_receipt_says_it_finishes() {
    let mut app = borne::kiosk::app(demo(), now());
    book_to_receipt(&mut app);
    let receipt = screen_text(&render(&mut app, 120, 33, false));
    assert!(receipt.contains("Échap : terminer (accueil)"), "{receipt}");
    assert!(!receipt.contains("revenir en arrière"), "{receipt}");
}

#[test]
fn a_workshop_says_what_it_is_before_registering_and_never_says_rendez_vous() {
    let config = demo();
    let mut app = borne::kiosk::app(config.clone(), now());
    let mut seen: Vec<String> = Vec::new();
    let look = |app: &mut App, seen: &mut Vec<String>| {
        let text = screen_text(&render(app, 80, 24, false));
        seen.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
    };
    drive(&mut app, &[Key::Char('5')]);
    look(&mut app, &mut seen);
    // The second session, Thursday's "Reconnaître les arnaques", has seats.
    drive(&mut app, &[Key::Char('2')]);
    look(&mut app, &mut seen);
    for c in "Marie".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(&mut app, &[Key::Enter, Key::Enter]);
    for c in "0612345678".chars() {
        drive(&mut app, &[Key::Char(c)]);
    }
    drive(&mut app, &[Key::Down, Key::Down, Key::Down, Key::Enter]);
    look(&mut app, &mut seen);
    let check = seen.last().unwrap().clone();
    for expected in [
        "Vérifiez votre inscription",
        "Reconnaître un faux message",
        "Durée : 90 min",
        "salle 2",
        "Apportez votre téléphone, et les messages",
        "Confirmer l'inscription",
    ] {
        assert!(check.contains(expected), "{expected}: {check}");
    }
    drive(&mut app, &[Key::Enter]);
    look(&mut app, &mut seen);
    assert!(
        seen.last().unwrap().contains("XMD Y7R") || seen.last().unwrap().contains("XMDY7R"),
        "{seen:?}"
    );
    for screen in &seen {
        assert!(!screen.to_lowercase().contains("rendez-vous"), "{screen}");
    }
}

/// Olena books in Ukrainian, sharing her diagnostic ("vos allocations (CAF, MSA)"): Camille's
/// week says "parle ukrainien", and the booking's detail gives the diagnostic in the staff's
/// words with its detail, not the citizen's "vous".
#[test]
fn the_counsellor_knows_the_language_and_reads_the_shared_diagnostic_in_staff_words() {
    use borne::store::Bookings;
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let mut app = borne::kiosk::app(demo(), now());
    app.settings.locale = "uk".into();
    drive_with(&mut store, &mut app, &[Key::Char('2'), Key::Char('1')]);
    drive_with(&mut store, &mut app, &[Key::Char('2'), Key::Enter]);
    for c in "Olena".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter, Key::Enter]);
    for c in "0612345678".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(
        &mut store,
        &mut app,
        &[Key::Down, Key::Down, Key::Down, Key::Enter, Key::Enter],
    );
    let booked = store
        .appointments_between(now().date(), now().date() + Duration::days(14))
        .unwrap();
    assert_eq!(
        booked.len(),
        1,
        "{}",
        screen_text(&render(&mut app, 80, 24, false))
    );
    assert_eq!(booked[0].person.locale.as_deref(), Some("uk"));
    // Marie's diagnostic, as the questionnaire makes it for "mes allocations", shared.
    let config = demo();
    let answers: Vec<(String, String)> =
        "equipement=aucun,motif=demarche,demarche=caf,urgence=non,souhait=avec-moi"
            .split(',')
            .map(|pair| {
                let (q, a) = pair.split_once('=').unwrap();
                (q.to_string(), a.to_string())
            })
            .collect();
    let (path, _) = config.diagnostic.walk(&answers).unwrap();
    let outcome = config.diagnostic.outcome(&path);
    let starts = parse_local("2026-03-04T09:00").unwrap();
    store
        .book(
            &borne::store::NewBooking {
                counsellor: "camille".into(),
                motif: "demarche".into(),
                starts,
                ends: starts + Duration::minutes(45),
                person: borne::domain::person::Person {
                    first_name: "Marie".into(),
                    ..Default::default()
                },
                reminder: None,
                diagnostic: Some(serde_json::to_string(&outcome).unwrap()),
                booked_by: borne::store::BookedBy::Kiosk,
                request_id: None,
            },
            now(),
        )
        .unwrap()
        .unwrap();
    app.settings.locale = "fr".into();
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    sign_in_camille(&mut store, &mut app);
    drive_with(&mut store, &mut app, &[Key::Char('2')]);
    let week = screen_text(&render(&mut app, 120, 33, false));
    assert!(week.contains("Olena — parle ukrainien"), "{week}");
    assert!(!week.contains("Marie — parle"), "French: nothing said");
    let olena = week
        .lines()
        .find(|l| l.contains("Olena"))
        .and_then(|l| {
            l.split_whitespace()
                .find(|w| w.chars().all(|c| c.is_ascii_digit()))
        })
        .unwrap()
        .to_string();
    drive_with(
        &mut store,
        &mut app,
        &[Key::Char(olena.chars().next().unwrap())],
    );
    let detail = screen_text(&render(&mut app, 120, 33, false));
    assert!(detail.contains("parle ukrainien"), "{detail}");
    drive_with(&mut store, &mut app, &[Key::Esc]);
    let marie = if olena == "1" { '2' } else { '1' };
    drive_with(&mut store, &mut app, &[Key::Char(marie)]);
    let detail = screen_text(&render(&mut app, 120, 33, false));
    let words = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Aide aux démarches administratives",
        "Social - Santé",
        "« vos allocations (CAF, MSA) »",
        "éloigné du numérique",
    ] {
        assert!(words.contains(expected), "{expected}: {detail}");
    }
    assert!(!words.contains("Faire vos démarches en ligne"), "{detail}");
}

/// A booking hours away: attendance and the report are shown unavailable, with from when,
/// rather than offered and then refused.
#[test]
fn attendance_on_a_booking_hours_away_is_shown_unavailable_with_from_when() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    book_with_camille(&mut store, "2026-03-02T14:00", "Lina");
    let mut app = borne::kiosk::app(demo(), now());
    sign_in_camille(&mut store, &mut app);
    drive_with(&mut store, &mut app, &[Key::Char('1'), Key::Char('1')]);
    let terminal = render(&mut app, 100, 30, false);
    let detail = screen_text(&terminal);
    assert!(
        detail.contains("Marquer présent — à partir de 13 h 45"),
        "{detail}"
    );
    assert!(
        detail.contains("Marquer absent — à partir de 13 h 45"),
        "{detail}"
    );
    assert!(
        detail.contains("Compte rendu d'activité — à partir de 13 h 45"),
        "{detail}"
    );
    // Drawn dim.
    let buffer = terminal.backend().buffer();
    let row = (0..buffer.area.height)
        .find(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, *y)].symbol().to_string())
                .collect::<String>()
                .contains("absent — à partir")
        })
        .unwrap();
    assert!(
        (0..buffer.area.width).any(|x| buffer[(x, row)]
            .modifier
            .contains(ratatui::style::Modifier::DIM)),
        "{detail}"
    );
    // Chosen all the same: the voice says why, nothing is asked of the store, the screen
    // keeps the reason beside the focus (on whatever page the detail is).
    let effects = app.update(Msg::Key(Key::Char('2')), now());
    let said: Vec<String> = effects
        .iter()
        .filter_map(|e| match e {
            borne::app::Effect::Say(words) => Some(words.iter().map(|w| w.text.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        said,
        ["Trop tôt : la présence se note 15 min avant (un atelier : le jour même)."]
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, borne::app::Effect::Store(_)))
    );
    let shown = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        shown.contains("Marquer absent — à partir de 13 h 45"),
        "{shown}"
    );
    assert!(!shown.contains("Enregistré"), "{shown}");
}

/// The day's agenda is not stuck on today: the next day, back, and a date typed.
#[test]
fn the_counsellor_moves_through_days_and_weeks_and_goes_to_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    book_with_camille(&mut store, "2026-03-03T14:00", "Lina");
    book_with_camille(&mut store, "2026-03-19T09:00", "Paul");
    let mut app = borne::kiosk::app(demo(), now());
    sign_in_camille(&mut store, &mut app);
    drive_with(&mut store, &mut app, &[Key::Char('1')]);
    let today = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        today.contains("lundi 2 mars") && !today.contains("Lina"),
        "{today}"
    );
    assert!(
        today.contains("Jour suivant") && today.contains("← →"),
        "{today}"
    );
    drive_with(&mut store, &mut app, &[Key::Right]);
    let tomorrow = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        tomorrow.contains("mardi 3 mars") && tomorrow.contains("Lina"),
        "{tomorrow}"
    );
    // Back with the choice itself ("Jour précédent" is the first after the rows).
    drive_with(&mut store, &mut app, &[Key::Char('2')]);
    let back = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        back.contains("lundi 2 mars") && !back.contains("Lina"),
        "{back}"
    );
    // "Aller à une date": 19/03.
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    for c in "19/03".chars() {
        drive_with(&mut store, &mut app, &[Key::Char(c)]);
    }
    drive_with(&mut store, &mut app, &[Key::Enter]);
    let that_day = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        that_day.contains("jeudi 19 mars") && that_day.contains("Paul"),
        "{that_day}"
    );
    // A week at a time in the week's agenda.
    drive_with(
        &mut store,
        &mut app,
        &[Key::Esc, Key::Char('2'), Key::Right, Key::Right],
    );
    let week = screen_text(&render(&mut app, 100, 30, false));
    assert!(
        week.contains("Du lundi 16 mars au dimanche 22 mars"),
        "{week}"
    );
    assert!(
        week.contains("Paul") && week.contains("Semaine suivante"),
        "{week}"
    );
}

/// Counsellor mode with a person's record open locks after 2 minutes without a key (the
/// day's list alone, after 10).
#[test]
fn a_persons_record_left_open_locks_counsellor_mode_after_two_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = borne::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
    book_with_camille(&mut store, "2026-03-02T14:00", "Lina");
    let mut app = borne::kiosk::app(demo(), now());
    sign_in_camille(&mut store, &mut app);
    drive_with(&mut store, &mut app, &[Key::Char('1')]);
    let later = now() + Duration::seconds(2 * 60 + 1);
    assert_eq!(
        app.next_deadline(now()),
        Some(now() + Duration::minutes(10))
    );
    app.update(Msg::Tick, later);
    assert_eq!(
        app.screen().title(),
        "counsellor-today",
        "the list stays open"
    );
    drive_with(&mut store, &mut app, &[Key::Char('1')]);
    assert!(screen_text(&render(&mut app, 100, 30, false)).contains("Lina"));
    assert_eq!(app.next_deadline(now()), Some(now() + Duration::minutes(2)));
    app.update(Msg::Tick, later);
    let after = screen_text(&render(&mut app, 100, 30, false));
    assert!(!after.contains("Lina"), "{after}");
    assert_ne!(app.screen().title(), "counsellor-today");
}

/// The character under the terminal cursor, and the whole row it is on.
fn under_cursor(terminal: &mut Terminal<TestBackend>) -> (String, String) {
    let at = terminal.get_cursor_position().unwrap();
    let row = screen_text(terminal)
        .lines()
        .nth(at.y as usize)
        .unwrap()
        .to_string();
    (text_at(terminal, at, 1), row)
}

fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::Char).collect()
}

/// ← and → move the cursor inside a text field: typing goes in at it, Backspace erases
/// before it, and the terminal's cursor (which screen readers follow) is on it.
#[test]
fn left_and_right_move_the_text_cursor_and_the_terminal_cursor_follows() {
    let mut app = borne::kiosk::app(demo(), now());
    drive(
        &mut app,
        &[Key::Char('2'), Key::Char('1'), Key::Char('2'), Key::Enter],
    );
    drive(&mut app, &typed("Mare"));
    drive(&mut app, &[Key::Left, Key::Char('i')]);
    let (at, row) = under_cursor(&mut render(&mut app, 80, 24, false));
    assert!(row.contains(": Marie"), "{row}");
    assert_eq!(at, "e", "{row}");
    drive(&mut app, &[Key::Enter, Key::Enter]);
    drive(&mut app, &typed("0612345678"));
    drive(&mut app, &[Key::Left, Key::Left]);
    let (at, row) = under_cursor(&mut render(&mut app, 80, 24, false));
    assert!(row.contains("06 12 34 56 78"), "{row}");
    assert_eq!(at, "7", "{row}");
    drive(&mut app, &[Key::Backspace]);
    let (at, row) = under_cursor(&mut render(&mut app, 80, 24, false));
    assert!(row.contains("06 12 34 57 8"), "{row}");
    assert_eq!(at, "7", "{row}");
    drive(&mut app, &[Key::Char('6')]);
    let (at, row) = under_cursor(&mut render(&mut app, 80, 24, false));
    assert!(row.contains("06 12 34 56 78"), "{row}");
    assert_eq!(at, "7", "{row}");
}

#[test]
fn the_code_to_manage_an_appointment_is_corrected_in_the_middle() {
    let mut app = borne::kiosk::app(demo(), now());
    drive(&mut app, &[Key::Char('4')]);
    assert_eq!(app.screen().title(), "manage-title");
    drive(&mut app, &typed("ABD234"));
    drive(&mut app, &[Key::Left, Key::Left, Key::Left, Key::Backspace]);
    drive(&mut app, &typed("C"));
    let (at, row) = under_cursor(&mut render(&mut app, 80, 24, false));
    assert!(row.contains("ABC 234"), "{row}");
    assert_eq!(at, "2", "after the C: {row}");
}

#[test]
fn the_pin_is_corrected_with_the_arrows() {
    let mut app = borne::kiosk::app(demo(), now());
    keys(&mut app, &[Key::F(12)]);
    keys(&mut app, &typed("248"));
    keys(&mut app, &[Key::Left]);
    let terminal = render(&mut app, 80, 24, false);
    let dots = screen_text(&terminal)
        .lines()
        .find(|l| l.contains("•••"))
        .unwrap()
        .to_string();
    let at = terminal.clone().get_cursor_position().unwrap();
    let first = dots.find('•').unwrap();
    assert_eq!(
        at.x as usize,
        dots[..first].chars().count() + 2,
        "on the third dot: {dots}"
    );
    keys(&mut app, &[Key::Char('6'), Key::Enter]);
    assert_eq!(
        app.screen().title(),
        "staff-title",
        "2468 opened the staff menu"
    );
}

#[test]
fn the_commune_typed_is_corrected_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_shipped_data(dir.path());
    let mut app = borne::kiosk::app(demo(), now());
    drive_with(&mut store, &mut app, &[Key::Char('3')]);
    drive_with(&mut store, &mut app, &typed("Gp"));
    drive_with(&mut store, &mut app, &[Key::Left, Key::Char('a')]);
    let (at, row) = under_cursor(&mut render(&mut app, 80, 24, false));
    assert!(row.contains("Gap"), "{row}");
    assert_eq!(at, "p", "{row}");
}

//! The kiosk's state machine with its real screens: the welcome screen, the idle reset,
//! Home and Esc asking first, the PIN prompt and what it opens.
use chrono::{Duration, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::welcome::{Item, Welcome};
use crate::app::key::Key;
use crate::app::screen::{self, Action, Ctx, Screen};
use crate::app::{App, Effect, Leaving, Msg, Overlay, PinNotice, Settings, audit};
use crate::clock::parse_local;
use crate::domain::pin::Signer;

use crate::testing::demo_config as config;

fn t0() -> NaiveDateTime {
    parse_local("2026-03-02T10:15:00").unwrap()
}

fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

fn press(app: &mut App, key: Key, now: NaiveDateTime) -> Vec<Effect> {
    app.update(Msg::Key(key), now)
}

/// Types a PIN and Enter, and answers the check as the shell does (off the screen's thread
/// there); returns the effects after the check, without the lockout's saving.
/// Types a PIN and presses Enter: what the kiosk asks (the PIN to check, not answered).
fn enter_pin(app: &mut App, pin: &str, now: NaiveDateTime) -> Vec<Effect> {
    for c in pin.chars() {
        press(app, Key::Char(c), now);
    }
    press(app, Key::Enter, now)
}

fn type_pin(app: &mut App, pin: &str, now: NaiveDateTime) -> Vec<Effect> {
    let mut out = Vec::new();
    for effect in enter_pin(app, pin, now) {
        match effect {
            Effect::CheckPin(entered) => {
                let who = app.signer(&entered);
                out.extend(app.update(Msg::PinChecked(who), now));
            }
            other => out.push(other),
        }
    }
    out.retain(|e| !matches!(e, Effect::SavePinGuard(..)));
    out
}

/// A screen where the person has typed something.
struct Form;
impl Screen for Form {
    fn title(&self) -> &'static str {
        "welcome-title"
    }
    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        match key {
            Key::Esc => Action::Back,
            _ => Action::None,
        }
    }
    fn render(&self, _: &mut Frame, _: Rect, _: &crate::ui::View) -> Option<Position> {
        None
    }
    fn hints(&self) -> Vec<screen::Hint> {
        Vec::new()
    }
    fn holds_input(&self) -> bool {
        true
    }
}

#[test]
fn the_last_welcome_choice_opens_the_languages_and_display_choices() {
    let config = config();
    let settings = Settings::defaults(&config.kiosk);
    let ctx = Ctx {
        kiosk: &config.kiosk,
        i18n: &config.i18n,
        settings: &settings,
        now: t0(),
        screen: (80, 24),
    };
    let mut welcome = Welcome::new(config.clone());
    assert_eq!(welcome.focused(), Item::Menu(0));
    // The menu, then "Langue et affichage", numbered after it.
    for _ in 0..10 {
        welcome.handle(Key::Down, &ctx);
    }
    assert_eq!(welcome.focused(), Item::LanguageAndDisplay);
    assert_eq!(welcome.settings_number(), 7);

    // Through the kiosk: 7 opens them on the language in use; a language chosen goes back
    // to the menu in it; a display choice is ticked there and stays.
    let mut app = crate::kiosk::app(config, t0());
    press(&mut app, Key::Char('7'), t0());
    assert_eq!(app.screen().title(), "welcome-settings");
    press(&mut app, Key::Down, t0());
    press(&mut app, Key::Down, t0());
    press(&mut app, Key::Enter, t0());
    assert_eq!(app.settings.locale, "en");
    assert!(app.on_welcome());
    press(&mut app, Key::Char('7'), t0());
    // The focus starts on English, the language in use: three down is large text.
    for _ in 0..3 {
        press(&mut app, Key::Down, t0());
    }
    press(&mut app, Key::Enter, t0());
    assert!(app.settings.large_text);
    assert_eq!(app.screen().title(), "welcome-settings");
    // Space ticks a box too.
    press(&mut app, Key::Down, t0());
    press(&mut app, Key::Char(' '), t0());
    assert!(app.settings.high_contrast);
    press(&mut app, Key::Esc, t0());
    assert!(app.on_welcome());
    assert!(app.settings.large_text && app.settings.high_contrast);
}

#[test]
fn function_keys_toggle_display_anywhere() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(2), t0());
    press(&mut app, Key::F(3), t0());
    assert!(app.settings.large_text && app.settings.high_contrast);
    press(&mut app, Key::F(2), t0());
    assert!(!app.settings.large_text);
}

#[test]
fn control_keys_and_unknown_digits_change_nothing() {
    let mut app = crate::kiosk::app(config(), t0());
    for key in [Key::Other, Key::Char('7'), Key::Esc, Key::Home] {
        assert!(press(&mut app, key, t0()).is_empty());
    }
    assert!(app.on_welcome());
    assert_eq!(app.settings, Settings::defaults(&app.kiosk));
}

#[test]
fn the_pristine_welcome_screen_needs_no_timer() {
    let app = crate::kiosk::app(config(), t0());
    assert_eq!(app.next_deadline(t0()), None);
}

#[test]
fn idle_warns_counts_down_and_resets_everything_the_person_chose() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(2), t0());
    press(&mut app, Key::Right, t0());
    press(&mut app, Key::Enter, t0());
    app.push(Box::new(Form), t0());
    assert_eq!(app.next_deadline(t0()), Some(t0() + secs(90)));

    app.update(Msg::Tick, t0() + secs(89));
    assert_eq!(app.idle_warning_until, None, "not yet");
    let warned = t0() + secs(90);
    app.update(Msg::Tick, warned);
    assert_eq!(app.countdown_seconds(warned), Some(30));
    assert_eq!(
        app.countdown_seconds(warned + Duration::milliseconds(1500)),
        Some(29)
    );
    // The countdown wakes the shell once a second, on the second.
    assert_eq!(
        app.next_deadline(warned + Duration::milliseconds(1500)),
        Some(warned + secs(2))
    );

    app.update(Msg::Tick, warned + secs(30));
    assert!(app.on_welcome());
    assert_eq!(app.settings, Settings::defaults(&app.kiosk));
    assert_eq!(app.countdown_seconds(warned + secs(30)), None);
    assert_eq!(app.next_deadline(warned + secs(30)), None);
    // A fresh welcome screen: the focus is back on the first choice.
    press(&mut app, Key::Enter, warned + secs(31));
    assert_eq!(app.screen().title(), "diag-title");
}

#[test]
fn a_wall_clock_that_steps_back_never_puts_off_the_idle_reset() {
    // Sunday 25 October 2026: at 03:00 summer time the clocks go back to 02:00.
    let before = parse_local("2026-10-25T02:59:50").unwrap();
    let after = parse_local("2026-10-25T02:00:10").unwrap();
    let mut app = crate::kiosk::app(config(), before);
    app.push(Box::new(Form), before);
    press(&mut app, Key::Char('x'), before);
    // Twenty real seconds later the clock reads 02:00:10: the reset is still 90 s away at
    // most, not an hour, even before the shell says the clock stepped.
    assert!(app.next_deadline(after).unwrap() <= after + secs(90));
    // The shell sees the step (wall clock against elapsed time) and says it.
    app.clock_stepped(Duration::hours(-1));
    assert_eq!(app.next_deadline(after), Some(after + secs(70)));
    app.update(Msg::Tick, after + secs(70));
    assert!(
        app.idle_warning_until.is_some(),
        "the question comes on time"
    );
    // And a step back during the countdown does not lengthen it.
    assert_eq!(app.countdown_seconds(after), Some(30));
    app.update(Msg::Tick, after - Duration::hours(1));
    assert_eq!(app.countdown_seconds(after - Duration::hours(1)), Some(30));
    app.update(Msg::Tick, after - Duration::hours(1) + secs(30));
    assert!(app.on_welcome(), "reset after the warning's seconds");
}

#[test]
fn any_key_during_the_countdown_extends_and_does_nothing_else() {
    let mut app = crate::kiosk::app(config(), t0());
    app.push(Box::new(Form), t0());
    app.update(Msg::Tick, t0() + secs(90));
    assert!(app.idle_warning_until.is_some());
    let later = t0() + secs(100);
    // Esc would otherwise leave the form.
    assert!(press(&mut app, Key::Esc, later).is_empty());
    assert!(app.idle_warning_until.is_none());
    assert!(!app.on_welcome(), "the key only extended the session");
    assert_eq!(app.next_deadline(later), Some(later + secs(90)));
    // A tick at the old deadline no longer resets.
    app.update(Msg::Tick, t0() + secs(120));
    assert!(!app.on_welcome());
}

#[test]
fn home_asks_before_dropping_what_was_entered() {
    let mut app = crate::kiosk::app(config(), t0());
    app.push(Box::new(Form), t0());
    press(&mut app, Key::Home, t0());
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm {
            leaving: Leaving::Home,
            yes: false
        })
    ));
    press(&mut app, Key::Enter, t0());
    assert!(!app.on_welcome(), "No is the default");
    press(&mut app, Key::Home, t0());
    press(&mut app, Key::Down, t0());
    press(&mut app, Key::Enter, t0());
    assert!(app.on_welcome());
    app.push(Box::new(Form), t0());
    press(&mut app, Key::Home, t0());
    press(&mut app, Key::Char('1'), t0());
    assert!(app.on_welcome());
}

fn pin_notice(app: &App) -> Option<PinNotice> {
    match &app.overlay {
        Some(Overlay::Pin(p)) => p.notice,
        _ => None,
    }
}

#[test]
fn a_passer_by_typing_wrong_pins_never_locks_the_staff_out() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    // Twenty wrong PINs, each as soon as the kiosk checks one again.
    let mut now = t0();
    let mut saved = None;
    for _ in 0..20 {
        enter_pin(&mut app, "1111", now);
        for effect in app.update(Msg::PinChecked(None), now) {
            if let Effect::SavePinGuard(failures, until) = effect {
                saved = Some((failures, until));
            }
        }
        match pin_notice(&app) {
            Some(PinNotice::Wrong { wait_seconds }) => {
                assert!(wait_seconds <= 30, "{wait_seconds}");
                now += secs(wait_seconds.into());
            }
            other => panic!("{other:?}"),
        }
    }
    // Guessing slows down: twenty tries took minutes.
    assert!(now - t0() >= Duration::minutes(8), "{}", now - t0());
    // A try during the wait is not even checked, and says how long to wait.
    type_pin(&mut app, "1111", now - secs(10));
    assert_eq!(pin_notice(&app), Some(PinNotice::Wait { seconds: 10 }));
    // The staff come right after the passer-by left: their PIN opens, after a restart too.
    press(&mut app, Key::Esc, now);
    app.reset();
    let (failures, until) = saved.expect("saved at each try");
    let mut restarted = crate::kiosk::app(config(), now);
    restarted.restore_pin_guard(failures, until, now);
    for app in [&mut app, &mut restarted] {
        press(app, Key::F(12), now);
        let effects = type_pin(app, "2468", now);
        assert!(
            effects.contains(&audit("admin", "staff sign-in")),
            "{effects:?}"
        );
        assert_eq!(app.screen().title(), "staff-title");
    }
}

#[test]
fn the_pin_is_checked_away_from_the_screen_and_a_late_answer_is_dropped() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    let effects = enter_pin(&mut app, "2468", t0());
    assert_eq!(effects, vec![Effect::CheckPin("2468".into())]);
    assert!(matches!(&app.overlay, Some(Overlay::Pin(p)) if p.checking));
    // The person gives up before the answer: it opens nothing.
    press(&mut app, Key::Esc, t0());
    let effects = app.update(Msg::PinChecked(Some(Signer::Admin)), t0());
    assert!(effects.is_empty());
    assert!(app.on_welcome());
}

/// The network checks a PIN for one counsellor at a time: the counsellor says who they are
/// among the agenda's names, and the PIN they typed is checked as theirs only.
#[test]
fn a_counsellor_says_whose_pin_the_network_checks() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    enter_pin(&mut app, "1357", t0());
    let names = vec!["Camille".to_string(), "Karim".to_string()];
    let effects = app.update(
        Msg::PinAsksWho {
            names,
            pin: "1357".into(),
        },
        t0(),
    );
    assert!(effects.is_empty());
    let screen = crate::testing::shown(&app, t0());
    assert!(
        screen.contains("Qui êtes-vous ?") && screen.contains("2  Karim"),
        "{screen}"
    );
    press(&mut app, Key::Down, t0());
    // A counsellor who cannot see the screen hears the question and the name focused.
    let said = crate::app::voice::written(&app, t0())
        .whole()
        .iter()
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        said.contains("Qui êtes-vous ?") && said.contains("Karim"),
        "{said}"
    );
    let effects = app.update(Msg::Key(Key::Enter), t0());
    assert_eq!(
        effects,
        vec![Effect::CheckPinOf {
            counsellor: 1,
            pin: "1357".into()
        }]
    );
    assert!(matches!(&app.overlay, Some(Overlay::Pin(p)) if p.checking && p.who.is_none()));
    // A wrong PIN is counted as any other; the next asks again. A number chooses at once.
    app.update(Msg::PinChecked(None), t0());
    enter_pin(&mut app, "2468", t0());
    app.update(
        Msg::PinAsksWho {
            names: vec!["Camille".into(), "Karim".into()],
            pin: "2468".into(),
        },
        t0(),
    );
    assert_eq!(
        app.update(Msg::Key(Key::Char('1')), t0()),
        vec![Effect::CheckPinOf {
            counsellor: 0,
            pin: "2468".into()
        }]
    );
}

#[test]
fn a_pin_the_network_could_not_check_is_said_so_and_not_counted_wrong() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    enter_pin(&mut app, "1357", t0());
    let effects = app.update(Msg::PinUnchecked, t0());
    assert!(effects.is_empty(), "no failure saved: {effects:?}");
    assert!(matches!(
        &app.overlay,
        Some(Overlay::Pin(p)) if !p.checking && p.notice == Some(PinNotice::Unreachable)
    ));
    let screen = crate::testing::shown(&app, t0());
    assert!(
        screen.contains("Le réseau ne répond pas : le code d'un conseiller ne peut"),
        "{screen}"
    );
    // The prompt takes the PIN again; the try that failed was not counted.
    let effects = enter_pin(&mut app, "1357", t0());
    assert_eq!(effects, vec![Effect::CheckPin("1357".into())]);
    let effects = app.update(Msg::PinChecked(None), t0());
    assert_eq!(effects[0], Effect::SavePinGuard(1, None));
}

#[test]
fn the_lockout_is_restored_after_a_restart_and_saved_at_each_try() {
    let mut app = crate::kiosk::app(config(), t0());
    app.restore_pin_guard(5, Some(t0() + secs(20)), t0());
    press(&mut app, Key::F(12), t0());
    let effects = type_pin(&mut app, "2468", t0());
    assert!(app.on_welcome(), "the wait goes on after the restart");
    assert_eq!(
        effects,
        vec![audit("unknown", "staff PIN tried during the wait")]
    );
    let mut fresh = crate::kiosk::app(config(), t0());
    press(&mut fresh, Key::F(12), t0());
    enter_pin(&mut fresh, "1111", t0());
    let effects = fresh.update(Msg::PinChecked(None), t0());
    assert_eq!(effects[0], Effect::SavePinGuard(1, None));
}

#[test]
fn staff_menu_quits_with_an_audit_entry_and_esc_returns_to_the_kiosk() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    type_pin(&mut app, "2468", t0());
    press(&mut app, Key::Esc, t0());
    assert!(app.on_welcome());
    press(&mut app, Key::F(12), t0());
    type_pin(&mut app, "2468", t0());
    // "1" is the harmless entry: back to the kiosk; "2" quits.
    press(&mut app, Key::Char('1'), t0());
    assert!(app.on_welcome());
    press(&mut app, Key::F(12), t0());
    type_pin(&mut app, "2468", t0());
    let effects = press(&mut app, Key::Char('2'), t0());
    assert_eq!(
        effects,
        vec![audit("admin", "quit the kiosk"), Effect::Quit]
    );
}

#[test]
fn the_pin_prompt_takes_digits_instead_of_the_menu() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    press(&mut app, Key::Char('1'), t0());
    press(&mut app, Key::Char('2'), t0());
    press(&mut app, Key::Backspace, t0());
    match &app.overlay {
        Some(Overlay::Pin(p)) => assert_eq!(p.entered(), "1"),
        _ => panic!("prompt open"),
    }
    press(&mut app, Key::Esc, t0());
    assert!(app.overlay.is_none());
}

#[test]
fn a_counsellor_pin_opens_counsellor_mode_which_locks_after_ten_minutes() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::Down, t0());
    press(&mut app, Key::F(12), t0());
    let effects = type_pin(&mut app, "1357", t0());
    assert_eq!(effects[0], audit("camille", "counsellor sign-in"));
    assert_eq!(app.counsellor, Some(0));
    assert_eq!(app.screen().title(), "counsellor-title");
    // No citizen countdown in counsellor mode: the only deadline is the lock.
    assert_eq!(app.next_deadline(t0()), Some(t0() + Duration::minutes(10)));
    app.update(Msg::Tick, t0() + secs(90));
    assert!(app.idle_warning_until.is_none());
    app.update(Msg::Tick, t0() + Duration::minutes(10));
    assert!(
        app.on_welcome(),
        "locked: back to the citizen welcome screen"
    );
    assert_eq!(app.counsellor, None);
    // The next person's keys reach the welcome screen, not a counsellor screen.
    press(&mut app, Key::Char('1'), t0() + Duration::minutes(11));
    assert!(!app.screen().title().starts_with("counsellor"));
}

#[test]
fn signing_out_ends_counsellor_mode() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    type_pin(&mut app, "8642", t0());
    assert_eq!(app.counsellor, Some(1));
    press(&mut app, Key::Char('8'), t0());
    assert!(app.on_welcome());
    assert_eq!(app.counsellor, None);
}

#[test]
fn home_asks_a_counsellor_before_signing_them_out() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::F(12), t0());
    type_pin(&mut app, "8642", t0());
    assert_eq!(app.counsellor, Some(1));
    press(&mut app, Key::Home, t0());
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm {
            leaving: Leaving::SignOut,
            yes: false
        })
    ));
    // No is the default: a Home pressed by mistake keeps the counsellor where they were.
    press(&mut app, Key::Enter, t0());
    assert_eq!(app.counsellor, Some(1));
    assert_eq!(app.screen().title(), "counsellor-title");
    press(&mut app, Key::Home, t0());
    press(&mut app, Key::Char('1'), t0());
    assert!(app.on_welcome());
    assert_eq!(app.counsellor, None);
}

/// A screen whose Enter is "Terminer".
struct Done;
impl Screen for Done {
    fn title(&self) -> &'static str {
        "welcome-title"
    }
    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        if key == Key::Enter {
            Action::Finish
        } else {
            Action::None
        }
    }
    fn render(&self, _: &mut Frame, _: Rect, _: &crate::ui::View) -> Option<Position> {
        None
    }
    fn hints(&self) -> Vec<screen::Hint> {
        Vec::new()
    }
}

/// Issue #27: after "Terminer" the next person finds the welcome's first choice focused,
/// not the one the last person left it on.
#[test]
fn after_terminer_the_welcome_focus_is_its_first_choice() {
    let mut app = crate::kiosk::app(config(), t0());
    press(&mut app, Key::Down, t0());
    press(&mut app, Key::Down, t0());
    assert!(!crate::testing::shown(&app, t0()).contains("▶ 1 "));
    app.push(Box::new(Done), t0());
    press(&mut app, Key::Enter, t0());
    assert!(app.on_welcome());
    let shown = crate::testing::shown(&app, t0());
    assert!(shown.contains("▶ 1 "), "{shown}");
}

/// A copy of the demo configuration (without its data) with `kiosk.toml` edited and the help
/// point's own French messages.
fn demo_copy(edit: impl Fn(String) -> String, french: &str) -> tempfile::TempDir {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let dir = tempfile::tempdir().unwrap();
    for file in ["diagnostic.toml", "agenda.toml"] {
        std::fs::copy(demo.join(file), dir.path().join(file)).unwrap();
    }
    let kiosk = std::fs::read_to_string(demo.join("kiosk.toml")).unwrap();
    std::fs::write(dir.path().join("kiosk.toml"), edit(kiosk)).unwrap();
    if !french.is_empty() {
        let fr = dir.path().join("locales").join("fr");
        std::fs::create_dir_all(&fr).unwrap();
        std::fs::write(fr.join("local.ftl"), french).unwrap();
    }
    dir
}

/// The frame as a terminal of `size` receives it: every cell, its symbol and its style.
fn frame_of(app: &App, size: (u16, u16)) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(size.0, size.1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| {
            crate::app::frame::draw(f, app, t0(), false);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn the_first_frame_is_the_welcome_the_whole_configuration_draws() {
    // The first frame is drawn before the questionnaire, the agenda and most translations are
    // read: the person must see exactly the welcome the kiosk then goes on with, in its
    // colours, its language and with the help point's own words.
    let as_shipped = |k: String| k;
    let english_large_contrast = |k: String| {
        k.replace("default_locale = \"fr\"", "default_locale = \"en\"")
            .replace("theme = \"default\"", "theme = \"high-contrast\"")
            .replace("large_text = false", "large_text = true")
    };
    type EditKiosk<'a> = &'a dyn Fn(String) -> String;
    let cases: [(&str, EditKiosk, &str); 3] = [
        ("shipped", &as_shipped, ""),
        ("English, large, high contrast", &english_large_contrast, ""),
        (
            "the help point's own greeting",
            &as_shipped,
            "welcome-greeting = Bonjour à la mairie de Gap !\n",
        ),
    ];
    for (case, edit, french) in cases {
        let dir = demo_copy(edit, french);
        let whole = super::app(std::rc::Rc::new(super::load(dir.path()).unwrap()), t0());
        let first = super::app(
            std::rc::Rc::new(super::config::load_for_first_frame(dir.path()).unwrap()),
            t0(),
        );
        for size in [(80, 24), (120, 40), (60, 20)] {
            let (whole, first) = (frame_of(&whole, size), frame_of(&first, size));
            assert_eq!(
                crate::ui::text::screen_of(&first),
                crate::ui::text::screen_of(&whole),
                "{case} {size:?}"
            );
            assert_eq!(
                first, whole,
                "{case} {size:?}: the same words in other styles"
            );
        }
        if !french.is_empty() {
            assert!(
                crate::ui::text::screen_of(&frame_of(&first, (80, 24)))
                    .contains("Bonjour à la mairie")
            );
        }
    }
}

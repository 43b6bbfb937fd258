//! What the kiosk says at a moment: the current screen's declaration, or the box over it
//! (the idle countdown, the PIN, "Revenir à l'accueil ?", "Un instant…") in plain
//! sentences; the keys in words (F4) and how to use the kiosk (F1, and once on arrival).
use chrono::NaiveDateTime;

use super::frame;
use super::speech::{Heard, Said, Speech};
use super::{App, Leaving, Overlay, PinNotice, PinPrompt};
use crate::i18n::Tr;
use crate::ui::choices::Choice;
use crate::ui::{Theme, View};

/// Builds the view a screen's words are made with: the person's language, for the voice.
pub fn with_view<T>(app: &App, now: NaiveDateTime, say: impl FnOnce(&View) -> T) -> T {
    view_as(app, now, true, say)
}

/// Builds the view the screen is drawn with (its words as written).
pub fn with_written_view<T>(app: &App, now: NaiveDateTime, f: impl FnOnce(&View) -> T) -> T {
    view_as(app, now, false, f)
}

fn view_as<T>(app: &App, now: NaiveDateTime, spoken: bool, say: impl FnOnce(&View) -> T) -> T {
    let theme = Theme::pick(app.settings.high_contrast, false);
    let tr = app.i18n.tr(&app.settings.locale);
    let view = View {
        tr: if spoken { tr.spoken() } else { tr },
        i18n: &app.i18n,
        theme: &theme,
        // As the frame reckons it, so that what is said pages as what is shown.
        large: app.settings.large_text
            && !app.large_font
            && app.screen_size.1 >= super::frame::COMPACT_BELOW,
        large_text: app.settings.large_text,
        high_contrast: app.settings.high_contrast,
        locale: &app.settings.locale,
        linear: app.settings.screen_reader,
        kiosk: &app.kiosk,
        now,
        page: app.page,
        screen: app.screen_size,
    };
    say(&view)
}

/// What the kiosk says now.
pub fn heard(app: &App, now: NaiveDateTime) -> Heard {
    let speech = with_view(app, now, |view| speech(app, view, now));
    Heard {
        generation: app.generation(),
        speech,
    }
}

/// What the kiosk says now, in the words the screen writes (times, phones and codes as
/// shown): to hold what is said against what is shown.
pub fn written(app: &App, now: NaiveDateTime) -> Speech {
    view_as(app, now, false, |view| speech(app, view, now))
}

fn speech(app: &App, view: &View, now: NaiveDateTime) -> Speech {
    let tr = &view.tr;
    if app.countdown_seconds(now).is_some() {
        // Said once when it appears, with the whole count: it is not said at each second.
        let mut s = Speech::new()
            .text(tr.text("idle-press-a-key"))
            .text(tr.text_with(
                "idle-countdown",
                &[("seconds", i64::from(app.kiosk.warning_seconds).into())],
            ));
        s.title = tr.text("idle-title");
        return s;
    }
    match &app.overlay {
        Some(Overlay::Pin(prompt)) => return pin_speech(prompt, tr),
        Some(Overlay::Confirm { leaving, yes }) => return confirm_speech(*leaving, *yes, tr),
        None => {}
    }
    if app.waiting {
        let mut s = Speech::new().text(tr.text("waiting-text"));
        s.title = tr.text("waiting-title");
        return s;
    }
    let screen = app.screen();
    let mut s = screen.speech(view);
    s.title = tr.text(screen.title());
    // Said first, as a message: when the first key makes it go, the question is not said
    // again.
    if app.on_welcome() && app.fresh && app.kiosk.speech.is_some() {
        s.messages.insert(0, how_to_use(tr));
    }
    s
}

/// The PIN prompt: what to do, what went wrong, then whose PIN it is on a network's kiosk or
/// how many digits are typed (never the digits).
fn pin_speech(prompt: &PinPrompt, tr: &Tr) -> Speech {
    let mut s = Speech::new().text(tr.text("pin-instructions"));
    if prompt.checking {
        s = s.message(tr.text("pin-checking"));
    }
    s = match prompt.notice {
        Some(notice @ (PinNotice::Wrong { .. } | PinNotice::Wait { .. })) => {
            s.message(super::overlays::pin_notice(notice, tr))
        }
        Some(PinNotice::Unreachable) => s.message(tr.text("pin-unreachable")),
        None => s,
    };
    s = match &prompt.who {
        // On a network kiosk, after the PIN: whose it is.
        Some(who) => s
            .text(tr.text("pin-who"))
            .focus(Choice::numbered(who.focused + 1, who.names[who.focused].clone()).said(tr)),
        // Never the digits: how many are typed.
        None => s.focus(tr.text_with(
            "pin-said-typed",
            &[("n", (prompt.entered().chars().count() as i64).into())],
        )),
    };
    s.title = tr.text("pin-title");
    s
}

/// "Revenir à l'accueil ?" (or back, or signing out): the question, and the answer focused.
fn confirm_speech(leaving: Leaving, yes: bool, tr: &Tr) -> Speech {
    let (title, text, yes_id) = leaving.messages();
    let choice = if yes {
        Choice::numbered(1, tr.text(yes_id))
    } else {
        Choice::numbered(2, tr.text("home-confirm-no"))
    };
    let mut s = Speech::new().text(tr.text(text)).focus(choice.said(tr));
    s.title = tr.text(title);
    s
}

/// How to use the kiosk without seeing it (F1, and once on arrival).
pub fn how_to_use(tr: &Tr) -> String {
    tr.text("said-how-to-use")
}

/// The whole screen and its keys (F4).
pub fn whole(app: &App, now: NaiveDateTime) -> Vec<Said> {
    let mut all = heard(app, now).speech.whole();
    let tr = app.i18n.tr(&app.settings.locale).spoken();
    let keys: Vec<String> = view_as(app, now, false, |view| frame::hints(app, view, now))
        .iter()
        .map(|h| format!("{}, {}", tr.text(h.key), tr.text(h.does)))
        .collect();
    all.push(Said::new(keys.join(". ")));
    all
}

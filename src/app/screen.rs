//! What every screen of every capability provides, so they plug into the shell without
//! knowing each other.
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use std::rc::Rc;

use super::Effect;
use super::key::Key;
use super::settings::Settings;
use super::speech::Speech;
use crate::config::KioskConfig;
use crate::i18n::I18n;
use crate::store::Reply;
use crate::ui::View;
pub(crate) use crate::ui::keybar::{Hint, hint};

/// What a screen sees when it handles a key.
pub struct Ctx<'a> {
    pub kiosk: &'a Rc<KioskConfig>,
    pub i18n: &'a I18n,
    pub settings: &'a Settings,
    pub now: NaiveDateTime,
    /// The terminal's size at the last frame, (columns, rows): what the person saw (a QR code
    /// is offered only where it can be drawn).
    pub screen: (u16, u16),
}

/// What a screen asks the shell to do after a key.
// One message a key press: their size does not matter, boxing would only add noise.
#[allow(clippy::large_enum_variant)]
pub enum Action {
    None,
    /// Open a screen on top of this one (Esc comes back).
    Push(Box<dyn Screen>),
    /// Replace this screen (for steps Esc should not return to).
    Replace(Box<dyn Screen>),
    /// Back one step.
    Back,
    /// To the welcome screen, keeping the person's display choices.
    Home,
    /// The person is done ("Terminer"): to the welcome screen, the display choices back to
    /// the help point's so the next person never inherits them.
    Finish,
    Change(SettingChange),
    /// A setting chosen, then back one step (a language chosen: the menu, in it).
    ChangeAndBack(SettingChange),
    /// Something for the shell to carry out (store, printer…); the screen stays.
    Emit(Effect),
    /// Several, in order.
    EmitAll(Vec<Effect>),
    /// Staff only: leave the kiosk.
    Quit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SettingChange {
    Locale(String),
    ToggleLargeText,
    ToggleContrast,
    ToggleScreenReader,
}

pub trait Screen {
    /// Fluent id of the screen's title.
    fn title(&self) -> &'static str;

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action;

    /// Called once when the screen opens: it may load what it shows.
    fn opened(&mut self, _ctx: &Ctx) -> Action {
        Action::None
    }

    /// Called when the screen opened over this one closes: it may load again what it shows
    /// (a report saved there, a status changed).
    fn resumed(&mut self, _ctx: &Ctx) -> Action {
        Action::None
    }

    /// Drawn on the whole terminal, without header, title or key bar (a large QR code).
    /// The screen then says itself which keys do what.
    fn full_screen(&self) -> bool {
        false
    }

    /// The answer to a request this screen emitted.
    fn reply(&mut self, _reply: Reply, _ctx: &Ctx) -> Action {
        Action::None
    }

    /// Whether the ticket printer took the ticket this screen sent (`Effect::Print`).
    fn printed(&mut self, _ok: bool, _ctx: &Ctx) -> Action {
        Action::None
    }

    /// Draws the screen's body; returns where the terminal cursor goes (the focused item),
    /// which screen readers and braille displays follow.
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position>;

    /// The body as paragraphs above choices, when the screen draws it so now
    /// (`page::render_body`): the kiosk then pages it as drawn, one pager for the text and
    /// the list, the page keys turning exactly the page seen.
    fn body(&self, _view: &View) -> Option<crate::ui::page::Body> {
        None
    }

    /// Moves the focus to a choice of `body` (a page turned to it, a tap on it).
    fn focus_choice(&mut self, _index: usize) {}

    /// For a screen without `body`: the choice drawn at row `dy` of its body `area`, if any
    /// (a tap on it focuses it, then Enter chooses it).
    fn choice_at(&self, _area: Rect, _view: &View, _dy: u16) -> Option<usize> {
        None
    }

    /// This screen's keys, before the ones every screen shares.
    fn hints(&self) -> Vec<Hint>;

    /// What the screen says aloud, from its state (`app::speech`): its question, where the
    /// person is, its messages, the focused choice. `view.tr` makes texts for the voice.
    /// The framework adds the title. Staff screens say their title only (and F4 the keys).
    fn speech(&self, _view: &View) -> Speech {
        Speech::new()
    }

    /// Whether one person's record is open (a booking's detail, an activity report): counsellor
    /// mode then locks sooner (`App::counsellor_lock`), the screen being left in sight.
    fn shows_a_person(&self) -> bool {
        false
    }

    /// Whether the person has entered something that going home would drop.
    fn holds_input(&self) -> bool {
        false
    }

    /// Whether Esc here would drop what the person typed (the kiosk then asks first).
    fn esc_loses_input(&self) -> bool {
        false
    }
}

/// The keys of a form: ↑ ↓ change line, ← → move in the text when the focus is on a field
/// one types in, and what Enter does on the focused line.
pub(crate) fn form_hints(on_field: bool, enter_does: &'static str) -> Vec<Hint> {
    let mut hints = vec![hint("key-up-down", "does-move-field")];
    if on_field {
        hints.push(hint("key-left-right", "does-move-in-text"));
    }
    hints.push(hint("key-enter", enter_does));
    hints
}

/// The keys of a screen where one chooses among numbered items.
pub(crate) fn choosing_hints() -> Vec<Hint> {
    vec![
        hint("key-arrows", "does-move"),
        hint("key-enter", "does-choose"),
        hint("key-digits", "does-choose-number"),
    ]
}

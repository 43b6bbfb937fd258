//! The welcome screen: the main menu, the language choice, and the two display choices.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use std::rc::Rc;

use super::config::Config;
use super::menu::{MenuEntry, main_menu};
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, SettingChange, hint};
use crate::app::speech::{Said, Speech};
use crate::ui::View;
use crate::ui::choices::{Choice, Mark};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Index into the menu entries.
    Menu(usize),
    /// Index into the offered locales.
    Language(usize),
    LargeText,
    Contrast,
}

pub struct Welcome {
    config: Rc<Config>,
    pub entries: Vec<MenuEntry>,
    pub locales: Vec<String>,
    focus: FocusGrid,
}

impl Welcome {
    pub fn new(config: Rc<Config>) -> Welcome {
        let entries = main_menu();
        let locales = &config.kiosk.locales;
        let mut rows = vec![1; entries.len()];
        rows.push(locales.len());
        rows.push(2);
        Welcome {
            locales: locales.to_vec(),
            config,
            entries,
            focus: FocusGrid::new(rows),
        }
    }

    /// Every choice in reading order.
    pub fn items(&self) -> Vec<Item> {
        let mut items: Vec<Item> = (0..self.entries.len()).map(Item::Menu).collect();
        items.extend((0..self.locales.len()).map(Item::Language));
        items.extend([Item::LargeText, Item::Contrast]);
        items
    }

    pub fn focused(&self) -> Item {
        self.items()[self.focus.index()]
    }

    fn choose(&self, item: Item) -> Action {
        match item {
            Item::Menu(i) => Action::Push((self.entries[i].open)(&self.config)),
            Item::Language(i) => Action::Change(SettingChange::Locale(self.locales[i].clone())),
            Item::LargeText => Action::Change(SettingChange::ToggleLargeText),
            Item::Contrast => Action::Change(SettingChange::ToggleContrast),
        }
    }
}

impl Screen for Welcome {
    fn title(&self) -> &'static str {
        "welcome-title"
    }

    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        if let Some(n) = key.digit() {
            return match self.entries.iter().position(|e| e.number == n) {
                Some(i) => {
                    self.focus.set_index(i);
                    self.choose(Item::Menu(i))
                }
                None => Action::None,
            };
        }
        if self.focus.navigate(key) {
            return Action::None;
        }
        match key {
            Key::Enter | Key::Char(' ') => self.choose(self.focused()),
            _ => Action::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        super::welcome_view::render(self, frame, area, view)
    }

    fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        let mut s = Speech::new()
            .text(tr.text("welcome-greeting"))
            .text(tr.text("welcome-menu-heading"));
        // The languages offered, each name in its own voice: a person who does not read
        // French hears theirs.
        if self.locales.len() > 1 {
            s.text.push(Said::new(tr.text("language-label")));
            for tag in &self.locales {
                s.text
                    .push(Said::in_language(view.i18n.locale_name(tag), tag));
            }
        }
        match self.focused() {
            Item::Menu(i) => {
                let entry = &self.entries[i];
                s.focus(Choice::numbered(entry.number, tr.text(entry.label)).said(tr))
            }
            Item::Language(i) => {
                let tag = &self.locales[i];
                let state = if tag == view.locale {
                    "said-chosen"
                } else {
                    "said-not-chosen"
                };
                s.focus
                    .push(Said::in_language(view.i18n.locale_name(tag), tag));
                s.focus(tr.text(state))
            }
            Item::LargeText => s.focus(
                Choice::marked(tr.text("display-large-text"), Mark::Check(view.large)).said(tr),
            ),
            Item::Contrast => s.focus(
                Choice::marked(
                    tr.text("display-high-contrast"),
                    Mark::Check(view.high_contrast),
                )
                .said(tr),
            ),
        }
    }

    fn hints(&self) -> Vec<Hint> {
        let mut hints = vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-choose"),
        ];
        if !self.entries.is_empty() {
            hints.push(hint("key-digits", "does-choose-number"));
        }
        hints.push(hint("key-f5", "does-screen-reader"));
        hints.push(hint("key-f12", "does-staff"));
        hints
    }
}

//! The welcome screen: the main menu, and one choice more that opens the languages and the
//! display choices (`display.rs`), so that they never push the menu off a small screen.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use std::rc::Rc;

use super::config::Config;
use super::display::LanguageAndDisplay;
use super::menu::{MenuEntry, main_menu};
use super::welcome_view::WelcomeShown;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, choosing_hints, hint};
use crate::app::speech::{Said, Speech};
use crate::ui::View;
use crate::ui::choices::Choice;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    /// Index into the menu entries.
    Menu(usize),
    /// "Langue et affichage": opens the languages and the display choices.
    LanguageAndDisplay,
}

pub(crate) struct Welcome {
    config: Rc<Config>,
    entries: Vec<MenuEntry>,
    focus: FocusGrid,
}

impl Welcome {
    pub(crate) fn new(config: Rc<Config>) -> Welcome {
        let entries = main_menu();
        Welcome {
            focus: FocusGrid::new(vec![1; entries.len() + 1]),
            config,
            entries,
        }
    }

    /// Every choice in reading order: the menu, then "Langue et affichage".
    fn items(&self) -> Vec<Item> {
        let mut items: Vec<Item> = (0..self.entries.len()).map(Item::Menu).collect();
        items.push(Item::LanguageAndDisplay);
        items
    }

    /// The number that chooses "Langue et affichage": the one after the menu's.
    pub(crate) fn settings_number(&self) -> usize {
        self.entries.iter().map(|e| e.number).max().unwrap_or(0) + 1
    }

    pub(crate) fn focused(&self) -> Item {
        self.items()[self.focus.index()]
    }

    /// What the welcome draws.
    fn shown(&self) -> WelcomeShown<'_> {
        WelcomeShown {
            menu: &self.entries,
            settings_number: self.settings_number(),
            focused: self.focus.index(),
        }
    }

    fn choose(&self, item: Item) -> Action {
        match item {
            Item::Menu(i) => Action::Push((self.entries[i].open)(&self.config)),
            Item::LanguageAndDisplay => Action::Push(Box::new(LanguageAndDisplay::new())),
        }
    }
}

impl Screen for Welcome {
    fn title(&self) -> &'static str {
        "welcome-title"
    }

    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        if let Some(n) = key.digit() {
            let item = match self.entries.iter().position(|e| e.number == n) {
                Some(i) => Item::Menu(i),
                None if n == self.settings_number() => Item::LanguageAndDisplay,
                None => return Action::None,
            };
            if let Some(at) = self.items().iter().position(|i| *i == item) {
                self.focus.set_index(at);
            }
            return self.choose(item);
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
        super::welcome_view::render(&self.shown(), frame, area, view)
    }

    fn choice_at(&self, area: Rect, view: &View, dy: u16) -> Option<usize> {
        super::welcome_view::choice_at(&self.shown(), area, view, dy)
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        let mut s = Speech::new()
            .text(tr.text("welcome-greeting"))
            .text(tr.text("welcome-menu-heading"));
        // A person who does not understand French hears, in their language's voice, the
        // number that opens the languages: "Language: 6", "Мова: 6".
        let own = tr.text("language-word");
        for (tag, word) in super::welcome_view::language_words(view) {
            if word != own {
                let number = self.settings_number();
                s.text
                    .push(Said::in_language(format!("{word}: {number}"), &tag));
            }
        }
        match self.focused() {
            Item::Menu(i) => {
                let entry = &self.entries[i];
                s.focus(Choice::numbered(entry.number, tr.text(entry.label)).said(tr))
            }
            // "Langue et affichage", then the word for language in each other language, in
            // its own voice: a person who does not read French hears where to go.
            Item::LanguageAndDisplay => {
                let mut s = s.focus(format!(
                    "{}, {}",
                    self.settings_number(),
                    tr.text("welcome-settings")
                ));
                let own = tr.text("language-word");
                for (tag, word) in super::welcome_view::language_words(view) {
                    if word != own {
                        s.focus.push(Said::in_language(word, &tag));
                    }
                }
                s
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        let mut hints = choosing_hints();
        hints.push(hint("key-f5", "does-screen-reader"));
        hints.push(hint("key-f12", "does-staff"));
        hints
    }
}

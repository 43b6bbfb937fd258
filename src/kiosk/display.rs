//! "Langue et affichage": the languages offered and the display choices (large text, high
//! contrast, screen-reader mode), one a line, opened from the welcome screen. Choosing a
//! language goes back to the menu, in that language; a display choice is ticked or unticked
//! here, so that the person sees what it does and can undo it.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, SettingChange, choosing_hints};
use crate::app::speech::{Said, Speech};
use crate::ui::View;
use crate::ui::choices::{Choice, Mark, render_choices};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    /// Index into the locales offered.
    Language(usize),
    LargeText,
    Contrast,
    ScreenReader,
    /// Back to the menu.
    Done,
}

/// Its state is only where the focus is: what is ticked is the kiosk's settings.
pub(crate) struct LanguageAndDisplay {
    focus: Option<FocusGrid>,
}

impl LanguageAndDisplay {
    pub(crate) fn new() -> LanguageAndDisplay {
        LanguageAndDisplay { focus: None }
    }

    /// Every choice in reading order, for these locales.
    pub(crate) fn items(locales: usize) -> Vec<Item> {
        (0..locales)
            .map(Item::Language)
            .chain([
                Item::LargeText,
                Item::Contrast,
                Item::ScreenReader,
                Item::Done,
            ])
            .collect()
    }

    /// The focused choice: at first, the language in use.
    pub(crate) fn focused(&self, locales: &[String], locale: &str) -> Item {
        let items = Self::items(locales.len());
        match &self.focus {
            Some(focus) => items[focus.index().min(items.len() - 1)],
            None => Item::Language(locales.iter().position(|t| t == locale).unwrap_or(0)),
        }
    }

    fn focus(&mut self, locales: &[String], locale: &str) -> &mut FocusGrid {
        let items = Self::items(locales.len());
        let at = items
            .iter()
            .position(|i| *i == self.focused(locales, locale))
            .unwrap_or(0);
        self.focus.get_or_insert_with(|| {
            let mut focus = FocusGrid::new(vec![1; items.len()]);
            focus.set_index(at);
            focus
        })
    }
}

impl Default for LanguageAndDisplay {
    fn default() -> Self {
        Self::new()
    }
}

impl Screen for LanguageAndDisplay {
    fn title(&self) -> &'static str {
        "welcome-settings"
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        // Space ticks a box, as Enter does.
        let key = if key == Key::Char(' ') {
            Key::Enter
        } else {
            key
        };
        let locales = &ctx.kiosk.locales;
        let items = Self::items(locales.len());
        let chosen = match self.focus(locales, &ctx.settings.locale).choose(key) {
            Some(i) => items[i],
            None if key == Key::Esc => Item::Done,
            None => return Action::None,
        };
        match chosen {
            Item::Language(i) => Action::ChangeAndBack(SettingChange::Locale(locales[i].clone())),
            Item::LargeText => Action::Change(SettingChange::ToggleLargeText),
            Item::Contrast => Action::Change(SettingChange::ToggleContrast),
            Item::ScreenReader => Action::Change(SettingChange::ToggleScreenReader),
            Item::Done => Action::Back,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let locales = &view.kiosk.locales;
        let choices: Vec<Choice> = Self::items(locales.len())
            .into_iter()
            .enumerate()
            .map(|(n, item)| {
                let (label, mark) = match item {
                    Item::Language(i) => (
                        view.i18n.locale_name(&locales[i]),
                        Mark::Radio(locales[i] == view.locale),
                    ),
                    Item::LargeText => (
                        view.tr.text("display-large-text"),
                        Mark::Check(view.large_text),
                    ),
                    Item::Contrast => (
                        view.tr.text("display-high-contrast"),
                        Mark::Check(view.high_contrast),
                    ),
                    Item::ScreenReader => (
                        view.tr.text("display-screen-reader"),
                        Mark::Check(view.linear),
                    ),
                    Item::Done => (view.tr.text("display-done"), Mark::None),
                };
                Choice {
                    number: Some(n + 1),
                    label,
                    mark,
                }
            })
            .collect();
        let focused = Self::items(locales.len())
            .iter()
            .position(|i| *i == self.focused(locales, view.locale));
        render_choices(frame, area, view, &choices, focused)
    }

    /// The focused choice with its state; a language's name in its own voice, so that a
    /// person who does not understand French hears their language named.
    fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        let locales = &view.kiosk.locales;
        let items = Self::items(locales.len());
        let focused = self.focused(locales, view.locale);
        let number = items.iter().position(|i| *i == focused).unwrap_or(0) + 1;
        let checked = |id: &str, on: bool| {
            Choice {
                number: Some(number),
                label: tr.text(id),
                mark: Mark::Check(on),
            }
            .said(tr)
        };
        match focused {
            Item::Language(i) => {
                let tag = &locales[i];
                let state = if tag == view.locale {
                    "said-chosen"
                } else {
                    "said-not-chosen"
                };
                let mut s = Speech::new().focus(number.to_string());
                s.focus
                    .push(Said::in_language(view.i18n.locale_name(tag), tag));
                s.focus(tr.text(state))
            }
            Item::LargeText => Speech::new().focus(checked("display-large-text", view.large_text)),
            Item::Contrast => {
                Speech::new().focus(checked("display-high-contrast", view.high_contrast))
            }
            Item::ScreenReader => {
                Speech::new().focus(checked("display-screen-reader", view.linear))
            }
            Item::Done => {
                Speech::new().focus(Choice::numbered(number, tr.text("display-done")).said(tr))
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        // Espace ticks a box, as everywhere.
        let mut hints = choosing_hints();
        hints.insert(1, crate::app::screen::hint("key-space", "does-tick"));
        hints
    }
}

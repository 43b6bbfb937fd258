//! The staff menu, behind F12 and a staff PIN.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::ui::View;
use crate::ui::choices::{Choice, render_choices};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Quit,
    Back,
}

/// The harmless entry first: the menu opens on it, and "1" goes back.
const ITEMS: [Item; 2] = [Item::Back, Item::Quit];

pub struct StaffMenu {
    focus: FocusGrid,
}

impl StaffMenu {
    pub fn new() -> StaffMenu {
        StaffMenu {
            focus: FocusGrid::new(vec![1; ITEMS.len()]),
        }
    }

    fn choose(&self, item: Item) -> Action {
        match item {
            Item::Quit => Action::Quit,
            Item::Back => Action::Back,
        }
    }
}

impl Default for StaffMenu {
    fn default() -> Self {
        StaffMenu::new()
    }
}

impl Screen for StaffMenu {
    fn title(&self) -> &'static str {
        "staff-title"
    }

    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        if key == Key::Esc {
            return Action::Back;
        }
        match self.focus.choose(key) {
            Some(i) => self.choose(ITEMS[i]),
            None => Action::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let choices: Vec<Choice> = ITEMS
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let id = match item {
                    Item::Quit => "staff-quit",
                    Item::Back => "staff-back",
                };
                Choice::numbered(i + 1, view.tr.text(id))
            })
            .collect();
        render_choices(frame, area, view, &choices, Some(self.focus.index()))
    }

    fn hints(&self) -> Vec<Hint> {
        vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-choose"),
            hint("key-digits", "does-choose-number"),
        ]
    }
}

//! The staff menu, behind F12 and a staff PIN.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use chrono::NaiveDate;

use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::store::{Reply, Request};
use crate::ui::View;
use crate::ui::choices::{Choice, render_choices};
use crate::ui::page;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Quit,
    Back,
}

/// The harmless entry first: the menu opens on it, and "1" goes back.
const ITEMS: [Item; 2] = [Item::Back, Item::Quit];

pub(crate) struct StaffMenu {
    focus: FocusGrid,
    /// The date of the newest lieux data, and today, once the store said it.
    lieux: Option<(Option<NaiveDate>, NaiveDate)>,
}

impl StaffMenu {
    pub(crate) fn new() -> StaffMenu {
        StaffMenu {
            focus: FocusGrid::new(vec![1; ITEMS.len()]),
            lieux: None,
        }
    }

    /// "Données du 2 décembre 2026", and a warning when that is more than 30 days ago.
    fn lieux_paras(&self, view: &View) -> Vec<page::Para> {
        let Some((date, today)) = self.lieux else {
            return Vec::new();
        };
        let mut paras = vec![page::text(crate::calendar::words::data_date(
            &view.tr, date,
        ))];
        if let Some(date) = date
            && (today - date).num_days() > crate::domain::lieu::DATA_OLD_AFTER_DAYS
        {
            paras.push(page::notice(view.tr.text_with(
                "staff-lieux-old",
                &[
                    ("date", crate::calendar::words::long(&view.tr, date).into()),
                    ("days", (today - date).num_days().into()),
                ],
            )));
        }
        paras
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

    fn opened(&mut self, ctx: &Ctx) -> Action {
        Action::Emit(Effect::Store(Request::LieuxDate {
            today: ctx.now.date(),
        }))
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        if let Reply::LieuxDate(date) = reply {
            self.lieux = Some((date, ctx.now.date()));
        }
        Action::None
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
        let paras = self.lieux_paras(view);
        if paras.is_empty() {
            return render_choices(frame, area, view, &choices, Some(self.focus.index()));
        }
        page::render(
            frame,
            area,
            view,
            &paras,
            &choices,
            Some(self.focus.index()),
        )
    }

    fn hints(&self) -> Vec<Hint> {
        vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-choose"),
            hint("key-digits", "does-choose-number"),
        ]
    }
}

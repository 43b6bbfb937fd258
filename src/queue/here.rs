//! "Je suis là": the welcome's one choice for a person who is at the help point now. It asks
//! whether they have an appointment (then they say they arrived), want help now without one
//! (a ticket), or are giving up a ticket they took. One choice on the welcome keeps every
//! welcome choice on the smallest screen large text leaves.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::check_in::CheckInScreen;
use super::walk_in::WalkInScreen;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, choosing_hints};
use crate::app::speech::Speech;
use crate::booking::Agenda;
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

const CHOICES: [&str; 3] = ["here-appointment", "here-help-now", "here-leave"];

pub(crate) struct HereScreen {
    agenda: Rc<Agenda>,
    focus: FocusGrid,
}

impl HereScreen {
    pub(crate) fn new(agenda: Rc<Agenda>) -> HereScreen {
        HereScreen {
            agenda,
            focus: FocusGrid::new(vec![1; CHOICES.len()]),
        }
    }

    fn page(&self, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let paras = vec![page::heading(view.tr.text("here-question"))];
        let choices = CHOICES
            .iter()
            .enumerate()
            .map(|(i, id)| Choice::numbered(i + 1, view.tr.text(id)))
            .collect();
        (paras, choices)
    }
}

impl Screen for HereScreen {
    fn title(&self) -> &'static str {
        "here-title"
    }

    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        let agenda = self.agenda.clone();
        match self.focus.choose(key) {
            Some(0) => Action::Push(Box::new(CheckInScreen::new(agenda))),
            Some(1) => Action::Push(Box::new(WalkInScreen::new(agenda))),
            Some(_) => Action::Push(Box::new(WalkInScreen::leaving(agenda))),
            None if key == Key::Esc => Action::Back,
            None => Action::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        page::render_body(frame, area, view, &self.body(view)?)
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        let (paras, choices) = self.page(view);
        Some(page::Body::new(paras, choices, Some(self.focus.index())))
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn speech(&self, view: &View) -> Speech {
        let (paras, choices) = self.page(view);
        Speech::page(&paras, &choices, Some(self.focus.index()), &view.tr)
    }

    fn hints(&self) -> Vec<Hint> {
        choosing_hints()
    }
}

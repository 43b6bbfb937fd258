//! The counsellor's menu, after their PIN.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::agenda::AgendaScreen;
use super::report_form::ReportForm;
use super::stats_screen::StatsScreen;
use super::workshops::WorkshopAdmin;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::booking::Agenda;
use crate::booking::book::BookingScreen;
use crate::domain::report::Report;
use crate::ui::View;
use crate::ui::choices::{Choice, numbered_list};
use crate::ui::page;

const ITEMS: [&str; 8] = [
    "counsellor-today",
    "counsellor-week",
    "counsellor-book",
    "counsellor-workshops",
    "counsellor-walk-in",
    "counsellor-stats",
    "counsellor-queue",
    "counsellor-sign-out",
];

pub(crate) struct CounsellorHome {
    agenda: Rc<Agenda>,
    counsellor: usize,
    focus: FocusGrid,
}

impl CounsellorHome {
    pub(crate) fn new(agenda: Rc<Agenda>, counsellor: usize) -> CounsellorHome {
        CounsellorHome {
            agenda,
            counsellor,
            focus: FocusGrid::new(vec![1; ITEMS.len()]),
        }
    }
}

impl Screen for CounsellorHome {
    fn title(&self) -> &'static str {
        "counsellor-title"
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        let chosen = self.focus.choose(key);
        let agenda = self.agenda.clone();
        let id = agenda.counsellors[self.counsellor].id.clone();
        match chosen {
            Some(0) => Action::Push(Box::new(AgendaScreen::new(
                agenda,
                self.counsellor,
                ctx.now.date(),
                1,
            ))),
            Some(1) => Action::Push(Box::new(AgendaScreen::new(
                agenda,
                self.counsellor,
                ctx.now.date(),
                7,
            ))),
            Some(2) => Action::Push(Box::new(BookingScreen::new(agenda).by_counsellor(&id))),
            Some(3) => Action::Push(Box::new(WorkshopAdmin::new(agenda, &id))),
            Some(4) => Action::Push(Box::new(ReportForm::new(Report::walk_in(
                &id,
                ctx.now.date(),
            )))),
            Some(5) => Action::Push(Box::new(StatsScreen::new(agenda))),
            Some(6) => Action::Push(Box::new(super::queue::QueueScreen::new(
                agenda,
                self.counsellor,
            ))),
            Some(7) => Action::Home,
            _ => Action::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        page::render_body(frame, area, view, &self.body(view)?)
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        let name = self.agenda.counsellors[self.counsellor].name.clone();
        let paras = [page::strong(
            view.tr
                .text_with("counsellor-signed-in", &[("name", name.into())]),
        )];
        let choices: Vec<Choice> = numbered_list(&ITEMS, &view.tr);
        Some(page::Body::new(
            paras.to_vec(),
            choices.to_vec(),
            Some(self.focus.index()),
        ))
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn hints(&self) -> Vec<Hint> {
        choosing_hints()
    }
}

//! The statistics screen: the last four weeks and the months they touch, as bars with the
//! numbers beside them, a page at a time.
use std::rc::Rc;

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::Effect;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::booking::Agenda;
use crate::store::{Reply, Request, Stats};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para, Tone};

pub(crate) struct StatsScreen {
    agenda: Rc<Agenda>,
    stats: Option<Stats>,
}

impl StatsScreen {
    pub(crate) fn new(agenda: Rc<Agenda>) -> StatsScreen {
        StatsScreen {
            agenda,
            stats: None,
        }
    }
}

impl Screen for StatsScreen {
    fn title(&self) -> &'static str {
        "counsellor-stats"
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        let to = ctx.now.date();
        let from = to - Duration::weeks(4);
        Action::Emit(Effect::Store(Request::Stats {
            from,
            to,
            planned: self.agenda.planned_sessions(from, to),
        }))
    }

    fn handle(&mut self, key: Key, _ctx: &Ctx) -> Action {
        match key {
            Key::Esc | Key::Enter | Key::Char('1') => Action::Back,
            _ => Action::None,
        }
    }

    fn reply(&mut self, reply: Reply, _ctx: &Ctx) -> Action {
        if let Reply::Stats(stats) = reply {
            self.stats = Some(stats);
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        page::render_body(frame, area, view, &self.body(view)?)
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        let paras: Vec<Para> = match &self.stats {
            Some(stats) => super::stats::text(stats, &view.tr)
                .lines()
                .map(|l| Para {
                    // For a screen reader, the numbers without the bars.
                    text: if view.linear {
                        l.trim_start().replace('█', "")
                    } else {
                        l.trim_start().to_string()
                    },
                    tone: if l.starts_with(' ') {
                        Tone::Text
                    } else {
                        Tone::Heading
                    },
                    indent: (l.len() - l.trim_start().len()) as u16,
                })
                .collect(),
            None => vec![page::text(view.tr.text("counsellor-failed"))],
        };
        // The text a page at a time ("Page 1 sur 3"), then "Retour".
        let back = vec![Choice::numbered(1, view.tr.text("counsellor-back"))];
        Some(page::Body::new(paras, back, Some(0)))
    }

    fn hints(&self) -> Vec<Hint> {
        choosing_hints()
    }
}

//! The statistics screen: the last four weeks and the months they touch, as bars with the
//! numbers beside them, a page at a time.
use std::cell::Cell;
use std::rc::Rc;

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::Effect;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::booking::Agenda;
use crate::store::{Reply, Request, Stats};
use crate::ui::View;
use crate::ui::choices::{Choice, render_choices};
use crate::ui::page::{self, Para, Tone};

pub struct StatsScreen {
    agenda: Rc<Agenda>,
    stats: Option<Stats>,
    /// The page shown.
    page: usize,
    /// How many pages the last frame had: the text's length depends on the screen's size,
    /// known when drawing.
    pages: Cell<usize>,
}

impl StatsScreen {
    pub fn new(agenda: Rc<Agenda>) -> StatsScreen {
        StatsScreen {
            agenda,
            stats: None,
            page: 0,
            pages: Cell::new(1),
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
            Key::Esc | Key::Enter | Key::Char('1') => return Action::Back,
            Key::PageDown | Key::Down => {
                self.page = (self.page + 1).min(self.pages.get().saturating_sub(1));
            }
            Key::PageUp | Key::Up => self.page = self.page.saturating_sub(1),
            _ => {}
        }
        Action::None
    }

    fn reply(&mut self, reply: Reply, _ctx: &Ctx) -> Action {
        if let Reply::Stats(stats) = reply {
            self.stats = Some(stats);
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
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
        // The text a page at a time, then "Page 1 sur 3", then "Retour".
        let lines = page::lines(&paras, area.width, view);
        let gap = u16::from(view.large);
        let room = usize::from(area.height.saturating_sub(3 + 2 * gap).max(1));
        let pages = lines.len().div_ceil(room).max(1);
        self.pages.set(pages);
        let shown = self.page.min(pages - 1);
        let text: Vec<_> = lines.into_iter().skip(shown * room).take(room).collect();
        let used = text.len() as u16;
        frame.render_widget(
            ratatui::widgets::Paragraph::new(text),
            Rect {
                height: used.min(area.height),
                ..area
            },
        );
        let mut y = area.y + used + gap;
        if pages > 1 && y < area.bottom() {
            let label = view.tr.text_with(
                "page-of",
                &[
                    ("page", (shown as i64 + 1).into()),
                    ("pages", (pages as i64).into()),
                ],
            );
            frame.render_widget(
                ratatui::widgets::Paragraph::new(label).style(view.theme.heading.style()),
                Rect::new(area.x, y, area.width, 1),
            );
            y += 1 + gap;
        }
        let back = [Choice::numbered(1, view.tr.text("counsellor-back"))];
        let rest = Rect::new(
            area.x,
            y.min(area.bottom()),
            area.width,
            area.bottom().saturating_sub(y),
        );
        render_choices(frame, rest, view, &back, Some(0))
    }

    fn hints(&self) -> Vec<Hint> {
        let mut hints = choosing_hints();
        if self.pages.get() > 1 {
            hints.push(hint("key-pages", "does-turn-page"));
        }
        hints
    }
}

//! The waiting room's calling screen (`borne display`), as a function of the day's queue: the
//! last call large ("A-012", then its desk), the calls before it, how many wait — never a
//! name. What it says when a call comes: "Le ticket A, 0, 1, 2 est attendu au Bureau 2".
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

use crate::booking::Agenda;
use crate::domain::queue::{self, Entry};
use crate::i18n::Tr;
use crate::ui::lines::Lines;

/// How many calls the screen lists.
pub(crate) const SHOWN: usize = 6;

/// One call as the waiting room sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Call {
    pub number: u32,
    pub desk: String,
    /// The how-manieth call of this ticket (a second call is a new call).
    pub calls: u32,
    pub at: NaiveDateTime,
}

impl Call {
    pub(crate) fn label(&self) -> String {
        queue::label(self.number)
    }
}

/// What the screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Board {
    /// The last calls, the latest first.
    pub calls: Vec<Call>,
    pub waiting: usize,
}

impl Board {
    pub(crate) fn of(entries: &[Entry], agenda: &Agenda, tr: &Tr, now: NaiveDateTime) -> Board {
        let mut calls: Vec<Call> = entries
            .iter()
            .filter_map(|e| {
                Some(Call {
                    number: e.number,
                    desk: super::desk(agenda, e, tr),
                    calls: e.calls,
                    at: e.called_at?,
                })
            })
            .collect();
        calls.sort_by(|a, b| b.at.cmp(&a.at).then(b.number.cmp(&a.number)));
        calls.truncate(SHOWN);
        Board {
            calls,
            waiting: queue::order(entries, now).len(),
        }
    }

    /// The calls on this board that `before` did not have (oldest first, as they are said).
    pub(crate) fn new_since(&self, before: &Board) -> Vec<&Call> {
        let mut new: Vec<&Call> = self
            .calls
            .iter()
            .filter(|c| {
                !before
                    .calls
                    .iter()
                    .any(|b| b.number == c.number && b.calls == c.calls)
            })
            .collect();
        new.reverse();
        new
    }
}

/// A call as said: the ticket spelled, the desk.
pub(crate) fn said(call: &Call, tr: &Tr) -> String {
    tr.text_with(
        "display-said-call",
        &[
            (
                "ticket",
                crate::i18n::spelled(&queue::to_spell(call.number)).into(),
            ),
            ("desk", call.desk.clone().into()),
        ],
    )
}

/// Each big glyph is 8 cells wide; `Full` is 8 rows tall, `HalfHeight` 4.
const GLYPH: u16 = 8;

fn big(frame: &mut Frame, area: Rect, text: &str, size: PixelSize, style: Style) {
    let widget = BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(crate::ui::title::normalise_for_big(text))])
        .build();
    frame.render_widget(widget, area);
}

/// Draws the board: the help point and the title, the last call large, the calls before, how
/// many wait.
pub(crate) fn render(frame: &mut Frame, board: &Board, tr: &Tr, help_point: &str) {
    let area = frame.area();
    let strong = Style::default().add_modifier(Modifier::BOLD);
    let mut rows = Rows { area, y: area.y };
    rows.line(frame, format!(" {help_point}"), Style::default());
    rows.line(frame, format!(" {}", tr.text("display-title")), strong);
    rows.y += 1;
    match board.calls.first() {
        Some(last) => {
            last_call(frame, &mut rows, last, tr);
            rows.line(frame, format!(" {}", tr.text("display-last-calls")), strong);
            for call in &board.calls {
                let text = tr.text_with(
                    "display-calls",
                    &[
                        ("ticket", call.label().into()),
                        ("desk", call.desk.clone().into()),
                    ],
                );
                rows.line(frame, format!("   {text}"), Style::default());
            }
        }
        None => rows.line(
            frame,
            format!(" {}", tr.text("display-nobody-called")),
            Style::default(),
        ),
    }
    rows.y += 1;
    rows.line(
        frame,
        format!(
            " {}",
            tr.text_with("display-waiting", &[("count", board.waiting.into())])
        ),
        strong,
    );
}

/// The board's rows, written down the screen from `y`.
struct Rows {
    area: Rect,
    y: u16,
}

impl Rows {
    /// A line of text on the next row, while the screen has one.
    fn line(&mut self, frame: &mut Frame, text: String, style: Style) {
        if self.y < self.area.bottom() {
            let row = Rect {
                y: self.y,
                height: 1,
                ..self.area
            };
            frame.render_widget(Lines::new(Line::styled(text, style)), row);
            self.y += 1;
        }
    }
}

/// The latest call large: its ticket, then its desk, as room allows (the list under it keeps
/// 4 rows); else on one line, reversed.
fn last_call(frame: &mut Frame, rows: &mut Rows, last: &Call, tr: &Tr) {
    let area = rows.area;
    let strong = Style::default().add_modifier(Modifier::BOLD);
    let left = area.height.saturating_sub(rows.y - area.y);
    let label = last.label();
    let fits_width = |text: &str| text.chars().count() as u16 * GLYPH + 2 <= area.width;
    if left >= 8 + 4 + 6 && fits_width(&label) && fits_width(&last.desk) {
        let at = |y: u16, h: u16| Rect {
            x: area.x + 1,
            y,
            width: area.width - 1,
            height: h,
        };
        big(frame, at(rows.y, 8), &label, PixelSize::Full, strong);
        rows.y += 9;
        big(
            frame,
            at(rows.y, 4),
            &last.desk,
            PixelSize::HalfHeight,
            strong,
        );
        rows.y += 5;
    } else {
        rows.line(
            frame,
            format!(
                " {}",
                tr.text_with(
                    "display-calls",
                    &[("ticket", label.into()), ("desk", last.desk.clone().into())],
                )
            ),
            strong.add_modifier(Modifier::REVERSED),
        );
        rows.y += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::queue::State;
    use crate::testing::{demo_config, monday_morning};

    fn entry(number: u32, called: Option<(&str, i64, u32)>) -> Entry {
        let now = monday_morning();
        Entry {
            day: now.date(),
            number,
            appointment: None,
            motif: "demarche".into(),
            first_name: Some("Marie".into()),
            locale: "fr".into(),
            arrived: now - chrono::Duration::minutes(30),
            state: if called.is_some() {
                State::Called
            } else {
                State::Waiting
            },
            called_at: called.map(|(_, minutes, _)| now - chrono::Duration::minutes(minutes)),
            called_by: called.map(|(who, _, _)| who.to_string()),
            desk: called.and_then(|(who, _, _)| (who == "camille").then(|| "Bureau 1".into())),
            calls: called.map_or(0, |(_, _, n)| n),
            closed_at: None,
        }
    }

    #[test]
    fn the_board_shows_the_last_calls_first_with_their_desk_and_says_only_new_ones() {
        let config = demo_config();
        let tr = config.i18n.tr("fr");
        let now = monday_morning();
        let before = Board::of(
            &[
                entry(1, Some(("camille", 10, 1))),
                entry(2, None),
                entry(3, None),
            ],
            &config.agenda,
            &tr,
            now,
        );
        assert_eq!(before.waiting, 2);
        let after = Board::of(
            &[
                entry(1, Some(("camille", 0, 2))),
                entry(2, Some(("karim", 1, 1))),
                entry(3, None),
            ],
            &config.agenda,
            &tr,
            now,
        );
        let shown: Vec<(String, String)> = after
            .calls
            .iter()
            .map(|c| (c.label(), c.desk.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                ("A-001".to_string(), "Bureau 1".to_string()),
                ("A-002".to_string(), "Bureau de Karim".to_string())
            ]
        );
        let new: Vec<String> = after
            .new_since(&before)
            .iter()
            .map(|c| said(c, &tr))
            .collect();
        assert_eq!(
            new,
            [
                "Le ticket A, 0, 0, 2 est attendu au Bureau de Karim.",
                "Le ticket A, 0, 0, 1 est attendu au Bureau 1."
            ]
        );
        assert!(after.new_since(&after).is_empty());
    }

    #[test]
    fn the_screen_shows_no_name() {
        let config = demo_config();
        let tr = config.i18n.tr("fr");
        let now = monday_morning();
        let board = Board::of(
            &[entry(1, Some(("camille", 0, 1))), entry(2, None)],
            &config.agenda,
            &tr,
            now,
        );
        for (w, h) in [(80, 24), (40, 12)] {
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|f| render(f, &board, &tr, "Mairie de Gap"))
                .unwrap();
            let text = crate::ui::text::screen_of(terminal.backend().buffer());
            assert!(text.contains("A-001 → Bureau 1"), "{text}");
            assert!(text.contains("1 personne attend."), "{text}");
            assert!(!text.contains("Marie"), "{text}");
        }
    }
}

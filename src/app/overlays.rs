//! Boxes over the screen: the idle countdown, the staff PIN prompt, "Revenir à l'accueil ?".
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::{Leaving, PinNotice, PinPrompt};
use crate::ui::View;
use crate::ui::choices::{Choice, MARKER, NO_MARKER};
use crate::ui::lines::Lines;
use crate::ui::text::wrap;

/// A line of the box, and the column of the cursor when it belongs there.
struct BoxLine {
    line: Line<'static>,
    cursor: Option<u16>,
}

fn text_lines(text: &str, width: u16, view: &View) -> Vec<BoxLine> {
    wrap(text, width as usize)
        .into_iter()
        .map(|l| BoxLine {
            line: Line::styled(l, view.theme.overlay.style()),
            cursor: None,
        })
        .collect()
}

const MAX_WIDTH: u16 = 64;

fn inner_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).clamp(1, MAX_WIDTH - 4)
}

/// A box drawn over the screen: its title, where its text is, and the cursor in it.
pub(crate) struct Shown {
    pub title: String,
    pub text: Rect,
    pub cursor: Option<Position>,
}

fn render_box(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<BoxLine>,
    view: &View,
) -> Shown {
    let inner_w = inner_width(area);
    let width = (inner_w + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    // For a screen reader the box takes the whole screen: no line mixes it with what is
    // under it.
    let rect = if view.linear {
        area
    } else {
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    };
    // For a screen reader, no box-drawing characters: the title is the box's first line.
    let borders = if view.linear {
        Borders::NONE
    } else {
        Borders::ALL
    };
    let block = Block::default()
        .borders(borders)
        .title(Span::styled(
            format!(" {title} "),
            view.theme.overlay_title.style(),
        ))
        .style(view.theme.overlay.style());
    let inner = block.inner(rect);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let cursor = lines.iter().enumerate().find_map(|(row, l)| {
        l.cursor
            .map(|col| Position::new(inner.x + col, inner.y + row as u16))
    });
    let text: Vec<Line> = lines.into_iter().map(|l| l.line).collect();
    frame.render_widget(Lines::new(text), inner);
    // The cursor goes to the first line by default, so a screen reader reads the box.
    Shown {
        title,
        text: inner,
        cursor: cursor
            .or(Some(Position::new(inner.x, inner.y)))
            .filter(|p| inner.contains(*p)),
    }
}

pub(crate) fn idle(frame: &mut Frame, area: Rect, seconds: i64, view: &View) -> Shown {
    let w = inner_width(area);
    let mut lines = text_lines(&view.tr.text("idle-press-a-key"), w, view);
    lines.push(BoxLine {
        line: Line::default(),
        cursor: None,
    });
    lines.extend(text_lines(
        &view
            .tr
            .text_with("idle-countdown", &[("seconds", seconds.into())]),
        w,
        view,
    ));
    render_box(frame, area, view.tr.text("idle-title"), lines, view)
}

/// "Un instant…": an answer is on its way (the database is slow or busy).
pub(crate) fn waiting(frame: &mut Frame, area: Rect, view: &View) -> Shown {
    let w = inner_width(area);
    let lines = text_lines(&view.tr.text("waiting-text"), w, view);
    render_box(frame, area, view.tr.text("waiting-title"), lines, view)
}

pub(crate) fn confirm_leaving(
    frame: &mut Frame,
    area: Rect,
    leaving: Leaving,
    yes: bool,
    view: &View,
) -> Shown {
    let (title, text, yes_id) = leaving.messages();
    let w = inner_width(area);
    let mut lines = text_lines(&view.tr.text(text), w, view);
    lines.push(BoxLine {
        line: Line::default(),
        cursor: None,
    });
    let choices = [view.tr.text(yes_id), view.tr.text("home-confirm-no")];
    lines.extend(numbered(&choices, if yes { 0 } else { 1 }, view));
    render_box(frame, area, view.tr.text(title), lines, view)
}

/// Choices numbered from 1, the focused one marked and holding the cursor.
fn numbered(labels: &[String], focused: usize, view: &View) -> Vec<BoxLine> {
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let choice = Choice::numbered(i + 1, label.clone());
            let (marker, ink) = if i == focused {
                (MARKER, view.theme.focus)
            } else {
                (NO_MARKER, view.theme.overlay)
            };
            BoxLine {
                line: Line::from(vec![
                    Span::styled(marker, ink.style()),
                    Span::styled(choice.text(), ink.style()),
                ]),
                cursor: (i == focused).then_some(0),
            }
        })
        .collect()
}

pub(crate) fn pin(frame: &mut Frame, area: Rect, prompt: &PinPrompt, view: &View) -> Shown {
    let w = inner_width(area);
    if let Some(who) = &prompt.who {
        let mut lines = text_lines(&view.tr.text("pin-who"), w, view);
        lines.push(BoxLine {
            line: Line::default(),
            cursor: None,
        });
        lines.extend(numbered(&who.names, who.focused, view));
        return render_box(frame, area, view.tr.text("pin-title"), lines, view);
    }
    let mut lines = text_lines(&view.tr.text("pin-instructions"), w, view);
    lines.push(BoxLine {
        line: Line::default(),
        cursor: None,
    });
    let label = format!("{} ", view.tr.text("pin-label"));
    let typed = prompt.entered().chars().count();
    // For a screen reader, how many digits are typed in words, never a row of dots.
    let (dots, col) = if view.linear {
        let said = view
            .tr
            .text_with("pin-said-typed", &[("n", (typed as i64).into())]);
        (said, 0)
    } else {
        // The cursor at the text cursor: ← and → move it among the dots.
        let col = crate::ui::text::width(&label) + prompt.cursor();
        ("•".repeat(typed), col as u16)
    };
    lines.push(BoxLine {
        line: Line::from(vec![
            Span::styled(label, view.theme.overlay_title.style()),
            Span::styled(dots, view.theme.overlay.style()),
        ]),
        cursor: Some(col),
    });
    if prompt.checking {
        lines.push(BoxLine {
            line: Line::default(),
            cursor: None,
        });
        lines.push(BoxLine {
            line: Line::styled(view.tr.text("pin-checking"), view.theme.overlay.style()),
            cursor: None,
        });
    } else if let Some(notice) = prompt.notice {
        lines.push(BoxLine {
            line: Line::default(),
            cursor: None,
        });
        let text = pin_notice(notice, &view.tr);
        for l in wrap(&text, w as usize) {
            lines.push(BoxLine {
                line: Line::styled(l, view.theme.overlay_title.style()),
                cursor: None,
            });
        }
    }
    render_box(frame, area, view.tr.text("pin-title"), lines, view)
}

/// What the PIN box says of the last try: wrong (and how long to wait), too soon, or the
/// network out of reach.
pub(super) fn pin_notice(notice: PinNotice, tr: &crate::i18n::Tr) -> String {
    match notice {
        PinNotice::Wrong { wait_seconds: 0 } => tr.text("pin-wrong"),
        PinNotice::Wrong { wait_seconds } => tr.text_with(
            "pin-wrong-wait",
            &[("seconds", i64::from(wait_seconds).into())],
        ),
        PinNotice::Wait { seconds } => {
            tr.text_with("pin-wait", &[("seconds", i64::from(seconds).into())])
        }
        PinNotice::Unreachable => tr.text("pin-unreachable"),
    }
}

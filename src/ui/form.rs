//! Drawing a form: one row per field, box or button, the focused one marked, what is wrong
//! said under its row, the cursor after the value being typed.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::View;
use super::choices::{MARKER, NO_MARKER};
use super::lines::Lines;
use super::page::{Para, lines};
use super::text::{width, wrap};

/// One row of a form.
pub(crate) struct FormRow {
    /// The label, or the whole text of a box or a button.
    pub label: String,
    /// What is typed (a text field), shown after the label.
    pub value: Option<String>,
    /// The cursor goes after the value when the row is focused (a field one types in).
    pub typing: bool,
    /// Where the cursor goes in the value when typing, in characters (None: after it).
    pub cursor: Option<usize>,
    /// What is wrong with the row, said under it.
    pub errors: Vec<String>,
}

impl FormRow {
    pub(crate) fn field(label: String, value: String) -> FormRow {
        FormRow {
            label,
            value: Some(value),
            typing: true,
            cursor: None,
            errors: Vec::new(),
        }
    }

    /// The cursor before the value's `at`th character (a text cursor moved with ← →).
    pub(crate) fn at(self, at: usize) -> FormRow {
        FormRow {
            cursor: Some(at),
            ..self
        }
    }

    /// A box to tick or a button: no value, the cursor at the row's start.
    pub(crate) fn button(label: String) -> FormRow {
        FormRow {
            label,
            value: None,
            typing: false,
            cursor: None,
            errors: Vec::new(),
        }
    }
}

/// Paragraphs (a message, what to type) and the form's rows under them; returns where the
/// cursor goes.
pub(crate) fn render_under(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    paras: &[Para],
    rows: &[FormRow],
    focused: usize,
) -> Option<Position> {
    let text = lines(paras, area.width, view);
    let h = (text.len() as u16 + 1).min(area.height);
    frame.render_widget(Lines::new(text), Rect { height: h, ..area });
    let under = Rect {
        y: area.y + h,
        height: area.height - h,
        ..area
    };
    render(frame, under, rows, focused, view)
}

/// Draws the rows in `area`, scrolled so the focused row stays on a small screen; returns
/// where the cursor goes.
pub(crate) fn render(
    frame: &mut Frame,
    area: Rect,
    rows: &[FormRow],
    focused: usize,
    view: &View,
) -> Option<Position> {
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    // The focused row's first line and the line after its errors.
    let mut focused_block = (0, 0);
    let colon = view.tr.text("key-colon");
    for (i, row) in rows.iter().enumerate() {
        let is_focused = i == focused;
        let style = if is_focused {
            view.theme.focus.style()
        } else {
            view.theme.base.style()
        };
        // A long label wraps under itself; what is typed follows it ("Prénom : Marie"), on
        // a line of its own when the label's last line has no room for it.
        let room = (area.width as usize).saturating_sub(width(MARKER)).max(1);
        let mut pieces = wrap(&row.label, room);
        if let Some(value) = &row.value {
            let typed = format!("{colon}{value}");
            match pieces.last_mut() {
                Some(last) if width(last) + width(&typed) <= room => last.push_str(&typed),
                _ => pieces.push(typed.trim_start().to_string()),
            }
        }
        let first = lines.len() as u16;
        for (n, piece) in pieces.iter().enumerate() {
            let marker = match (n, is_focused) {
                (0, true) => MARKER,
                _ => NO_MARKER,
            };
            lines.push(Line::from(Span::styled(format!("{marker}{piece}"), style)));
        }
        if is_focused {
            let (col, row) = if row.typing {
                let last = pieces.last().map_or(0, |p| width(p));
                // The value ends the last line: the cursor stands before what follows it.
                let after = match (&row.value, row.cursor) {
                    (Some(value), Some(at)) => width(&value.chars().skip(at).collect::<String>()),
                    _ => 0,
                };
                (
                    (width(MARKER) + last.saturating_sub(after)) as u16,
                    lines.len() as u16 - 1,
                )
            } else {
                (0, first)
            };
            cursor = Some(Position::new(
                area.x + col.min(area.width.saturating_sub(1)),
                area.y + row,
            ));
        }
        for error in &row.errors {
            for l in wrap(&format!("⚠ {error}"), area.width.saturating_sub(4) as usize) {
                lines.push(Line::styled(format!("    {l}"), view.theme.notice.style()));
            }
        }
        if is_focused {
            // The focused row with what is wrong with it, and the row after it when there
            // is room, stay on the screen.
            focused_block = (first, lines.len() as u16 + 1);
        }
        if view.large {
            lines.push(Line::default());
        }
    }
    let (top, end) = focused_block;
    let scroll = end.saturating_sub(area.height).min(top);
    frame.render_widget(Lines::new(lines).scroll(scroll), area);
    cursor
        .map(|c| Position::new(c.x, c.y - scroll))
        .filter(|c| area.contains(*c))
}

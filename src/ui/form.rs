//! Drawing a form: one row per field, box or button, the focused one marked, what is wrong
//! said under its row, the cursor after the value being typed.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use super::choices::{MARKER, NO_MARKER};
use super::text::{width, wrap};

/// One row of a form.
pub struct FormRow {
    /// The label, or the whole text of a box or a button.
    pub label: String,
    /// What is typed (a text field), shown after the label.
    pub value: Option<String>,
    /// The cursor goes after the value when the row is focused (a field one types in).
    pub typing: bool,
    /// What is wrong with the row, said under it.
    pub errors: Vec<String>,
}

impl FormRow {
    pub fn field(label: String, value: String) -> FormRow {
        FormRow {
            label,
            value: Some(value),
            typing: true,
            errors: Vec::new(),
        }
    }

    /// A box to tick or a button: no value, the cursor at the row's start.
    pub fn button(label: String) -> FormRow {
        FormRow {
            label,
            value: None,
            typing: false,
            errors: Vec::new(),
        }
    }
}

/// Draws the rows in `area`, scrolled so the focused row stays on a small screen; returns
/// where the cursor goes.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    rows: &[FormRow],
    focused: usize,
    view: &View,
) -> Option<Position> {
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    let colon = view.tr.text("key-colon");
    for (i, row) in rows.iter().enumerate() {
        let is_focused = i == focused;
        let style = if is_focused {
            view.theme.focus.style()
        } else {
            view.theme.base.style()
        };
        let marker = if is_focused { MARKER } else { NO_MARKER };
        let mut text = format!("{marker}{}", row.label);
        if let Some(value) = &row.value {
            // "Prénom : Marie", "First name: Marie".
            text.push_str(&colon);
            text.push_str(value);
        }
        if is_focused {
            let col = if row.typing { width(&text) as u16 } else { 0 };
            cursor = Some(Position::new(
                area.x + col.min(area.width.saturating_sub(1)),
                area.y + lines.len() as u16,
            ));
        }
        lines.push(Line::from(Span::styled(text, style)));
        for error in &row.errors {
            for l in wrap(&format!("⚠ {error}"), area.width.saturating_sub(4) as usize) {
                lines.push(Line::styled(format!("    {l}"), view.theme.notice.style()));
            }
        }
        if view.large {
            lines.push(Line::default());
        }
    }
    let cursor_row = cursor.map_or(0, |c| c.y - area.y);
    let scroll = cursor_row.saturating_sub(area.height.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
    cursor
        .map(|c| Position::new(c.x, c.y - scroll))
        .filter(|c| area.contains(*c))
}

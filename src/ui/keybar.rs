//! The bottom bar: in words, which keys do what on this screen.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::View;
use super::lines::Lines;
use super::text::width;

/// A key and what it does on a screen, both as Fluent ids.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hint {
    pub key: &'static str,
    pub does: &'static str,
}

pub(crate) const fn hint(key: &'static str, does: &'static str) -> Hint {
    Hint { key, does }
}

const GAP: &str = "   ";

/// When the keys do not fit the rows the screen gives them, these give way first, in this
/// order: the digits' hint (the numbers on the screen say it), the arrows' (the marker says
/// it), then the keys a person rarely needs at this moment. Enter, Esc, the page keys and F2
/// (large text, to undo it) stay said the longest.
const GIVE_WAY: [&str; 9] = [
    "key-digits",
    "key-arrows",
    "key-left-right",
    "key-f3",
    "key-f5",
    "key-f12",
    "key-f4",
    "key-home",
    "key-f2",
];

fn units(hints: &[Hint], view: &View) -> Vec<(String, String)> {
    hints
        .iter()
        .map(|h| (view.tr.text(h.key), view.tr.text(h.does)))
        .collect()
}

/// Between a key and what it does, as the language writes it: "Entrée : ", "Enter: ".
fn colon(view: &View) -> String {
    view.tr.text("key-colon")
}

/// The keys in rows of `max` columns, at most `max_rows`: the hints of `GIVE_WAY` leave one
/// by one until the rest fit; what still does not fit is cut at the end.
fn packed(hints: &[Hint], view: &View, max: usize, max_rows: usize) -> Vec<Vec<(String, String)>> {
    let colon = colon(view);
    let mut kept: Vec<Hint> = hints.to_vec();
    let mut rows = rows_of(units(&kept, view), &colon, max);
    for key in GIVE_WAY {
        if rows.len() <= max_rows {
            return rows;
        }
        if kept.iter().any(|h| h.key == key) {
            kept.retain(|h| h.key != key);
            rows = rows_of(units(&kept, view), &colon, max);
        }
    }
    rows.truncate(max_rows.max(1));
    rows
}

fn rows_of(units: Vec<(String, String)>, colon: &str, max: usize) -> Vec<Vec<(String, String)>> {
    let mut rows: Vec<Vec<(String, String)>> = Vec::new();
    let mut used = 0;
    for unit in units {
        let w = width(&unit.0) + width(colon) + width(&unit.1);
        match rows.last_mut() {
            Some(row) if used + GAP.len() + w <= max => {
                used += GAP.len() + w;
                row.push(unit);
            }
            _ => {
                used = w;
                rows.push(vec![unit]);
            }
        }
    }
    rows
}

/// Rows the key bar takes at this width, at most `max_rows`.
pub(crate) fn height(hints: &[Hint], view: &View, max: u16, max_rows: u16) -> u16 {
    packed(hints, view, max as usize, max_rows as usize)
        .len()
        .max(1) as u16
}

pub(crate) fn render(frame: &mut Frame, area: Rect, hints: &[Hint], view: &View, max_rows: u16) {
    let key_style = view.theme.keybar_key.style();
    let colon = colon(view);
    let lines: Vec<Line> = packed(hints, view, area.width as usize, max_rows as usize)
        .into_iter()
        .map(|row| {
            let mut spans = Vec::new();
            for (i, (key, does)) in row.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw(GAP));
                }
                spans.push(Span::styled(key, key_style));
                spans.push(Span::raw(colon.clone()));
                spans.push(Span::raw(does));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Lines::new(lines).style(view.theme.keybar.style()), area);
}

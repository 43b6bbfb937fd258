//! The bottom bar: in words, which keys do what on this screen.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use super::text::width;

/// A key and what it does on a screen, both as Fluent ids.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hint {
    pub key: &'static str,
    pub does: &'static str,
}

pub const fn hint(key: &'static str, does: &'static str) -> Hint {
    Hint { key, does }
}

const GAP: &str = "   ";
/// A narrow screen's keys take a fourth row rather than lose "Début : accueil".
const MAX_ROWS: usize = 4;

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

/// The keys in rows of `max` columns, at most `MAX_ROWS`. When they do not fit, the digits'
/// hint goes first (the numbers on the screen say it), so that Esc, Home and F2 (large text)
/// stay said on a narrow screen; then what comes last.
fn packed(hints: &[Hint], view: &View, max: usize) -> Vec<Vec<(String, String)>> {
    let colon = colon(view);
    let rows = rows_of(units(hints, view), &colon, max);
    if rows.len() <= MAX_ROWS {
        return rows;
    }
    let fewer: Vec<Hint> = hints
        .iter()
        .filter(|h| h.key != "key-digits")
        .copied()
        .collect();
    let mut rows = rows_of(units(&fewer, view), &colon, max);
    rows.truncate(MAX_ROWS);
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

pub fn height(hints: &[Hint], view: &View, max: u16) -> u16 {
    packed(hints, view, max as usize).len().max(1) as u16
}

pub fn render(frame: &mut Frame, area: Rect, hints: &[Hint], view: &View) {
    let key_style = view.theme.keybar_key.style();
    let colon = colon(view);
    let lines: Vec<Line> = packed(hints, view, area.width as usize)
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
    frame.render_widget(Paragraph::new(lines).style(view.theme.keybar.style()), area);
}

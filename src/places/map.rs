//! The small map beside the list of lieux: the marks the list gives it (the lieux of the
//! list's page by their numbers, the commune searched as "×", the focused lieu marked "[3]"),
//! and a legend under it. Numbers never touch: "1" beside "0" would read "10".
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use crate::ui::View;
use crate::ui::lines::Lines;
use crate::ui::text::{width, wrap};

/// A mark on the map: where it is (longitude, latitude), what it says, and whether it is
/// the focused lieu.
pub(crate) struct Mark {
    pub(crate) lon: f64,
    pub(crate) lat: f64,
    pub(crate) label: String,
    pub(crate) focused: bool,
}

/// The map of `marks` around `commune` (named in the legend) in `area`: its frame always, the
/// marks and the legend when there is room for them.
pub fn draw(marks: &[Mark], commune: &str, frame: &mut Frame, area: Rect, view: &View) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(" {} ", view.tr.text("lieux-map")),
            view.theme.heading.style(),
        ))
        .style(view.theme.base.style());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let legend: Vec<String> = [
        view.tr
            .text_with("lieux-map-you", &[("commune", commune.to_string().into())]),
        view.tr.text("lieux-map-numbers"),
    ]
    .iter()
    .flat_map(|line| wrap(line, inner.width as usize))
    .collect();
    let legend_h = legend.len() as u16;
    if marks.is_empty() || inner.height <= legend_h + 2 || inner.width < 4 {
        return;
    }
    let plot = Rect {
        height: inner.height - legend_h - 1,
        ..inner
    };
    frame.render_widget(
        Lines::new(legend.join("\n")).style(view.theme.base.style()),
        Rect {
            y: plot.bottom() + 1,
            height: legend_h,
            ..inner
        },
    );
    draw_marks(marks, frame, plot, view);
}

/// The marks in the plot, their labels placed apart; the focused lieu last, over anything near
/// it.
fn draw_marks(marks: &[Mark], frame: &mut Frame, plot: Rect, view: &View) {
    let cells = project(marks, plot.width, plot.height);
    let widths: Vec<u16> = marks.iter().map(|m| width(&m.label) as u16).collect();
    let placed = place_labels(&cells, &widths, plot.width, plot.height);
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|i| marks[*i].focused);
    for i in order {
        let (x, y) = placed[i];
        let style = if marks[i].focused {
            view.theme.focus.style()
        } else {
            view.theme.base.style()
        };
        frame
            .buffer_mut()
            .set_string(plot.x + x, plot.y + y, &marks[i].label, style);
    }
}

/// Each mark's cell in a plot of `w`×`h` cells, north up, with a margin so no mark sits on
/// the border.
fn project(marks: &[Mark], w: u16, h: u16) -> Vec<(u16, u16)> {
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for m in marks {
        x0 = x0.min(m.lon);
        x1 = x1.max(m.lon);
        y0 = y0.min(m.lat);
        y1 = y1.max(m.lat);
    }
    let pad = 0.02_f64.max((x1 - x0).max(y1 - y0) * 0.1);
    let (x0, x1, y0, y1) = (x0 - pad, x1 + pad, y0 - pad, y1 + pad);
    marks
        .iter()
        .map(|m| {
            let x = (m.lon - x0) / (x1 - x0) * f64::from(w.saturating_sub(1));
            let y = (y1 - m.lat) / (y1 - y0) * f64::from(h.saturating_sub(1));
            (x.round() as u16, y.round() as u16)
        })
        .collect()
}

/// Where each label is written: at its cell, or the nearest free place, so that two labels
/// never touch (a blank cell between them on a row). Labels are placed in order; one that
/// finds no free place keeps its cell.
pub fn place_labels(cells: &[(u16, u16)], widths: &[u16], w: u16, h: u16) -> Vec<(u16, u16)> {
    // Taken cells, with the blank kept on each side of a label.
    let mut taken = vec![false; usize::from(w) * usize::from(h)];
    let mut placed = Vec::with_capacity(cells.len());
    for (&(cx, cy), &lw) in cells.iter().zip(widths) {
        let fits = |x: i32, y: i32, taken: &[bool]| -> bool {
            if x < 0 || y < 0 || x + i32::from(lw) > i32::from(w) || y >= i32::from(h) {
                return false;
            }
            (x - 1..=x + i32::from(lw))
                .all(|cx| cx < 0 || cx >= i32::from(w) || !taken[(y * i32::from(w) + cx) as usize])
        };
        let (cx, cy) = (i32::from(cx.min(w.saturating_sub(lw))), i32::from(cy));
        let spot = (0..i32::from(w.max(h)))
            .flat_map(|r| ring(r).map(move |(dx, dy)| (cx + dx, cy + dy)))
            .find(|&(x, y)| fits(x, y, &taken))
            .unwrap_or((cx, cy));
        if fits(spot.0, spot.1, &taken) {
            for x in spot.0..spot.0 + i32::from(lw) {
                taken[(spot.1 * i32::from(w) + x) as usize] = true;
            }
        }
        placed.push((spot.0.max(0) as u16, spot.1.max(0) as u16));
    }
    placed
}

/// The offsets at distance `r` (in the max norm), nearest rows first.
fn ring(r: i32) -> impl Iterator<Item = (i32, i32)> {
    let mut offsets: Vec<(i32, i32)> = (-r..=r)
        .flat_map(|dy| (-r..=r).map(move |dx| (dx, dy)))
        .filter(|(dx, dy)| dx.abs().max(dy.abs()) == r)
        .collect();
    offsets.sort_by_key(|(dx, dy)| (dy.abs(), dx.abs()));
    offsets.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label's cells with the blank on each side, as (row, from, to).
    fn spans(placed: &[(u16, u16)], widths: &[u16]) -> Vec<(u16, u16, u16)> {
        placed
            .iter()
            .zip(widths)
            .map(|(&(x, y), &w)| (y, x, x + w))
            .collect()
    }

    #[test]
    fn labels_on_the_same_spot_are_moved_apart_and_never_touch() {
        // Ten lieux in one village and the commune's "×" on the same cell.
        let cells = vec![(10, 5); 11];
        let widths: Vec<u16> = (1..=10)
            .map(|n: u16| n.to_string().len() as u16)
            .chain([1])
            .collect();
        let placed = place_labels(&cells, &widths, 30, 12);
        let spans = spans(&placed, &widths);
        for (i, a) in spans.iter().enumerate() {
            assert!(a.2 <= 30 && a.0 < 12, "{a:?} is off the map");
            for b in &spans[i + 1..] {
                let apart = a.0 != b.0 || a.2 < b.1 || b.2 < a.1;
                assert!(apart, "{a:?} and {b:?} touch: {spans:?}");
            }
        }
        // The first keeps its place.
        assert_eq!(placed[0], (10, 5));
    }

    #[test]
    fn a_label_stays_where_it_is_when_nothing_is_near() {
        let placed = place_labels(&[(2, 2), (20, 8)], &[1, 2], 30, 12);
        assert_eq!(placed, vec![(2, 2), (20, 8)]);
    }
}

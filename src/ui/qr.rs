//! QR codes drawn with half blocks (`▀`, `▄`, `█`, all in the console fonts' CP437 set): two
//! modules per character cell, dark modules on a light background, with a quiet zone.
use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::View;
use super::lines::Lines;

/// The quiet zone around the code, in modules: the 4 the QR standard (ISO/IEC 18004) asks for.
const QUIET: usize = 4;

/// How many encoded codes are kept: a screen shows three payloads at most.
const KEPT: usize = 4;

/// The code's rows of text, or `None` when the payload is too long for a QR code. A code is
/// encoded once: frames that show it again take it from here.
pub fn rows(payload: &str) -> Option<Vec<String>> {
    thread_local! {
        static ENCODED: std::cell::RefCell<Vec<(String, Option<Vec<String>>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    ENCODED.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some((_, rows)) = kept.iter().find(|(p, _)| p == payload) {
            return rows.clone();
        }
        let rows = encode(payload);
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((payload.to_string(), rows.clone()));
        rows
    })
}

fn encode(payload: &str) -> Option<Vec<String>> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::L).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let dark = |x: isize, y: isize| {
        x >= 0
            && y >= 0
            && (x as usize) < n
            && (y as usize) < n
            && colors[y as usize * n + x as usize] == Module::Dark
    };
    let side = (n + 2 * QUIET) as isize;
    let q = QUIET as isize;
    let mut out = Vec::new();
    let mut y = 0;
    while y < side {
        let mut row = String::new();
        for x in 0..side {
            let top = dark(x - q, y - q);
            let bottom = y + 1 < side && dark(x - q, y + 1 - q);
            row.push(match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push(row);
        y += 2;
    }
    Some(out)
}

/// The size the code needs: (columns, rows).
pub fn size(payload: &str) -> Option<(u16, u16)> {
    rows(payload).map(|r| (r[0].chars().count() as u16, r.len() as u16))
}

/// Draws the code at the top left of the area in black on white; false if it does not fit.
pub fn render(frame: &mut Frame, area: Rect, payload: &str) -> bool {
    let Some(rows) = rows(payload) else {
        return false;
    };
    let (w, h) = (rows[0].chars().count() as u16, rows.len() as u16);
    if w > area.width || h > area.height {
        return false;
    }
    // Explicit black on white whatever the theme: phones read dark modules on light.
    let style = Style::default().fg(Color::Black).bg(Color::White);
    let lines: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
    frame.render_widget(
        Lines::new(lines),
        Rect {
            width: w,
            height: h,
            ..area
        },
    );
    true
}

/// The first payload whose code fits a screen of `(columns, rows)` with a line of words under
/// it.
fn fitting(payloads: &[String], (columns, rows): (u16, u16)) -> Option<(&String, u16, u16)> {
    payloads.iter().find_map(|p| {
        let (w, h) = size(p)?;
        (w <= columns && h < rows).then_some((p, w, h))
    })
}

/// Whether a code can be shown on this screen: drawn, or said in words to a screen reader.
/// A kiosk does not offer a code it cannot show.
pub fn can_show(payloads: &[String], screen: (u16, u16), linear: bool) -> bool {
    linear || fitting(payloads, screen).is_some()
}

/// A full-screen QR code with one line of words under it: the first payload that fits. For a
/// screen reader, `words` instead: what the person needs, in sentences.
pub fn full_screen(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    payloads: &[String],
    words: &[String],
) -> Option<Position> {
    if view.linear {
        return in_words(frame, area, view, words);
    }
    let (drawn, h) = match fitting(payloads, (area.width, area.height)) {
        Some((payload, w, h)) => {
            let x = area.x + (area.width - w) / 2;
            let rect = Rect {
                x,
                width: w,
                height: h,
                ..area
            };
            (render(frame, rect, payload), h)
        }
        None => (false, 0),
    };
    let text = if drawn {
        view.tr.text("qr-scan")
    } else {
        view.tr.text("qr-too-small")
    };
    let line = Rect {
        y: area.y + h,
        height: 1,
        ..area
    };
    frame.render_widget(Lines::new(text).style(view.theme.heading.style()), line);
    Some(Position::new(line.x, line.y))
}

/// What the code's screen says: "scan this code", or for a screen reader the words that
/// stand for it; then how to go back.
pub fn speech(view: &View, words: &[String]) -> Vec<String> {
    if !view.linear {
        return vec![view.tr.text("qr-scan")];
    }
    let mut said = vec![view.tr.text("qr-in-words")];
    said.extend(words.iter().cloned());
    said.push(view.tr.text("qr-go-back"));
    said
}

/// For a screen reader: in words what the code would give, one sentence a line, wrapped.
fn in_words(frame: &mut Frame, area: Rect, view: &View, words: &[String]) -> Option<Position> {
    let width = area.width as usize;
    let mut lines = vec![Line::styled(
        view.tr.text("qr-in-words"),
        view.theme.heading.style(),
    )];
    for sentence in words {
        lines.extend(
            super::text::wrap(sentence, width)
                .into_iter()
                .map(|l| Line::styled(l, view.theme.base.style())),
        );
    }
    lines.push(Line::styled(
        view.tr.text("qr-go-back"),
        view.theme.heading.style(),
    ));
    frame.render_widget(Lines::new(lines), area);
    Some(Position::new(area.x, area.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_code_an_80_by_24_screen_holds_leaves_a_line_of_text() {
        // 106 bytes: the most a version 5 code holds (37 modules, 45 with the quiet zone).
        let payload = "x".repeat(106);
        let (w, h) = size(&payload).unwrap();
        assert!(w <= 80 && h <= 23, "{w}×{h}");
        assert!(fitting(&[payload], (80, 24)).is_some());
        let (_, h) = size(&"x".repeat(107)).unwrap();
        assert!(h > 23, "a byte more needs version 6: {h} rows");
    }

    #[test]
    fn the_quiet_zone_is_the_four_modules_the_standard_asks_for() {
        let rows = rows("BEGIN:VEVENT\nSUMMARY:Atelier\nEND:VEVENT").unwrap();
        // Two modules a row: four modules are two blank rows, top and bottom.
        let blank = |r: &String| r.trim().is_empty();
        assert!(blank(&rows[0]) && blank(&rows[1]), "{rows:#?}");
        assert!(!blank(&rows[2]), "{rows:#?}");
        assert!(blank(&rows[rows.len() - 1]) && blank(&rows[rows.len() - 2]));
        // And four columns either side.
        assert!(
            rows.iter()
                .all(|r| r.starts_with("    ") && r.ends_with("    "))
        );
        assert!(
            rows[2..rows.len() - 2]
                .iter()
                .any(|r| !r[..].chars().nth(4).unwrap().eq(&' '))
        );
    }
}

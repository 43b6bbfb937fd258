//! Lines of text drawn as they are: the kiosk wraps its text itself (`text::wrap`, so a
//! layout knows its height before drawing), and every screen then draws lines cut at the
//! area's edges. This is what ratatui's `Paragraph` without wrapping draws, cell for cell
//! (a test below holds them equal), for a third of its work: `Paragraph` styles its area
//! twice looking each cell up by its position, and gathers each line's graphemes through
//! nested iterators before writing them. On a kiosk ten times slower than a development
//! machine, that was a tenth of the processor time before the first frame.
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

/// Lines drawn from the area's top left, each cut where the next character would pass the
/// area's right edge; the lines past its bottom are left out. `style` is the whole area's
/// (the lines' own styles are patched over it).
#[derive(Debug, Clone, Default)]
pub struct Lines<'a> {
    text: Text<'a>,
    style: Style,
    /// Lines skipped from the top (a form scrolled to its focused row).
    scroll: u16,
}

impl<'a> Lines<'a> {
    pub fn new(text: impl Into<Text<'a>>) -> Lines<'a> {
        Lines {
            text: text.into(),
            ..Lines::default()
        }
    }

    pub fn style(self, style: impl Into<Style>) -> Lines<'a> {
        Lines {
            style: style.into(),
            ..self
        }
    }

    pub fn scroll(self, lines: u16) -> Lines<'a> {
        Lines {
            scroll: lines,
            ..self
        }
    }
}

impl Widget for Lines<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        for y in area.top()..area.bottom() {
            for cell in row(buf, area, y) {
                cell.set_style(self.style);
            }
        }
        let lines = self.text.lines.iter().skip(usize::from(self.scroll));
        for (line, y) in lines.zip(area.top()..area.bottom()) {
            let line_style = self.text.style.patch(line.style);
            let cells = row(buf, area, y);
            let mut x = 0;
            'line: for span in &line.spans {
                let style = line_style.patch(span.style);
                for symbol in graphemes(&span.content) {
                    let width = usize::from(symbol.cell_width());
                    // As `Paragraph`: a character wider than the whole area is left out,
                    // one that would pass its edge ends the line.
                    if width > cells.len() {
                        continue;
                    }
                    if x + width > cells.len() {
                        break 'line;
                    }
                    if width > 0 {
                        cells[x].set_symbol(symbol).set_style(style);
                        x += width;
                    }
                }
            }
        }
    }
}

/// The cells of row `y` within `area`.
fn row(buf: &mut Buffer, area: Rect, y: u16) -> &mut [ratatui::buffer::Cell] {
    let start = buf.index_of(area.x, y);
    &mut buf.content[start..start + usize::from(area.width)]
}

/// The characters as a person sees them (a letter and its accents are one), without
/// control characters; plain ASCII, most of the kiosk's text, is one character a byte.
fn graphemes(text: &str) -> impl Iterator<Item = &str> {
    let ascii = text.is_ascii();
    let (bytes, clusters) = if ascii {
        (Some((0..text.len()).map(|i| &text[i..i + 1])), None)
    } else {
        (None, Some(text.graphemes(true)))
    };
    bytes
        .into_iter()
        .flatten()
        .chain(clusters.into_iter().flatten())
        .filter(|g| !g.contains(char::is_control))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Paragraph;

    /// Text of every kind the kiosk draws, and what ratatui's own tests of `Paragraph` try:
    /// accents, a letter with a combining accent, wide characters (one wider than a narrow
    /// area), an emoji with its modifier, control characters, tabs, styles on the text, the
    /// line and the span, lines longer than the area, more lines than it has rows.
    fn texts() -> Vec<Text<'static>> {
        vec![
            Text::from("Bienvenue"),
            Text::from(vec![
                Line::from("Prendre rendez-vous avec un conseiller numérique, près de chez moi"),
                Line::default(),
                Line::from(vec![
                    Span::styled("▶ 1  ", Style::new().add_modifier(Modifier::REVERSED)),
                    Span::raw("Démarches en ligne"),
                ])
                .style(Style::new().fg(Color::Yellow)),
                Line::from("Мова · Língua · 日本語の文字 · 👍🏽 · e\u{301}cole"),
                Line::from("tab\there, bell\u{7}, line\r\nend"),
                Line::styled("F2 : texte en grand", Style::new().bold().on_blue()),
                Line::from("une ligne"),
                Line::from("une autre"),
            ]),
            Text::from("日本語").style(Style::new().italic()),
            Text::from("日a"),
            Text::from(vec![Line::from(""), Line::from("   ")]),
        ]
    }

    fn drawn(widget: impl Widget, area: Rect) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 6));
        // Something drawn before, as under the kiosk's frame.
        buf.set_style(buf.area, Style::new().fg(Color::White).bg(Color::Black));
        buf.set_string(0, 0, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", Style::new());
        widget.render(area, &mut buf);
        buf
    }

    #[test]
    fn lines_are_drawn_as_ratatuis_paragraph_draws_them_cell_for_cell() {
        let areas = [
            Rect::new(0, 0, 30, 6),
            Rect::new(2, 1, 11, 3),
            Rect::new(5, 2, 1, 4),
            Rect::new(4, 5, 40, 9),
            Rect::new(3, 3, 0, 2),
        ];
        let styles = [Style::new(), Style::new().fg(Color::Cyan).bg(Color::Black)];
        for text in texts() {
            for area in areas {
                for style in styles {
                    for scroll in [0, 1, 3] {
                        let ours =
                            drawn(Lines::new(text.clone()).style(style).scroll(scroll), area);
                        let theirs = drawn(
                            Paragraph::new(text.clone())
                                .style(style)
                                .scroll((scroll, 0)),
                            area,
                        );
                        assert_eq!(ours, theirs, "{text:?} in {area:?}, {style:?}, {scroll}");
                    }
                }
            }
        }
    }
}

//! Word wrapping measured in terminal cells, so layouts know their height before drawing.
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a drawn row reads, from one side of `area` to the other.
pub fn row_of(buffer: &Buffer, y: u16, area: Rect) -> String {
    (area.x..area.right())
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// The whole drawn screen as text, a line a row: what a person (or a test) reads.
pub fn screen_of(buffer: &Buffer) -> String {
    (buffer.area.y..buffer.area.bottom())
        .map(|y| row_of(buffer, y, buffer.area))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps on ordinary spaces (a no-break space keeps its words together); a word wider than
/// the line is cut. Explicit newlines are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph
            .split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
        {
            for piece in split_long(word, max) {
                let needed = if line.is_empty() {
                    width(&piece)
                } else {
                    width(&line) + 1 + width(&piece)
                };
                if needed > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&piece);
            }
        }
        lines.push(line);
    }
    lines
}

fn split_long(word: &str, max: usize) -> Vec<String> {
    if width(word) <= max {
        return vec![word.to_string()];
    }
    let mut pieces = vec![String::new()];
    for c in word.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        let last = pieces.last_mut().expect("one piece");
        if width(last) + w > max && !last.is_empty() {
            pieces.push(String::new());
        }
        pieces.last_mut().expect("one piece").push(c);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_cuts_long_ones() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("é à", 1), vec!["é", "à"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(
            wrap("tel 06\u{a0}••\u{a0}78", 8),
            vec!["tel", "06\u{a0}••\u{a0}78"]
        );
    }
}

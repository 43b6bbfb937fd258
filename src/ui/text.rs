//! Word wrapping measured in terminal cells, so layouts know their height before drawing.
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a drawn row reads, from one side of `area` to the other.
pub(crate) fn row_of(buffer: &Buffer, y: u16, area: Rect) -> String {
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

pub(crate) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps on ordinary spaces (a no-break space keeps its words together); a word wider than
/// the line is cut. Explicit newlines are kept.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in kept_together(paragraph, max) {
            for piece in split_long(&word, max) {
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

/// The words of a paragraph, a number kept with the word before it and with its unit after
/// it: never a line break inside "04 92 53 24 24", "9 h 00", "salle 2", "à 8 757 km" (unless
/// the whole does not fit on a line).
fn kept_together(paragraph: &str, max: usize) -> Vec<String> {
    let is_number = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let is_unit = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ';', ')']);
        ["h", "km", "m", "min", "€", "%", "ans", "years", "km/h"].contains(&w)
    };
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut after_number = false;
    for word in paragraph
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        let glued = is_number(word) || (after_number && is_unit(word));
        match groups.last_mut() {
            Some(group) if glued => group.push(word),
            _ => groups.push(vec![word]),
        }
        after_number = is_number(word) || (after_number && is_unit(word));
    }
    groups
        .into_iter()
        .flat_map(|group| {
            let whole = group.join(" ");
            if width(&whole) <= max {
                vec![whole]
            } else {
                group.into_iter().map(str::to_string).collect()
            }
        })
        .collect()
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
    fn a_number_stays_with_the_word_before_and_its_unit() {
        let lines = wrap("Appelez le 04 92 53 24 24 pour changer", 20);
        assert!(
            lines.contains(&"le 04 92 53 24 24".to_string()),
            "{lines:?}"
        );
        let lines = wrap("Mardi 3 mars à 9 h 00, salle 2.", 12);
        assert!(lines.iter().any(|l| l.ends_with("à 9 h 00,")), "{lines:?}");
        assert!(lines.iter().any(|l| l == "salle 2."), "{lines:?}");
        let lines = wrap("Le plus proche est à 8\u{a0}757 km de chez vous", 14);
        assert!(
            lines.iter().any(|l| l.ends_with("à 8\u{a0}757 km")),
            "{lines:?}"
        );
        // What cannot fit on one line still wraps.
        assert_eq!(wrap("01 02 03 04 05", 8), vec!["01 02 03", "04 05"]);
    }

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

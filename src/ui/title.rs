//! Screen titles: in big glyphs in large-text mode when they fit, else one bold line.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

use super::View;
use super::lines::Lines;

/// Each big glyph is 8×8 cells (`PixelSize::Full` uses only `█`, safe on console fonts).
const GLYPH: u16 = 8;
/// Below this terminal height the big title would crowd out the choices.
const MIN_HEIGHT_FOR_BIG: u16 = 30;

/// The big-glyph font has no œ and no typographic apostrophe.
pub(crate) fn normalise_for_big(text: &str) -> String {
    text.replace('œ', "oe")
        .replace('Œ', "OE")
        .replace(['’', '‘'], "'")
}

fn big_fits(text: &str, width: u16, screen_height: u16) -> bool {
    let text = normalise_for_big(text);
    let chars = text.chars().count() as u16;
    chars.saturating_mul(GLYPH) <= width
        && screen_height >= MIN_HEIGHT_FOR_BIG
        && text.chars().all(has_big_glyph)
}

/// The big font draws Latin letters (ASCII and Latin-1, so French and Portuguese); a title
/// in Cyrillic stays in normal letters rather than turn into blank boxes.
fn has_big_glyph(c: char) -> bool {
    c.is_ascii() || ('\u{a0}'..='\u{ff}').contains(&c)
}

/// Whether the title is drawn in big letters: large text, room for it, letters the big font
/// has, and not for a screen reader (block letters read as noise).
fn big(text: &str, view: &View, width: u16, screen_height: u16) -> bool {
    view.large && !view.linear && big_fits(text, width, screen_height)
}

/// Rows the title takes, with the blank row under it.
pub(crate) fn height(text: &str, view: &View, width: u16, screen_height: u16) -> u16 {
    if big(text, view, width, screen_height) {
        GLYPH + 1
    } else {
        2
    }
}

pub(crate) fn render(frame: &mut Frame, area: Rect, text: &str, view: &View) {
    let style = view.theme.title.style();
    if area.height > GLYPH && view.large && !view.linear && text_has_big_glyphs(text) {
        let big = BigText::builder()
            .pixel_size(PixelSize::Full)
            .style(style)
            .lines(vec![Line::from(normalise_for_big(text))])
            .build();
        frame.render_widget(big, area);
    } else {
        frame.render_widget(Lines::new(Line::styled(text.to_string(), style)), area);
    }
}

fn text_has_big_glyphs(text: &str) -> bool {
    normalise_for_big(text).chars().all(has_big_glyph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_what_the_big_font_lacks() {
        assert_eq!(normalise_for_big("Vœux d’été"), "Voeux d'été");
    }

    #[test]
    fn big_titles_need_width_and_height() {
        assert!(big_fits("Bienvenue", 80, 30));
        assert!(!big_fits("Bienvenue", 60, 30));
        // At 80×24 nine rows of title would leave the choices one a page.
        assert!(!big_fits("Bienvenue", 120, 24));
        assert!(!big_fits("Вітаємо", 80, 30), "no Cyrillic in the big font");
        assert!(big_fits("Bem-vindo à", 120, 33));
    }
}

//! Themes use only the 16 ANSI colours (the Linux console has no more). Each colour carries
//! the RGB value of the VGA console palette, so a test can check WCAG contrast ratios.
//! Focus is never shown by colour alone: the marker `▶` and reverse video carry it.
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shade {
    pub color: Color,
    pub rgb: [u8; 3],
}

const fn shade(color: Color, rgb: [u8; 3]) -> Shade {
    Shade { color, rgb }
}

// The VGA palette of the Linux console.
pub(crate) const BLACK: Shade = shade(Color::Black, [0x00, 0x00, 0x00]);
pub(crate) const BLUE: Shade = shade(Color::Blue, [0x00, 0x00, 0xAA]);
pub(crate) const CYAN: Shade = shade(Color::Cyan, [0x00, 0xAA, 0xAA]);
pub(crate) const RED: Shade = shade(Color::Red, [0xAA, 0x00, 0x00]);
pub(crate) const GRAY: Shade = shade(Color::Gray, [0xAA, 0xAA, 0xAA]);
pub(crate) const WHITE: Shade = shade(Color::White, [0xFF, 0xFF, 0xFF]);
pub(crate) const YELLOW: Shade = shade(Color::LightYellow, [0xFF, 0xFF, 0x55]);
pub(crate) const LIGHT_CYAN: Shade = shade(Color::LightCyan, [0x55, 0xFF, 0xFF]);
pub(crate) const LIGHT_GREEN: Shade = shade(Color::LightGreen, [0x55, 0xFF, 0x55]);
pub(crate) const LIGHT_RED: Shade = shade(Color::LightRed, [0xFF, 0x55, 0x55]);

/// A foreground on a background, with modifiers. `None` shades are the terminal's own
/// colours (the monochrome theme).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    pub fg: Option<Shade>,
    pub bg: Option<Shade>,
    pub modifier: Modifier,
}

const fn ink(fg: Shade, bg: Shade, modifier: Modifier) -> Ink {
    Ink {
        fg: Some(fg),
        bg: Some(bg),
        modifier,
    }
}

const fn plain(modifier: Modifier) -> Ink {
    Ink {
        fg: None,
        bg: None,
        modifier,
    }
}

impl Ink {
    pub fn style(self) -> Style {
        let mut style = Style::default().add_modifier(self.modifier);
        style = match self.fg {
            Some(s) => style.fg(s.color),
            None => style.fg(Color::Reset),
        };
        match self.bg {
            Some(s) => style.bg(s.color),
            None => style.bg(Color::Reset),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    HighContrast,
    Monochrome,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub base: Ink,
    pub header: Ink,
    pub title: Ink,
    pub heading: Ink,
    pub focus: Ink,
    pub checked: Ink,
    pub keybar: Ink,
    pub keybar_key: Ink,
    pub overlay: Ink,
    pub overlay_title: Ink,
    pub notice: Ink,
}

const B: Modifier = Modifier::BOLD;
const R: Modifier = Modifier::REVERSED;
const N: Modifier = Modifier::empty();

impl Theme {
    /// `monochrome` wins (NO_COLOR), then high contrast.
    pub fn pick(high_contrast: bool, monochrome: bool) -> Theme {
        if monochrome {
            Theme::monochrome()
        } else if high_contrast {
            Theme::high_contrast()
        } else {
            Theme::default_colours()
        }
    }

    pub fn default_colours() -> Theme {
        Theme {
            name: ThemeName::Default,
            base: ink(GRAY, BLACK, N),
            header: ink(WHITE, BLUE, B),
            title: ink(LIGHT_CYAN, BLACK, B),
            heading: ink(WHITE, BLACK, B),
            // Reverse video of the base: black on gray.
            focus: ink(BLACK, GRAY, B),
            checked: ink(LIGHT_GREEN, BLACK, B),
            keybar: ink(BLACK, CYAN, N),
            keybar_key: ink(BLACK, CYAN, B),
            overlay: ink(WHITE, BLUE, N),
            overlay_title: ink(YELLOW, BLUE, B),
            notice: ink(LIGHT_RED, BLACK, B),
        }
    }

    pub(crate) fn high_contrast() -> Theme {
        Theme {
            name: ThemeName::HighContrast,
            base: ink(WHITE, BLACK, N),
            header: ink(BLACK, WHITE, B),
            title: ink(YELLOW, BLACK, B),
            heading: ink(YELLOW, BLACK, B),
            focus: ink(BLACK, YELLOW, B),
            checked: ink(YELLOW, BLACK, B),
            keybar: ink(BLACK, WHITE, N),
            keybar_key: ink(BLACK, WHITE, B),
            overlay: ink(WHITE, BLACK, N),
            overlay_title: ink(YELLOW, BLACK, B),
            notice: ink(WHITE, RED, B),
        }
    }

    /// For NO_COLOR: the terminal's own colours, meaning carried by modifiers and markers.
    pub(crate) fn monochrome() -> Theme {
        Theme {
            name: ThemeName::Monochrome,
            base: plain(N),
            header: plain(R.union(B)),
            title: plain(B.union(Modifier::UNDERLINED)),
            heading: plain(B),
            focus: plain(R.union(B)),
            checked: plain(B),
            keybar: plain(R),
            keybar_key: plain(R.union(B)),
            overlay: plain(N),
            overlay_title: plain(B),
            notice: plain(B.union(Modifier::UNDERLINED)),
        }
    }

    #[cfg(test)]
    /// Every ink the theme draws text with.
    pub(crate) fn inks(&self) -> [(&'static str, Ink); 11] {
        [
            ("base", self.base),
            ("header", self.header),
            ("title", self.title),
            ("heading", self.heading),
            ("focus", self.focus),
            ("checked", self.checked),
            ("keybar", self.keybar),
            ("keybar_key", self.keybar_key),
            ("overlay", self.overlay),
            ("overlay_title", self.overlay_title),
            ("notice", self.notice),
        ]
    }
}

#[cfg(test)]
/// WCAG 2.x relative luminance of an sRGB colour.
pub(crate) fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

#[cfg(test)]
/// WCAG contrast ratio, from 1 to 21.
pub(crate) fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowest_ratio(theme: &Theme) -> (f64, &'static str) {
        theme
            .inks()
            .iter()
            .map(|(name, ink)| {
                let fg = ink.fg.expect("coloured theme").rgb;
                let bg = ink.bg.expect("coloured theme").rgb;
                (contrast_ratio(fg, bg), *name)
            })
            .fold((21.0, ""), |a, b| if b.0 < a.0 { b } else { a })
    }

    #[test]
    fn contrast_formula_matches_known_values() {
        assert!((contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
    }

    #[test]
    fn default_theme_meets_aa_everywhere() {
        let (ratio, ink) = lowest_ratio(&Theme::default_colours());
        assert!(ratio >= 4.5, "{ink}: {ratio:.2}");
    }

    #[test]
    fn high_contrast_theme_meets_aaa_everywhere() {
        let (ratio, ink) = lowest_ratio(&Theme::high_contrast());
        assert!(ratio >= 7.0, "{ink}: {ratio:.2}");
    }

    #[test]
    fn focus_differs_from_base_by_more_than_colour() {
        for theme in [
            Theme::default_colours(),
            Theme::high_contrast(),
            Theme::monochrome(),
        ] {
            assert!(
                theme.focus.modifier.contains(Modifier::BOLD)
                    || theme.focus.modifier.contains(Modifier::REVERSED),
                "{:?}",
                theme.name
            );
        }
    }

    #[test]
    fn monochrome_uses_no_colour() {
        for (_, ink) in Theme::monochrome().inks() {
            assert_eq!(ink.style().fg, Some(Color::Reset));
            assert_eq!(ink.style().bg, Some(Color::Reset));
        }
    }
}

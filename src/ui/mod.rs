//! Rendering: pure functions of the kiosk's state onto a ratatui frame.
pub mod choices;
pub(crate) mod form;
pub(crate) mod keybar;
pub mod lines;
pub mod page;
pub(crate) mod qr;
pub mod text;
pub mod theme;
pub(crate) mod title;

use chrono::NaiveDateTime;

use crate::config::KioskConfig;
use crate::i18n::{I18n, Tr};
pub use theme::Theme;

/// What every render function needs to know besides its own state.
pub struct View<'a> {
    pub tr: Tr<'a>,
    pub i18n: &'a I18n,
    pub theme: &'a Theme,
    /// Large text drawn by the kiosk itself: titles in block letters, choices spaced out.
    /// Only where the terminal's font did not grow (`App::large_font`) and the screen is
    /// tall enough for it.
    pub large: bool,
    /// The person's choice of large text, whoever draws it (the terminal's font or the
    /// kiosk).
    pub large_text: bool,
    pub high_contrast: bool,
    /// The language the person chose.
    pub locale: &'a str,
    /// The linear mode for screen readers: no box-drawing or block characters, one thing a
    /// line.
    pub linear: bool,
    pub kiosk: &'a KioskConfig,
    pub now: NaiveDateTime,
    /// The page of the body's text the person turned to (`page::Layout`).
    pub page: usize,
    /// The whole terminal's size, (columns, rows).
    pub screen: (u16, u16),
}

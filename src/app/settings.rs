//! The display choices a person makes at the kiosk; dropped by the idle reset.
use crate::config::{KioskConfig, ThemeChoice};

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub locale: String,
    pub large_text: bool,
    pub high_contrast: bool,
    /// The linear mode made for screen readers and braille displays.
    pub screen_reader: bool,
}

impl Settings {
    pub(crate) fn defaults(kiosk: &KioskConfig) -> Settings {
        Settings {
            locale: kiosk.default_locale.clone(),
            large_text: kiosk.large_text,
            high_contrast: kiosk.theme == ThemeChoice::HighContrast,
            screen_reader: kiosk.screen_reader,
        }
    }
}

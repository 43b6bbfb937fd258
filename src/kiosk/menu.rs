//! The welcome screen's main menu: one entry per citizen capability. Numbers are fixed so
//! signs and counsellors can say "tapez 3".
use super::config::Config;
use crate::app::screen::Screen;

pub struct MenuEntry {
    pub number: usize,
    /// Fluent id of the label.
    pub label: &'static str,
    pub open: fn(&Config) -> Box<dyn Screen>,
}

pub fn main_menu() -> Vec<MenuEntry> {
    vec![
        MenuEntry {
            number: 1,
            label: "menu-diagnostic",
            open: |config| {
                Box::new(crate::diagnostic::DiagnosticScreen::new(
                    config.diagnostic.clone(),
                    config.agenda.clone(),
                ))
            },
        },
        MenuEntry {
            number: 2,
            label: "menu-booking",
            open: |config| {
                Box::new(crate::booking::book::BookingScreen::new(
                    config.agenda.clone(),
                ))
            },
        },
        MenuEntry {
            number: 3,
            label: "menu-lieux",
            open: |_| Box::new(crate::places::screen::LieuxScreen::new()),
        },
        MenuEntry {
            number: 4,
            label: "menu-manage",
            open: |config| {
                Box::new(crate::booking::manage::ManageScreen::new(
                    config.agenda.clone(),
                ))
            },
        },
        MenuEntry {
            number: 5,
            label: "menu-workshops",
            open: |config| {
                Box::new(crate::booking::workshops::WorkshopsScreen::new(
                    config.agenda.clone(),
                ))
            },
        },
        MenuEntry {
            number: 6,
            label: "menu-here",
            open: |config| Box::new(crate::queue::here::HereScreen::new(config.agenda.clone())),
        },
    ]
}

//! The welcome screen's main menu. Each capability adds its entry here once its screens
//! really work; numbers are fixed so signs and counsellors can say "tapez 3".
use super::screen::{Ctx, Screen};

pub struct MenuEntry {
    pub number: usize,
    /// Fluent id of the label.
    pub label: &'static str,
    pub open: fn(&Ctx) -> Box<dyn Screen>,
}

pub fn main_menu() -> Vec<MenuEntry> {
    vec![
        MenuEntry {
            number: 1,
            label: "menu-diagnostic",
            open: |ctx| {
                Box::new(crate::diagnostic::DiagnosticScreen::new(
                    ctx.config.diagnostic.clone(),
                    ctx.config.agenda.clone(),
                ))
            },
        },
        MenuEntry {
            number: 2,
            label: "menu-booking",
            open: |ctx| {
                Box::new(crate::booking::book::BookingScreen::new(
                    ctx.config.agenda.clone(),
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
            open: |ctx| {
                Box::new(crate::booking::manage::ManageScreen::new(
                    ctx.config.agenda.clone(),
                ))
            },
        },
        MenuEntry {
            number: 5,
            label: "menu-workshops",
            open: |ctx| {
                Box::new(crate::booking::workshops::WorkshopsScreen::new(
                    ctx.config.agenda.clone(),
                ))
            },
        },
    ]
}

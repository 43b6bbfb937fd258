//! The composition root: the whole configuration, the welcome screen and its menu, and what
//! a PIN opens. It names the capabilities; nothing below names it.
pub(crate) mod config;
pub(crate) mod display;
pub mod menu;
pub(crate) mod routes;
pub(crate) mod welcome;
mod welcome_view;

use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::app::App;
pub use config::{Config, load, load_for_first_frame, load_rest};
use routes::KioskRoutes;

/// The kiosk's state machine on a help point's configuration.
pub fn app(config: Rc<Config>, now: NaiveDateTime) -> App {
    App::new(
        config.kiosk.clone(),
        config.i18n.clone(),
        Rc::new(KioskRoutes { config }),
        now,
    )
}

#[cfg(test)]
mod tests;

//! Helpers shared by the unit tests.
use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::kiosk::Config;

/// The demo configuration shipped in kiosk-config/ (staff PIN 2468).
pub fn demo_config() -> Rc<Config> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    Rc::new(crate::kiosk::load(&dir).unwrap_or_else(|p| panic!("{p:?}")))
}

/// Monday 2 March 2026, 10:15.
pub fn monday_morning() -> NaiveDateTime {
    crate::clock::parse_local("2026-03-02T10:15:00").unwrap()
}

//! Helpers shared by the unit tests.
use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::kiosk::Config;

/// The demo configuration shipped in kiosk-config/ (staff PIN 2468).
pub(crate) fn demo_config() -> Rc<Config> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    Rc::new(crate::kiosk::load(&dir).unwrap_or_else(|p| panic!("{p:?}")))
}

/// Monday 2 March 2026, 10:15.
pub(crate) fn monday_morning() -> NaiveDateTime {
    crate::clock::parse_local("2026-03-02T10:15:00").unwrap()
}

/// Presses keys on a screen as the kiosk would on Monday morning, with the demo
/// configuration and its default settings on an 80×24 terminal; what the screen asked for.
pub(crate) fn press(
    screen: &mut dyn crate::app::screen::Screen,
    keys: &[crate::app::key::Key],
) -> Vec<crate::app::screen::Action> {
    let config = demo_config();
    let settings = crate::app::Settings::defaults(&config.kiosk);
    let ctx = crate::app::screen::Ctx {
        kiosk: &config.kiosk,
        i18n: &config.i18n,
        settings: &settings,
        now: monday_morning(),
        screen: (80, 24),
    };
    keys.iter().map(|k| screen.handle(*k, &ctx)).collect()
}

/// The kiosk's whole frame as the person reads it on an 80×24 terminal.
pub(crate) fn shown(app: &crate::app::App, now: NaiveDateTime) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            crate::app::frame::draw(f, app, now, false);
        })
        .unwrap();
    crate::ui::text::screen_of(terminal.backend().buffer())
}

/// Marie's appointment with Camille for help with a démarche (code ABC234), 45 minutes.
pub(crate) fn appointment(starts: &str, status: crate::store::Status) -> crate::store::Appointment {
    let starts = crate::clock::parse_local(starts).unwrap();
    crate::store::Appointment {
        code: "ABC234".into(),
        what: crate::store::What::Booking {
            counsellor: "camille".into(),
            motif: "demarche".into(),
        },
        starts,
        ends: starts + chrono::Duration::minutes(45),
        status,
        person: crate::domain::person::Person {
            first_name: "Marie".into(),
            phone: Some("0612345678".into()),
            ..Default::default()
        },
        reminder: false,
        diagnostic: None,
        booked_by: crate::store::BookedBy::Kiosk,
        report: false,
        elsewhere: None,
    }
}

//! borne: a terminal kiosk for France's digital-inclusion help points.
//!
//! The core (`app`, and each capability's screens) is pure: state + message → new state +
//! effects. `ui` renders state. `shell` owns the terminal, signals and clock; `store` the
//! database; `config` and `i18n` what the help point configures and the words people read.
pub mod app;
pub mod booking;
pub mod calendar;
pub mod cli;
pub mod clock;
pub mod command;
pub mod config;
pub mod counsellor;
pub mod database_url;
pub mod diagnostic;
pub mod domain;
pub mod i18n;
pub mod kiosk;
pub mod log;
pub mod places;
pub mod problem;
pub mod psf;
pub mod queue;
pub mod shell;
pub mod staff;
pub mod store;
#[cfg(test)]
mod testing;
pub mod text_file;
pub mod ui;
pub mod vocabulary;

//! "Faire le point sur mes besoins": a few plain questions, from a questionnaire that is data
//! (`kiosk-config/diagnostic.toml`), turned into an Outcome — the needs, the kind of help, and
//! the lieu services that match.
pub mod cli;
pub mod engine;
pub mod explain;
pub mod questionnaire;
pub mod screen;
pub mod services;
mod view;

pub use questionnaire::{Choice, Questionnaire, Step};
pub use screen::DiagnosticScreen;

#[cfg(test)]
mod tests;

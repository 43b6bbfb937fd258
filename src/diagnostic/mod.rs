//! "Faire le point sur mes besoins": a few plain questions, from a questionnaire that is data
//! (`kiosk-config/diagnostic.toml`), turned into an Outcome — the needs, the kind of help, and
//! the lieu services that match.
pub(crate) mod cli;
pub(crate) mod engine;
pub(crate) mod explain;
mod next_step;
pub(crate) mod questionnaire;
pub(crate) mod screen;
pub(crate) mod services;
mod view;

pub(crate) use questionnaire::{Questionnaire, Step};
pub(crate) use screen::DiagnosticScreen;

#[cfg(test)]
mod tests;

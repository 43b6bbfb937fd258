//! Counsellor mode: the agenda, assisted sessions and their activity reports, statistics,
//! behind each counsellor's own PIN.
pub(crate) mod agenda;
pub(crate) mod cli;
pub(crate) mod export;
pub(crate) mod home;
pub(crate) mod prefill;
pub(crate) mod queue;
pub(crate) mod report_form;
pub(crate) mod shared_diagnostic;
pub mod stats;
pub(crate) mod stats_screen;
pub(crate) mod told;
pub(crate) mod workshops;

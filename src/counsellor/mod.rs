//! Counsellor mode: the agenda, assisted sessions and their activity reports, statistics,
//! behind each counsellor's own PIN.
pub mod agenda;
pub mod cli;
pub mod export;
pub mod home;
pub mod prefill;
pub mod queue;
pub mod report_form;
pub mod shared_diagnostic;
pub mod stats;
pub mod stats_screen;
pub mod told;
pub mod workshops;

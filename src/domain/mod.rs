//! The data the kiosk keeps and the store stores, with their invariants: a person and their
//! phone, a booking code, a PIN hash, an activity report, a lieu and its opening hours, the
//! communes and their index. No screen and no storage here: capabilities and the store both
//! build on it.
pub mod callback;
pub(crate) mod code;
pub mod communes;
pub(crate) mod hours;
pub mod lieu;
pub mod nearest;
pub(crate) mod outcome;
pub mod person;
pub mod pin;
pub mod queue;
pub mod report;

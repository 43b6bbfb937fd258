//! "Prendre rendez-vous", "Ateliers", "Gérer mon rendez-vous": the agenda, free slots, and
//! bookings that can never be double.
pub mod agenda;
pub mod book;
pub mod code;
pub mod form;
pub mod person;
pub mod picker;
pub mod rules;
pub mod slots;
pub mod ticket;

pub use agenda::Agenda;

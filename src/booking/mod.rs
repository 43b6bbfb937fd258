//! "Prendre rendez-vous", "Ateliers", "Gérer mon rendez-vous": the agenda, free slots, and
//! bookings that can never be double.
pub mod agenda;
pub mod code;
pub mod person;
pub mod rules;
pub mod slots;

pub use agenda::Agenda;

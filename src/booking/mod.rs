//! "Prendre rendez-vous", "Ateliers", "Gérer mon rendez-vous": the agenda, free slots, and
//! bookings that can never be double.
pub mod agenda;
pub mod slots;

pub use agenda::Agenda;

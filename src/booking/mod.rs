//! "Prendre rendez-vous", "Ateliers", "Gérer mon rendez-vous": the agenda, free slots, and
//! bookings that can never be double.
pub mod agenda;
pub mod book;
pub mod check;
pub mod checkout;
pub mod cli;
pub mod form;
pub mod manage;
pub mod message;
pub mod offline;
pub mod picker;
pub mod receipt;
pub mod rules;
pub mod slots;
pub mod ticket;
pub mod workshops;

pub use agenda::Agenda;

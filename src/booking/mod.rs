//! "Prendre rendez-vous", "Ateliers", "Gérer mon rendez-vous": the agenda, free slots, and
//! bookings that can never be double.
pub mod agenda;
pub(crate) mod book;
pub(crate) mod check;
pub(crate) mod checkout;
pub(crate) mod cli;
pub(crate) mod form;
pub(crate) mod lookup;
pub(crate) mod manage;
pub(crate) mod message;
pub(crate) mod offline;
pub(crate) mod picker;
pub(crate) mod published;
pub(crate) mod receipt;
pub(crate) mod rules;
pub mod slots;
pub(crate) mod ticket;
pub(crate) mod workshops;

pub(crate) use agenda::Agenda;

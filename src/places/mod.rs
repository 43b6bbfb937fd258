//! "Trouver un lieu d'aide près de moi": lieux de médiation numérique from the national
//! data standard and the France Services list, communes of all France, nearest lieux and
//! whether they are open now.
pub(crate) mod cli;
pub mod fetch;
pub mod import;
pub mod load;
pub(crate) mod map;
pub(crate) mod screen;
pub(crate) mod update;
pub(crate) mod view;

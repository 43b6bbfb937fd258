//! "Trouver un lieu d'aide près de chez moi": lieux de médiation numérique from the national
//! data standard and the France Services list, communes of all France, nearest lieux and
//! whether they are open now.
pub mod communes;
pub mod hours;
pub mod import;
pub mod lieu;
pub mod load;
pub mod nearest;
pub mod screen;
pub mod view;

pub use lieu::{Filters, Lieu};

/// Five digits: a French postal code.
pub fn is_postal_code(text: &str) -> bool {
    text.len() == 5 && text.chars().all(|c| c.is_ascii_digit())
}

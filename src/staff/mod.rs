//! Staff access: the PIN behind F12, its lockout, and the staff menu.
pub mod guard;
pub mod menu;

pub use guard::{Attempt, PinGuard};

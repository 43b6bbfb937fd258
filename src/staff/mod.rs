//! Staff access: the staff menu behind the help point's PIN, and the hashing of PINs.
pub mod cli;
pub mod menu;
pub mod network;

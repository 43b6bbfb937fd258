//! Staff access: the staff menu behind the help point's PIN, and the hashing of PINs.
pub(crate) mod cli;
pub(crate) mod menu;
pub(crate) mod network;

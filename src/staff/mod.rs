//! Staff access: the staff menu behind the help point's PIN.
pub mod menu;

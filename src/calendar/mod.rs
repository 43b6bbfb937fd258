//! Calendar facts: time zones from the IANA database (chrono-tz), French public holidays with
//! their regional days, and dates in words.
pub mod holidays;
pub mod ical;
pub mod words;
pub mod zone;

pub use holidays::{Holiday, Region};
pub use zone::Calendar;

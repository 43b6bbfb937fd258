//! Calendar facts: time zones from the IANA database (chrono-tz), French public holidays with
//! their regional days, and dates in words.
pub mod holidays;
pub mod ical;
pub mod words;
pub mod zone;

pub use holidays::{Holiday, Region};
pub use zone::Calendar;

use chrono::{Datelike, Duration, NaiveDate};

/// The Monday of the week that holds `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday().into())
}

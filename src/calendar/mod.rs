//! Calendar facts: time zones from the IANA database (chrono-tz), French public holidays with
//! their regional days, and dates in words.
pub(crate) mod holidays;
pub(crate) mod ical;
pub(crate) mod words;
pub(crate) mod zone;

pub(crate) use holidays::{Holiday, Region};
pub use zone::Calendar;

use chrono::{Datelike, Duration, NaiveDate};

/// The Monday of the week that holds `day`.
pub(crate) fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday().into())
}

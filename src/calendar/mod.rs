//! Calendar facts the kiosk needs without a time-zone database: French public holidays and
//! the Europe/Paris offset (EU summer time rules).
pub mod holidays;
pub mod paris;
pub mod words;

pub use holidays::is_public_holiday;

//! French public holidays (jours fériés), computed: fixed dates and those that follow Easter.
use chrono::{Datelike, Duration, NaiveDate};

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// The 11 public holidays of metropolitan France in a year.
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let fixed = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let mut days: Vec<NaiveDate> = fixed
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, *m, *d))
        .collect();
    let easter = easter(year);
    // Lundi de Pâques, Ascension, Lundi de Pentecôte.
    days.extend([1, 39, 50].map(|n| easter + Duration::days(n)));
    days.sort();
    days
}

pub fn is_public_holiday(day: NaiveDate) -> bool {
    public_holidays(day.year()).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates_match_the_calendar() {
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2026), d(2026, 4, 5));
        assert_eq!(easter(2027), d(2027, 3, 28));
    }

    #[test]
    fn holidays_of_2026() {
        assert!(is_public_holiday(d(2026, 4, 6)), "lundi de Pâques");
        assert!(is_public_holiday(d(2026, 5, 14)), "Ascension");
        assert!(is_public_holiday(d(2026, 5, 25)), "lundi de Pentecôte");
        assert!(is_public_holiday(d(2026, 7, 14)));
        assert!(!is_public_holiday(d(2026, 7, 15)));
        assert_eq!(public_holidays(2026).len(), 11);
    }
}

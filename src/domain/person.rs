//! Who booked: a first name, maybe an initial, a phone number or none, maybe an e-mail.
//! Many citizens have no e-mail: a phone number alone, or nothing but a first name, is enough.
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Person {
    pub first_name: String,
    pub last_initial: Option<String>,
    /// E.164: `+33612345678`, `+262692123456`, `+447700900123`.
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The language they used at the kiosk (a locale tag: `uk`, `fr-x-falc`), so the
    /// counsellor knows to expect it; `None` for a booking made before it was kept.
    pub locale: Option<String>,
}

/// Why a phone number is refused, for a friendly message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    Incomplete,
    NotAPhone,
    /// Typed with a country code (+44, 0044) that is not France's, and too short or too
    /// long: the person is told how a number from abroad is typed.
    Foreign,
}

/// The French numbering plan's calling codes: a number there is dialled `0…` from anywhere
/// in it (Réunion and Mayotte share +262; Mayotte's mobiles are +262 639).
const NATIONAL_PLAN: [&str; 5] = ["+33", "+262", "+590", "+594", "+596"];

/// The national prefixes (after the 0) of the overseas départements, and their code.
const OVERSEAS: [(&str, &str); 14] = [
    ("262", "+262"),
    ("263", "+262"),
    ("692", "+262"),
    ("693", "+262"),
    ("269", "+262"),
    ("639", "+262"),
    ("590", "+590"),
    ("690", "+590"),
    ("691", "+590"),
    ("594", "+594"),
    ("694", "+594"),
    ("596", "+596"),
    ("696", "+596"),
    ("697", "+596"),
];

/// The other French territories (their own plans) and how many digits follow the code.
const OTHER_FRENCH: [(&str, usize); 4] = [("+508", 6), ("+681", 6), ("+687", 6), ("+689", 8)];

/// Keeps what a phone number may hold (digits, a leading +), as the person types. `00` for
/// abroad becomes `+`.
pub fn phone_input(typed: &str) -> String {
    let mut out = String::new();
    for c in typed.chars() {
        if c.is_ascii_digit() || (c == '+' && out.is_empty()) {
            out.push(c);
        }
    }
    match out.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => out,
    }
}

/// How many digits the calling code of an international number has (ITU zones: 1 and 7
/// alone, a known set of two-digit codes, three digits for the rest).
fn code_length(digits: &str) -> usize {
    const TWO: [&str; 38] = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90",
    ];
    const TWO_MORE: [&str; 6] = ["91", "92", "93", "94", "95", "98"];
    if digits.starts_with('1') || digits.starts_with('7') {
        1
    } else if digits
        .get(..2)
        .is_some_and(|two| TWO.contains(&two) || TWO_MORE.contains(&two))
    {
        2
    } else {
        3
    }
}

/// A whole number of another country, grouped as that country writes it by libphonenumber's
/// metadata (`+44 7700 900123`, `+380 50 123 4567`); `None` while it is still being typed
/// (a valid number, or one of a whole length: ranges the metadata does not list yet are
/// grouped by its country's patterns all the same).
fn as_its_country_writes(e164: &str) -> Option<String> {
    use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat};
    let number = PHONE_NUMBER_UTIL.parse(e164, None).ok()?;
    (PHONE_NUMBER_UTIL.is_valid_number(&number) || parse_phone(e164).is_ok()).then(|| {
        PHONE_NUMBER_UTIL
            .format(&number, PhoneNumberFormat::International)
            .into_owned()
    })
}

fn pairs(digits: &str) -> String {
    digits
        .as_bytes()
        .chunks(2)
        .map(|c| std::str::from_utf8(c).expect("ascii digits"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number as the person types it, grouped: `06 12 34 56 78`, `+44 77 00 90 01 23`.
pub fn format_phone(typed: &str) -> String {
    let raw = phone_input(typed);
    let Some(digits) = raw.strip_prefix('+') else {
        return pairs(&raw);
    };
    let (code, rest) = digits.split_at(code_length(digits).min(digits.len()));
    if rest.is_empty() {
        return raw;
    }
    let french = NATIONAL_PLAN.contains(&format!("+{code}").as_str())
        || OTHER_FRENCH.iter().any(|(c, _)| *c == format!("+{code}"));
    if !french && let Some(grouped) = as_its_country_writes(&raw) {
        return grouped;
    }
    // Nine digits after a French code: the first stands alone (+33 6 12 34 56 78).
    let (head, tail) = if NATIONAL_PLAN.contains(&format!("+{code}").as_str()) {
        rest.split_at(1)
    } else {
        ("", rest)
    };
    let mut out = format!("+{code}");
    for part in [head.to_string(), pairs(tail)] {
        if !part.is_empty() {
            out.push(' ');
            out.push_str(&part);
        }
    }
    out
}

/// A stored number (E.164) as people read it: the French plan as dialled in France
/// (`06 12 34 56 78`, `06 92 12 34 56`), others grouped after their code. Text that is not
/// a number we know is shown as it was given.
pub fn show_phone(stored: &str) -> String {
    let Ok(e164) = parse_phone(stored) else {
        return stored.trim().to_string();
    };
    // In the plan, the national number is 0 and the nine digits (the overseas ranges, 0262,
    // 0692, 0639…, are carried by the number itself).
    match NATIONAL_PLAN
        .iter()
        .find_map(|code| e164.strip_prefix(code))
        .filter(|rest| rest.len() == 9)
    {
        Some(rest) => pairs(&format!("0{rest}")),
        None => format_phone(&e164),
    }
}

/// The number to store, in E.164 (`+33612345678`), or why it is refused. National numbers
/// (`06 12 34 56 78`, `06 92 …` in La Réunion) and international ones (`+44 7700 900123`,
/// `0032 …`) are accepted.
pub fn parse_phone(typed: &str) -> Result<String, PhoneProblem> {
    let raw = phone_input(typed);
    if let Some(digits) = raw.strip_prefix('+') {
        for code in NATIONAL_PLAN {
            if let Some(rest) = raw.strip_prefix(code) {
                // +33 0 6… : a 0 kept after the code is dropped.
                let rest = if rest.len() == 10 {
                    rest.strip_prefix('0').unwrap_or(rest)
                } else {
                    rest
                };
                return match rest.len().cmp(&9) {
                    std::cmp::Ordering::Equal => Ok(format!("{code}{rest}")),
                    std::cmp::Ordering::Less => Err(PhoneProblem::Incomplete),
                    std::cmp::Ordering::Greater => Err(PhoneProblem::NotAPhone),
                };
            }
        }
        if let Some((code, n)) = OTHER_FRENCH.iter().find(|(c, _)| raw.starts_with(c)) {
            let rest = raw.len() - code.len();
            return match rest.cmp(n) {
                std::cmp::Ordering::Equal => Ok(raw),
                std::cmp::Ordering::Less => Err(PhoneProblem::Incomplete),
                std::cmp::Ordering::Greater => Err(PhoneProblem::NotAPhone),
            };
        }
        // Any other country: E.164 allows at most 15 digits; fewer than 8 is no number.
        return match digits.len() {
            8..=15 if !digits.starts_with('0') => Ok(raw),
            _ => Err(PhoneProblem::Foreign),
        };
    }
    match raw.len() {
        10 if raw.starts_with('0') && !raw.starts_with("00") => {
            let national = &raw[1..];
            let code = OVERSEAS
                .iter()
                .find(|(prefix, _)| national.starts_with(prefix))
                .map_or("+33", |(_, code)| code);
            Ok(format!("{code}{national}"))
        }
        n if n < 10 && (raw.is_empty() || raw.starts_with('0')) => Err(PhoneProblem::Incomplete),
        _ => Err(PhoneProblem::NotAPhone),
    }
}

/// A plausible e-mail address: something@something.something, no spaces.
pub fn valid_email(email: &str) -> bool {
    let Some((user, domain)) = email.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && !email.contains(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
}

/// The check a person gives to manage an appointment: the last two digits of their phone,
/// or their first name when they have no phone (case and accents do not matter).
pub fn check_matches(person: &Person, check: &str) -> bool {
    let check = check.trim();
    match &person.phone {
        Some(phone) => check.len() == 2 && phone.ends_with(check),
        None => !check.is_empty() && fold(check) == fold(&person.first_name),
    }
}

fn fold(text: &str) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .replace(['-', '\''], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_are_formatted_as_typed_and_stored_in_e164() {
        assert_eq!(format_phone("0612"), "06 12");
        assert_eq!(format_phone("06 12 34 56 78"), "06 12 34 56 78");
        assert_eq!(parse_phone("06.12.34.56.78"), Ok("+33612345678".into()));
        assert_eq!(parse_phone("04 92 53 24 24"), Ok("+33492532424".into()));
        assert_eq!(parse_phone("+33 6 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(parse_phone("+33 06 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(parse_phone("0033 6 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(parse_phone("06123"), Err(PhoneProblem::Incomplete));
        assert_eq!(parse_phone("061234567890"), Err(PhoneProblem::NotAPhone));
        assert_eq!(parse_phone("6123456789"), Err(PhoneProblem::NotAPhone));
        assert_eq!(show_phone("+33612345678"), "06 12 34 56 78");
    }

    #[test]
    fn overseas_numbers_belong_to_their_own_code() {
        assert_eq!(parse_phone("0692 12 34 56"), Ok("+262692123456".into()));
        assert_eq!(parse_phone("+262 692 12 34 56"), Ok("+262692123456".into()));
        assert_eq!(show_phone("+262692123456"), "06 92 12 34 56");
        // Mayotte is +262 639 (mobiles) and +262 269; +269 is the Comoros.
        assert_eq!(parse_phone("0639 12 34 56"), Ok("+262639123456".into()));
        assert_eq!(parse_phone("0269 61 23 45"), Ok("+262269612345".into()));
        assert_eq!(parse_phone("0590 12 34 56"), Ok("+590590123456".into()));
        assert_eq!(parse_phone("0694 12 34 56"), Ok("+594694123456".into()));
        assert_eq!(parse_phone("0696 12 34 56"), Ok("+596696123456".into()));
        assert_eq!(parse_phone("+687 51 23 45"), Ok("+687512345".into()));
        assert_eq!(show_phone("+687512345"), "+687 51 23 45");
    }

    #[test]
    fn numbers_from_abroad_are_accepted() {
        assert_eq!(parse_phone("+44 7700 900123"), Ok("+447700900123".into()));
        assert_eq!(parse_phone("+44 20 7946 0000"), Ok("+442079460000".into()));
        assert_eq!(parse_phone("+32 470 12 34 56"), Ok("+32470123456".into()));
        assert_eq!(parse_phone("+41 79 123 45 67"), Ok("+41791234567".into()));
        assert_eq!(parse_phone("+49 151 23456789"), Ok("+4915123456789".into()));
        assert_eq!(parse_phone("0044 7700 900123"), Ok("+447700900123".into()));
        assert_eq!(parse_phone("+44 77"), Err(PhoneProblem::Foreign));
        assert_eq!(
            parse_phone("+44 7700 900123 4567"),
            Err(PhoneProblem::Foreign)
        );
    }

    #[test]
    fn numbers_from_abroad_are_grouped_as_their_country_writes_them() {
        assert_eq!(show_phone("+447700900123"), "+44 7700 900123");
        assert_eq!(show_phone("+380501234567"), "+380 50 123 4567");
        assert_eq!(show_phone("+32470123456"), "+32 470 12 34 56");
        assert_eq!(show_phone("+4915123456789"), "+49 1512 3456789");
        assert_eq!(format_phone("+380 501234567"), "+380 50 123 4567");
        // Still being typed: grouped simply until the number is whole.
        assert_eq!(format_phone("+38050"), "+380 50");
        // French numbers keep their pairs, overseas and in the other territories too.
        assert_eq!(show_phone("+33612345678"), "06 12 34 56 78");
        assert_eq!(show_phone("+262692123456"), "06 92 12 34 56");
        assert_eq!(show_phone("+687512345"), "+687 51 23 45");
    }

    #[test]
    fn manage_checks_phone_digits_or_first_name() {
        let with_phone = Person {
            first_name: "Josée".into(),
            phone: Some("+33612345678".into()),
            ..Person::default()
        };
        assert!(check_matches(&with_phone, "78"));
        assert!(!check_matches(&with_phone, "77"));
        assert!(
            !check_matches(&with_phone, "Josée"),
            "the phone is asked when there is one"
        );
        let without = Person {
            first_name: "Josée".into(),
            ..Person::default()
        };
        assert!(check_matches(&without, "josee"));
        assert!(check_matches(&without, " JOSÉE "));
        assert!(!check_matches(&without, ""));
        assert!(!check_matches(&without, "Joseph"));
    }

    #[test]
    fn emails_are_checked_loosely() {
        assert!(valid_email("marie.dupont@laposte.net"));
        assert!(!valid_email("marie.dupont"));
        assert!(!valid_email("marie@laposte"));
        assert!(!valid_email("marie dupont@laposte.net"));
    }
}

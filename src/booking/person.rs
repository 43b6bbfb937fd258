//! Who booked: a first name, maybe an initial, a phone number or none, maybe an e-mail.
//! Many citizens have no e-mail: a phone number alone, or nothing but a first name, is enough.
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Person {
    pub first_name: String,
    pub last_initial: Option<String>,
    /// Normalised: `0612345678` or `+262692123456`.
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Why a phone number is refused, for a friendly message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    Incomplete,
    NotAPhone,
}

/// Overseas calling codes and the number of digits after them.
const PREFIXES: [(&str, usize); 10] = [
    ("+33", 9),
    ("+262", 9),
    ("+590", 9),
    ("+594", 9),
    ("+596", 9),
    ("+269", 9),
    ("+508", 6),
    ("+681", 6),
    ("+687", 6),
    ("+689", 8),
];

/// Keeps what a phone number may hold (digits, a leading +), as the person types.
pub fn phone_input(typed: &str) -> String {
    let mut out = String::new();
    for c in typed.chars() {
        if c.is_ascii_digit() || (c == '+' && out.is_empty()) {
            out.push(c);
        }
    }
    out
}

/// A French number formatted as typed: `06 12 34 56 78`, `+262 6 92 12 34 56`.
pub fn format_phone(raw: &str) -> String {
    let raw = phone_input(raw);
    if let Some((prefix, _)) = PREFIXES.iter().find(|(p, _)| raw.starts_with(p)) {
        let rest = &raw[prefix.len()..];
        let mut out = prefix.to_string();
        // National numbers after a prefix have an odd length (9): the first digit stands alone.
        let (head, tail) = if rest.len() % 2 == 1 {
            rest.split_at(1)
        } else {
            ("", rest)
        };
        if !head.is_empty() {
            out.push(' ');
            out.push_str(head);
        }
        for pair in tail.as_bytes().chunks(2) {
            out.push(' ');
            out.push_str(std::str::from_utf8(pair).expect("ascii digits"));
        }
        return out;
    }
    raw.as_bytes()
        .chunks(2)
        .map(|c| std::str::from_utf8(c).expect("ascii digits"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number to store, or why it is refused.
pub fn parse_phone(typed: &str) -> Result<String, PhoneProblem> {
    let raw = phone_input(typed);
    if let Some((prefix, digits)) = PREFIXES.iter().find(|(p, _)| raw.starts_with(p)) {
        let rest = raw.len() - prefix.len();
        return match rest.cmp(digits) {
            std::cmp::Ordering::Equal => Ok(raw),
            std::cmp::Ordering::Less => Err(PhoneProblem::Incomplete),
            std::cmp::Ordering::Greater => Err(PhoneProblem::NotAPhone),
        };
    }
    if raw.starts_with('+') {
        return Err(PhoneProblem::NotAPhone);
    }
    match raw.len() {
        10 if raw.starts_with('0') && !raw.starts_with("00") => Ok(raw),
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
    fn french_numbers_are_formatted_as_typed_and_validated() {
        assert_eq!(format_phone("0612"), "06 12");
        assert_eq!(format_phone("06 12 34 56 78"), "06 12 34 56 78");
        assert_eq!(format_phone("0612345678"), "06 12 34 56 78");
        assert_eq!(parse_phone("06.12.34.56.78"), Ok("0612345678".into()));
        assert_eq!(parse_phone("04 92 53 24 24"), Ok("0492532424".into()));
        assert_eq!(parse_phone("06123"), Err(PhoneProblem::Incomplete));
        assert_eq!(parse_phone("061234567890"), Err(PhoneProblem::NotAPhone));
        assert_eq!(parse_phone("6123456789"), Err(PhoneProblem::NotAPhone));
    }

    #[test]
    fn overseas_prefixes_are_accepted() {
        assert_eq!(parse_phone("+262 692 12 34 56"), Ok("+262692123456".into()));
        assert_eq!(format_phone("+262692123456"), "+262 6 92 12 34 56");
        assert_eq!(parse_phone("+687 51 23 45"), Ok("+687512345".into()));
        assert_eq!(format_phone("+687512345"), "+687 51 23 45");
        assert_eq!(parse_phone("+33 6 12 34 56 78"), Ok("+33612345678".into()));
        assert_eq!(
            parse_phone("+44 20 7946 0000"),
            Err(PhoneProblem::NotAPhone)
        );
    }

    #[test]
    fn manage_checks_phone_digits_or_first_name() {
        let with_phone = Person {
            first_name: "Josée".into(),
            phone: Some("0612345678".into()),
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

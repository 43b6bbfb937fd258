//! A one-line text field: what a person types, filtered for its kind. Control characters
//! never get in (typed text must never drive the terminal).
use super::key::Key;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// A name: letters, spaces, hyphens, apostrophes.
    Name,
    /// One letter, upper case.
    Initial,
    /// Digits and a leading +.
    Phone,
    /// An e-mail address: no spaces.
    Email,
    /// A booking code: upper case, no spaces.
    Code,
    /// Anything printable.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextField {
    pub value: String,
    pub kind: FieldKind,
    pub max: usize,
}

impl TextField {
    pub(crate) fn new(kind: FieldKind, max: usize) -> TextField {
        TextField {
            value: String::new(),
            kind,
            max,
        }
    }

    pub(crate) fn with(mut self, value: &str) -> TextField {
        for c in value.chars() {
            self.input(Key::Char(c));
        }
        self
    }

    /// Whether the field holds all it can.
    pub(crate) fn is_full(&self) -> bool {
        self.value.chars().count() >= self.max
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.value.trim().is_empty()
    }

    /// Takes a typing key; returns whether the value changed (a key past the field's length,
    /// or one the field refuses, changes nothing: a stuck key costs nothing downstream).
    pub(crate) fn input(&mut self, key: Key) -> bool {
        match key {
            Key::Backspace => self.value.pop().is_some(),
            // A name or a text never starts with a space nor holds two in a row: a pasted
            // " Marie  Claire" is "Marie Claire".
            Key::Char(' ')
                if matches!(self.kind, FieldKind::Name | FieldKind::Text)
                    && (self.value.is_empty() || self.value.ends_with(' ')) =>
            {
                false
            }
            Key::Char(c) => {
                if let Some(c) = self.accept(c)
                    && self.value.chars().count() < self.max
                {
                    self.value.push(c);
                    return true;
                }
                false
            }
            _ => false,
        }
    }

    /// What to tell the person when the field did not take a character (`was_full`: it was
    /// full before the key), as a message id; nothing for the spaces, dots and brackets people
    /// type in a number (formatting, not a mistake).
    pub(crate) fn refused(&self, c: char, was_full: bool) -> Option<&'static str> {
        match self.kind {
            _ if was_full => Some(match self.kind {
                FieldKind::Name => "form-said-name-full",
                FieldKind::Initial => "form-said-initial-one",
                _ => "form-said-full",
            }),
            // A space where it means nothing: no mistake to tell.
            FieldKind::Name | FieldKind::Text if c == ' ' => None,
            FieldKind::Name => Some("form-said-letters-only"),
            FieldKind::Initial => Some("form-said-initial-letter"),
            FieldKind::Phone if !matches!(c, ' ' | '.' | '-' | '/' | '(' | ')') => {
                Some("form-said-digits-only")
            }
            FieldKind::Email if c == ' ' => Some("form-said-no-space"),
            _ => None,
        }
    }

    fn accept(&self, c: char) -> Option<char> {
        if c.is_control() {
            return None;
        }
        match self.kind {
            FieldKind::Name => {
                (c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’')).then_some(c)
            }
            FieldKind::Initial => c
                .is_alphabetic()
                .then(|| c.to_uppercase().next().unwrap_or(c)),
            FieldKind::Phone => {
                (c.is_ascii_digit() || (c == '+' && self.value.is_empty())).then_some(c)
            }
            FieldKind::Email => (!c.is_whitespace()).then_some(c),
            FieldKind::Code => c.is_ascii_alphanumeric().then(|| c.to_ascii_uppercase()),
            FieldKind::Text => Some(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: FieldKind, max: usize, text: &str) -> String {
        TextField::new(kind, max).with(text).value
    }

    #[test]
    fn a_pasted_name_is_trimmed_of_leading_and_doubled_spaces() {
        assert_eq!(
            typed(FieldKind::Name, 40, "  Marie  Claire"),
            "Marie Claire"
        );
        assert_eq!(typed(FieldKind::Text, 40, " 2  rue"), "2 rue");
        assert_eq!(
            TextField::new(FieldKind::Name, 40).refused(' ', false),
            None
        );
        assert_eq!(typed(FieldKind::Phone, 20, " 06"), "06");
    }

    #[test]
    fn each_kind_keeps_what_it_may_hold() {
        assert_eq!(
            typed(FieldKind::Name, 40, "Jean-Pierre 2\u{1b}[31m"),
            "Jean-Pierre m"
        );
        assert_eq!(typed(FieldKind::Initial, 1, "dx"), "D");
        assert_eq!(typed(FieldKind::Phone, 16, "+33 6-12+34"), "+3361234");
        assert_eq!(typed(FieldKind::Code, 6, "ab c-d23x"), "ABCD23");
        assert_eq!(typed(FieldKind::Email, 80, "m d@x.fr"), "md@x.fr");
        let mut f = TextField::new(FieldKind::Text, 5).with("abc");
        f.input(Key::Backspace);
        assert_eq!(f.value, "ab");
        assert!(!f.input(Key::Enter));
    }
}

//! A one-line text field: what a person types, filtered for its kind. Control characters
//! never get in (typed text must never drive the terminal).
use super::key::Key;
use crate::ui::form::FormRow;

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
    /// A PIN: anything printable, spaces included, never shown.
    Secret,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextField {
    pub value: String,
    pub kind: FieldKind,
    pub max: usize,
    /// Where the cursor is, in characters from the start (at most the value's length).
    cursor: usize,
}

impl TextField {
    pub(crate) fn new(kind: FieldKind, max: usize) -> TextField {
        TextField {
            value: String::new(),
            kind,
            max,
            cursor: 0,
        }
    }

    /// Whether a key is the field's own when it is focused: a character, an erasing key or a
    /// cursor key (← → Fin). Up, Down, Tab, Enter, Esc and Home stay the screen's.
    pub(crate) fn takes(key: Key) -> bool {
        matches!(
            key,
            Key::Char(_) | Key::Backspace | Key::Delete | Key::Left | Key::Right | Key::End
        )
    }

    /// The cursor, in characters from the start of the value.
    pub(crate) fn cursor(&self) -> usize {
        self.cursor
    }

    /// Where the cursor is in `shown`, the value as drawn (grouped with spaces: "06 12 3",
    /// "ABC 234"), in characters: before the shown character that is the value's character
    /// at the cursor, or at the end.
    pub(crate) fn cursor_in(&self, shown: &str) -> usize {
        let value: Vec<char> = self.value.chars().collect();
        let mut matched = 0;
        for (at, c) in shown.chars().enumerate() {
            if matched < value.len() && c == value[matched] {
                if matched == self.cursor {
                    return at;
                }
                matched += 1;
            }
        }
        shown.chars().count()
    }

    /// The field as a row of a form: its label, the value as shown, the cursor in it.
    pub(crate) fn row(&self, label: String, shown: String) -> FormRow {
        let at = self.cursor_in(&shown);
        FormRow::field(label, shown).at(at)
    }

    /// The byte offset of the `n`th character.
    fn byte(&self, n: usize) -> usize {
        self.value
            .char_indices()
            .nth(n)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// The character just before the cursor, and the one at it.
    fn around(&self) -> (Option<char>, Option<char>) {
        let before = self
            .cursor
            .checked_sub(1)
            .and_then(|n| self.value.chars().nth(n));
        (before, self.value.chars().nth(self.cursor))
    }

    /// After an erasure in a name or a text: no space left at the start, nor two together.
    fn tidy(&mut self) {
        if !matches!(self.kind, FieldKind::Name | FieldKind::Text) {
            return;
        }
        if self.cursor == 0 && self.value.starts_with(' ') {
            self.value.remove(0);
        }
        if let (Some(' '), Some(' ')) = self.around() {
            let at = self.byte(self.cursor);
            self.value.remove(at);
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
            Key::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Key::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            Key::End => {
                self.cursor = self.len();
                false
            }
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.value.remove(at);
                self.tidy();
                true
            }
            Key::Delete if self.cursor < self.len() => {
                let at = self.byte(self.cursor);
                self.value.remove(at);
                self.tidy();
                true
            }
            // A name or a text never starts with a space nor holds two in a row: a pasted
            // " Marie  Claire" is "Marie Claire".
            Key::Char(' ')
                if matches!(self.kind, FieldKind::Name | FieldKind::Text)
                    && matches!(self.around(), (None, _) | (Some(' '), _) | (_, Some(' '))) =>
            {
                false
            }
            Key::Char(c) => {
                if let Some(c) = self.accept(c)
                    && self.len() < self.max
                {
                    let at = self.byte(self.cursor);
                    self.value.insert(at, c);
                    self.cursor += 1;
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
            FieldKind::Phone => (c.is_ascii_digit()
                || (c == '+' && self.cursor == 0 && !self.value.starts_with('+')))
            .then_some(c),
            FieldKind::Email => (!c.is_whitespace()).then_some(c),
            FieldKind::Code => c.is_ascii_alphanumeric().then(|| c.to_ascii_uppercase()),
            FieldKind::Text | FieldKind::Secret => Some(c),
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

    fn pressed(field: &mut TextField, keys: &[Key]) {
        for key in keys {
            field.input(*key);
        }
    }

    #[test]
    fn left_and_right_move_the_cursor_typing_inserts_at_it_and_erasing_is_around_it() {
        let mut f = TextField::new(FieldKind::Phone, 17).with("0612345678");
        assert_eq!(f.cursor(), 10);
        pressed(&mut f, &[Key::Left, Key::Left]);
        assert_eq!(f.cursor(), 8);
        // Backspace erases before the cursor, Delete after it.
        pressed(&mut f, &[Key::Backspace]);
        assert_eq!((f.value.as_str(), f.cursor()), ("061234578", 7));
        pressed(&mut f, &[Key::Char('6')]);
        assert_eq!((f.value.as_str(), f.cursor()), ("0612345678", 8));
        pressed(&mut f, &[Key::Delete]);
        assert_eq!(f.value, "061234568");
        // The cursor stops at both ends; End takes it to the end.
        pressed(&mut f, &[Key::Left; 12]);
        assert_eq!(f.cursor(), 0);
        assert!(!f.input(Key::Backspace), "nothing before the start");
        pressed(&mut f, &[Key::Right, Key::Right]);
        assert_eq!(f.cursor(), 2);
        pressed(&mut f, &[Key::End]);
        assert_eq!(f.cursor(), 9);
        assert!(!f.input(Key::Delete), "nothing after the end");
        // A + only leads.
        pressed(&mut f, &[Key::Left; 3]);
        assert!(!f.input(Key::Char('+')));
        pressed(&mut f, &[Key::Left; 9]);
        assert!(f.input(Key::Char('+')));
        assert_eq!(f.value, "+061234568");
    }

    #[test]
    fn letters_are_inserted_in_the_middle_of_a_name_and_no_space_doubles() {
        let mut f = TextField::new(FieldKind::Name, 40).with("Mare");
        pressed(&mut f, &[Key::Left, Key::Char('i')]);
        assert_eq!(f.value, "Marie");
        pressed(&mut f, &[Key::Left, Key::Char(' ')]);
        assert_eq!(f.value, "Mar ie");
        // Not a second space beside it, after it or before it, nor one at the start.
        assert!(!f.input(Key::Char(' ')));
        pressed(&mut f, &[Key::Left]);
        assert!(!f.input(Key::Char(' ')));
        pressed(&mut f, &[Key::Left; 10]);
        assert!(!f.input(Key::Char(' ')));
        // Erasing the letter between two spaces leaves one.
        let mut f = TextField::new(FieldKind::Text, 40).with("a b c");
        pressed(&mut f, &[Key::Left, Key::Left, Key::Backspace]);
        assert_eq!(f.value, "a c");
        let mut f = TextField::new(FieldKind::Text, 40).with("a b");
        pressed(&mut f, &[Key::Left; 2]);
        pressed(&mut f, &[Key::Backspace]);
        assert_eq!(f.value, "b", "no space left at the start");
        // A field full takes nothing more, wherever the cursor is.
        let mut f = TextField::new(FieldKind::Code, 6).with("ABC234");
        pressed(&mut f, &[Key::Left]);
        assert!(!f.input(Key::Char('x')));
    }

    #[test]
    fn the_cursor_is_found_in_the_value_as_shown() {
        let mut f = TextField::new(FieldKind::Phone, 17).with("0612345678");
        pressed(&mut f, &[Key::Left, Key::Left]);
        // "06 12 34 56 78": before the "7".
        assert_eq!(f.cursor_in("06 12 34 56 78"), 12);
        pressed(&mut f, &[Key::End]);
        assert_eq!(f.cursor_in("06 12 34 56 78"), 14);
        let mut f = TextField::new(FieldKind::Code, 6).with("ABC234");
        pressed(&mut f, &[Key::Left; 3]);
        assert_eq!(f.cursor_in("ABC 234"), 4);
        let mut f = TextField::new(FieldKind::Name, 40).with("Éloïse");
        pressed(&mut f, &[Key::Left; 2]);
        assert_eq!(f.cursor_in("Éloïse"), 4);
    }
}

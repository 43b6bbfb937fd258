//! "Vos coordonnées": first name (required), last-name initial, phone number or "Je n'ai pas
//! de téléphone", e-mail. Shared by the booking, the workshops and the counsellor.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::speech::Speech;
use crate::app::text_field::{FieldKind, TextField};
use crate::domain::person::{Person, PhoneProblem, format_phone, parse_phone, valid_email};
use crate::ui::View;
use crate::ui::choices::{Choice, Mark};
use crate::ui::form::{self, FormRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    FirstName,
    Initial,
    Phone,
    NoPhone,
    Email,
    Continue,
}

const ROWS: [Row; 6] = [
    Row::FirstName,
    Row::Initial,
    Row::Phone,
    Row::NoPhone,
    Row::Email,
    Row::Continue,
];

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IdentityForm {
    first_name: TextField,
    initial: TextField,
    phone: TextField,
    no_phone: bool,
    email: TextField,
    focus: FocusGrid,
    /// (row, Fluent id of the problem)
    errors: Vec<(Row, &'static str)>,
    /// Booking on someone's behalf: a phone number alone is enough.
    /// Staff booking for someone: the first name may stay empty when there is a phone.
    pub on_behalf: bool,
}

pub(crate) enum FormEvent {
    None,
    Done(Person),
}

impl Default for IdentityForm {
    fn default() -> Self {
        IdentityForm::new()
    }
}

impl IdentityForm {
    /// The first name and the phone as typed so far.
    pub(crate) fn typed(&self) -> (&str, &str) {
        (&self.first_name.value, &self.phone.value)
    }

    pub(crate) fn new() -> IdentityForm {
        IdentityForm {
            first_name: TextField::new(FieldKind::Name, 40),
            initial: TextField::new(FieldKind::Initial, 1),
            phone: TextField::new(FieldKind::Phone, 17),
            no_phone: false,
            email: TextField::new(FieldKind::Email, 80),
            focus: FocusGrid::new(vec![1; ROWS.len()]),
            errors: Vec::new(),
            on_behalf: false,
        }
    }

    /// For staff booking on someone's behalf: the first name may stay empty when there is a
    /// phone number.
    pub(crate) fn on_behalf() -> IdentityForm {
        IdentityForm {
            on_behalf: true,
            ..IdentityForm::new()
        }
    }

    /// Whether the focus is on a box to tick (the key bar then says Space ticks it).
    pub(crate) fn on_checkbox(&self) -> bool {
        ROWS[self.focus.index()] == Row::NoPhone
    }

    /// Whether the focus is on a field one types in (← → then move in its text).
    pub(crate) fn on_field(&self) -> bool {
        let row = ROWS[self.focus.index()];
        matches!(row, Row::FirstName | Row::Initial | Row::Email)
            || (row == Row::Phone && !self.no_phone)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.first_name.is_empty()
            && self.phone.is_empty()
            && self.email.is_empty()
            && self.initial.is_empty()
    }

    fn field(&mut self, row: Row) -> Option<&mut TextField> {
        match row {
            Row::FirstName => Some(&mut self.first_name),
            Row::Initial => Some(&mut self.initial),
            Row::Phone if !self.no_phone => Some(&mut self.phone),
            Row::Email => Some(&mut self.email),
            _ => None,
        }
    }

    pub(crate) fn handle(&mut self, key: Key) -> FormEvent {
        let row = ROWS[self.focus.index()];
        match key {
            // Left and Right stay with the field being typed in.
            Key::Up | Key::Down | Key::Tab | Key::BackTab => {
                self.focus.navigate(key);
            }
            Key::Enter if row == Row::Continue => return self.submit(),
            // Only Space ticks a box, and ticking keeps the number typed: unticking gives it
            // back. Enter always moves on (as the key bar says).
            Key::Char(' ') if row == Row::NoPhone => {
                self.no_phone ^= true;
                self.errors.retain(|(r, _)| *r != Row::Phone);
            }
            Key::Enter => {
                self.focus.navigate(Key::Down);
            }
            key => {
                if let Some(field) = self.field(row) {
                    let full = field.is_full();
                    let taken = field.input(key);
                    // A key the field does not take is said, never silently dropped (the
                    // spaces and dots people type in a number are formatting, not mistakes).
                    let said = match key {
                        Key::Char(c) if !taken => field.refused(c, full),
                        _ => None,
                    };
                    self.errors.retain(|(r, _)| *r != row);
                    if let Some(said) = said {
                        self.errors.push((row, said));
                    }
                }
            }
        }
        FormEvent::None
    }

    /// Whether the person has been told a key was not taken on this row (tests).
    #[cfg(test)]
    fn said(&self, row: Row) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(r, _)| *r == row)
            .map(|(_, id)| *id)
    }

    fn submit(&mut self) -> FormEvent {
        self.errors.clear();
        let first_name = self.first_name.value.trim().to_string();
        // On someone's behalf, a phone number may stand in for the name.
        let phone_stands_in = self.on_behalf && !self.phone.is_empty();
        if first_name.is_empty() && !phone_stands_in {
            self.errors.push((Row::FirstName, "form-error-first-name"));
        }
        let phone = if self.no_phone {
            None
        } else {
            match parse_phone(&self.phone.value) {
                Ok(p) => Some(p),
                Err(_) if self.phone.is_empty() => {
                    self.errors.push((Row::Phone, "form-error-phone-missing"));
                    None
                }
                Err(PhoneProblem::Incomplete) => {
                    self.errors
                        .push((Row::Phone, "form-error-phone-incomplete"));
                    None
                }
                Err(PhoneProblem::NotAPhone) => {
                    self.errors.push((Row::Phone, "form-error-phone-wrong"));
                    None
                }
                Err(PhoneProblem::Foreign) => {
                    self.errors.push((Row::Phone, "form-error-phone-foreign"));
                    None
                }
            }
        };
        let email = self.email.value.trim().to_string();
        if !email.is_empty() && !valid_email(&email) {
            self.errors.push((Row::Email, "form-error-email"));
        }
        if let Some((row, _)) = self.errors.first() {
            self.focus
                .set_index(ROWS.iter().position(|r| r == row).unwrap_or(0));
            return FormEvent::None;
        }
        FormEvent::Done(Person {
            first_name,
            last_initial: (!self.initial.is_empty()).then(|| self.initial.value.clone()),
            phone,
            email: (!email.is_empty()).then_some(email),
            locale: None,
        })
    }

    /// What the form says: what is wrong (as messages) and the row focused: a field's
    /// label and what it holds, or a box with its state.
    pub(crate) fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        let mut s = Speech::new();
        for (_, id) in &self.errors {
            s = s.message(tr.text(id));
        }
        let field = |label: &str, value: &str| (tr.text(label), value.to_string());
        let typing = match ROWS[self.focus.index()] {
            Row::FirstName => Some(field("form-first-name", &self.first_name.value)),
            Row::Initial => Some(field("form-initial", &self.initial.value)),
            Row::Phone if self.no_phone => {
                return s.focus(format!(
                    "{}, {}",
                    tr.text("form-phone"),
                    tr.text("form-phone-none")
                ));
            }
            Row::Phone => Some((
                tr.text("form-phone"),
                crate::i18n::phone_in_pairs(&format_phone(&self.phone.value)),
            )),
            Row::Email => Some(field("form-email", &self.email.value)),
            Row::NoPhone => {
                return s.focus(
                    Choice::marked(tr.text("form-no-phone"), Mark::Check(self.no_phone)).said(tr),
                );
            }
            Row::Continue => return s.focus(tr.text("form-continue")),
        };
        match typing {
            Some((label, value)) => s.typing(label, value, None),
            None => s,
        }
    }

    pub(crate) fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let rows: Vec<FormRow> = ROWS
            .iter()
            .map(|row| {
                let mut form_row = match row {
                    Row::FirstName => self.first_name.row(
                        view.tr.text("form-first-name"),
                        self.first_name.value.clone(),
                    ),
                    Row::Initial => self
                        .initial
                        .row(view.tr.text("form-initial"), self.initial.value.clone()),
                    Row::Phone if self.no_phone => FormRow {
                        typing: false,
                        ..FormRow::field(
                            view.tr.text("form-phone"),
                            view.tr.text("form-phone-none"),
                        )
                    },
                    Row::Phone => self
                        .phone
                        .row(view.tr.text("form-phone"), format_phone(&self.phone.value)),
                    Row::NoPhone => FormRow::button(format!(
                        "{} {}",
                        if self.no_phone { "[x]" } else { "[ ]" },
                        view.tr.text("form-no-phone")
                    )),
                    Row::Email => self
                        .email
                        .row(view.tr.text("form-email"), self.email.value.clone()),
                    Row::Continue => FormRow::button(view.tr.text("form-continue")),
                };
                form_row.errors = self
                    .errors
                    .iter()
                    .filter(|(r, _)| r == row)
                    .map(|(_, id)| view.tr.text(id))
                    .collect();
                form_row
            })
            .collect();
        form::render(frame, area, &rows, self.focus.index(), view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_in(form: &mut IdentityForm, keys: &str) -> FormEvent {
        let mut last = FormEvent::None;
        for c in keys.chars() {
            let key = match c {
                'v' => Key::Down,
                '\n' => Key::Enter,
                c => Key::Char(c),
            };
            last = form.handle(key);
        }
        last
    }

    #[test]
    fn enter_never_ticks_a_box_nor_erases_the_number_and_space_gives_it_back() {
        let mut form = IdentityForm::new();
        type_in(&mut form, "Marie\n\n0612345678\n");
        assert!(form.on_checkbox(), "on \"Je n'ai pas de téléphone\"");
        // Enter moves on: the box stays as it was, the number too.
        type_in(&mut form, "\n");
        assert!(!form.no_phone);
        assert_eq!(form.phone.value, "0612345678");
        assert!(!form.on_checkbox());
        // Space ticks, and unticking gives the number back.
        form.handle(Key::Up);
        type_in(&mut form, " ");
        assert!(form.no_phone);
        type_in(&mut form, " ");
        assert!(!form.no_phone);
        assert_eq!(form.phone.value, "0612345678");
        // Ticked, the number is not booked with, but not lost either.
        type_in(&mut form, " v\n");
        match type_in(&mut form, "\n") {
            FormEvent::Done(p) => assert_eq!(p.phone, None),
            FormEvent::None => panic!("refused: {:?}", form.errors),
        }
    }

    #[test]
    fn a_character_a_field_refuses_is_said_not_dropped_in_silence() {
        let mut form = IdentityForm::new();
        type_in(&mut form, "Marie2");
        assert_eq!(form.first_name.value, "Marie");
        assert_eq!(form.said(Row::FirstName), Some("form-said-letters-only"));
        type_in(&mut form, &"a".repeat(40));
        assert_eq!(form.said(Row::FirstName), Some("form-said-name-full"));
        type_in(&mut form, "\n\n06 12 a");
        assert_eq!(form.phone.value, "0612");
        assert_eq!(form.said(Row::Phone), Some("form-said-digits-only"));
        // A space in a number is formatting: nothing to say.
        type_in(&mut form, "3 4");
        assert_eq!(form.said(Row::Phone), None);
    }

    #[test]
    fn a_first_name_and_a_phone_are_enough() {
        let mut form = IdentityForm::new();
        let done = type_in(&mut form, "Marie\nD\n0612345678\nv\n\n");
        match done {
            FormEvent::Done(p) => {
                assert_eq!(p.first_name, "Marie");
                assert_eq!(p.last_initial.as_deref(), Some("D"));
                assert_eq!(p.phone.as_deref(), Some("+33612345678"));
                assert_eq!(p.email, None);
            }
            FormEvent::None => panic!("refused: {:?}", form.errors),
        }
    }

    #[test]
    fn no_phone_is_a_choice_and_missing_fields_are_explained() {
        let mut form = IdentityForm::new();
        assert!(matches!(type_in(&mut form, "vvvvv\n"), FormEvent::None));
        let ids: Vec<&str> = form.errors.iter().map(|(_, id)| *id).collect();
        assert_eq!(ids, ["form-error-first-name", "form-error-phone-missing"]);
        assert_eq!(form.focus.index(), 0, "the focus goes to the first problem");
        let done = type_in(&mut form, "Josée\nv\n v\n\n");
        match done {
            FormEvent::Done(p) => assert_eq!(p.phone, None),
            FormEvent::None => panic!("refused: {:?}", form.errors),
        }
    }

    #[test]
    fn on_behalf_a_phone_number_alone_is_enough() {
        let mut form = IdentityForm::on_behalf();
        match type_in(&mut form, "\n\n0612345678vvv\n") {
            FormEvent::Done(p) => {
                assert_eq!(p.first_name, "");
                assert_eq!(p.phone.as_deref(), Some("+33612345678"));
            }
            FormEvent::None => panic!("refused: {:?}", form.errors),
        }
        let mut citizen = IdentityForm::new();
        assert!(matches!(
            type_in(&mut citizen, "\n\n0612345678vvv\n"),
            FormEvent::None
        ));
    }

    #[test]
    fn a_short_phone_or_a_bad_email_is_refused_kindly() {
        let mut form = IdentityForm::new();
        type_in(&mut form, "Ali\n\n06123\nvmarie@\n\n");
        let ids: Vec<&str> = form.errors.iter().map(|(_, id)| *id).collect();
        assert_eq!(ids, ["form-error-phone-incomplete", "form-error-email"]);
    }

    #[test]
    fn a_refused_number_from_abroad_says_how_to_type_one() {
        let config = crate::testing::demo_config();
        let tr = config.i18n.tr("fr");
        for (typed, id) in [
            ("+44 77", "form-error-phone-foreign"),
            ("07700 900123", "form-error-phone-wrong"),
        ] {
            let mut form = IdentityForm::new();
            type_in(&mut form, &format!("Olena\n\n{typed}\nvv\n"));
            let ids: Vec<&str> = form.errors.iter().map(|(_, id)| *id).collect();
            assert_eq!(ids, [id], "{typed}");
            let said = tr.text(id);
            assert!(said.contains("+44") && said.contains("+380"), "{said}");
        }
    }
}

//! The form that finds an appointment: its code, the check (the last digits of the phone, or
//! the first name), "Continuer". "Gérer mon rendez-vous" and "Je suis là" both open with it.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::ticket::spaced;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Hint, form_hints};
use crate::app::speech::Speech;
use crate::app::text_field::{FieldKind, TextField};
use crate::domain::code;
use crate::i18n::Tr;
use crate::ui::View;
use crate::ui::form::{self, FormRow};
use crate::ui::page::Para;

pub(crate) struct LookupForm {
    code: TextField,
    check: TextField,
    /// The code, the check, the button.
    focus: FocusGrid,
}

/// What a key did on the form.
pub(crate) enum Typed {
    /// Esc: the screen goes back.
    Back,
    /// A field changed: what was said about the last search no longer holds.
    Edited,
    /// "Continuer" on a code of the right shape and a check: the appointment to look for.
    Sought { code: String, check: String },
    /// "Continuer" refused: the field at fault has the focus.
    Refused(Missing),
    /// The focus moved, or the key did nothing.
    Moved,
}

/// Why "Continuer" looks for nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Missing {
    /// The code is not one the kiosk gives (its length, its letters).
    CodeShape,
    CheckMissing,
}

impl Missing {
    /// What the screen says of it, above the form.
    pub(crate) fn notice(self, view: &View) -> Para {
        crate::ui::page::notice(view.tr.text(match self {
            Missing::CodeShape => "manage-code-shape",
            Missing::CheckMissing => "manage-check-missing",
        }))
    }
}

impl LookupForm {
    pub(crate) fn new() -> LookupForm {
        LookupForm {
            code: TextField::new(FieldKind::Code, code::LENGTH),
            check: TextField::new(FieldKind::Text, 40),
            focus: FocusGrid::new(vec![1; 3]),
        }
    }

    pub(crate) fn key(&mut self, key: Key) -> Typed {
        match key {
            Key::Esc => Typed::Back,
            Key::Up | Key::Down | Key::Tab | Key::BackTab => {
                self.focus.navigate(key);
                Typed::Moved
            }
            Key::Enter if self.on_button() => self.sought(),
            Key::Enter => {
                self.focus.navigate(Key::Down);
                Typed::Moved
            }
            key => {
                let field = match self.focus.index() {
                    0 => &mut self.code,
                    1 => &mut self.check,
                    _ => return Typed::Moved,
                };
                if field.input(key) {
                    Typed::Edited
                } else {
                    Typed::Moved
                }
            }
        }
    }

    fn sought(&mut self) -> Typed {
        let typed = code::normalise(&self.code.value);
        if !code::looks_valid(&typed) {
            self.focus.set_index(0);
            return Typed::Refused(Missing::CodeShape);
        }
        if self.check.is_empty() {
            self.focus.set_index(1);
            return Typed::Refused(Missing::CheckMissing);
        }
        Typed::Sought {
            code: typed,
            check: self.check.value.clone(),
        }
    }

    /// The check as typed (to look the appointment up again after a change).
    pub(crate) fn check(&self) -> &str {
        &self.check.value
    }

    /// Back on the form: the focus on the code, what was typed kept.
    pub(crate) fn focus_first(&mut self) {
        self.focus.set_index(0);
    }

    fn on_button(&self) -> bool {
        self.focus.index() == 2
    }

    /// The form under `paras` (what was said, the screen's introduction).
    pub(crate) fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        view: &View,
        paras: &[Para],
    ) -> Option<Position> {
        let rows = [
            self.code
                .row(view.tr.text("manage-code"), spaced(&self.code.value)),
            self.check
                .row(view.tr.text("manage-check"), self.check.value.clone()),
            FormRow::button(view.tr.text("form-continue")),
        ];
        form::render_under(frame, area, view, paras, &rows, self.focus.index())
    }

    /// `said` (what was said, the screen's introduction), then the field with the focus.
    pub(crate) fn speech(&self, said: Speech, tr: &Tr) -> Speech {
        match self.focus.index() {
            0 => {
                // Said as shown, spelled for a voice.
                let code = if tr.is_spoken() {
                    crate::i18n::spelled(&self.code.value)
                } else {
                    spaced(&self.code.value)
                };
                said.typing(tr.text("manage-code"), code, None)
            }
            1 => said.typing(tr.text("manage-check"), self.check.value.clone(), None),
            _ => said.focus(tr.text("form-continue")),
        }
    }

    pub(crate) fn hints(&self) -> Vec<Hint> {
        if self.on_button() {
            form_hints(false, "does-validate")
        } else {
            form_hints(true, "does-next-field")
        }
    }

    /// Something typed that Esc would lose.
    pub(crate) fn holds_input(&self) -> bool {
        !(self.code.is_empty() && self.check.is_empty())
    }
}

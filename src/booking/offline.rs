//! When the network's database cannot be reached: said in plain words, with the help point's
//! phone and what still works, and a callback request (first name, phone, what for) the
//! kiosk keeps until the network has it. Nothing says "confirmé" unless the server answered.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, choosing_hints, form_hints};
use crate::app::speech::Speech;
use crate::app::text_field::{FieldKind, TextField};
use crate::domain::person::{format_phone, parse_phone, show_phone};
use crate::store::{Reply, Request};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::form::{self, FormRow};
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// What happened, and the choices.
    Told,
    Form,
    /// The request is with the kiosk's store.
    Sending,
    /// Kept on the kiosk; `sent` when the network has it already.
    Taken {
        sent: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    FirstName,
    Phone,
    About,
    Send,
}

const ROWS: [Row; 4] = [Row::FirstName, Row::Phone, Row::About, Row::Send];

pub struct OfflineScreen {
    step: Step,
    focus: FocusGrid,
    first_name: TextField,
    phone: TextField,
    about: TextField,
    /// What is wrong with a row, or what a key did not do.
    said: Option<(Row, &'static str)>,
    failed: bool,
}

impl OfflineScreen {
    /// `about`: what the person was doing (the motif chosen), said in the request.
    pub fn new(first_name: &str, phone: &str, about: &str) -> OfflineScreen {
        OfflineScreen {
            step: Step::Told,
            focus: FocusGrid::new(vec![1, 1]),
            first_name: TextField::new(FieldKind::Name, 40).with(first_name),
            phone: TextField::new(FieldKind::Phone, 16).with(phone),
            about: TextField::new(FieldKind::Text, 80).with(about),
            said: None,
            failed: false,
        }
    }

    fn row(&self) -> Row {
        ROWS[self.focus.index().min(ROWS.len() - 1)]
    }

    fn field(&mut self, row: Row) -> Option<&mut TextField> {
        match row {
            Row::FirstName => Some(&mut self.first_name),
            Row::Phone => Some(&mut self.phone),
            Row::About => Some(&mut self.about),
            Row::Send => None,
        }
    }

    fn send(&mut self, ctx: &Ctx) -> Action {
        if self.first_name.is_empty() {
            return self.refuse(Row::FirstName, "callback-error-name");
        }
        let Ok(phone) = parse_phone(&self.phone.value) else {
            return self.refuse(Row::Phone, "callback-error-phone");
        };
        self.step = Step::Sending;
        Action::Emit(Effect::Store(Request::Callback {
            first_name: self.first_name.value.trim().to_string(),
            phone,
            about: self.about.value.trim().to_string(),
            asked_at: ctx.now,
        }))
    }

    fn refuse(&mut self, row: Row, why: &'static str) -> Action {
        self.said = Some((row, why));
        self.focus
            .set_index(ROWS.iter().position(|r| *r == row).unwrap_or(0));
        Action::None
    }

    fn form_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        let row = self.row();
        match key {
            Key::Enter if row == Row::Send => return self.send(ctx),
            Key::Enter => {
                self.focus.navigate(Key::Down);
            }
            key if TextField::takes(key) => {
                let Some(field) = self.field(row) else {
                    return Action::None;
                };
                // A key the field does not take is said, as on the booking form.
                let full = field.is_full();
                let taken = field.input(key);
                self.said = match key {
                    Key::Char(c) if !taken => field.refused(c, full).map(|id| (row, id)),
                    _ => None,
                };
            }
            key => {
                self.focus.navigate(key);
            }
        }
        Action::None
    }

    fn typed(&self) -> bool {
        !(self.first_name.is_empty() && self.phone.is_empty() && self.about.is_empty())
    }
}

impl Screen for OfflineScreen {
    fn title(&self) -> &'static str {
        "offline-title"
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step {
            Step::Told => match self.focus.choose(key) {
                Some(0) => {
                    self.step = Step::Form;
                    self.focus = FocusGrid::new(vec![1; ROWS.len()]);
                    Action::None
                }
                Some(_) => Action::Home,
                None if key == Key::Esc => Action::Back,
                None => Action::None,
            },
            Step::Form if key == Key::Esc => {
                self.step = Step::Told;
                self.focus = FocusGrid::new(vec![1, 1]);
                Action::None
            }
            Step::Form => self.form_key(key, ctx),
            Step::Sending => Action::None,
            Step::Taken { .. } => match key {
                Key::Enter | Key::Esc | Key::Char('1') => Action::Finish,
                _ => Action::None,
            },
        }
    }

    fn reply(&mut self, reply: Reply, _ctx: &Ctx) -> Action {
        match reply {
            Reply::CallbackTaken { sent } => {
                self.step = Step::Taken { sent };
                self.focus = FocusGrid::new(vec![1]);
            }
            Reply::Failed(_) => {
                self.step = Step::Form;
                self.failed = true;
            }
            _ => {}
        }
        Action::None
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        match self.step {
            Step::Told => {
                let (paras, choices) = told_page(view);
                Some(page::Body::new(paras, choices, Some(self.focus.index())))
            }
            Step::Taken { sent } => {
                let (paras, choices) = self.taken_page(sent, view);
                Some(page::Body::new(paras, choices, Some(0)))
            }
            Step::Form | Step::Sending => None,
        }
    }

    fn focus_choice(&mut self, index: usize) {
        if self.step == Step::Told {
            self.focus.set_index(index);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let phone = || view.kiosk.help_point.phone.clone();
        match self.step {
            Step::Told | Step::Taken { .. } => {
                page::render_body(frame, area, view, &self.body(view)?)
            }
            Step::Form | Step::Sending => {
                let mut paras: Vec<Para> = Vec::new();
                if self.failed {
                    paras.push(page::notice(
                        view.tr
                            .text_with("callback-failed", &[("phone", phone().into())]),
                    ));
                }
                paras.push(page::heading(view.tr.text("callback-intro")));
                let rows: Vec<FormRow> = ROWS
                    .iter()
                    .map(|row| {
                        let mut r = match row {
                            Row::FirstName => self.first_name.row(
                                view.tr.text("callback-first-name"),
                                self.first_name.value.clone(),
                            ),
                            // Grouped as typed: "06 12 34 56 78".
                            Row::Phone => self.phone.row(
                                view.tr.text("callback-phone"),
                                format_phone(&self.phone.value),
                            ),
                            Row::About => self
                                .about
                                .row(view.tr.text("callback-about"), self.about.value.clone()),
                            Row::Send => FormRow::button(view.tr.text("callback-send")),
                        };
                        if let Some((said_row, id)) = self.said
                            && said_row == *row
                        {
                            r.errors.push(view.tr.text(id));
                        }
                        r
                    })
                    .collect();
                form::render_under(frame, area, view, &paras, &rows, self.focus.index())
            }
        }
    }

    fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        let phone = view.kiosk.help_point.phone.clone();
        match self.step {
            Step::Told => {
                let (paras, choices) = told_page(view);
                Speech::page(&paras, &choices, Some(self.focus.index()), tr)
            }
            Step::Form | Step::Sending => {
                let mut s = Speech::new();
                if self.failed {
                    s = s.message(tr.text_with("callback-failed", &[("phone", phone.into())]));
                }
                if let Some((_, id)) = self.said {
                    s = s.message(tr.text(id));
                }
                s = s.text(tr.text("callback-intro"));
                match self.row() {
                    Row::FirstName => s.typing(
                        tr.text("callback-first-name"),
                        self.first_name.value.clone(),
                        None,
                    ),
                    Row::Phone => s.typing(
                        tr.text("callback-phone"),
                        crate::i18n::phone_in_pairs(&format_phone(&self.phone.value)),
                        None,
                    ),
                    Row::About => {
                        s.typing(tr.text("callback-about"), self.about.value.clone(), None)
                    }
                    Row::Send => s.focus(tr.text("callback-send")),
                }
            }
            Step::Taken { sent } => {
                let (paras, choices) = self.taken_page(sent, view);
                Speech::page(&paras, &choices, Some(0), tr)
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            // What Enter does on the focused row: the next line, or send.
            Step::Form if self.row() == Row::Send => form_hints(false, "does-validate"),
            Step::Form => form_hints(true, "does-next-field"),
            _ => choosing_hints(),
        }
    }

    fn holds_input(&self) -> bool {
        self.step == Step::Form && self.typed()
    }

    fn esc_loses_input(&self) -> bool {
        false
    }
}

/// What happened, whom to call, and the choices.
fn told_page(view: &View) -> (Vec<Para>, Vec<Choice>) {
    let phone = view.kiosk.help_point.phone.clone();
    let paras = vec![
        page::notice(view.tr.text("offline-told")),
        page::text(
            view.tr
                .text_with("offline-call", &[("phone", phone.into())]),
        ),
        page::text(view.tr.text("offline-still")),
    ];
    let choices = vec![
        Choice::numbered(1, view.tr.text("offline-callback")),
        Choice::numbered(2, view.tr.text("offline-home")),
    ];
    (paras, choices)
}

impl OfflineScreen {
    fn taken_page(&self, sent: bool, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let id = if sent {
            "callback-sent"
        } else {
            "callback-kept"
        };
        let paras = vec![page::success(
            view.tr
                .text_with(id, &[("phone", show_phone(&self.phone_e164()).into())]),
        )];
        (
            paras,
            vec![Choice::numbered(1, view.tr.text("booking-finish"))],
        )
    }

    fn phone_e164(&self) -> String {
        parse_phone(&self.phone.value).unwrap_or_else(|_| self.phone.value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screen::hint;

    fn keys(screen: &mut OfflineScreen, keys: &[Key]) -> Vec<Action> {
        crate::testing::press(screen, keys)
    }

    #[test]
    fn a_callback_request_needs_a_name_and_a_number_and_keeps_what_was_typed() {
        let mut screen = OfflineScreen::new("", "", "Aide pour une démarche en ligne");
        keys(&mut screen, &[Key::Char('1')]);
        // Straight to "Envoyer": the name is asked for first.
        keys(&mut screen, &[Key::Down, Key::Down, Key::Down, Key::Enter]);
        assert_eq!(screen.said, Some((Row::FirstName, "callback-error-name")));
        assert_eq!(screen.row(), Row::FirstName);
        let typed: Vec<Key> = "Marie".chars().map(Key::Char).collect();
        keys(&mut screen, &typed);
        keys(&mut screen, &[Key::Enter, Key::Char('x')]);
        assert_eq!(screen.said, Some((Row::Phone, "form-said-digits-only")));
        let typed: Vec<Key> = "0612345678".chars().map(Key::Char).collect();
        keys(&mut screen, &typed);
        keys(&mut screen, &[Key::Enter, Key::Enter]);
        // On "Envoyer" the key bar says Enter sends.
        assert!(screen.hints().contains(&hint("key-enter", "does-validate")));
        let sent = keys(&mut screen, &[Key::Enter]);
        match sent.last() {
            Some(Action::Emit(Effect::Store(Request::Callback {
                first_name,
                phone,
                about,
                ..
            }))) => {
                assert_eq!(first_name, "Marie");
                assert_eq!(phone, "+33612345678");
                assert_eq!(about, "Aide pour une démarche en ligne");
            }
            _ => panic!("not sent"),
        }
        // A second Enter while it is being kept sends nothing more.
        assert_eq!(screen.step, Step::Sending);
        assert!(matches!(
            keys(&mut screen, &[Key::Enter]).last(),
            Some(Action::None)
        ));
    }
}

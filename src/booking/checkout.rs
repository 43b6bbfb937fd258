//! The steps after choosing what and when, shared by appointments and workshops: who you are,
//! a reminder (when there is a way to reach you), sharing the diagnostic (when there is one),
//! then checking and confirming.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::form::{FormEvent, IdentityForm};
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Hint, choosing_hints, form_hints, hint};
use crate::app::speech::Speech;
use crate::domain::person::Person;
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::lines::Lines;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Identity,
    Reminder,
    Share,
    Confirm,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Checkout {
    form: IdentityForm,
    pub person: Option<Person>,
    pub reminder: bool,
    pub share: bool,
    offer_share: bool,
    /// A gateway sends reminders and the appointment is far enough away for one.
    offer_reminder: bool,
    phone_required: bool,
    phone_missing: bool,
    /// A seat in a workshop: "inscription", never "rendez-vous".
    workshop: bool,
    /// The waiting list of a full workshop: a first name and a phone, nothing else asked.
    waitlist: bool,
    step: Step,
    focus: FocusGrid,
}

pub enum CheckoutEvent {
    None,
    /// Esc on the form: back to choosing.
    Back,
    /// The person confirmed.
    Confirm,
}

impl Checkout {
    /// The first name and the phone as typed so far.
    pub fn typed(&self) -> (&str, &str) {
        self.form.typed()
    }

    /// `offer_share` when a diagnostic was made; `phone_required` for appointments by phone.
    pub fn new(offer_share: bool, phone_required: bool) -> Checkout {
        Checkout {
            form: IdentityForm::new(),
            person: None,
            reminder: false,
            share: false,
            offer_share,
            offer_reminder: false,
            phone_required,
            phone_missing: false,
            workshop: false,
            waitlist: false,
            step: Step::Identity,
            focus: FocusGrid::new(Vec::new()),
        }
    }

    /// Registering for a workshop: its own words on the check step.
    pub fn for_workshop(mut self) -> Checkout {
        self.workshop = true;
        self
    }

    /// Joining a full workshop's waiting list: the phone is needed to tell of a free seat.
    pub fn for_waitlist(mut self) -> Checkout {
        self.workshop = true;
        self.waitlist = true;
        self.phone_required = true;
        self
    }

    /// Staff booking for someone: a phone number alone is enough.
    pub fn on_behalf(mut self) -> Checkout {
        self.form = IdentityForm::on_behalf();
        self
    }

    pub fn holds_input(&self) -> bool {
        !self.form.is_empty() || self.person.is_some()
    }

    /// Esc on the form leaves it, and what was typed with it.
    pub fn esc_loses_input(&self) -> bool {
        self.step == Step::Identity && !self.form.is_empty()
    }

    /// Whether a reminder can be sent for what is being booked (see `ticket::reminder_possible`).
    pub fn offer_reminder(&mut self, possible: bool) {
        self.offer_reminder = possible;
    }

    /// The reminder question is asked: one can be sent, and the person can be reached.
    fn asks_reminder(&self) -> bool {
        self.offer_reminder
            && self
                .person
                .as_ref()
                .is_some_and(|p| p.phone.is_some() || p.email.is_some())
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        let choices = match step {
            Step::Identity => 0,
            Step::Reminder | Step::Share => 2,
            Step::Confirm => 1,
        };
        self.focus = FocusGrid::new(vec![1; choices]);
    }

    fn after(&mut self, step: Step) {
        let next = match step {
            Step::Identity if self.asks_reminder() => Step::Reminder,
            Step::Identity | Step::Reminder if self.offer_share => Step::Share,
            _ => Step::Confirm,
        };
        if next != Step::Reminder && step == Step::Identity {
            self.reminder = false;
        }
        self.go(next);
    }

    fn before(&mut self, step: Step) -> bool {
        let previous = match step {
            Step::Identity => return false,
            Step::Reminder => Step::Identity,
            Step::Share if self.asks_reminder() => Step::Reminder,
            Step::Share => Step::Identity,
            Step::Confirm if self.offer_share => Step::Share,
            Step::Confirm if self.asks_reminder() => Step::Reminder,
            Step::Confirm => Step::Identity,
        };
        self.go(previous);
        true
    }
    pub fn handle(&mut self, key: Key) -> CheckoutEvent {
        if key == Key::Esc {
            return if self.before(self.step) {
                CheckoutEvent::None
            } else {
                CheckoutEvent::Back
            };
        }
        match self.step {
            Step::Identity => {
                if let FormEvent::Done(person) = self.form.handle(key) {
                    self.phone_missing = self.phone_required && person.phone.is_none();
                    if !self.phone_missing {
                        self.person = Some(person);
                        self.after(Step::Identity);
                    }
                }
            }
            Step::Reminder => {
                if let Some(i) = self.focus.choose(key) {
                    self.reminder = i == 0;
                    self.after(Step::Reminder);
                }
            }
            Step::Share => {
                if let Some(i) = self.focus.choose(key) {
                    self.share = i == 0;
                    self.go(Step::Confirm);
                }
            }
            Step::Confirm => {
                if self.focus.choose(key).is_some() {
                    return CheckoutEvent::Confirm;
                }
            }
        }
        CheckoutEvent::None
    }

    /// (which, of how many): the steps of the checkout, as far as they are known.
    pub fn steps(&self) -> (usize, usize) {
        let mut steps = vec![Step::Identity];
        if self.offer_reminder && (self.person.is_none() || self.asks_reminder()) {
            steps.push(Step::Reminder);
        }
        if self.offer_share {
            steps.push(Step::Share);
        }
        steps.push(Step::Confirm);
        let at = steps.iter().position(|s| *s == self.step).unwrap_or(0);
        (at + 1, steps.len())
    }

    /// The notices, the question and the choices of a step past the form.
    fn page(
        &self,
        view: &View,
        mut paras: Vec<Para>,
        summary: Vec<Para>,
    ) -> (Vec<Para>, Vec<Choice>) {
        let choices = match self.step {
            Step::Identity => {
                if self.phone_missing {
                    let id = if self.waitlist {
                        "waitlist-phone-needed"
                    } else {
                        "booking-phone-needed"
                    };
                    paras.push(page::notice(view.tr.text(id)));
                }
                let title = if self.form.on_behalf {
                    "form-title-on-behalf"
                } else {
                    "form-title"
                };
                paras.push(page::heading(view.tr.text(title)));
                Vec::new()
            }
            Step::Reminder | Step::Share => {
                let question = if self.step == Step::Reminder {
                    "booking-reminder-question"
                } else {
                    "booking-share-question"
                };
                paras.push(page::heading(view.tr.text(question)));
                vec![
                    Choice::numbered(1, view.tr.text("answer-yes")),
                    Choice::numbered(2, view.tr.text("answer-no")),
                ]
            }
            Step::Confirm => {
                let (check, confirm) = if self.waitlist {
                    ("waitlist-check", "waitlist-confirm")
                } else if self.workshop {
                    ("workshop-check", "workshop-confirm")
                } else {
                    ("booking-check", "booking-confirm")
                };
                paras.push(page::heading(view.tr.text(check)));
                paras.extend(summary);
                if let Some(p) = &self.person {
                    paras.push(page::text(person_line(p, view)));
                }
                vec![Choice::numbered(1, view.tr.text(confirm))]
            }
        };
        (paras, choices)
    }

    /// `summary` says what is being booked; `paras` are notices to show first.
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        view: &View,
        paras: Vec<Para>,
        summary: Vec<Para>,
    ) -> Option<Position> {
        let (paras, choices) = self.page(view, paras, summary);
        if self.step == Step::Identity {
            let text = page::lines(&paras, area.width, view);
            let h = (text.len() as u16).min(area.height);
            frame.render_widget(Lines::new(text), Rect { height: h, ..area });
            return self.form.render(
                frame,
                Rect {
                    y: area.y + h,
                    height: area.height - h,
                    ..area
                },
                view,
            );
        }
        page::render(
            frame,
            area,
            view,
            &paras,
            &choices,
            Some(self.focus.index().min(choices.len().saturating_sub(1))),
        )
    }

    /// The steps drawn as paragraphs above choices (all but the identity form).
    pub fn body(&self, view: &View, paras: Vec<Para>, summary: Vec<Para>) -> Option<page::Body> {
        if self.step == Step::Identity {
            return None;
        }
        let (paras, choices) = self.page(view, paras, summary);
        let focus = self.focus.index().min(choices.len().saturating_sub(1));
        Some(page::Body::new(paras, choices, Some(focus)))
    }

    pub fn focus_choice(&mut self, index: usize) {
        if self.step != Step::Identity {
            self.focus.set_index(index);
        }
    }

    /// What the step says: on the form, the field focused; on the check step, the whole
    /// summary before "Confirmer".
    pub fn speech(&self, view: &View, paras: Vec<Para>, summary: Vec<Para>) -> Speech {
        let (paras, choices) = self.page(view, paras, summary);
        if self.step == Step::Identity {
            let form = self.form.speech(view);
            let mut s = Speech::page(&paras, &[], None, &view.tr);
            s.messages.extend(form.messages);
            s.focus = form.focus;
            s.typing = form.typing;
            return s;
        }
        Speech::page(&paras, &choices, Some(self.focus.index()), &view.tr)
    }

    pub fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Identity if self.form.on_checkbox() => vec![
                hint("key-space", "does-tick"),
                hint("key-enter", "does-next-field"),
                hint("key-up-down", "does-move-field"),
            ],
            Step::Identity => form_hints(self.form.on_field(), "does-next-field"),
            _ => choosing_hints(),
        }
    }
}

/// "Marie D. — 06 12 34 56 78"
pub fn person_line(p: &Person, view: &View) -> String {
    let mut name = p.first_name.clone();
    if let Some(i) = &p.last_initial {
        name.push(' ');
        name.push_str(i);
        name.push('.');
    }
    let contact = match (&p.phone, &p.email) {
        (Some(phone), _) if view.tr.is_spoken() => {
            crate::i18n::phone_in_pairs(&crate::domain::person::show_phone(phone))
        }
        (Some(phone), _) => crate::domain::person::show_phone(phone),
        (None, Some(email)) => email.clone(),
        (None, None) => view.tr.text("form-phone-none"),
    };
    format!("{name} — {contact}")
}

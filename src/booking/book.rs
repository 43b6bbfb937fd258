//! "Prendre rendez-vous": what for, which day, which time, who, reminders and sharing, then
//! the confirmation with its code. One screen walks the steps; Esc goes back one step.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::agenda::{Agenda, Where};
use super::form::{FormEvent, IdentityForm};
use super::person::Person;
use super::picker::{Picker, PickerEvent};
use super::slots::{Slot, free_slots, last_day};
use super::ticket::{self, Confirmed};
use super::rules;
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::diagnostic::Outcome;
use crate::i18n::Tr;
use crate::store::{CODE_PLACEHOLDER, NewBooking, Refusal, Reminder, Reply, Request};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Motif,
    Slot,
    Identity,
    Reminder,
    Share,
    Confirm,
    Done(Confirmed),
    Qr(Confirmed),
}

/// Something to tell the person on the current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    SlotTaken,
    NoSlots,
    PhoneNeeded,
    Technical,
    Printed,
    PrinterFailed,
}

pub struct BookingScreen {
    agenda: Rc<Agenda>,
    diagnostic: Option<Outcome>,
    motif: Option<usize>,
    picker: Option<Picker>,
    slot: Option<Slot>,
    form: IdentityForm,
    person: Option<Person>,
    reminder: bool,
    share: bool,
    step: Step,
    notice: Option<Notice>,
    focus: FocusGrid,
    booked_by: String,
}

/// The next steps of a finished booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    Qr,
    Print,
    Finish,
}

impl BookingScreen {
    pub fn new(agenda: Rc<Agenda>) -> BookingScreen {
        let motifs = agenda.motifs.len();
        BookingScreen {
            agenda,
            diagnostic: None,
            motif: None,
            picker: None,
            slot: None,
            form: IdentityForm::new(),
            person: None,
            reminder: false,
            share: false,
            step: Step::Motif,
            notice: None,
            focus: FocusGrid::new(vec![1; motifs]),
            booked_by: "kiosk".into(),
        }
    }

    /// From the diagnostic's result: the motif that serves its needs is preselected.
    pub fn from_diagnostic(agenda: Rc<Agenda>, outcome: Outcome) -> BookingScreen {
        let mut screen = BookingScreen::new(agenda);
        screen.motif = motif_for(&screen.agenda, &outcome);
        if let Some(m) = screen.motif {
            screen.focus.set_index(m);
        }
        screen.diagnostic = Some(outcome);
        screen
    }

    fn has_contact(&self) -> bool {
        self.person.as_ref().is_some_and(|p| p.phone.is_some() || p.email.is_some())
    }

    fn after_choices(&self, ctx_printer: bool) -> Vec<After> {
        let mut choices = vec![After::Qr];
        if ctx_printer {
            choices.push(After::Print);
        }
        choices.push(After::Finish);
        choices
    }

    fn go(&mut self, step: Step, choices: usize) {
        self.step = step;
        self.focus = FocusGrid::new(vec![1; choices]);
    }

    fn load_slots(&mut self, ctx: &Ctx) -> Action {
        let Some(m) = self.motif else { return Action::None };
        self.picker = None;
        self.step = Step::Slot;
        let horizon = self.agenda.motifs[m].horizon;
        Action::Emit(Effect::Store(Request::Busy {
            from: ctx.now.date(),
            to: last_day(ctx.now, horizon),
        }))
    }

    fn confirmed(&self, code: String, tr: &Tr) -> Option<Confirmed> {
        let slot = self.slot.as_ref()?;
        let motif = &self.agenda.motifs[slot.motif];
        Some(Confirmed {
            code,
            starts: slot.starts,
            ends: slot.ends,
            what: tr.text(&motif.label),
            counsellor: Some(self.agenda.counsellors[slot.counsellor].name.clone()),
            place: motif.place,
            room: self.agenda.plages[slot.plage].room.clone(),
            bring: motif.after.as_ref().map(|id| tr.text(id)),
            phone: self.person.as_ref().and_then(|p| p.phone.clone()),
        })
    }

    fn book(&self, ctx: &Ctx) -> Action {
        let (Some(slot), Some(person)) = (&self.slot, &self.person) else {
            return Action::None;
        };
        let tr = ctx.config.i18n.tr(&ctx.settings.locale);
        let reminder = if self.reminder {
            let preview = self.confirmed(CODE_PLACEHOLDER.into(), &tr).expect("a slot");
            rules::reminder_due(slot.starts, ctx.now).map(|due| Reminder {
                due,
                recipient: person.phone.clone().or(person.email.clone()).unwrap_or_default(),
                message: ticket::reminder(&preview, &tr, &ctx.config.kiosk),
            })
        } else {
            None
        };
        let diagnostic = match (&self.diagnostic, self.share) {
            (Some(outcome), true) => serde_json::to_string(outcome).ok(),
            _ => None,
        };
        Action::Emit(Effect::Store(Request::Book(NewBooking {
            counsellor: self.agenda.counsellors[slot.counsellor].id.clone(),
            motif: self.agenda.motifs[slot.motif].id.clone(),
            starts: slot.starts,
            ends: slot.ends,
            person: person.clone(),
            reminder,
            diagnostic,
            booked_by: self.booked_by.clone(),
        })))
    }

    /// After the form: reminders (when there is a way to reach the person), sharing (when
    /// there is a diagnostic), then the summary.
    fn after_identity(&mut self) {
        if self.has_contact() {
            self.go(Step::Reminder, 2);
        } else {
            self.reminder = false;
            self.after_reminder();
        }
    }

    fn after_reminder(&mut self) {
        if self.diagnostic.is_some() {
            self.go(Step::Share, 2);
        } else {
            self.go(Step::Confirm, 1);
        }
    }

    fn back(&mut self) -> Action {
        self.notice = None;
        match self.step.clone() {
            Step::Motif => return Action::Back,
            Step::Slot => {
                let m = self.motif.unwrap_or(0);
                self.go(Step::Motif, self.agenda.motifs.len());
                self.focus.set_index(m);
            }
            Step::Identity => self.step = Step::Slot,
            Step::Reminder => self.step = Step::Identity,
            Step::Share => {
                if self.has_contact() {
                    self.go(Step::Reminder, 2);
                } else {
                    self.step = Step::Identity;
                }
            }
            Step::Confirm => {
                if self.diagnostic.is_some() {
                    self.go(Step::Share, 2);
                } else if self.has_contact() {
                    self.go(Step::Reminder, 2);
                } else {
                    self.step = Step::Identity;
                }
            }
            // The booking is made: going back means going home.
            Step::Done(_) => return Action::Home,
            Step::Qr(c) => self.go(Step::Done(c), 3),
        }
        Action::None
    }

    /// Picks by digit, or by Enter on the focus; arrows move. `None` when nothing was chosen.
    fn pick(&mut self, key: Key, count: usize) -> Option<usize> {
        if let Some(n) = key.digit().filter(|n| *n <= count) {
            self.focus.set_index(n - 1);
            return Some(n - 1);
        }
        if self.focus.navigate(key) {
            return None;
        }
        (key == Key::Enter && count > 0).then(|| self.focus.index())
    }
}

/// The first motif whose needs meet the diagnostic's.
pub fn motif_for(agenda: &Agenda, outcome: &Outcome) -> Option<usize> {
    outcome
        .needs
        .iter()
        .find_map(|need| agenda.motifs.iter().position(|m| m.needs.contains(need)))
}

impl Screen for BookingScreen {
    fn title(&self) -> &'static str {
        match self.step {
            Step::Done(_) | Step::Qr(_) => "booking-done-title",
            _ => "booking-title",
        }
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        // From the diagnostic the motif is known: straight to the days.
        if self.motif.is_some() {
            return self.load_slots(ctx);
        }
        Action::None
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc && !(self.step == Step::Slot && self.picker.as_ref().is_some_and(Picker::choosing_time)) {
            return self.back();
        }
        match self.step.clone() {
            Step::Motif => {
                if let Some(m) = self.pick(key, self.agenda.motifs.len()) {
                    self.motif = Some(m);
                    self.notice = None;
                    return self.load_slots(ctx);
                }
            }
            Step::Slot => {
                let Some(picker) = &mut self.picker else { return Action::None };
                match picker.handle(key) {
                    PickerEvent::Chosen(slot) => {
                        self.slot = Some(slot);
                        self.notice = None;
                        self.step = Step::Identity;
                    }
                    PickerEvent::Back => return self.back(),
                    PickerEvent::None => {}
                }
            }
            Step::Identity => {
                if let FormEvent::Done(person) = self.form.handle(key) {
                    let by_phone = self
                        .motif
                        .is_some_and(|m| self.agenda.motifs[m].place == Where::ByPhone);
                    if by_phone && person.phone.is_none() {
                        self.notice = Some(Notice::PhoneNeeded);
                        return Action::None;
                    }
                    self.notice = None;
                    self.person = Some(person);
                    self.after_identity();
                }
            }
            Step::Reminder => {
                if let Some(i) = self.pick(key, 2) {
                    self.reminder = i == 0;
                    self.after_reminder();
                }
            }
            Step::Share => {
                if let Some(i) = self.pick(key, 2) {
                    self.share = i == 0;
                    self.go(Step::Confirm, 1);
                }
            }
            Step::Confirm => {
                if self.pick(key, 1).is_some() {
                    return self.book(ctx);
                }
            }
            Step::Done(c) => {
                let choices = self.after_choices(ctx.config.kiosk.ticket_printer.is_some());
                if let Some(i) = self.pick(key, choices.len()) {
                    match choices[i] {
                        After::Qr => self.go(Step::Qr(c), 0),
                        After::Print => {
                            let tr = ctx.config.i18n.tr(&ctx.settings.locale);
                            return Action::Emit(Effect::Print(ticket::ticket(&c, &tr, &ctx.config.kiosk)));
                        }
                        After::Finish => return Action::Home,
                    }
                }
            }
            Step::Qr(c) => {
                if matches!(key, Key::Enter | Key::Char(_)) {
                    self.go(Step::Done(c), 3);
                }
            }
        }
        Action::None
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        match reply {
            Reply::Busy(busy) => {
                let Some(m) = self.motif else { return Action::None };
                let slots = free_slots(&self.agenda, m, &busy, ctx.now);
                self.notice = match (slots.is_empty(), self.notice) {
                    (true, _) => Some(Notice::NoSlots),
                    (false, keep) => keep,
                };
                self.picker = Some(Picker::new(slots));
            }
            Reply::Booked(Ok(code)) => {
                let tr = ctx.config.i18n.tr(&ctx.settings.locale);
                if let Some(c) = self.confirmed(code, &tr) {
                    self.notice = None;
                    let n = self.after_choices(ctx.config.kiosk.ticket_printer.is_some()).len();
                    self.go(Step::Done(c), n);
                }
            }
            Reply::Booked(Err(Refusal::SlotTaken)) => {
                // Taken meanwhile (another kiosk, a counsellor): fresh slots, never an error.
                self.notice = Some(Notice::SlotTaken);
                self.slot = None;
                return self.load_slots(ctx);
            }
            Reply::Printed(ok) => {
                self.notice = Some(if ok { Notice::Printed } else { Notice::PrinterFailed });
            }
            Reply::Booked(Err(_)) | Reply::Failed(_) => self.notice = Some(Notice::Technical),
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let mut paras: Vec<Para> = Vec::new();
        if let Some(notice) = self.notice {
            let id = match notice {
                Notice::SlotTaken => "booking-slot-taken",
                Notice::NoSlots => "booking-no-slots",
                Notice::PhoneNeeded => "booking-phone-needed",
                Notice::Technical => "technical-problem",
                Notice::Printed => "booking-printed",
                Notice::PrinterFailed => "booking-printer-failed",
            };
            let text = view
                .tr
                .text_with(id, &[("phone", view.kiosk.help_point.phone.clone().into())]);
            paras.push(page::notice(text));
        }
        let motif = self.motif.map(|m| &self.agenda.motifs[m]);
        match &self.step {
            Step::Motif => {
                paras.push(page::heading(view.tr.text("booking-choose-motif")));
                let choices: Vec<Choice> = self
                    .agenda
                    .motifs
                    .iter()
                    .enumerate()
                    .map(|(i, m)| Choice::numbered(i + 1, motif_line(m, view)))
                    .collect();
                page::render(frame, area, view, &paras, &choices, Some(self.focus.index()))
            }
            Step::Slot => {
                if let Some(m) = motif {
                    paras.insert(0, page::strong(view.tr.text(&m.label)));
                    if let Some(before) = &m.before {
                        paras.push(page::text(view.tr.text(before)));
                    }
                }
                match &self.picker {
                    Some(picker) if !picker.is_empty() => picker.render(frame, area, view, &self.agenda, paras),
                    _ => page::render(frame, area, view, &paras, &[], None),
                }
            }
            Step::Identity => {
                paras.push(page::heading(view.tr.text("form-title")));
                let text = page::lines(&paras, area.width, view);
                let h = (text.len() as u16).min(area.height);
                frame.render_widget(ratatui::widgets::Paragraph::new(text), Rect { height: h, ..area });
                self.form.render(frame, Rect { y: area.y + h, height: area.height - h, ..area }, view)
            }
            Step::Reminder | Step::Share => {
                let question = if self.step == Step::Reminder { "booking-reminder-question" } else { "booking-share-question" };
                paras.push(page::heading(view.tr.text(question)));
                let choices = yes_no(view);
                page::render(frame, area, view, &paras, &choices, Some(self.focus.index()))
            }
            Step::Confirm => {
                paras.push(page::heading(view.tr.text("booking-check")));
                if let Some(c) = self.confirmed(String::new(), &view.tr) {
                    paras.push(page::text(c.what.clone()));
                    paras.push(page::text(ticket::when(&c, &view.tr)));
                }
                if let Some(p) = &self.person {
                    paras.push(page::text(person_line(p, view)));
                }
                let choices = vec![Choice::numbered(1, view.tr.text("booking-confirm"))];
                page::render(frame, area, view, &paras, &choices, Some(0))
            }
            Step::Done(c) => {
                paras.extend(ticket::paras(c, &view.tr, view.kiosk));
                let choices: Vec<Choice> = self
                    .after_choices(view.kiosk.ticket_printer.is_some())
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let id = match a {
                            After::Qr => "booking-show-qr",
                            After::Print => "booking-print",
                            After::Finish => "booking-finish",
                        };
                        Choice::numbered(i + 1, view.tr.text(id))
                    })
                    .collect();
                page::render(frame, area, view, &paras, &choices, Some(self.focus.index()))
            }
            Step::Qr(c) => render_qr(frame, area, view, &ticket::vevent(c, view.kiosk)),
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Identity => vec![
                hint("key-arrows", "does-move-field"),
                hint("key-enter", "does-next-field"),
            ],
            _ => vec![
                hint("key-arrows", "does-move"),
                hint("key-enter", "does-choose"),
                hint("key-digits", "does-choose-number"),
            ],
        }
    }

    fn holds_input(&self) -> bool {
        !matches!(self.step, Step::Done(_) | Step::Qr(_)) && (!self.form.is_empty() || self.person.is_some())
    }

    fn full_screen(&self) -> bool {
        matches!(self.step, Step::Qr(_))
    }
}

fn motif_line(m: &super::agenda::Motif, view: &View) -> String {
    let place = match m.place {
        Where::OnSite => view.tr.text("booking-on-site"),
        Where::ByPhone => view.tr.text("booking-by-phone"),
    };
    view.tr.text_with(
        "booking-motif-line",
        &[
            ("label", view.tr.text(&m.label).into()),
            ("minutes", m.duration.num_minutes().into()),
            ("place", place.into()),
        ],
    )
}

pub fn yes_no(view: &View) -> Vec<Choice> {
    vec![
        Choice::numbered(1, view.tr.text("answer-yes")),
        Choice::numbered(2, view.tr.text("answer-no")),
    ]
}

pub fn person_line(p: &Person, view: &View) -> String {
    let mut name = p.first_name.clone();
    if let Some(i) = &p.last_initial {
        name.push(' ');
        name.push_str(i);
        name.push('.');
    }
    let contact = match (&p.phone, &p.email) {
        (Some(phone), _) => super::person::format_phone(phone),
        (None, Some(email)) => email.clone(),
        (None, None) => view.tr.text("form-phone-none"),
    };
    format!("{name} — {contact}")
}

/// A full-screen QR code with one line of words under it.
pub fn render_qr(frame: &mut Frame, area: Rect, view: &View, payload: &str) -> Option<Position> {
    let (w, h) = crate::ui::qr::size(payload).unwrap_or((0, 0));
    let x = area.x + area.width.saturating_sub(w) / 2;
    let drawn = crate::ui::qr::render(frame, Rect { x, width: area.width - (x - area.x), height: area.height.saturating_sub(1), ..area }, payload);
    let text = if drawn { view.tr.text("qr-scan") } else { view.tr.text("qr-too-small") };
    let y = if drawn { area.y + h } else { area.y };
    let line = Rect { y: y.min(area.bottom().saturating_sub(1)), height: 1, ..area };
    frame.render_widget(
        ratatui::widgets::Paragraph::new(text).style(view.theme.heading.style()),
        line,
    );
    Some(Position::new(line.x, line.y))
}

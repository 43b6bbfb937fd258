//! "Gérer mon rendez-vous": the code and the last two digits of the phone (or the first name)
//! find the appointment; the person may cancel it (up to 4 h before) or change it (up to
//! 2 days before). Never called "Annulation": people took that for a cancelled appointment.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::agenda::Agenda;
use super::book::{Notice, motif_line};
use super::lookup::{LookupForm, Missing, Typed};
use super::offline::OfflineScreen;
use super::picker::{Picker, PickerEvent};
use super::receipt::{Receipt, ReceiptEvent};
use super::rules;
use super::slots::{Slot, free_slots, last_day};
use super::ticket::{self, Confirmed};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::app::speech::Speech;
use crate::calendar::words;
use crate::store::Busy;
use crate::store::{
    Appointment, CODE_PLACEHOLDER, Canceller, Move, Refusal, Reply, Request, Status, StoreError,
    What,
};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Lookup,
    Found,
    ConfirmCancel,
    Change,
    /// The new day and time chosen: shown with the place and counsellor, to confirm.
    ConfirmChange,
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choose {
    Cancel,
    Change,
    Finish,
    /// A cancelled appointment: book another.
    Another,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Message {
    NotFound,
    /// Booked at another help point of the network: managed there.
    Elsewhere,
    /// The lookup form's refusal (a code's shape, a check missing).
    Refused(Missing),
    Cancelled,
    Changed,
    TooLate,
    Other(Notice),
}

pub struct ManageScreen {
    agenda: Rc<Agenda>,
    form: LookupForm,
    /// After a change of day or time: the same receipt as a new booking's.
    receipt: Option<Receipt>,
    found: Option<Appointment>,
    picker: Option<Picker>,
    /// The slot chosen to move to, until confirmed.
    chosen: Option<Slot>,
    step: Step,
    message: Option<Message>,
    /// The network's help point where the code was booked (`Message::Elsewhere`).
    elsewhere: Option<String>,
    focus: FocusGrid,
    /// The choices on screen: a digit means what the person saw, even if a rule expired
    /// since (the store then refuses kindly).
    offered: Vec<Choose>,
}

impl ManageScreen {
    pub fn new(agenda: Rc<Agenda>) -> ManageScreen {
        ManageScreen {
            agenda,
            form: LookupForm::new(),
            found: None,
            receipt: None,
            picker: None,
            chosen: None,
            step: Step::Lookup,
            message: None,
            elsewhere: None,
            focus: FocusGrid::new(Vec::new()),
            offered: Vec::new(),
        }
    }

    fn choices(&self, now: chrono::NaiveDateTime) -> Vec<Choose> {
        let calendar = &self.agenda.calendar;
        let mut out = Vec::new();
        if self.found.as_ref().is_some_and(|a| a.status.cancelled()) {
            return vec![Choose::Another, Choose::Finish];
        }
        if let Some(a) = &self.found
            && !a.status.cancelled()
        {
            if rules::citizen_may_cancel(calendar, a.starts, now) {
                out.push(Choose::Cancel);
            }
            if matches!(a.what, What::Booking { .. })
                && rules::citizen_may_change(calendar, a.starts, now)
            {
                out.push(Choose::Change);
            }
        }
        out.push(Choose::Finish);
        out
    }

    fn show_found(&mut self, now: chrono::NaiveDateTime) {
        self.step = Step::Found;
        self.offered = self.choices(now);
        self.focus = FocusGrid::new(vec![1; self.offered.len()]);
        // A destructive choice is never the default: two Entrée never cancel.
        if let Some(safe) = self.offered.iter().position(|c| *c != Choose::Cancel) {
            self.focus.set_index(safe);
        }
    }

    /// Done: "Terminer", and after a cancellation another appointment.
    fn show_finished(&mut self) {
        self.step = Step::Finished;
        self.offered = if self.message == Some(Message::Cancelled) {
            vec![Choose::Finish, Choose::Another]
        } else {
            vec![Choose::Finish]
        };
        self.focus = FocusGrid::new(vec![1; self.offered.len()]);
    }

    /// Another appointment, in place of this screen.
    fn another(&self) -> Action {
        Action::Replace(Box::new(super::book::BookingScreen::new(
            self.agenda.clone(),
        )))
    }

    /// The appointment as it would be on the chosen slot.
    fn preview(&self, tr: &crate::i18n::Tr) -> Option<Confirmed> {
        let (a, slot) = (self.found.as_ref()?, self.chosen.as_ref()?);
        let mut preview = self.confirmed(a, tr);
        preview.code = CODE_PLACEHOLDER.into();
        preview.starts = slot.starts;
        preview.counsellor = Some(self.agenda.counsellors[slot.counsellor].name.clone());
        Some(preview)
    }

    /// Moves the appointment to the chosen slot, its reminder with it.
    fn reschedule(&self, ctx: &Ctx) -> Action {
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        let (Some(a), Some(slot), Some(preview)) = (&self.found, &self.chosen, self.preview(&tr))
        else {
            return Action::None;
        };
        let reminder = if a.reminder {
            ticket::reminder_for(&a.person, &preview, &tr, ctx.kiosk, ctx.now)
        } else {
            None
        };
        Action::Emit(Effect::Store(Request::Reschedule {
            code: a.code.clone(),
            to: Move {
                counsellor: self.agenda.counsellors[slot.counsellor].id.clone(),
                starts: slot.starts,
                ends: slot.ends,
                reminder,
            },
            limit: rules::change_limit(&self.agenda.calendar, ctx.now),
        }))
    }

    fn confirmed(&self, a: &Appointment, tr: &crate::i18n::Tr) -> Confirmed {
        let (what, counsellor, place, room) = match &a.what {
            What::Booking { counsellor, motif } => {
                let m = self
                    .agenda
                    .motif_by_id(motif)
                    .map(|m| &self.agenda.motifs[m]);
                (
                    m.map_or(motif.clone(), |m| tr.text(&m.label)),
                    self.agenda
                        .counsellor_by_id(counsellor)
                        .map(|c| self.agenda.counsellors[c].name.clone()),
                    m.map_or(super::agenda::Where::OnSite, |m| m.place),
                    None,
                )
            }
            What::Workshop { workshop } => {
                let series = workshop.split('@').next().unwrap_or_default();
                let title = self
                    .agenda
                    .workshops
                    .iter()
                    .find(|w| w.id == series)
                    .map_or(workshop.clone(), |w| tr.text(&w.title));
                (title, None, super::agenda::Where::OnSite, None)
            }
        };
        Confirmed {
            code: a.code.clone(),
            starts: a.starts,
            ends: a.ends,
            what,
            counsellor,
            place,
            room,
            bring: None,
            phone: a.person.phone.clone(),
            workshop: matches!(a.what, crate::store::What::Workshop { .. }),
        }
    }
}

impl ManageScreen {
    fn message_para(&self, view: &View) -> Option<Para> {
        let phone = view.kiosk.help_point.phone.clone();
        Some(match self.message? {
            Message::NotFound => page::notice(view.tr.text("manage-not-found")),
            Message::Elsewhere => page::notice(view.tr.text_with(
                "manage-elsewhere",
                &[("place", self.elsewhere.clone().unwrap_or_default().into())],
            )),
            Message::Refused(missing) => missing.notice(view),
            Message::Cancelled => page::success(view.tr.text("manage-cancelled")),
            Message::Changed => page::success(view.tr.text("manage-changed")),
            Message::TooLate => page::notice(
                view.tr
                    .text_with("manage-too-late", &[("phone", phone.into())]),
            ),
            Message::Other(n) => n.para(view),
        })
    }

    /// The appointment found and what may be done with it; the cancellation's question; the
    /// new time to confirm. With the choice focused.
    fn page(&self, mut paras: Vec<Para>, view: &View) -> (Vec<Para>, Vec<Choice>, usize) {
        if self.step == Step::ConfirmChange {
            return self.confirm_change_page(paras, view);
        }
        if let Some(a) = &self.found {
            paras.extend(self.found_paras(a, view));
        }
        let choices: Vec<Choice> = match self.step {
            Step::Found | Step::Finished => self.offered_choices(view),
            Step::ConfirmCancel => {
                paras.push(page::heading(view.tr.text("manage-cancel-question")));
                vec![
                    Choice::numbered(1, view.tr.text("manage-cancel-yes")),
                    Choice::numbered(2, view.tr.text("manage-cancel-no")),
                ]
            }
            _ => vec![Choice::numbered(1, view.tr.text("booking-finish"))],
        };
        let focus = self.focus.index().min(choices.len().saturating_sub(1));
        (paras, choices, focus)
    }

    /// The new time to confirm: when it is now, the question, the new day and time, where.
    fn confirm_change_page(
        &self,
        mut paras: Vec<Para>,
        view: &View,
    ) -> (Vec<Para>, Vec<Choice>, usize) {
        if let (Some(a), Some(preview)) = (&self.found, self.preview(&view.tr)) {
            paras.push(page::text(view.tr.text_with(
                "manage-now",
                &[
                    ("day", words::day(&view.tr, a.starts.date()).into()),
                    ("time", words::time(&view.tr, a.starts).into()),
                ],
            )));
            paras.push(page::heading(view.tr.text("manage-change-question")));
            paras.push(page::strong(ticket::when(&preview, &view.tr)));
            if preview.place != super::agenda::Where::ByPhone {
                paras.push(page::text(view.tr.text_with(
                    "confirm-place",
                    &[("place", ticket::place(&preview, view.kiosk).into())],
                )));
            }
        }
        let choices = vec![
            Choice::numbered(1, view.tr.text("manage-change-yes")),
            Choice::numbered(2, view.tr.text("manage-change-no")),
        ];
        (paras, choices, self.focus.index())
    }

    /// The appointment found: what and when, and where it stands (cancelled, past, or too
    /// near to cancel or change here: the help point's phone).
    fn found_paras(&self, a: &Appointment, view: &View) -> Vec<Para> {
        let phone = view.kiosk.help_point.phone.clone();
        let c = self.confirmed(a, &view.tr);
        let mut paras = vec![
            page::heading(c.what.clone()),
            page::text(ticket::when(&c, &view.tr)),
        ];
        if a.status == Status::CancelledByService && self.step != Step::Finished {
            paras.push(page::notice(view.tr.text_with(
                "manage-cancelled-by-service",
                &[("place", view.kiosk.help_point.name.clone().into())],
            )));
        } else if a.status.cancelled() && self.step != Step::Finished {
            paras.push(page::notice(view.tr.text("manage-is-cancelled")));
        } else if a.starts <= view.now && self.step != Step::Finished {
            paras.push(page::notice(view.tr.text_with(
                "manage-was-on",
                &[
                    ("day", words::day(&view.tr, a.starts.date()).into()),
                    ("time", words::time(&view.tr, a.starts).into()),
                ],
            )));
        } else if self.step == Step::Found && !a.status.cancelled() {
            if !self.offered.contains(&Choose::Cancel) {
                paras.push(page::notice(
                    view.tr
                        .text_with("manage-too-late", &[("phone", phone.clone().into())]),
                ));
            } else if matches!(a.what, What::Booking { .. })
                && !self.offered.contains(&Choose::Change)
            {
                paras.push(page::text(view.tr.text_with(
                    "manage-change-by-phone",
                    &[("phone", phone.clone().into())],
                )));
            }
        }
        paras
    }

    /// What may be done with the appointment, as offered.
    fn offered_choices(&self, view: &View) -> Vec<Choice> {
        self.offered
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let id = match c {
                    Choose::Cancel => "manage-cancel",
                    Choose::Change => "manage-change",
                    Choose::Finish => "booking-finish",
                    Choose::Another => "manage-another",
                };
                Choice::numbered(i + 1, view.tr.text(id))
            })
            .collect()
    }
    /// Above the days and times to move to: the motif and when it is now.
    fn change_paras(&self, mut paras: Vec<Para>, view: &View) -> Vec<Para> {
        if let Some(Appointment {
            what: What::Booking { motif, .. },
            ..
        }) = &self.found
            && let Some(m) = self.agenda.motif_by_id(motif)
        {
            paras.insert(0, page::strong(motif_line(&self.agenda.motifs[m], view)));
            if let Some(a) = &self.found {
                paras.push(page::text(view.tr.text_with(
                    "manage-now",
                    &[
                        ("day", words::day(&view.tr, a.starts.date()).into()),
                        ("time", words::time(&view.tr, a.starts).into()),
                    ],
                )));
            }
        }
        paras
    }
}

impl ManageScreen {
    /// A key on the step shown.
    fn step_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step {
            Step::Lookup => self.lookup_key(key),
            Step::Found => self.found_key(key, ctx),
            Step::ConfirmCancel => self.confirm_cancel_key(key, ctx),
            Step::Change => self.change_key(key, ctx),
            Step::ConfirmChange => self.confirm_change_key(key, ctx),
            Step::Finished => self.finished_key(key, ctx),
        }
    }

    /// On the lookup form: the code, the check, "Continuer".
    fn lookup_key(&mut self, key: Key) -> Action {
        match self.form.key(key) {
            Typed::Back => return Action::Back,
            Typed::Edited => self.message = None,
            Typed::Refused(missing) => self.message = Some(Message::Refused(missing)),
            Typed::Sought { code, check } => {
                self.message = None;
                return Action::Emit(Effect::Store(Request::Find { code, check }));
            }
            Typed::Moved => {}
        }
        Action::None
    }

    /// On the appointment found: cancel it, change it, book another, finish.
    fn found_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            self.step = Step::Lookup;
            return Action::None;
        }
        match self
            .focus
            .choose(key)
            .and_then(|i| self.offered.get(i).copied())
        {
            Some(Choose::Cancel) => {
                self.step = Step::ConfirmCancel;
                // "Non, garder le rendez-vous" is the default.
                self.focus = FocusGrid::new(vec![1, 1]);
                self.focus.set_index(1);
                Action::None
            }
            Some(Choose::Another) => self.another(),
            Some(Choose::Change) => self.change(ctx),
            Some(Choose::Finish) => Action::Finish,
            None => Action::None,
        }
    }

    /// To another day or time: the busy times up to the motif's horizon are asked, for the
    /// free slots.
    fn change(&mut self, ctx: &Ctx) -> Action {
        self.step = Step::Change;
        self.picker = None;
        let horizon = self.found_motif().map_or(chrono::Duration::weeks(8), |m| {
            self.agenda.motifs[m].horizon
        });
        Action::Emit(Effect::Store(Request::Busy {
            from: ctx.now.date(),
            to: last_day(ctx.now, horizon),
        }))
    }

    /// The motif of the booking found (its index in the agenda); none for a workshop.
    fn found_motif(&self) -> Option<usize> {
        match &self.found {
            Some(Appointment {
                what: What::Booking { motif, .. },
                ..
            }) => self.agenda.motif_by_id(motif),
            _ => None,
        }
    }

    /// "Voulez-vous vraiment annuler ce rendez-vous ?": yes asks the store to cancel it, within
    /// the time limit.
    fn confirm_cancel_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            self.show_found(ctx.now);
            return Action::None;
        }
        match self.focus.choose(key) {
            Some(0) => {
                let code = self
                    .found
                    .as_ref()
                    .map(|a| a.code.clone())
                    .unwrap_or_default();
                let limit = rules::cancel_limit(&self.agenda.calendar, ctx.now);
                return Action::Emit(Effect::Store(Request::Cancel {
                    code,
                    by: Canceller::Citizen { limit },
                }));
            }
            Some(_) => self.show_found(ctx.now),
            None => {}
        }
        Action::None
    }

    /// Choosing the new day and time.
    fn change_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.picker.as_mut().map(|p| p.handle(key)) {
            Some(PickerEvent::Chosen(slot)) => {
                self.chosen = Some(slot);
                self.step = Step::ConfirmChange;
                self.focus = FocusGrid::new(vec![1, 1]);
            }
            Some(PickerEvent::Back) | None if key == Key::Esc => self.show_found(ctx.now),
            _ => {}
        }
        Action::None
    }

    /// The new time to confirm: yes moves the appointment, no chooses again.
    fn confirm_change_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.focus.choose(key) {
            Some(0) => return self.reschedule(ctx),
            Some(_) => self.step = Step::Change,
            None if key == Key::Esc => self.step = Step::Change,
            None => {}
        }
        Action::None
    }

    /// Done: the receipt of a change, or "Terminer" and another appointment.
    fn finished_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        if let Some(receipt) = &mut self.receipt {
            return match receipt.handle(key, ctx) {
                ReceiptEvent::Print(ticket) => Action::Emit(Effect::Print(ticket)),
                ReceiptEvent::Say(words) => Action::Emit(Effect::Say(words)),
                ReceiptEvent::Finish => Action::Finish,
                ReceiptEvent::None => Action::None,
            };
        }
        if key == Key::Esc {
            return Action::Finish;
        }
        match self
            .focus
            .choose(key)
            .and_then(|i| self.offered.get(i).copied())
        {
            Some(Choose::Another) => self.another(),
            Some(_) => Action::Finish,
            None => Action::None,
        }
    }

    /// The free slots to move to, from the busy times the store answered (for a booking).
    fn offer_slots(&mut self, busy: Vec<Busy>, ctx: &Ctx) {
        if let Some(m) = self.found_motif() {
            let slots = free_slots(&self.agenda, m, &busy, ctx.now);
            if slots.is_empty() {
                self.message = Some(Message::Other(Notice::NoSlots));
            }
            self.picker = Some(Picker::new(slots));
        }
    }
}

impl Screen for ManageScreen {
    fn title(&self) -> &'static str {
        "manage-title"
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        // What was said belongs to the step it was said on: a key that goes to another step
        // leaves it behind, unless it says something new.
        let (step, said) = (self.step, self.message);
        let action = self.step_key(key, ctx);
        if self.step != step && self.message == said {
            self.message = None;
        }
        action
    }

    fn printed(&mut self, ok: bool, _ctx: &Ctx) -> Action {
        if let Some(receipt) = &mut self.receipt {
            receipt.printed(ok);
        }
        Action::None
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        match reply {
            // After a change, the new time: the same receipt as a new booking (code, QR code,
            // ticket, the confirmation sent).
            Reply::Found(Some(a)) if self.step == Step::Finished => {
                let tr = ctx.i18n.tr(&ctx.settings.locale);
                let mut confirm = Action::None;
                if self.message == Some(Message::Changed) && !a.status.cancelled() {
                    let (receipt, action) = Receipt::made(self.confirmed(&a, &tr), &a.person, ctx);
                    self.receipt = Some(receipt.moved());
                    confirm = action;
                }
                self.found = Some(a);
                return confirm;
            }
            Reply::Found(Some(a)) => {
                self.found = Some(a);
                self.message = None;
                self.show_found(ctx.now);
            }
            Reply::Found(None) => self.message = Some(Message::NotFound),
            Reply::FoundElsewhere(place) => {
                self.elsewhere = Some(place);
                self.message = Some(Message::Elsewhere);
            }
            Reply::Cancelled(Ok(())) => {
                self.message = Some(Message::Cancelled);
                self.show_finished();
            }
            Reply::Busy(busy) => self.offer_slots(busy, ctx),
            Reply::Rescheduled(Ok(())) => {
                self.message = Some(Message::Changed);
                self.show_finished();
                // Show the new time.
                let code = self
                    .found
                    .as_ref()
                    .map(|a| a.code.clone())
                    .unwrap_or_default();
                let check = self.form.check().to_string();
                return Action::Emit(Effect::Store(Request::Find { code, check }));
            }
            Reply::Rescheduled(Err(Refusal::SlotTaken)) => {
                self.message = Some(Message::Other(Notice::SlotTaken));
                self.step = Step::Change;
                return Action::Emit(Effect::Store(Request::Busy {
                    from: ctx.now.date(),
                    to: last_day(ctx.now, chrono::Duration::weeks(8)),
                }));
            }
            Reply::Cancelled(Err(Refusal::TooLate)) | Reply::Rescheduled(Err(Refusal::TooLate)) => {
                self.message = Some(Message::TooLate);
                self.show_found(ctx.now);
            }
            Reply::Failed(StoreError::Unreachable(_)) => {
                let about = ctx.i18n.tr(&ctx.settings.locale).text("manage-title");
                return Action::Push(Box::new(OfflineScreen::new("", "", &about)));
            }
            Reply::Cancelled(Err(_)) | Reply::Rescheduled(Err(_)) | Reply::Failed(_) => {
                self.message = Some(Message::Other(Notice::Technical));
            }
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let paras: Vec<Para> = self.message_para(view).into_iter().collect();
        match self.step {
            Step::Lookup => {
                let mut paras = paras;
                paras.push(page::text(view.tr.text("manage-intro")));
                self.form.render(frame, area, view, &paras)
            }
            _ => match self.body(view) {
                Some(body) => page::render_body(frame, area, view, &body),
                // The receipt's QR code, drawn whole.
                None => self.receipt.as_ref()?.render(frame, area, view),
            },
        }
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        if let (Step::Finished, Some(receipt)) = (self.step, &self.receipt) {
            return receipt.body(view);
        }
        let paras: Vec<Para> = self.message_para(view).into_iter().collect();
        match self.step {
            Step::Lookup => None,
            Step::Change => {
                let paras = self.change_paras(paras, view);
                Some(match &self.picker {
                    Some(picker) if !picker.is_empty() => picker.body(view, &self.agenda, paras),
                    _ => page::Body::new(paras, Vec::new(), None),
                })
            }
            _ => {
                let (paras, choices, focus) = self.page(paras, view);
                Some(page::Body::new(paras, choices, Some(focus)))
            }
        }
    }

    fn focus_choice(&mut self, index: usize) {
        match (self.step, &mut self.picker) {
            (Step::Lookup, _) => {}
            (Step::Finished, _) if self.receipt.is_some() => {
                if let Some(receipt) = &mut self.receipt {
                    receipt.focus_choice(index);
                }
            }
            (Step::Change, Some(picker)) => picker.focus_choice(index),
            _ => self.focus.set_index(index),
        }
    }

    fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        let paras: Vec<Para> = self.message_para(view).into_iter().collect();
        match self.step {
            Step::Lookup => {
                let said = Speech::page(&paras, &[], None, tr).text(tr.text("manage-intro"));
                self.form.speech(said, tr)
            }
            Step::Finished if self.receipt.is_some() => self
                .receipt
                .as_ref()
                .map(|r| r.speech(view))
                .unwrap_or_default(),
            Step::Change => {
                let paras = self.change_paras(paras, view);
                match &self.picker {
                    Some(picker) if !picker.is_empty() => picker.speech(view, &self.agenda, paras),
                    _ => Speech::page(&paras, &[], None, tr),
                }
            }
            _ => {
                let (paras, choices, focus) = self.page(paras, view);
                Speech::page(&paras, &choices, Some(focus), tr)
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Lookup => self.form.hints(),
            Step::Change => match &self.picker {
                Some(picker) => picker.hints(),
                None => choosing_hints(),
            },
            Step::Finished if self.receipt.is_some() => self
                .receipt
                .as_ref()
                .map(Receipt::hints)
                .unwrap_or_default(),
            _ => choosing_hints(),
        }
    }

    fn full_screen(&self) -> bool {
        self.receipt.as_ref().is_some_and(Receipt::full_screen)
    }

    fn holds_input(&self) -> bool {
        self.step == Step::Lookup && self.form.holds_input()
    }

    fn esc_loses_input(&self) -> bool {
        self.holds_input()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;
    use crate::testing::{appointment, demo_config};

    fn found(a: Appointment, now: &str) -> (ManageScreen, Rc<crate::kiosk::Config>) {
        let config = demo_config();
        let mut screen = ManageScreen::new(config.agenda.clone());
        let settings = crate::app::Settings::defaults(&config.kiosk);
        let ctx = Ctx {
            kiosk: &config.kiosk,
            i18n: &config.i18n,
            settings: &settings,
            now: parse_local(now).unwrap(),
            screen: (80, 24),
        };
        screen.reply(Reply::Found(Some(a)), &ctx);
        (screen, config)
    }

    #[test]
    fn a_rule_that_expires_while_the_choices_show_is_refused_kindly_not_a_panic() {
        // At 09:55 the 14:00 appointment can still be cancelled: three choices.
        let (mut screen, config) = found(
            appointment("2026-03-05T14:00", Status::Upcoming),
            "2026-03-05T09:55",
        );
        assert_eq!(screen.offered, vec![Choose::Cancel, Choose::Finish]);
        // The person reads slowly: it is 10:05 when they press 1, then confirm.
        let settings = crate::app::Settings::defaults(&config.kiosk);
        let ctx = Ctx {
            kiosk: &config.kiosk,
            i18n: &config.i18n,
            settings: &settings,
            now: parse_local("2026-03-05T10:05").unwrap(),
            screen: (80, 24),
        };
        assert!(matches!(
            screen.handle(Key::Char('2'), &ctx),
            Action::Finish
        ));
        let (mut screen, _) = found(
            appointment("2026-03-05T14:00", Status::Upcoming),
            "2026-03-05T09:55",
        );
        screen.handle(Key::Char('1'), &ctx);
        let action = screen.handle(Key::Char('1'), &ctx);
        let Action::Emit(Effect::Store(Request::Cancel {
            by: Canceller::Citizen { limit },
            ..
        })) = action
        else {
            panic!("a cancellation request")
        };
        assert_eq!(
            limit,
            parse_local("2026-03-05T14:05").unwrap(),
            "the rule as of now"
        );
        // The store refuses (the rule passed): the screen says to call.
        screen.reply(Reply::Cancelled(Err(Refusal::TooLate)), &ctx);
        assert_eq!(screen.message, Some(Message::TooLate));
        assert_eq!(screen.offered, vec![Choose::Finish]);
    }

    /// The screen as the person reads it: the App with this screen open, given the reply.
    fn shown(a: Appointment, now: &str) -> String {
        let config = demo_config();
        let now = parse_local(now).unwrap();
        let mut app = crate::kiosk::app(config.clone(), now);
        app.push(Box::new(ManageScreen::new(config.agenda.clone())), now);
        app.update(crate::app::Msg::Reply(Reply::Found(Some(a))), now);
        crate::testing::shown(&app, now)
    }

    #[test]
    fn a_past_or_cancelled_appointment_says_so() {
        let text = shown(
            appointment("2026-03-02T09:00", Status::Present),
            "2026-03-05T10:00",
        );
        assert!(
            text.contains("Ce rendez-vous a eu lieu le lundi 2 mars à 9 h 00."),
            "{text}"
        );
        assert!(!text.contains("moins de 4 heures"), "{text}");
        assert!(!text.contains("Annuler"), "{text}");
        let text = shown(
            appointment("2026-03-09T09:00", Status::CancelledByService),
            "2026-03-05T10:00",
        );
        assert!(
            text.contains("Ce rendez-vous a été annulé par le lieu"),
            "{text}"
        );
        assert!(!text.contains("Changer"), "{text}");
    }

    /// Issue #27: two Entrée never cancel. "Gérer mon rendez-vous" opens on a choice that
    /// keeps the appointment, and the cancellation's question on "Non".
    #[test]
    fn no_destructive_choice_is_focused_by_default() {
        let (mut screen, config) = found(
            appointment("2026-03-09T14:00", Status::Upcoming),
            "2026-03-05T09:55",
        );
        assert_eq!(
            screen.offered,
            vec![Choose::Cancel, Choose::Change, Choose::Finish]
        );
        assert_ne!(screen.offered[screen.focus.index()], Choose::Cancel);
        let settings = crate::app::Settings::defaults(&config.kiosk);
        let ctx = Ctx {
            kiosk: &config.kiosk,
            i18n: &config.i18n,
            settings: &settings,
            now: parse_local("2026-03-05T09:55").unwrap(),
            screen: (80, 24),
        };
        // Chosen on purpose (its number), the cancellation asks, "Non" focused.
        screen.handle(Key::Char('1'), &ctx);
        assert_eq!(screen.step, Step::ConfirmCancel);
        let action = screen.handle(Key::Enter, &ctx);
        assert!(!matches!(action, Action::Emit(_)), "Entrée kept it");
        assert_eq!(screen.step, Step::Found);
    }

    #[test]
    fn a_cancelled_appointment_offers_another_and_the_help_point_apologises() {
        let text = shown(
            appointment("2026-03-09T09:00", Status::CancelledByService),
            "2026-03-05T10:00",
        );
        assert!(text.contains("annulé par le lieu"), "{text}");
        assert!(text.contains("Nous vous prions de nous excuser"), "{text}");
        assert!(text.contains("Prendre un autre rendez-vous"), "{text}");
        let text = shown(
            appointment("2026-03-09T09:00", Status::CancelledByCitizen),
            "2026-03-05T10:00",
        );
        assert!(text.contains("Ce rendez-vous a été annulé."), "{text}");
        assert!(!text.contains("excuser"), "{text}");
        assert!(text.contains("Prendre un autre rendez-vous"), "{text}");
        // Too late to cancel on the kiosk: the phone, or the desk here.
        let text = shown(
            appointment("2026-03-05T12:00", Status::Upcoming),
            "2026-03-05T10:00",
        );
        assert!(text.contains("ou parlez-en à l'accueil"), "{text}");
    }

    #[test]
    fn a_refusal_is_not_carried_back_to_the_code_and_phone() {
        let config = demo_config();
        let now = parse_local("2026-03-05T09:55").unwrap();
        let mut app = crate::kiosk::app(config.clone(), now);
        app.push(Box::new(ManageScreen::new(config.agenda.clone())), now);
        let a = appointment("2026-03-05T14:00", Status::Upcoming);
        app.update(crate::app::Msg::Reply(Reply::Found(Some(a))), now);
        for key in [Key::Char('1'), Key::Char('1')] {
            app.update(crate::app::Msg::Key(key), now);
        }
        app.update(
            crate::app::Msg::Reply(Reply::Cancelled(Err(Refusal::TooLate))),
            now,
        );
        assert!(crate::testing::shown(&app, now).contains("moins de 4 heures"));
        // Back to the code and the phone: another appointment to look up, not this one's
        // refusal.
        app.update(crate::app::Msg::Key(Key::Esc), now);
        let lookup = crate::testing::shown(&app, now);
        assert!(lookup.contains("Code (6"), "{lookup}");
        assert!(!lookup.contains("moins de 4 heures"), "{lookup}");
    }
}

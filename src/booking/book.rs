//! "Prendre rendez-vous": what for, which day, which time, then who (the shared checkout),
//! and the confirmation with its code. Esc goes back one step.
use crate::calendar::words;
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::agenda::{Agenda, Motif, Where};
use super::checkout::{Checkout, CheckoutEvent};
use super::offline::OfflineScreen;
use super::picker::{Picker, PickerEvent};
use super::receipt::{Receipt, ReceiptEvent};
use super::slots::{Slot, free_slots, last_day, sooner_elsewhere};
use super::ticket::{self, Confirmed};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::app::speech::Speech;
use crate::domain::outcome::Outcome;
use crate::domain::person::Person;
use crate::i18n::Tr;
use crate::store::{BookedBy, CODE_PLACEHOLDER, NewBooking, Refusal, Reply, Request, StoreError};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Body, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Motif,
    Slot,
    Checkout,
    Done,
}

/// Something to tell the person on the current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    SlotTaken,
    NoSlots,
    Technical,
}

impl Notice {
    pub fn para(self, view: &View) -> Para {
        let id = match self {
            Notice::SlotTaken => "booking-slot-taken",
            Notice::NoSlots => "booking-no-slots",
            Notice::Technical => "technical-problem",
        };
        page::notice(
            view.tr
                .text_with(id, &[("phone", view.kiosk.help_point.phone.clone().into())]),
        )
    }
}

pub struct BookingScreen {
    agenda: Rc<Agenda>,
    diagnostic: Option<Outcome>,
    motif: Option<usize>,
    picker: Option<Picker>,
    /// Nothing here soon: the first free slot at another help point of the network.
    elsewhere: Option<Slot>,
    slot: Option<Slot>,
    checkout: Checkout,
    receipt: Option<Receipt>,
    step: Step,
    notice: Option<Notice>,
    focus: FocusGrid,
    booked_by: BookedBy,
}

impl BookingScreen {
    pub fn new(agenda: Rc<Agenda>) -> BookingScreen {
        let motifs = agenda.motifs.len();
        BookingScreen {
            agenda,
            diagnostic: None,
            motif: None,
            picker: None,
            elsewhere: None,
            slot: None,
            checkout: Checkout::new(false, false),
            receipt: None,
            step: Step::Motif,
            notice: None,
            focus: FocusGrid::new(vec![1; motifs]),
            booked_by: BookedBy::Kiosk,
        }
    }

    /// From the diagnostic's result: the motif that serves its needs is preselected, and the
    /// person may share the outcome with the counsellor.
    pub fn from_diagnostic(agenda: Rc<Agenda>, outcome: Outcome) -> BookingScreen {
        let mut screen = BookingScreen::new(agenda);
        screen.motif = motif_for(&screen.agenda, &outcome);
        if let Some(m) = screen.motif {
            screen.focus.set_index(m);
            let by_phone = screen.agenda.motifs[m].place == Where::ByPhone;
            screen.checkout = Checkout::new(true, by_phone);
        }
        screen.diagnostic = Some(outcome);
        screen
    }

    /// Booked by a counsellor on the citizen's behalf.
    pub fn by_counsellor(mut self, who: &str) -> BookingScreen {
        self.booked_by = BookedBy::Counsellor(who.into());
        self
    }

    fn load_slots(&mut self, ctx: &Ctx) -> Action {
        let Some(m) = self.motif else {
            return Action::None;
        };
        self.picker = None;
        self.step = Step::Slot;
        Action::Emit(Effect::Store(Request::Busy {
            from: ctx.now.date(),
            to: last_day(ctx.now, self.agenda.motifs[m].horizon),
        }))
    }

    fn confirmed(&self, code: String, tr: &Tr) -> Option<Confirmed> {
        let phone = self.checkout.person.as_ref().and_then(|p| p.phone.clone());
        Some(Confirmed::of_slot(
            &self.agenda,
            self.slot.as_ref()?,
            code,
            phone,
            tr,
        ))
    }

    fn book(&self, ctx: &Ctx) -> Action {
        let (Some(slot), Some(person)) = (&self.slot, &self.checkout.person) else {
            return Action::None;
        };
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        let reminder = match self.confirmed(CODE_PLACEHOLDER.into(), &tr) {
            Some(c) if self.checkout.reminder => {
                ticket::reminder_for(person, &c, &tr, ctx.kiosk, ctx.now)
            }
            _ => None,
        };
        let diagnostic = match (&self.diagnostic, self.checkout.share) {
            (Some(outcome), true) => serde_json::to_string(outcome).ok(),
            _ => None,
        };
        Action::Emit(Effect::Store(Request::Book(NewBooking {
            counsellor: self.agenda.counsellors[slot.counsellor].id.clone(),
            motif: self.agenda.motifs[slot.motif].id.clone(),
            starts: slot.starts,
            ends: slot.ends,
            person: with_locale(person, &self.booked_by, &ctx.settings.locale),
            reminder,
            diagnostic,
            booked_by: self.booked_by.clone(),
            request_id: None,
        })))
    }
    /// The notices and the text above the choices of the step shown.
    fn paras(&self, view: &View) -> Vec<Para> {
        let mut paras: Vec<Para> = self.notice.iter().map(|n| n.para(view)).collect();
        match self.step {
            Step::Motif => paras.push(page::heading(view.tr.text("booking-choose-motif"))),
            Step::Slot => {
                if let Some(m) = self.motif.map(|m| &self.agenda.motifs[m]) {
                    paras.insert(0, page::strong(view.tr.text(&m.label)));
                    if let Some(bring) = &m.bring {
                        paras.push(page::text(view.tr.text(bring)));
                    }
                }
                if let Some(slot) = &self.elsewhere
                    && let Some(place) = self.agenda.plages[slot.plage]
                        .help_point
                        .map(|h| &self.agenda.elsewhere[h])
                {
                    paras.push(page::text(view.tr.text_with(
                        "booking-elsewhere",
                        &[
                            (
                                "name",
                                self.agenda.counsellors[slot.counsellor].name.clone().into(),
                            ),
                            ("day", words::day(&view.tr, slot.starts.date()).into()),
                            ("place", place.name.clone().into()),
                        ],
                    )));
                }
            }
            Step::Checkout | Step::Done => {}
        }
        paras
    }

    fn motifs(&self, view: &View) -> Vec<Choice> {
        self.agenda
            .motifs
            .iter()
            .enumerate()
            .map(|(i, m)| Choice::numbered(i + 1, motif_line(m, view)))
            .collect()
    }

    /// What is being booked, for the check step.
    fn summary(&self, view: &View) -> Vec<Para> {
        let phone = self.checkout.person.as_ref().and_then(|p| p.phone.clone());
        self.confirmed(String::new(), &view.tr)
            .map(|mut c| {
                c.phone = phone;
                super::check::paras(&c, None, view)
            })
            .unwrap_or_default()
    }

    fn back_to_motifs(&mut self) -> Action {
        self.notice = None;
        self.step = Step::Motif;
        self.focus = FocusGrid::new(vec![1; self.agenda.motifs.len()]);
        self.focus.set_index(self.motif.unwrap_or(0));
        Action::None
    }
}

/// The person, with the language they used at the kiosk (a counsellor booking for someone on
/// the phone does not know it: none is kept).
pub fn with_locale(person: &Person, booked_by: &BookedBy, locale: &str) -> Person {
    Person {
        locale: (!booked_by.on_behalf()).then(|| locale.to_string()),
        ..person.clone()
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
            Step::Done => "booking-done-title",
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
        match self.step {
            Step::Motif => {
                if key == Key::Esc {
                    return Action::Back;
                }
                if let Some(m) = self.focus.choose(key) {
                    self.motif = Some(m);
                    self.notice = None;
                    let m = &self.agenda.motifs[m];
                    self.checkout =
                        Checkout::new(self.diagnostic.is_some(), m.place == Where::ByPhone);
                    if self.booked_by.on_behalf() {
                        self.checkout = self.checkout.clone().on_behalf();
                    }
                    return self.load_slots(ctx);
                }
            }
            Step::Slot => match self.picker.as_mut().map(|p| p.handle(key)) {
                Some(PickerEvent::Chosen(slot)) => {
                    self.checkout.offer_reminder(ticket::reminder_possible(
                        ctx.kiosk,
                        slot.starts,
                        ctx.now,
                    ));
                    self.slot = Some(slot);
                    self.notice = None;
                    self.step = Step::Checkout;
                }
                Some(PickerEvent::Back) => return self.back_to_motifs(),
                None if key == Key::Esc => return self.back_to_motifs(),
                _ => {}
            },
            Step::Checkout => match self.checkout.handle(key) {
                CheckoutEvent::Back => self.step = Step::Slot,
                CheckoutEvent::Confirm => return self.book(ctx),
                CheckoutEvent::None => {}
            },
            Step::Done => {
                if let Some(receipt) = &mut self.receipt {
                    match receipt.handle(key, ctx) {
                        ReceiptEvent::Print(text) => return Action::Emit(Effect::Print(text)),
                        ReceiptEvent::Say(words) => return Action::Emit(Effect::Say(words)),
                        // Staff booking for someone go back to their own screens.
                        ReceiptEvent::Finish if self.booked_by.on_behalf() => return Action::Back,
                        ReceiptEvent::Finish => return Action::Finish,
                        ReceiptEvent::None => {}
                    }
                }
            }
        }
        Action::None
    }

    fn printed(&mut self, ok: bool, _ctx: &Ctx) -> Action {
        if let Some(receipt) = &mut self.receipt {
            receipt.printed(ok);
        }
        Action::None
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        match reply {
            Reply::Busy(busy) => {
                let Some(m) = self.motif else {
                    return Action::None;
                };
                let slots = free_slots(&self.agenda, m, &busy, ctx.now);
                self.elsewhere = sooner_elsewhere(&self.agenda, m, &busy, &slots, ctx.now);
                if slots.is_empty() {
                    self.notice = Some(Notice::NoSlots);
                }
                self.picker = Some(Picker::new(slots));
            }
            Reply::Booked(Ok(code)) => {
                let tr = ctx.i18n.tr(&ctx.settings.locale);
                if let (Some(c), Some(person)) =
                    (self.confirmed(code.clone(), &tr), &self.checkout.person)
                {
                    self.notice = None;
                    let (receipt, confirm) = Receipt::made(c, person, ctx);
                    self.receipt = Some(receipt);
                    self.step = Step::Done;
                    return confirm;
                }
            }
            Reply::Booked(Err(Refusal::SlotTaken)) => {
                // Taken meanwhile (another kiosk, a counsellor): fresh slots, never an error.
                self.notice = Some(Notice::SlotTaken);
                self.slot = None;
                return self.load_slots(ctx);
            }
            // The network is out of reach: said so, with a callback request for a citizen
            // (a counsellor booking for someone is told as of any failure).
            Reply::Failed(StoreError::Unreachable(_)) if !self.booked_by.on_behalf() => {
                let (first_name, phone) = self.checkout.typed();
                let about = self
                    .motif
                    .map(|m| {
                        ctx.i18n
                            .tr(&ctx.settings.locale)
                            .text(&self.agenda.motifs[m].label)
                    })
                    .unwrap_or_default();
                return Action::Push(Box::new(OfflineScreen::new(first_name, phone, &about)));
            }
            Reply::Booked(Err(_)) | Reply::Failed(_) => self.notice = Some(Notice::Technical),
            _ => {}
        }
        Action::None
    }

    fn body(&self, view: &View) -> Option<Body> {
        let paras = self.paras(view);
        match self.step {
            Step::Motif => Some(Body::new(
                paras,
                self.motifs(view),
                Some(self.focus.index()),
            )),
            Step::Slot => match &self.picker {
                Some(picker) if !picker.is_empty() => Some(picker.body(view, &self.agenda, paras)),
                _ => Some(Body::new(paras, Vec::new(), None)),
            },
            Step::Checkout => self.checkout.body(view, paras, self.summary(view)),
            Step::Done => self.receipt.as_ref()?.body(view),
        }
    }

    fn focus_choice(&mut self, index: usize) {
        match self.step {
            Step::Motif => self.focus.set_index(index),
            Step::Slot => {
                if let Some(picker) = &mut self.picker {
                    picker.focus_choice(index);
                }
            }
            Step::Checkout => self.checkout.focus_choice(index),
            Step::Done => {
                if let Some(receipt) = &mut self.receipt {
                    receipt.focus_choice(index);
                }
            }
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        if let Some(body) = self.body(view) {
            return page::render_body(frame, area, view, &body);
        }
        let paras = self.paras(view);
        match self.step {
            Step::Motif | Step::Slot => None,
            // The identity form.
            Step::Checkout => self
                .checkout
                .render(frame, area, view, paras, self.summary(view)),
            Step::Done => match &self.receipt {
                Some(receipt) => receipt.render(frame, area, view),
                None => None,
            },
        }
    }

    fn speech(&self, view: &View) -> Speech {
        let paras = self.paras(view);
        let speech = match self.step {
            Step::Motif => Speech::page(
                &paras,
                &self.motifs(view),
                Some(self.focus.index()),
                &view.tr,
            ),
            Step::Slot => match &self.picker {
                Some(picker) if !picker.is_empty() => picker.speech(view, &self.agenda, paras),
                _ => Speech::page(&paras, &[], None, &view.tr),
            },
            Step::Checkout => self.checkout.speech(view, paras, self.summary(view)),
            Step::Done => {
                return self
                    .receipt
                    .as_ref()
                    .map(|r| r.speech(view))
                    .unwrap_or_default();
            }
        };
        // Where the person is: what for, the day, the time, then the checkout's steps.
        let (in_checkout, checkout_steps) = self.checkout.steps();
        let at = match self.step {
            Step::Motif => 1,
            Step::Slot if self.picker.as_ref().is_some_and(Picker::on_times) => 3,
            Step::Slot => 2,
            _ => 3 + in_checkout,
        };
        let of = 3 + checkout_steps;
        speech.place(view.tr.text_with(
            "said-step-of",
            &[
                ("number", (at as i64).into()),
                ("count", (of as i64).into()),
            ],
        ))
    }

    fn hints(&self) -> Vec<Hint> {
        match (self.step, &self.picker) {
            (Step::Checkout, _) => self.checkout.hints(),
            (Step::Done, _) => self
                .receipt
                .as_ref()
                .map(Receipt::hints)
                .unwrap_or_default(),
            (Step::Slot, Some(picker)) => picker.hints(),
            _ => choosing_hints(),
        }
    }

    fn holds_input(&self) -> bool {
        self.step == Step::Checkout && self.checkout.holds_input()
    }

    fn esc_loses_input(&self) -> bool {
        self.step == Step::Checkout && self.checkout.esc_loses_input()
    }

    fn full_screen(&self) -> bool {
        self.receipt.as_ref().is_some_and(Receipt::full_screen)
    }
}

/// "Aide pour une démarche en ligne (45 min, sur place)"
pub fn motif_line(m: &Motif, view: &View) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::demo_config;
    use crate::vocabulary::coop::Thematique;

    fn outcome(needs: &[&str]) -> Outcome {
        let mut o = Outcome {
            profile: crate::vocabulary::profile::Profile::Autonome,
            needs: Vec::new(),
            administrative: Vec::new(),
            named: None,
            modality: crate::vocabulary::lieux::ModaliteAccompagnement::AccompagnementIndividuel,
            help: crate::domain::outcome::HelpKind::Appointment,
            aidants_connect: None,
            services: Vec::new(),
            equipment: Vec::new(),
            urgent: false,
        };
        o.needs = needs
            .iter()
            .map(|n| Thematique::from_label(n).unwrap())
            .collect();
        o
    }

    fn preselected(needs: &[&str]) -> String {
        let config = demo_config();
        let agenda = &config.agenda;
        let m = motif_for(agenda, &outcome(needs)).expect("a motif");
        agenda.motifs[m].id.clone()
    }

    #[test]
    fn the_diagnostics_need_preselects_the_motif_that_serves_it() {
        assert_eq!(
            preselected(&["Insertion professionnelle", "Bureautique"]),
            "emploi"
        );
        assert_eq!(preselected(&["E-mail"]), "email");
        assert_eq!(preselected(&["Prendre en main du matériel"]), "telephone");
        assert_eq!(preselected(&["Diagnostic numérique"]), "autre");
        assert_eq!(
            preselected(&["Aide aux démarches administratives"]),
            "demarche"
        );
    }

    #[test]
    fn each_common_need_has_its_own_things_to_bring() {
        let config = demo_config();
        let tr = config.i18n.tr("fr");
        let bring = |id: &str| {
            let m = config.agenda.motifs.iter().find(|m| m.id == id).unwrap();
            tr.text(m.bring.as_ref().expect("what to bring"))
        };
        assert!(bring("emploi").contains("CV") && !bring("emploi").contains("Vitale"));
        assert!(bring("email").contains("mot de passe"));
        assert!(!bring("autre").contains("Vitale"));
        assert!(bring("demarche").contains("Vitale"));
    }
}

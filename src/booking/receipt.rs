//! After booking: the confirmation with its code, the QR code for the phone, the printed
//! ticket. Shared by appointments and workshops.
use crate::app::printout::Printout;
use crate::ui::qr;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::ticket::{self, Confirmed};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, choosing_hints, hint};
use crate::app::speech::{Said, Speech};
use crate::config::KioskConfig;
use crate::domain::person::Person;
use crate::i18n::Tr;
use crate::store::Request;
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Qr,
    Print,
    Finish,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub confirmed: Confirmed,
    /// The kiosk speaks: a key says the code again.
    speaks: bool,
    choices: Vec<Next>,
    focus: FocusGrid,
    showing_qr: bool,
    printed: Option<bool>,
    /// Where the confirmation went ("06 12 34 56 78", an e-mail), when one was sent.
    confirmation_to: Option<String>,
    /// An appointment moved to another day or time: said first.
    moved: bool,
}

pub enum ReceiptEvent {
    None,
    Print(Printout),
    /// Say the code again.
    Say(Vec<Said>),
    Finish,
}

impl Receipt {
    /// `printer`: a ticket can be printed; `speaks`: the kiosk speaks. A person without a
    /// phone is offered no QR code: the printed ticket, or the help point's desk, instead.
    pub fn new(confirmed: Confirmed, printer: bool, speaks: bool) -> Receipt {
        let mut choices = Vec::new();
        if confirmed.phone.is_some() {
            choices.push(Next::Qr);
        }
        if printer {
            choices.push(Next::Print);
        }
        choices.push(Next::Finish);
        Receipt {
            confirmed,
            speaks,
            focus: FocusGrid::new(vec![1; choices.len()]),
            choices,
            showing_qr: false,
            printed: None,
            confirmation_to: None,
            moved: false,
        }
    }

    /// The receipt of an appointment moved to another day or time: "Votre rendez-vous est
    /// changé." above the same receipt as a new booking's.
    pub fn moved(mut self) -> Receipt {
        self.moved = true;
        self
    }

    /// The receipt of what was just booked or moved for `person`, and the request that sends
    /// them its confirmation at once (the code in writing, not only the reminder 48 h before)
    /// when the help point has a gateway and the person a phone or an e-mail. The same for a
    /// citizen at the kiosk and a counsellor booking for someone on the phone.
    pub fn made(confirmed: Confirmed, person: &Person, ctx: &Ctx) -> (Receipt, Action) {
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        let mut receipt = Receipt::new(
            confirmed,
            ctx.kiosk.ticket_printer.is_some(),
            ctx.kiosk.speech.is_some(),
        );
        let c = &receipt.confirmed;
        let action = match ticket::confirmation_for(person, c, &tr, ctx.kiosk, ctx.now) {
            Some(message) => {
                receipt.confirmation_to = Some(
                    person
                        .phone
                        .as_deref()
                        .map_or(message.recipient.clone(), crate::domain::person::show_phone),
                );
                Action::Emit(Effect::Store(Request::Confirm {
                    code: c.code.clone(),
                    message,
                }))
            }
            None => Action::None,
        };
        (receipt, action)
    }

    pub fn full_screen(&self) -> bool {
        self.showing_qr
    }

    /// The choices offered: the QR code only where it can be shown.
    fn offered(&self, tr: &Tr, kiosk: &KioskConfig, screen: (u16, u16), linear: bool) -> Vec<Next> {
        let qr = qr::can_show(&ticket::vevents(&self.confirmed, tr, kiosk), screen, linear);
        self.choices
            .iter()
            .copied()
            .filter(|next| qr || *next != Next::Qr)
            .collect()
    }

    pub fn handle(&mut self, key: Key, ctx: &Ctx) -> ReceiptEvent {
        if self.showing_qr {
            if matches!(key, Key::Enter | Key::Esc | Key::Char(_)) {
                self.showing_qr = false;
            }
            return ReceiptEvent::None;
        }
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        let offered = self.offered(&tr, ctx.kiosk, ctx.screen, ctx.settings.screen_reader);
        if self.focus.len() != offered.len() {
            self.focus = FocusGrid::new(vec![1; offered.len()]);
        }
        if key == REPEAT_CODE && self.speaks {
            let tr = ctx.i18n.tr(&ctx.settings.locale).spoken();
            return ReceiptEvent::Say(vec![Said::new(tr.text_with(
                "confirm-code",
                &[("code", self.confirmed.code.clone().into())],
            ))]);
        }
        let chosen = match key {
            // The booking is made: Esc goes home like "Terminer".
            Key::Esc => Some(Next::Finish),
            key => self.focus.choose(key).map(|i| offered[i]),
        };
        match chosen {
            Some(Next::Qr) => {
                self.showing_qr = true;
                ReceiptEvent::None
            }
            Some(Next::Print) => {
                ReceiptEvent::Print(ticket::printout(&self.confirmed, &tr, ctx.kiosk))
            }
            Some(Next::Finish) => ReceiptEvent::Finish,
            None => ReceiptEvent::None,
        }
    }

    /// Whether the ticket printer took the ticket.
    pub fn printed(&mut self, ok: bool) {
        self.printed = Some(ok);
    }

    /// The receipt's text and choices: the code and the day first (the smallest screen shows
    /// them without a key), then whether the ticket came out.
    fn page(&self, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let mut paras: Vec<Para> = ticket::paras(&self.confirmed, &view.tr, view.kiosk);
        let printed = match self.printed {
            Some(true) => Some(page::success(view.tr.text("booking-printed"))),
            Some(false) => Some(page::notice(view.tr.text("booking-printer-failed"))),
            None => None,
        };
        if let Some(printed) = printed {
            paras.insert(2.min(paras.len()), printed);
        }
        if let Some(to) = &self.confirmation_to {
            paras.insert(
                2.min(paras.len()),
                page::text(
                    view.tr
                        .text_with("confirm-sent", &[("to", to.clone().into())]),
                ),
            );
        }
        if self.moved {
            paras.insert(0, page::success(view.tr.text("manage-changed")));
        }
        // No phone to scan a code, no printer: the desk writes it down for them.
        if self.confirmed.phone.is_none() && !self.choices.contains(&Next::Print) {
            paras.insert(
                2.min(paras.len()),
                page::strong(view.tr.text("confirm-ask-desk")),
            );
        }
        // The code's payload is written text, also when the choices are being said.
        let written = view.i18n.tr(view.locale);
        let offered = self.offered(&written, view.kiosk, view.screen, view.linear);
        let choices: Vec<Choice> = offered
            .iter()
            .enumerate()
            .map(|(i, next)| {
                let id = match next {
                    Next::Qr if view.linear => "booking-show-in-words",
                    Next::Qr if self.confirmed.workshop => "workshop-show-qr",
                    Next::Qr => "booking-show-qr",
                    Next::Print => "booking-print",
                    Next::Finish => "booking-finish",
                };
                Choice::numbered(i + 1, view.tr.text(id))
            })
            .collect();
        (paras, choices)
    }

    fn words(&self, view: &View) -> Vec<String> {
        ticket::in_words(&self.confirmed, &view.tr, view.kiosk)
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        if self.showing_qr {
            return qr::full_screen(
                frame,
                area,
                view,
                &ticket::vevents(&self.confirmed, &view.tr, view.kiosk),
                &self.words(view),
            );
        }
        let (paras, choices) = self.page(view);
        page::render(
            frame,
            area,
            view,
            &paras,
            &choices,
            Some(self.focus.index().min(choices.len() - 1)),
        )
    }

    /// The receipt as paragraphs above its choices (not its QR code, drawn whole).
    pub fn body(&self, view: &View) -> Option<page::Body> {
        if self.showing_qr {
            return None;
        }
        let (paras, choices) = self.page(view);
        let focus = self.focus.index().min(choices.len() - 1);
        Some(page::Body::new(paras, choices, Some(focus)))
    }

    pub fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    /// What the receipt says: the whole confirmation, the code spelled, then the choice.
    pub fn speech(&self, view: &View) -> Speech {
        if self.showing_qr {
            let mut s = Speech::new();
            for sentence in qr::speech(view, &self.words(view)) {
                s = s.text(sentence);
            }
            return s;
        }
        let (paras, choices) = self.page(view);
        let mut s = Speech::page(
            &paras,
            &choices,
            Some(self.focus.index().min(choices.len() - 1)),
            &view.tr,
        );
        if self.speaks {
            s = s.text(view.tr.text("said-repeat-code"));
        }
        s
    }

    /// The key that says the code again, in the key bar when the kiosk speaks.
    pub fn hints(&self) -> Vec<Hint> {
        let mut hints = choosing_hints();
        if self.speaks && !self.showing_qr {
            hints.push(hint("key-zero", "does-repeat-code"));
        }
        // The booking is made: Échap ends, as "Terminer" does, not "back".
        if !self.showing_qr {
            hints.push(hint("key-esc", "does-finish"));
        }
        hints
    }
}

/// The key that says the code again: no choice has it, and it is found by touch.
const REPEAT_CODE: Key = Key::Char('0');

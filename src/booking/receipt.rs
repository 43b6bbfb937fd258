//! After booking: the confirmation with its code, the QR code for the phone, the printed
//! ticket. Shared by appointments and workshops.
use crate::ui::qr;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::ticket::{self, Confirmed};
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Ctx, Hint, choosing_hints, hint};
use crate::app::speech::{Said, Speech};
use crate::config::KioskConfig;
use crate::store::Reply;
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
}

pub enum ReceiptEvent {
    None,
    Print(String),
    /// Say the code again.
    Say(Vec<Said>),
    Finish,
}

impl Receipt {
    /// `printer`: a ticket can be printed; `speaks`: the kiosk speaks.
    pub fn new(confirmed: Confirmed, printer: bool, speaks: bool) -> Receipt {
        let mut choices = vec![Next::Qr];
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
        }
    }

    pub fn full_screen(&self) -> bool {
        self.showing_qr
    }

    /// The choices offered: the QR code only where it can be shown.
    fn offered(&self, kiosk: &KioskConfig, screen: (u16, u16), linear: bool) -> Vec<Next> {
        let qr = qr::can_show(&ticket::vevents(&self.confirmed, kiosk), screen, linear);
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
        let offered = self.offered(ctx.kiosk, ctx.screen, ctx.settings.screen_reader);
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
                let tr = ctx.i18n.tr(&ctx.settings.locale);
                ReceiptEvent::Print(ticket::ticket(&self.confirmed, &tr, ctx.kiosk))
            }
            Some(Next::Finish) => ReceiptEvent::Finish,
            None => ReceiptEvent::None,
        }
    }

    pub fn reply(&mut self, reply: &Reply) {
        if let Reply::Printed(ok) = reply {
            self.printed = Some(*ok);
        }
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
        let offered = self.offered(view.kiosk, view.screen, view.linear);
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
                &ticket::vevents(&self.confirmed, view.kiosk),
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
        hints
    }
}

/// The key that says the code again: no choice has it, and it is found by touch.
const REPEAT_CODE: Key = Key::Char('0');

//! After booking: the confirmation with its code, the QR code for the phone, the printed
//! ticket. Shared by appointments and workshops.
use crate::ui::qr;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::ticket::{self, Confirmed};
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::Ctx;
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
    choices: Vec<Next>,
    focus: FocusGrid,
    showing_qr: bool,
    printed: Option<bool>,
}

pub enum ReceiptEvent {
    None,
    Print(String),
    Finish,
}

impl Receipt {
    pub fn new(confirmed: Confirmed, printer: bool) -> Receipt {
        let mut choices = vec![Next::Qr];
        if printer {
            choices.push(Next::Print);
        }
        choices.push(Next::Finish);
        Receipt {
            confirmed,
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

    pub fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        if self.showing_qr {
            return qr::full_screen(
                frame,
                area,
                view,
                &ticket::vevents(&self.confirmed, view.kiosk),
            );
        }
        let mut paras: Vec<Para> = ticket::paras(&self.confirmed, &view.tr, view.kiosk);
        // After the code and the day: whether the ticket came out.
        let printed = match self.printed {
            Some(true) => Some(page::text(view.tr.text("booking-printed"))),
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
                    Next::Qr => "booking-show-qr",
                    Next::Print => "booking-print",
                    Next::Finish => "booking-finish",
                };
                Choice::numbered(i + 1, view.tr.text(id))
            })
            .collect();
        page::render(
            frame,
            area,
            view,
            &paras,
            &choices,
            Some(self.focus.index().min(choices.len() - 1)),
        )
    }
}

//! "Ateliers": the coming workshops with their free seats ("3 places restantes sur 12", or
//! "Complet"), and signing up. A full workshop can never be booked by a citizen.
use std::rc::Rc;

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::agenda::{Agenda, Where, Workshop};
use super::book::Notice;
use super::checkout::{Checkout, CheckoutEvent};
use super::offline::OfflineScreen;
use super::receipt::{Receipt, ReceiptEvent};
use super::ticket::{self, Confirmed};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::app::speech::Speech;
use crate::calendar::words;
use crate::i18n::Tr;
use crate::store::{
    CODE_PLACEHOLDER, NewRegistration, NewWaiting, Refusal, Reply, Request, StoreError,
};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};
use crate::vocabulary::coop::Thematique;

/// How far ahead workshops are listed.
pub const WEEKS_AHEAD: i64 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    List,
    Checkout,
    Done,
    /// On a full session's waiting list, at this place.
    Waiting(u32),
}

pub struct WorkshopsScreen {
    agenda: Rc<Agenda>,
    /// Only these themes, when coming from the diagnostic (the person may see all).
    themes: Vec<Thematique>,
    sessions: Vec<Workshop>,
    taken: Vec<u32>,
    chosen: Option<Workshop>,
    checkout: Checkout,
    receipt: Option<Receipt>,
    step: Step,
    notice: Option<WorkshopNotice>,
    focus: FocusGrid,
    /// The session chosen is full: the checkout puts the person on its waiting list.
    waitlist: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WorkshopNotice {
    Full,
    Other(Notice),
}

impl WorkshopsScreen {
    pub fn new(agenda: Rc<Agenda>) -> WorkshopsScreen {
        WorkshopsScreen {
            agenda,
            themes: Vec::new(),
            sessions: Vec::new(),
            taken: Vec::new(),
            chosen: None,
            checkout: Checkout::new(false, false),
            receipt: None,
            step: Step::List,
            notice: None,
            focus: FocusGrid::new(Vec::new()),
            waitlist: false,
        }
    }

    pub fn on_themes(agenda: Rc<Agenda>, themes: Vec<Thematique>) -> WorkshopsScreen {
        let mut screen = WorkshopsScreen::new(agenda);
        screen.themes = themes;
        screen
    }

    fn load(&mut self, ctx: &Ctx) -> Action {
        let (from, to) = (
            ctx.now.date(),
            ctx.now.date() + Duration::weeks(WEEKS_AHEAD),
        );
        self.sessions.clear();
        self.taken = Vec::new();
        self.step = Step::List;
        self.focus = FocusGrid::new(Vec::new());
        Action::Emit(Effect::Store(Request::Sessions {
            from,
            to,
            planned: self.agenda.planned_sessions(from, to),
        }))
    }

    /// The sessions a citizen may see: coming, not cancelled, on the themes asked.
    fn show(&mut self, sessions: Vec<crate::store::Session>, ctx: &Ctx) {
        let mut shown = Vec::new();
        let mut taken = Vec::new();
        for s in sessions
            .iter()
            .filter(|s| !s.cancelled && s.starts > ctx.now)
        {
            if let Some(w) = self.agenda.session_workshop(s)
                && (self.themes.is_empty()
                    || self.themes.contains(&self.agenda.workshops[w.series].theme))
            {
                shown.push(w);
                taken.push(s.taken);
            }
        }
        self.sessions = shown;
        self.taken = taken;
        let extra = usize::from(!self.themes.is_empty());
        self.focus = FocusGrid::new(vec![1; self.sessions.len() + extra]);
    }

    fn left(&self, i: usize) -> Option<u32> {
        self.taken
            .get(i)
            .map(|t| self.sessions[i].seats.saturating_sub(*t))
    }

    fn confirmed(&self, code: String, tr: &Tr) -> Option<Confirmed> {
        let w = self.chosen.as_ref()?;
        let series = &self.agenda.workshops[w.series];
        Some(Confirmed {
            code,
            starts: w.starts,
            ends: w.ends,
            what: tr.text(&series.title),
            counsellor: None,
            place: Where::OnSite,
            room: series.room.clone(),
            bring: series.bring.as_ref().map(|id| tr.text(id)),
            // A person without a phone is offered no QR code.
            phone: self.checkout.person.as_ref().and_then(|p| p.phone.clone()),
            workshop: true,
        })
    }

    fn register(&self, ctx: &Ctx) -> Action {
        let (Some(w), Some(person)) = (&self.chosen, &self.checkout.person) else {
            return Action::None;
        };
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        let reminder = match self.confirmed(CODE_PLACEHOLDER.into(), &tr) {
            Some(c) if self.checkout.reminder => {
                ticket::reminder_for(person, &c, &tr, ctx.kiosk, ctx.now)
            }
            _ => None,
        };
        Action::Emit(Effect::Store(Request::Register(NewRegistration {
            workshop: w.id.clone(),
            starts: w.starts,
            ends: w.ends,
            seats: w.seats,
            person: super::book::with_locale(
                person,
                &crate::store::BookedBy::Kiosk,
                &ctx.settings.locale,
            ),
            reminder,
            booked_by: crate::store::BookedBy::Kiosk,
            request_id: None,
        })))
    }

    /// Puts the person on the chosen session's waiting list; the message telling of a free
    /// seat is written now, in their language, when a gateway can send it.
    fn join_waitlist(&self, ctx: &Ctx) -> Action {
        let (Some(w), Some(person)) = (&self.chosen, &self.checkout.person) else {
            return Action::None;
        };
        let Some(phone) = person.phone.clone() else {
            return Action::None;
        };
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        let seat_free = ctx.kiosk.reminder_gateway.as_ref().map(|_| {
            super::message::Message::SeatFree {
                title: tr.text(&self.agenda.workshops[w.series].title),
                starts: w.starts,
            }
            .text(&tr, ctx.kiosk)
        });
        Action::Emit(Effect::Store(Request::JoinWaitlist(NewWaiting {
            workshop: w.id.clone(),
            starts: w.starts,
            first_name: person.first_name.clone(),
            phone,
            locale: ctx.settings.locale.clone(),
            seat_free,
        })))
    }

    fn choose(&mut self, i: usize, ctx: &Ctx) -> Action {
        if i == self.sessions.len() {
            // "Voir tous les ateliers"
            self.themes.clear();
            return self.load(ctx);
        }
        match self.left(i) {
            // Full: not a dead end, the waiting list.
            Some(0) => {
                self.notice = Some(WorkshopNotice::Full);
                self.waitlist = true;
                self.checkout = Checkout::new(false, true).for_waitlist();
                self.chosen = Some(self.sessions[i].clone());
                self.step = Step::Checkout;
            }
            Some(_) => {
                self.notice = None;
                self.waitlist = false;
                let session = self.sessions[i].clone();
                self.checkout = Checkout::new(false, false).for_workshop();
                self.checkout
                    .offer_reminder(super::ticket::reminder_possible(
                        ctx.kiosk,
                        session.starts,
                        ctx.now,
                    ));
                self.chosen = Some(session);
                self.step = Step::Checkout;
            }
            // Seats not known (the database did not answer): no sign-up on a guess.
            None => self.notice = Some(WorkshopNotice::Other(Notice::Technical)),
        }
        Action::None
    }

    fn session_line(&self, i: usize, view: &View) -> String {
        let w = &self.sessions[i];
        let series = &self.agenda.workshops[w.series];
        let seats = match self.left(i) {
            Some(0) => view.tr.text("workshop-full"),
            Some(left) => view.tr.text_with(
                "workshop-seats-left",
                &[
                    ("left", i64::from(left).into()),
                    ("seats", i64::from(w.seats).into()),
                ],
            ),
            None => String::new(),
        };
        view.tr.text_with(
            "workshop-line",
            &[
                ("day", words::day(&view.tr, w.starts.date()).into()),
                ("time", words::time(&view.tr, w.starts).into()),
                ("title", view.tr.text(&series.title).into()),
                (
                    "level",
                    view.tr
                        .text(&format!("level-{}", series.level.key()))
                        .into(),
                ),
                ("seats", seats.into()),
            ],
        )
    }
}

impl WorkshopsScreen {
    /// On the waiting list: where, and how the person will hear of a free seat.
    fn waiting(&self, place: u32, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let phone = self
            .checkout
            .person
            .as_ref()
            .and_then(|p| p.phone.as_deref())
            .map(crate::domain::person::show_phone)
            .unwrap_or_default();
        let how = if view.kiosk.reminder_gateway.is_some() {
            "waitlist-told-by-message"
        } else {
            "waitlist-told-by-call"
        };
        let paras = vec![
            page::success(
                view.tr
                    .text_with("waitlist-joined", &[("place", i64::from(place).into())]),
            ),
            page::text(view.tr.text_with(how, &[("phone", phone.into())])),
        ];
        let choices = vec![Choice::numbered(1, view.tr.text("booking-finish"))];
        (paras, choices)
    }

    fn notices(&self, view: &View) -> Vec<Para> {
        match self.notice {
            Some(WorkshopNotice::Full) if self.waitlist => {
                vec![page::notice(view.tr.text("waitlist-offer"))]
            }
            Some(WorkshopNotice::Full) => vec![page::notice(view.tr.text("workshop-full-notice"))],
            Some(WorkshopNotice::Other(n)) => vec![n.para(view)],
            None => Vec::new(),
        }
    }

    /// The list of sessions, each with its seats in words.
    fn list(&self, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let mut paras = self.notices(view);
        if self.sessions.is_empty() {
            paras.push(page::text(view.tr.text_with(
                "workshops-none",
                &[("phone", view.kiosk.help_point.phone.clone().into())],
            )));
        } else if !self.themes.is_empty() {
            let themes: Vec<String> = self
                .themes
                .iter()
                .map(|t| view.tr.text(&format!("need-{}", t.key())))
                .collect();
            paras.push(page::heading(view.tr.text_with(
                "workshops-for",
                &[("themes", themes.join(", ").into())],
            )));
        } else {
            paras.push(page::heading(view.tr.text("workshops-choose")));
        }
        let mut choices: Vec<Choice> = (0..self.sessions.len())
            .map(|i| Choice::numbered(i + 1, self.session_line(i, view)))
            .collect();
        if !self.themes.is_empty() {
            choices.push(Choice::numbered(
                choices.len() + 1,
                view.tr.text("workshops-see-all"),
            ));
        }
        (paras, choices)
    }

    fn summary(&self, view: &View) -> Vec<Para> {
        let about = self
            .chosen
            .as_ref()
            .and_then(|w| self.agenda.workshops[w.series].about.as_ref())
            .map(|id| view.tr.text(id));
        self.confirmed(String::new(), &view.tr)
            .map(|c| super::check::paras(&c, about, view))
            .unwrap_or_default()
    }
}

impl Screen for WorkshopsScreen {
    fn title(&self) -> &'static str {
        match self.step {
            Step::Done => "workshop-done-title",
            _ => "workshops-title",
        }
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        self.load(ctx)
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step {
            Step::List => {
                if key == Key::Esc {
                    return Action::Back;
                }
                if let Some(i) = self.focus.choose(key) {
                    return self.choose(i, ctx);
                }
            }
            Step::Checkout => match self.checkout.handle(key) {
                CheckoutEvent::Back => {
                    self.notice = None;
                    return self.load(ctx);
                }
                CheckoutEvent::Confirm if self.waitlist => return self.join_waitlist(ctx),
                CheckoutEvent::Confirm => return self.register(ctx),
                CheckoutEvent::None => {}
            },
            Step::Waiting(_) => {
                if key == Key::Esc {
                    return self.load(ctx);
                }
                if self.focus.choose(key).is_some() {
                    return Action::Finish;
                }
            }
            Step::Done => {
                if let Some(receipt) = &mut self.receipt {
                    match receipt.handle(key, ctx) {
                        ReceiptEvent::Print(text) => return Action::Emit(Effect::Print(text)),
                        ReceiptEvent::Say(words) => return Action::Emit(Effect::Say(words)),
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
            Reply::Sessions(sessions) => self.show(sessions, ctx),
            Reply::Waitlisted(place) => {
                self.notice = None;
                self.step = Step::Waiting(place);
                self.focus = FocusGrid::new(vec![1]);
            }
            Reply::Registered(Ok(code)) => {
                let tr = ctx.i18n.tr(&ctx.settings.locale);
                if let (Some(c), Some(person)) = (self.confirmed(code, &tr), &self.checkout.person)
                {
                    let (receipt, confirm) = Receipt::made(c, person, ctx);
                    self.receipt = Some(receipt);
                    self.step = Step::Done;
                    return confirm;
                }
            }
            Reply::Registered(Err(Refusal::Full)) => {
                // The last seat went meanwhile: back to the list, with fresh counts.
                self.notice = Some(WorkshopNotice::Full);
                return self.load(ctx);
            }
            Reply::Failed(StoreError::Unreachable(_)) => {
                let about = ctx.i18n.tr(&ctx.settings.locale).text("workshops-title");
                return Action::Push(Box::new(OfflineScreen::new("", "", &about)));
            }
            Reply::Registered(Err(_)) | Reply::Failed(_) => {
                self.notice = Some(WorkshopNotice::Other(Notice::Technical))
            }
            _ => {}
        }
        Action::None
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        match self.step {
            Step::List => {
                let (paras, choices) = self.list(view);
                Some(page::Body::new(paras, choices, Some(self.focus.index())))
            }
            Step::Checkout => self
                .checkout
                .body(view, self.notices(view), self.summary(view)),
            Step::Done => self.receipt.as_ref()?.body(view),
            Step::Waiting(place) => {
                let (paras, choices) = self.waiting(place, view);
                Some(page::Body::new(paras, choices, Some(0)))
            }
        }
    }

    fn focus_choice(&mut self, index: usize) {
        match self.step {
            Step::List | Step::Waiting(_) => self.focus.set_index(index),
            Step::Checkout => self.checkout.focus_choice(index),
            Step::Done => {
                if let Some(receipt) = &mut self.receipt {
                    receipt.focus_choice(index);
                }
            }
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        match self.step {
            Step::List | Step::Waiting(_) => {
                page::render_body(frame, area, view, &self.body(view)?)
            }
            Step::Checkout => {
                self.checkout
                    .render(frame, area, view, self.notices(view), self.summary(view))
            }
            Step::Done => self
                .receipt
                .as_ref()
                .and_then(|r| r.render(frame, area, view)),
        }
    }

    fn speech(&self, view: &View) -> Speech {
        let speech = match self.step {
            Step::List => {
                let (paras, choices) = self.list(view);
                Speech::page(&paras, &choices, Some(self.focus.index()), &view.tr)
            }
            Step::Checkout => self
                .checkout
                .speech(view, self.notices(view), self.summary(view)),
            Step::Done => {
                return self
                    .receipt
                    .as_ref()
                    .map(|r| r.speech(view))
                    .unwrap_or_default();
            }
            Step::Waiting(place) => {
                let (paras, choices) = self.waiting(place, view);
                return Speech::page(&paras, &choices, Some(0), &view.tr);
            }
        };
        // The list, then the checkout's steps.
        let (in_checkout, checkout_steps) = self.checkout.steps();
        let at = match self.step {
            Step::List => 1,
            _ => 1 + in_checkout,
        };
        speech.place(view.tr.text_with(
            "said-step-of",
            &[
                ("number", (at as i64).into()),
                ("count", (1 + checkout_steps as i64).into()),
            ],
        ))
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Checkout => self.checkout.hints(),
            Step::Done => self
                .receipt
                .as_ref()
                .map(Receipt::hints)
                .unwrap_or_default(),
            _ => [choosing_hints(), self.focus.page_hints()].concat(),
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

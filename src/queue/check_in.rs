//! "J'ai un rendez-vous, je suis arrivé(e)": the code and its check (as "Gérer mon
//! rendez-vous" asks them) check in a booking of today within its window: "Installez-vous,
//! Camille vous appelle bientôt", with a ticket for the calling screen. Too early, another day
//! or already past is said kindly, with the queue offered.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::ticket::QueueTicket;
use super::walk_in::{WalkInScreen, big_number};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, choosing_hints};
use crate::app::speech::Speech;
use crate::booking::Agenda;
use crate::booking::book::Notice;
use crate::booking::lookup::{LookupForm, Missing, Typed};
use crate::booking::offline::OfflineScreen;
use crate::calendar::words;
use crate::domain::queue::{self, CheckInRefused};
use crate::store::{QueueRequest, Reply, Request, StoreError};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Lookup,
    /// Checked in: the ticket.
    Done,
    /// Not today, not now: said, with the queue offered.
    Refused(CheckInRefused),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Message {
    /// The lookup form's refusal (a code's shape, a check missing).
    Refused(Missing),
    NotFound,
    Technical,
}

pub(crate) struct CheckInScreen {
    agenda: Rc<Agenda>,
    form: LookupForm,
    step: Step,
    message: Option<Message>,
    /// The appointment's counsellor (first name), once checked in.
    counsellor: Option<String>,
    ticket: Option<QueueTicket>,
    printer: bool,
    printed: Option<bool>,
    focus: FocusGrid,
}

impl CheckInScreen {
    pub(crate) fn new(agenda: Rc<Agenda>) -> CheckInScreen {
        CheckInScreen {
            agenda,
            form: LookupForm::new(),
            step: Step::Lookup,
            message: None,
            counsellor: None,
            ticket: None,
            printer: false,
            printed: None,
            focus: FocusGrid::new(Vec::new()),
        }
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        let rows = match step {
            Step::Lookup => {
                self.form.focus_first();
                0
            }
            Step::Done => 1,
            Step::Refused(CheckInRefused::NotFound) => 1,
            Step::Refused(_) => 2,
        };
        self.focus = FocusGrid::new(vec![1; rows]);
    }

    fn message_para(&self, view: &View) -> Option<Para> {
        Some(match self.message? {
            Message::Refused(missing) => missing.notice(view),
            Message::NotFound => page::notice(view.tr.text("manage-not-found")),
            Message::Technical => Notice::Technical.para(view),
        })
    }

    fn page(&self, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let tr = &view.tr;
        let mut paras: Vec<Para> = self.message_para(view).into_iter().collect();
        let when = |starts: chrono::NaiveDateTime| {
            [
                ("day", words::day(tr, starts.date()).into()),
                ("time", words::time(tr, starts).into()),
            ]
        };
        let choices = match self.step {
            Step::Done => {
                paras.push(page::success(match &self.counsellor {
                    Some(name) => {
                        tr.text_with("check-in-done", &[("counsellor", name.clone().into())])
                    }
                    None => tr.text("check-in-done-anyone"),
                }));
                if let Some(t) = &self.ticket {
                    let number = if tr.is_spoken() {
                        crate::i18n::spelled(&queue::to_spell(t.number))
                    } else {
                        t.label()
                    };
                    paras.push(page::strong(
                        tr.text_with("queue-your-number", &[("ticket", number.into())]),
                    ));
                    paras.push(page::text(tr.text("queue-watch-screen")));
                    match (self.printer, self.printed) {
                        (true, Some(true)) => paras.push(page::success(tr.text("queue-printed"))),
                        (true, Some(false)) => {
                            paras.push(page::notice(tr.text("booking-printer-failed")))
                        }
                        _ => {}
                    }
                }
                vec![Choice::numbered(1, tr.text("queue-finish"))]
            }
            Step::Refused(refused) => {
                let said = match refused {
                    CheckInRefused::NotFound => tr.text("manage-not-found"),
                    CheckInRefused::Cancelled => tr.text("check-in-cancelled"),
                    CheckInRefused::TooEarly { starts, opens } => tr.text_with(
                        "check-in-too-early",
                        &[
                            ("time", words::time(tr, starts).into()),
                            ("opens", words::time(tr, opens).into()),
                        ],
                    ),
                    CheckInRefused::Past { starts } => tr.text_with("check-in-past", &when(starts)),
                    CheckInRefused::AnotherDay { starts } => {
                        tr.text_with("check-in-another-day", &when(starts))
                    }
                };
                paras.push(page::notice(said));
                paras.push(page::text(tr.text("check-in-offer-queue")));
                vec![
                    Choice::numbered(1, tr.text("menu-help-now")),
                    Choice::numbered(2, tr.text("queue-finish")),
                ]
            }
            Step::Lookup => Vec::new(),
        };
        (paras, choices)
    }
}

impl CheckInScreen {
    /// The lookup's form.
    fn on_form(&self) -> bool {
        self.step == Step::Lookup
    }
}

impl Screen for CheckInScreen {
    fn title(&self) -> &'static str {
        "check-in-title"
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        self.printer = ctx.kiosk.ticket_printer.is_some();
        Action::None
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step {
            Step::Lookup => match self.form.key(key) {
                Typed::Back => return Action::Back,
                Typed::Edited => self.message = None,
                Typed::Refused(missing) => self.message = Some(Message::Refused(missing)),
                Typed::Sought { code, check } => {
                    self.message = None;
                    return Action::Emit(Effect::Store(Request::Queue(QueueRequest::CheckIn {
                        code,
                        check,
                        locale: ctx.settings.locale.clone(),
                        window: self.agenda.check_in,
                    })));
                }
                Typed::Moved => {}
            },
            Step::Done => {
                if matches!(key, Key::Enter | Key::Esc | Key::Char('1')) {
                    return Action::Home;
                }
            }
            Step::Refused(_) => match self.focus.choose(key) {
                Some(0) => {
                    return Action::Replace(Box::new(WalkInScreen::new(self.agenda.clone())));
                }
                Some(_) => return Action::Home,
                None if key == Key::Esc => self.go(Step::Lookup),
                None => {}
            },
        }
        Action::None
    }

    fn printed(&mut self, ok: bool, _ctx: &Ctx) -> Action {
        self.printed = Some(ok);
        Action::None
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        match reply {
            Reply::CheckedIn(Ok((entry, day))) => {
                let (ahead, estimate) = super::standing(&self.agenda, &day, entry.number, ctx.now);
                self.counsellor = entry.appointment.as_ref().and_then(|a| {
                    self.agenda
                        .counsellor_by_id(&a.counsellor)
                        .map(|c| self.agenda.counsellors[c].name.clone())
                });
                let ticket = QueueTicket {
                    help_point: ctx.kiosk.help_point.name.clone(),
                    number: entry.number,
                    taken: entry.arrived,
                    motif: self.agenda.motif_label(&entry.motif, &tr),
                    ahead,
                    estimate,
                };
                let text = ticket.printout(&tr);
                self.ticket = Some(ticket);
                self.go(Step::Done);
                if self.printer {
                    return Action::Emit(Effect::Print(text));
                }
            }
            Reply::CheckedIn(Err(CheckInRefused::NotFound)) => {
                self.message = Some(Message::NotFound)
            }
            Reply::CheckedIn(Err(refused)) => {
                self.message = None;
                self.go(Step::Refused(refused));
            }
            Reply::Failed(StoreError::Unreachable(_)) => {
                let about = tr.text("check-in-title");
                return Action::Push(Box::new(OfflineScreen::new("", "", &about)));
            }
            Reply::Failed(_) => self.message = Some(Message::Technical),
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        match self.step {
            Step::Lookup => {
                let mut paras: Vec<Para> = self.message_para(view).into_iter().collect();
                paras.push(page::text(view.tr.text("check-in-intro")));
                self.form.render(frame, area, view, &paras)
            }
            _ => {
                if let (Some(t), Step::Done) = (&self.ticket, self.step) {
                    big_number(frame, area, view, t.number);
                }
                page::render_body(frame, area, view, &self.body(view)?)
            }
        }
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        if self.on_form() {
            return None;
        }
        let (paras, choices) = self.page(view);
        let mut body = page::Body::new(paras, choices, Some(self.focus.index()));
        if let (Some(t), Step::Done) = (&self.ticket, self.step) {
            body.big = Some(queue::label(t.number).len() as u16);
        }
        Some(body)
    }

    fn focus_choice(&mut self, index: usize) {
        if !self.on_form() {
            self.focus.set_index(index);
        }
    }

    fn speech(&self, view: &View) -> Speech {
        let tr = &view.tr;
        match self.step {
            Step::Lookup => {
                let paras: Vec<Para> = self.message_para(view).into_iter().collect();
                let said = Speech::page(&paras, &[], None, tr).text(tr.text("check-in-intro"));
                self.form.speech(said, tr)
            }
            _ => {
                let (paras, choices) = self.page(view);
                Speech::page(&paras, &choices, Some(self.focus.index()), tr)
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Lookup => self.form.hints(),
            _ => choosing_hints(),
        }
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
    use crate::app::Msg;
    use crate::clock::parse_local;
    use crate::domain::queue::{Booked, Entry, State};
    use crate::testing::{demo_config, monday_morning};

    fn app_on_check_in() -> crate::app::App {
        let config = demo_config();
        let now = monday_morning();
        let mut app = crate::kiosk::app(config.clone(), now);
        app.push(Box::new(CheckInScreen::new(config.agenda.clone())), now);
        app
    }

    #[test]
    fn checked_in_the_person_is_told_who_calls_them_and_their_number() {
        let now = monday_morning();
        let mut app = app_on_check_in();
        let entry = Entry {
            day: now.date(),
            number: 4,
            appointment: Some(Booked {
                code: "ABC234".into(),
                starts: parse_local("2026-03-02T10:30").unwrap(),
                counsellor: "camille".into(),
            }),
            motif: "demarche".into(),
            first_name: Some("Marie".into()),
            locale: "fr".into(),
            arrived: now,
            state: State::Waiting,
            called_at: None,
            called_by: None,
            desk: None,
            calls: 0,
            closed_at: None,
        };
        app.update(
            Msg::Reply(Reply::CheckedIn(Ok((entry.clone(), vec![entry])))),
            now,
        );
        let text = crate::testing::shown(&app, now);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words
                .contains("Vous êtes enregistré(e). Installez-vous, Camille vous appelle bientôt."),
            "{text}"
        );
        assert!(words.contains("Votre numéro : A-004"), "{text}");
    }

    #[test]
    fn a_short_code_or_a_missing_check_is_said_on_the_form_and_nothing_is_looked_up() {
        let now = monday_morning();
        let mut app = app_on_check_in();
        let keys = |app: &mut crate::app::App, keys: &[Key]| {
            keys.iter()
                .flat_map(|k| app.update(Msg::Key(*k), now))
                .collect::<Vec<_>>()
        };
        let said = |app: &crate::app::App| {
            let text = crate::testing::shown(app, now);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let typed = |text: &str| text.chars().map(Key::Char).collect::<Vec<_>>();
        // "AB2", then to "Continuer".
        keys(&mut app, &typed("AB2"));
        let effects = keys(&mut app, &[Key::Enter, Key::Enter, Key::Enter]);
        assert!(effects.is_empty());
        assert!(
            said(&app).contains("Le code a 6 caractères"),
            "{}",
            said(&app)
        );
        // The focus is back on the code: what is typed goes there, and the message goes.
        keys(&mut app, &typed("C34"));
        assert!(
            !said(&app).contains("Le code a 6 caractères"),
            "{}",
            said(&app)
        );
        let effects = keys(&mut app, &[Key::Enter, Key::Enter, Key::Enter]);
        assert!(effects.is_empty());
        assert!(
            said(&app).contains("Tapez les 2 derniers chiffres de votre téléphone"),
            "{}",
            said(&app)
        );
        // The focus is on the check.
        keys(&mut app, &typed("78"));
        let effects = keys(&mut app, &[Key::Enter, Key::Enter]);
        assert!(
            matches!(
                effects.as_slice(),
                [Effect::Store(Request::Queue(QueueRequest::CheckIn { code, check, .. }))]
                    if code == "AB2C34" && check == "78"
            ),
            "{}",
            effects.len()
        );
    }

    #[test]
    fn another_day_is_said_kindly_and_the_queue_offered() {
        let now = monday_morning();
        let mut app = app_on_check_in();
        let starts = parse_local("2026-03-05T14:00").unwrap();
        app.update(
            Msg::Reply(Reply::CheckedIn(Err(CheckInRefused::AnotherDay { starts }))),
            now,
        );
        let text = crate::testing::shown(&app, now);
        assert!(
            text.contains("Votre rendez-vous est le jeudi 5 mars à 14 h 00."),
            "{text}"
        );
        app.update(Msg::Key(Key::Char('1')), now);
        assert_eq!(app.screen().title(), "help-now-title");
    }
}

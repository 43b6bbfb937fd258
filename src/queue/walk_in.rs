//! "Je voudrais de l'aide maintenant": what for (the motifs received on site, the one a
//! diagnostic just found preselected), a first name if the person likes, then a ticket — its
//! number large, how many are before, the wait as a range — printed where a printer is
//! configured. When no counsellor receives today, the screen says so and offers an
//! appointment. A ticket can be given up here ("Je m'en vais") with its number.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::ticket::QueueTicket;
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, choosing_hints, form_hints};
use crate::app::speech::Speech;
use crate::app::text_field::{FieldKind, TextField};
use crate::booking::Agenda;
use crate::booking::book::{BookingScreen, Notice, motif_for};
use crate::booking::offline::OfflineScreen;
use crate::domain::outcome::Outcome;
use crate::domain::queue::{self, NewEntry, State};
use crate::store::{QueueRefusal, QueueRequest, Reply, Request, StoreError};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::form::{self, FormRow};
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Nobody receives without appointment today.
    NoCounsellor,
    Motif,
    Name,
    Ticket,
    /// "Je m'en vais": the ticket's number.
    Leave,
    /// The ticket given up.
    Left,
    /// No number left today.
    Full,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Message {
    Shape,
    NotFound,
    Settled,
    Technical,
}

pub(crate) struct WalkInScreen {
    agenda: Rc<Agenda>,
    /// The motifs offered, indexes into the agenda's.
    motifs: Vec<usize>,
    step: Step,
    motif: Option<usize>,
    name: TextField,
    ticket: Option<QueueTicket>,
    /// Whether the printer took the ticket (`None`: no printer, or not answered yet).
    printed: Option<bool>,
    printer: bool,
    leaving: TextField,
    /// The ticket given up.
    left: Option<u32>,
    message: Option<Message>,
    focus: FocusGrid,
    /// Opened to give a ticket up ("Je suis là", then "J'ai déjà un ticket et je m'en
    /// vais"): Esc goes back there.
    only_leaving: bool,
}

impl WalkInScreen {
    pub(crate) fn new(agenda: Rc<Agenda>) -> WalkInScreen {
        let motifs = super::motifs_here(&agenda);
        let focus = FocusGrid::new(vec![1; motifs.len() + 1]);
        WalkInScreen {
            agenda,
            motifs,
            step: Step::Motif,
            motif: None,
            name: TextField::new(FieldKind::Name, 40),
            ticket: None,
            printed: None,
            printer: false,
            leaving: TextField::new(FieldKind::Text, 6),
            left: None,
            message: None,
            focus,
            only_leaving: false,
        }
    }

    /// Straight to giving a ticket up: its number.
    pub(crate) fn leaving(agenda: Rc<Agenda>) -> WalkInScreen {
        let mut screen = WalkInScreen::new(agenda);
        screen.only_leaving = true;
        screen.go(Step::Leave);
        screen
    }

    /// After a diagnostic: the motif that serves its needs comes focused.
    pub(crate) fn from_diagnostic(agenda: Rc<Agenda>, outcome: &Outcome) -> WalkInScreen {
        let mut screen = WalkInScreen::new(agenda);
        if let Some(m) = motif_for(&screen.agenda, outcome)
            && let Some(i) = screen.motifs.iter().position(|x| *x == m)
        {
            screen.focus.set_index(i);
        }
        screen
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.message = None;
        let rows = match step {
            Step::NoCounsellor | Step::Ticket => 2,
            Step::Motif => self.motifs.len() + 1,
            Step::Name | Step::Leave => 2,
            Step::Left | Step::Full => 1,
        };
        self.focus = FocusGrid::new(vec![1; rows]);
    }

    fn take(&self, ctx: &Ctx) -> Action {
        let Some(m) = self.motif else {
            return Action::None;
        };
        let name = self.name.value.trim();
        Action::Emit(Effect::Store(Request::Queue(QueueRequest::Take(
            NewEntry {
                motif: self.agenda.motifs[m].id.clone(),
                first_name: (!name.is_empty()).then(|| name.to_string()),
                locale: ctx.settings.locale.clone(),
            },
        ))))
    }

    fn leave(&mut self, number: Option<u32>, ctx: &Ctx) -> Action {
        let Some(number) = number else {
            self.message = Some(Message::Shape);
            return Action::None;
        };
        self.message = None;
        Action::Emit(Effect::Store(Request::Queue(QueueRequest::Settle {
            day: ctx.now.date(),
            number,
            outcome: State::Left,
            by: "kiosk".into(),
        })))
    }

    /// The ticket as the person's language says it; the number spelled for the voice.
    fn ticket_paras(&self, t: &QueueTicket, view: &View) -> Vec<Para> {
        let tr = &view.tr;
        let number = if tr.is_spoken() {
            crate::i18n::spelled(&queue::to_spell(t.number))
        } else {
            t.label()
        };
        let mut paras = vec![page::strong(
            tr.text_with("queue-your-number", &[("ticket", number.into())]),
        )];
        paras.extend(t.standing(tr).into_iter().map(page::text));
        paras.push(page::text(tr.text("queue-watch-screen")));
        paras.push(match (self.printer, self.printed) {
            (true, Some(true)) => page::success(tr.text("queue-printed")),
            (true, Some(false)) => page::notice(tr.text("booking-printer-failed")),
            _ => page::text(tr.text("queue-not-printed")),
        });
        paras
    }

    fn message_para(&self, view: &View) -> Option<Para> {
        Some(match self.message? {
            Message::Shape => page::notice(view.tr.text("leave-shape")),
            Message::NotFound => page::notice(view.tr.text("leave-not-found")),
            Message::Settled => page::notice(view.tr.text("leave-settled")),
            Message::Technical => Notice::Technical.para(view),
        })
    }

    /// The paragraphs and choices of the steps that are a page.
    fn page(&self, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let tr = &view.tr;
        let mut paras: Vec<Para> = self.message_para(view).into_iter().collect();
        let numbered = |labels: Vec<String>| -> Vec<Choice> {
            labels
                .into_iter()
                .enumerate()
                .map(|(i, l)| Choice::numbered(i + 1, l))
                .collect()
        };
        let choices = match self.step {
            Step::NoCounsellor => {
                paras.push(page::notice(tr.text("help-now-nobody-today")));
                numbered(vec![tr.text("help-now-book"), tr.text("queue-finish")])
            }
            Step::Motif => {
                paras.push(page::heading(tr.text("help-now-what-for")));
                let mut labels: Vec<String> = self
                    .motifs
                    .iter()
                    .map(|m| tr.text(&self.agenda.motifs[*m].label))
                    .collect();
                labels.push(tr.text("help-now-leave"));
                numbered(labels)
            }
            Step::Ticket => {
                if let Some(t) = &self.ticket {
                    paras.extend(self.ticket_paras(t, view));
                }
                numbered(vec![tr.text("queue-finish"), tr.text("queue-leave-now")])
            }
            Step::Left => {
                let ticket = self.left.map(queue::label).unwrap_or_default();
                paras.push(page::success(
                    tr.text_with("leave-done", &[("ticket", ticket.into())]),
                ));
                numbered(vec![tr.text("queue-finish")])
            }
            Step::Full => {
                paras.push(page::notice(tr.text("help-now-full")));
                numbered(vec![tr.text("queue-finish")])
            }
            Step::Name | Step::Leave => Vec::new(),
        };
        (paras, choices)
    }

    fn form(&self, view: &View) -> (Vec<Para>, Vec<FormRow>) {
        let tr = &view.tr;
        let mut paras: Vec<Para> = self.message_para(view).into_iter().collect();
        if self.step == Step::Name {
            if let Some(m) = self.motif {
                paras.push(page::strong(tr.text(&self.agenda.motifs[m].label)));
            }
            paras.push(page::text(tr.text("help-now-name-why")));
            let rows = vec![
                self.name
                    .row(tr.text("help-now-name"), self.name.value.clone()),
                FormRow::button(tr.text("help-now-take")),
            ];
            (paras, rows)
        } else {
            paras.push(page::text(tr.text("leave-intro")));
            let rows = vec![
                self.leaving
                    .row(tr.text("leave-number"), self.leaving.value.clone()),
                FormRow::button(tr.text("leave-confirm")),
            ];
            (paras, rows)
        }
    }
}

/// Draws a ticket's number large at the top of `area` when there is room (never for a screen
/// reader): returns the area left under it.
pub(crate) fn big_number(frame: &mut Frame, area: Rect, view: &View, number: u32) -> Rect {
    use tui_big_text::{BigText, PixelSize};
    let label = queue::label(number);
    let size = if area.height >= 22 {
        PixelSize::Full
    } else {
        PixelSize::HalfHeight
    };
    let taken = crate::ui::page::big_rows(area, view, label.len() as u16);
    if taken == 0 {
        return area;
    }
    let rows = taken - 1;
    let big = BigText::builder()
        .pixel_size(size)
        .style(view.theme.title.style())
        .lines(vec![ratatui::text::Line::from(label)])
        .build();
    frame.render_widget(
        big,
        Rect {
            height: rows,
            ..area
        },
    );
    Rect {
        y: area.y + rows + 1,
        height: area.height - rows - 1,
        ..area
    }
}

impl WalkInScreen {
    /// The steps with a form (the name, the ticket's number to give up).
    fn on_form(&self) -> bool {
        matches!(self.step, Step::Name | Step::Leave)
    }
}

impl Screen for WalkInScreen {
    fn title(&self) -> &'static str {
        match self.step {
            Step::Leave | Step::Left => "leave-title",
            _ => "help-now-title",
        }
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        self.printer = ctx.kiosk.ticket_printer.is_some();
        if !self.only_leaving && super::on_duty(&self.agenda, ctx.now).is_empty() {
            self.go(Step::NoCounsellor);
        }
        Action::None
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step {
            Step::NoCounsellor => match self.focus.choose(key) {
                Some(0) => Action::Replace(Box::new(BookingScreen::new(self.agenda.clone()))),
                Some(_) => Action::Home,
                None if key == Key::Esc => Action::Back,
                None => Action::None,
            },
            Step::Motif => match self.focus.choose(key) {
                Some(i) if i < self.motifs.len() => {
                    self.motif = Some(self.motifs[i]);
                    self.go(Step::Name);
                    Action::None
                }
                Some(_) => {
                    self.go(Step::Leave);
                    Action::None
                }
                None if key == Key::Esc => Action::Back,
                None => Action::None,
            },
            Step::Name | Step::Leave => match key {
                Key::Esc if self.only_leaving => Action::Back,
                Key::Esc => {
                    self.go(Step::Motif);
                    Action::None
                }
                Key::Up | Key::Down | Key::Tab | Key::BackTab => {
                    self.focus.navigate(key);
                    Action::None
                }
                Key::Enter if self.focus.index() == 0 => {
                    self.focus.navigate(Key::Down);
                    Action::None
                }
                Key::Enter if self.step == Step::Name => self.take(ctx),
                Key::Enter => self.leave(queue::parse_label(&self.leaving.value), ctx),
                key if self.focus.index() == 0 => {
                    let field = if self.step == Step::Name {
                        &mut self.name
                    } else {
                        &mut self.leaving
                    };
                    if field.input(key) {
                        self.message = None;
                    }
                    Action::None
                }
                _ => Action::None,
            },
            Step::Ticket => match self.focus.choose(key) {
                Some(0) => Action::Home,
                Some(_) => {
                    let number = self.ticket.as_ref().map(|t| t.number);
                    self.leave(number, ctx)
                }
                None if key == Key::Esc => Action::Home,
                None => Action::None,
            },
            Step::Left | Step::Full => match key {
                Key::Enter | Key::Esc | Key::Char('1') => Action::Home,
                _ => Action::None,
            },
        }
    }

    fn printed(&mut self, ok: bool, _ctx: &Ctx) -> Action {
        self.printed = Some(ok);
        Action::None
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        let tr = ctx.i18n.tr(&ctx.settings.locale);
        match reply {
            Reply::Ticket(Ok((entry, day))) => {
                let (ahead, estimate) = super::standing(&self.agenda, &day, entry.number, ctx.now);
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
                self.go(Step::Ticket);
                if self.printer {
                    return Action::Emit(Effect::Print(text));
                }
            }
            Reply::Ticket(Err(_)) => self.go(Step::Full),
            Reply::QueueChanged(Ok((entry, _))) => {
                self.left = Some(entry.number);
                self.go(Step::Left);
            }
            Reply::QueueChanged(Err(QueueRefusal::NotFound)) => {
                self.message = Some(Message::NotFound)
            }
            Reply::QueueChanged(Err(_)) => self.message = Some(Message::Settled),
            Reply::Failed(StoreError::Unreachable(_)) => {
                let about = tr.text("help-now-title");
                return Action::Push(Box::new(OfflineScreen::new(
                    self.name.value.trim(),
                    "",
                    &about,
                )));
            }
            Reply::Failed(_) => self.message = Some(Message::Technical),
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        match self.step {
            Step::Name | Step::Leave => {
                let (paras, rows) = self.form(view);
                form::render_under(frame, area, view, &paras, &rows, self.focus.index())
            }
            _ => {
                if let (Some(t), Step::Ticket) = (&self.ticket, self.step) {
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
        if let (Some(t), Step::Ticket) = (&self.ticket, self.step) {
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
            Step::Name | Step::Leave => {
                let (paras, rows) = self.form(view);
                let s = Speech::page(&paras, &[], None, tr);
                match (self.focus.index(), self.step) {
                    (0, Step::Name) => {
                        s.typing(tr.text("help-now-name"), self.name.value.clone(), None)
                    }
                    (0, _) => {
                        let typed = if tr.is_spoken() {
                            crate::i18n::spelled(&self.leaving.value)
                        } else {
                            self.leaving.value.clone()
                        };
                        s.typing(tr.text("leave-number"), typed, None)
                    }
                    _ => s.focus(rows[1].label.clone()),
                }
            }
            _ => {
                let (paras, choices) = self.page(view);
                Speech::page(&paras, &choices, Some(self.focus.index()), tr)
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Name | Step::Leave if self.focus.index() == 0 => {
                form_hints(true, "does-next-field")
            }
            Step::Name | Step::Leave => form_hints(false, "does-validate"),
            _ => choosing_hints(),
        }
    }

    fn holds_input(&self) -> bool {
        matches!(self.step, Step::Name | Step::Leave)
            && !(self.name.is_empty() && self.leaving.is_empty())
    }

    fn esc_loses_input(&self) -> bool {
        self.holds_input()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Msg;
    use crate::domain::queue::Entry;
    use crate::testing::{demo_config, monday_morning};

    fn waiting(number: u32) -> Entry {
        let now = monday_morning();
        Entry {
            day: now.date(),
            number,
            appointment: None,
            motif: "demarche".into(),
            first_name: None,
            locale: "fr".into(),
            arrived: now,
            state: State::Waiting,
            called_at: None,
            called_by: None,
            desk: None,
            calls: 0,
            closed_at: None,
        }
    }

    #[test]
    fn the_ticket_is_said_with_its_number_spelled_and_the_wait() {
        let config = demo_config();
        let now = monday_morning();
        let mut app = crate::kiosk::app(config.clone(), now);
        app.push(Box::new(WalkInScreen::new(config.agenda.clone())), now);
        app.update(Msg::Key(Key::Char('1')), now);
        let effects = app.update(Msg::Key(Key::Enter), now);
        assert!(effects.is_empty(), "the name field first: {effects:?}");
        app.update(Msg::Key(Key::Down), now);
        let effects = app.update(Msg::Key(Key::Enter), now);
        assert!(
            matches!(&effects[..], [Effect::Store(Request::Queue(QueueRequest::Take(new)))]
                if new.motif == "demarche" && new.first_name.is_none()),
            "{effects:?}"
        );
        let day = vec![waiting(1), waiting(2), waiting(3)];
        app.update(Msg::Reply(Reply::Ticket(Ok((waiting(3), day)))), now);
        let said = crate::app::voice::heard(&app, now).speech;
        let text: Vec<String> = said.text.iter().map(|s| s.text.clone()).collect();
        assert!(
            text.contains(&"Votre numéro : A, 0, 0, 3".to_string()),
            "{text:?}"
        );
        assert!(
            text.contains(&"Il y a 2 personnes avant vous.".to_string()),
            "{text:?}"
        );
        assert_eq!(
            said.focus.first().map(|f| f.text.as_str()),
            Some("1, Terminer")
        );
    }

    #[test]
    fn no_counsellor_today_says_so_and_offers_an_appointment() {
        let config = demo_config();
        // A Sunday.
        let sunday = crate::clock::parse_local("2026-03-01T10:15").unwrap();
        let mut app = crate::kiosk::app(config.clone(), sunday);
        app.push(Box::new(WalkInScreen::new(config.agenda.clone())), sunday);
        let text = crate::testing::shown(&app, sunday);
        assert!(
            text.contains("aucun conseiller ne reçoit sans rendez-vous"),
            "{text}"
        );
        app.update(Msg::Key(Key::Char('1')), sunday);
        assert_eq!(app.screen().title(), "booking-title");
    }
}

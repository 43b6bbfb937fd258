//! Workshops for staff: the coming sessions with their registrations, and changing one (seats,
//! date), adding one, or cancelling one (its registrants are told through the outbox).
use std::rc::Rc;

use chrono::{Duration, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::agenda::AgendaScreen;
use super::told::{Notice, Told};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::app::text_field::{FieldKind, TextField};
use crate::booking::Agenda;
use crate::booking::message::Message;
use crate::calendar::words;
use crate::store::{Reply, Request, Session, What};
use crate::ui::View;
use crate::ui::choices::{Choice, numbered_list};
use crate::ui::form;
use crate::ui::page::{self, Para};

const WEEKS: i64 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    List,
    Session(usize),
    Seats(usize),
    Date(usize),
    ConfirmCancel(usize),
    NewSeries,
    NewDate(usize),
}

const SESSION_CHOICES: [&str; 5] = [
    "workshop-admin-registrants",
    "workshop-admin-seats",
    "workshop-admin-date",
    "workshop-admin-cancel",
    "counsellor-back",
];

pub(crate) struct WorkshopAdmin {
    agenda: Rc<Agenda>,
    counsellor: String,
    sessions: Vec<Session>,
    step: Step,
    focus: FocusGrid,
    field: TextField,
    notice: Option<Notice>,
    /// Set while a cancellation is being saved, to say so when the store answers.
    cancelling: bool,
    /// Before cancelling: the session's registrants (first name, phone or e-mail), read
    /// from the store, to say up front who no message will reach.
    registrants: Option<Vec<(String, Option<String>)>>,
}

/// "04/03/2026 14:00"
pub(crate) fn parse_when(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), "%d/%m/%Y %H:%M").ok()
}

/// Why a session cannot take place at that time, as a message id: in the past, on a day the
/// help point is closed (a public holiday, a closure), or over another session in the same
/// room (`moving` is the session being moved, which does not clash with itself).
pub(crate) fn refusal(
    agenda: &Agenda,
    series: &str,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
    sessions: &[Session],
    moving: Option<&str>,
    now: NaiveDateTime,
) -> Option<&'static str> {
    if starts <= now {
        return Some("workshop-admin-date-invalid");
    }
    if agenda.closed(starts.date()) {
        return Some("workshop-admin-date-closed");
    }
    let room = |series: &str| {
        agenda
            .workshops
            .iter()
            .find(|w| w.id == series)
            .map(|w| w.room.clone())
    };
    let here = room(series);
    let clash = sessions.iter().any(|s| {
        !s.cancelled
            && Some(s.id.as_str()) != moving
            && s.starts < ends
            && starts < s.ends
            && room(&s.series) == here
    });
    clash.then_some("workshop-admin-date-taken")
}

impl WorkshopAdmin {
    pub(crate) fn new(agenda: Rc<Agenda>, counsellor: &str) -> WorkshopAdmin {
        WorkshopAdmin {
            agenda,
            counsellor: counsellor.into(),
            sessions: Vec::new(),
            step: Step::List,
            focus: FocusGrid::new(Vec::new()),
            field: TextField::new(FieldKind::Text, 20),
            notice: None,
            cancelling: false,
            registrants: None,
        }
    }

    /// Who will not be told of a cancellation: everyone when no gateway sends messages,
    /// else those who gave neither phone nor e-mail.
    fn not_told(&self, gateway: bool) -> Vec<(String, Option<String>)> {
        self.registrants
            .iter()
            .flatten()
            .filter(|(_, contact)| !gateway || contact.is_none())
            .cloned()
            .collect()
    }

    /// What is said before "Annuler cet atelier ?": who will be told, who will not.
    fn cancel_paras(&self, view: &View) -> Vec<Para> {
        let Some(registrants) = &self.registrants else {
            return Vec::new();
        };
        let gateway = view.kiosk.reminder_gateway.is_some();
        let not_told = self.not_told(gateway);
        let count = |n: usize| [("count", (n as i64).into())];
        let mut out = Vec::new();
        if registrants.is_empty() {
            out.push(page::text(view.tr.text("workshop-admin-cancel-nobody")));
        } else if not_told.is_empty() {
            out.push(page::text(view.tr.text_with(
                "workshop-admin-cancel-all-told",
                &count(registrants.len()),
            )));
        } else {
            let id = if gateway {
                "workshop-admin-cancel-not-told"
            } else {
                "workshop-admin-cancel-no-gateway"
            };
            out.push(page::notice(view.tr.text_with(id, &count(not_told.len()))));
            out.extend(
                Told {
                    told: 0,
                    to_tell: not_told,
                }
                .people(&view.tr),
            );
        }
        out
    }

    fn load(&self, ctx: &Ctx) -> Action {
        let (from, to) = (ctx.now.date(), ctx.now.date() + Duration::weeks(WEEKS));
        Action::Emit(Effect::Store(Request::Sessions {
            from,
            to,
            planned: self.agenda.planned_sessions(from, to),
        }))
    }

    fn go(&mut self, step: Step, choices: usize) {
        self.step = step;
        self.focus = FocusGrid::new(vec![1; choices]);
    }

    fn list(&mut self) {
        let n = self.sessions.len() + 2;
        self.go(Step::List, n);
    }
    /// Saves a session; if it moved, its registrants are told the new time (when a gateway
    /// can send it). The store audits the change with it.
    fn save(&self, session: Session, ctx: &Ctx) -> Action {
        let notice = self
            .sessions
            .iter()
            .find(|s| s.id == session.id && s.starts != session.starts)
            .filter(|_| ctx.kiosk.reminder_gateway.is_some())
            .map(|before| {
                let tr = ctx.i18n.tr(&ctx.kiosk.default_locale);
                Message::SessionMoved {
                    before: before.starts,
                    starts: session.starts,
                }
                .text(&tr, ctx.kiosk)
            });
        Action::Emit(Effect::Store(Request::SaveSession {
            session,
            by: self.counsellor.clone(),
            notice,
        }))
    }

    fn title(&self, s: &Session, view: &View) -> String {
        self.agenda
            .workshops
            .iter()
            .find(|w| w.id == s.series)
            .map_or(s.series.clone(), |w| view.tr.text(&w.title))
    }

    fn line(&self, s: &Session, view: &View) -> String {
        let mut line = format!(
            "{} {} — {} — {}/{}",
            words::day(&view.tr, s.starts.date()),
            words::time(&view.tr, s.starts),
            self.title(s, view),
            s.taken,
            s.seats
        );
        if s.cancelled {
            line.push_str(&format!(" — {}", view.tr.text("workshop-admin-cancelled")));
        }
        line
    }

    /// A new session's id: the series and day, numbered when the day has one already.
    fn new_id(&self, series: &str, starts: NaiveDateTime) -> String {
        let base = format!("{series}@{}", starts.date());
        let taken = |id: &str| self.sessions.iter().any(|s| s.id == id);
        if !taken(&base) {
            return base;
        }
        (1..)
            .map(|n| format!("{base}+{n}"))
            .find(|id| !taken(id))
            .expect("a free id")
    }

    /// The text above, then the field being typed with its value and the cursor after it.
    fn render_field(
        &self,
        frame: &mut Frame,
        area: Rect,
        view: &View,
        paras: &[Para],
        label: &str,
    ) -> Option<Position> {
        let row = self
            .field
            .row(view.tr.text(label), self.field.value.clone());
        form::render_under(frame, area, view, paras, &[row], 0)
    }

    fn field_key(&mut self, key: Key) -> Option<String> {
        match key {
            Key::Enter => Some(self.field.value.clone()),
            key => {
                // What was wrong with the text is no longer said once it changes.
                if self.field.input(key) {
                    self.notice = None;
                }
                None
            }
        }
    }

    /// What was said, above the step.
    fn notice_paras(&self, view: &View) -> Vec<Para> {
        self.notice
            .as_ref()
            .map(|n| n.paras(&view.tr))
            .unwrap_or_default()
    }

    /// A key on the step shown.
    fn step_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            self.notice = None;
            return self.step_back();
        }
        match self.step {
            Step::List => self.list_key(key),
            Step::Session(i) => self.session_key(i, key),
            Step::Seats(i) => self.seats_key(i, key, ctx),
            Step::Date(i) | Step::NewDate(i) => self.date_key(i, key, ctx),
            Step::ConfirmCancel(i) => self.confirm_cancel_key(i, key, ctx),
            Step::NewSeries => self.new_series_key(key),
        }
    }

    /// Esc: the step before (out of the list, the screen before).
    fn step_back(&mut self) -> Action {
        match self.step {
            Step::List => return Action::Back,
            Step::Session(_) | Step::NewSeries => self.list(),
            Step::Seats(i) | Step::Date(i) | Step::ConfirmCancel(i) => {
                self.go(Step::Session(i), SESSION_CHOICES.len())
            }
            Step::NewDate(_) => self.go(Step::NewSeries, self.agenda.workshops.len()),
        }
        Action::None
    }

    /// On the sessions: one of them, a new one, back.
    fn list_key(&mut self, key: Key) -> Action {
        match self.focus.choose(key) {
            Some(i) if i < self.sessions.len() => self.go(Step::Session(i), SESSION_CHOICES.len()),
            Some(i) if i == self.sessions.len() => {
                self.go(Step::NewSeries, self.agenda.workshops.len())
            }
            Some(_) => return Action::Back,
            None => {}
        }
        Action::None
    }

    /// On a session's actions: its registrants, its seats, its date, cancelling it, back.
    fn session_key(&mut self, i: usize, key: Key) -> Action {
        match self.focus.choose(key) {
            Some(0) => {
                let me = self.agenda.counsellor_by_id(&self.counsellor).unwrap_or(0);
                return Action::Push(Box::new(AgendaScreen::registrants_of(
                    self.agenda.clone(),
                    me,
                    &self.sessions[i],
                )));
            }
            Some(1) => {
                self.field =
                    TextField::new(FieldKind::Text, 4).with(&self.sessions[i].seats.to_string());
                self.step = Step::Seats(i);
            }
            Some(2) => {
                self.field = TextField::new(FieldKind::Text, 16)
                    .with(&self.sessions[i].starts.format("%d/%m/%Y %H:%M").to_string());
                self.step = Step::Date(i);
            }
            Some(3) if !self.sessions[i].cancelled => {
                self.go(Step::ConfirmCancel(i), 2);
                self.registrants = None;
                let day = self.sessions[i].starts.date();
                return Action::Emit(Effect::Store(Request::Appointments { from: day, to: day }));
            }
            Some(4) => self.list(),
            _ => {}
        }
        Action::None
    }

    /// Typing a session's seats: saved when at least one, and no fewer than are taken.
    fn seats_key(&mut self, i: usize, key: Key, ctx: &Ctx) -> Action {
        let Some(text) = self.field_key(key) else {
            return Action::None;
        };
        let s = &self.sessions[i];
        match text.trim().parse::<u32>() {
            Ok(n) if n >= 1 && n >= s.taken => {
                let mut changed = s.clone();
                changed.seats = n;
                self.save(changed, ctx)
            }
            _ => {
                self.notice = Some(Notice::Says("workshop-admin-seats-invalid"));
                Action::None
            }
        }
    }

    /// Typing the date of session `i` moved, or of a new session of series `i`: saved unless
    /// it is no date or refused (`refusal`).
    fn date_key(&mut self, i: usize, key: Key, ctx: &Ctx) -> Action {
        let Some(text) = self.field_key(key) else {
            return Action::None;
        };
        let Some(starts) = parse_when(&text) else {
            self.notice = Some(Notice::Says("workshop-admin-date-invalid"));
            return Action::None;
        };
        let session = if let Step::Date(i) = self.step {
            self.moved(i, starts)
        } else {
            self.new_session(i, starts)
        };
        let moving = matches!(self.step, Step::Date(_)).then_some(session.id.as_str());
        if let Some(why) = refusal(
            &self.agenda,
            &session.series,
            session.starts,
            session.ends,
            &self.sessions,
            moving,
            ctx.now,
        ) {
            self.notice = Some(Notice::Says(why));
            return Action::None;
        }
        self.save(session, ctx)
    }

    /// Session `i` moved to `starts`, its length kept.
    fn moved(&self, i: usize, starts: NaiveDateTime) -> Session {
        let mut changed = self.sessions[i].clone();
        let length = changed.ends - changed.starts;
        changed.starts = starts;
        changed.ends = starts + length;
        changed
    }

    /// A new session of the agenda's workshop `series` at `starts`, as the agenda sets it.
    fn new_session(&self, series: usize, starts: NaiveDateTime) -> Session {
        let series = &self.agenda.workshops[series];
        Session {
            id: self.new_id(&series.id, starts),
            series: series.id.clone(),
            starts,
            ends: starts + series.duration,
            seats: series.seats,
            cancelled: false,
            taken: 0,
        }
    }

    /// "Annuler cet atelier ?": yes cancels it, its registrants told (when a gateway can send
    /// it); no goes back to the session.
    fn confirm_cancel_key(&mut self, i: usize, key: Key, ctx: &Ctx) -> Action {
        match self.focus.choose(key) {
            Some(0) => {
                let s = self.sessions[i].clone();
                let tr = ctx.i18n.tr(&ctx.kiosk.default_locale);
                // Without a gateway nothing would send it: nobody is "told".
                let notice =
                    ctx.kiosk.reminder_gateway.as_ref().map(|_| {
                        Message::SessionCancelled { starts: s.starts }.text(&tr, ctx.kiosk)
                    });
                self.cancelling = true;
                return Action::Emit(Effect::Store(Request::CancelSession {
                    session: s,
                    by: self.counsellor.clone(),
                    notice,
                }));
            }
            Some(_) => self.go(Step::Session(i), SESSION_CHOICES.len()),
            None => {}
        }
        Action::None
    }

    /// Which workshop a new session is of: its date is typed next.
    fn new_series_key(&mut self, key: Key) -> Action {
        if let Some(i) = self.focus.choose(key) {
            self.field = TextField::new(FieldKind::Text, 16);
            self.step = Step::NewDate(i);
        }
        Action::None
    }
}

impl Screen for WorkshopAdmin {
    fn title(&self) -> &'static str {
        "workshop-admin-title"
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        self.load(ctx)
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        // What was said belongs to the step it was said on ("Enregistré" on the list): a key
        // that goes to another step leaves it behind, unless it says something new.
        let (step, notice) = (self.step, self.notice.clone());
        let action = self.step_key(key, ctx);
        if self.step != step && self.notice == notice {
            self.notice = None;
        }
        action
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        match reply {
            Reply::Sessions(sessions) => {
                self.sessions = sessions;
                if self.step == Step::List {
                    self.list();
                }
            }
            Reply::SessionSaved(registrants) => {
                let done = if std::mem::take(&mut self.cancelling) {
                    "workshop-admin-done-cancelled"
                } else {
                    "workshop-admin-saved"
                };
                self.notice = Some(if registrants.is_empty() {
                    Notice::Done(done)
                } else {
                    Notice::Told {
                        done,
                        told: Told::of(&registrants),
                    }
                });
                self.list();
                return self.load(ctx);
            }
            Reply::Appointments(list) => {
                if let Step::ConfirmCancel(i) = self.step {
                    let id = &self.sessions[i].id;
                    self.registrants = Some(
                        list.into_iter()
                            .filter(|a| {
                                !a.status.cancelled()
                                    && matches!(&a.what, What::Workshop { workshop } if workshop == id)
                            })
                            .map(|a| (a.person.first_name, a.person.phone.or(a.person.email)))
                            .collect(),
                    );
                }
            }
            Reply::Failed(_) => self.notice = Some(Notice::Says("counsellor-failed")),
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let mut paras = self.notice_paras(view);
        match self.step {
            Step::Seats(i) | Step::Date(i) => {
                paras.push(page::strong(self.line(&self.sessions[i], view)));
                let label = if matches!(self.step, Step::Seats(_)) {
                    "workshop-admin-seats"
                } else {
                    "workshop-admin-date-format"
                };
                self.render_field(frame, area, view, &paras, label)
            }
            Step::NewDate(i) => {
                paras.push(page::strong(view.tr.text(&self.agenda.workshops[i].title)));
                self.render_field(frame, area, view, &paras, "workshop-admin-date-format")
            }
            _ => page::render_body(frame, area, view, &self.body(view)?),
        }
    }

    /// The steps that are choices, as paragraphs above them: the kiosk pages them as drawn.
    fn body(&self, view: &View) -> Option<page::Body> {
        let mut paras = self.notice_paras(view);
        let choices: Vec<Choice> = match self.step {
            Step::List => {
                let mut c: Vec<Choice> = self
                    .sessions
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Choice::numbered(i + 1, self.line(s, view)))
                    .collect();
                c.push(Choice::numbered(
                    c.len() + 1,
                    view.tr.text("workshop-admin-new"),
                ));
                c.push(Choice::numbered(
                    c.len() + 1,
                    view.tr.text("counsellor-back"),
                ));
                c
            }
            Step::Session(i) | Step::ConfirmCancel(i) => {
                paras.push(page::strong(self.line(&self.sessions[i], view)));
                if let Step::ConfirmCancel(_) = self.step {
                    paras.extend(self.cancel_paras(view));
                    paras.push(page::heading(
                        view.tr.text("workshop-admin-cancel-question"),
                    ));
                    vec![
                        Choice::numbered(1, view.tr.text("answer-yes")),
                        Choice::numbered(2, view.tr.text("answer-no")),
                    ]
                } else {
                    numbered_list(&SESSION_CHOICES, &view.tr)
                }
            }
            Step::NewSeries => {
                paras.push(page::heading(view.tr.text("workshop-admin-which")));
                self.agenda
                    .workshops
                    .iter()
                    .enumerate()
                    .map(|(i, w)| Choice::numbered(i + 1, view.tr.text(&w.title)))
                    .collect()
            }
            Step::Seats(_) | Step::Date(_) | Step::NewDate(_) => return None,
        };
        Some(page::Body::new(paras, choices, Some(self.focus.index())))
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Seats(_) | Step::Date(_) | Step::NewDate(_) => {
                vec![
                    hint("key-left-right", "does-move-in-text"),
                    hint("key-enter", "does-save"),
                ]
            }
            _ => choosing_hints(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Msg;

    #[test]
    fn dates_are_typed_day_first() {
        assert_eq!(
            parse_when("04/03/2026 14:30"),
            crate::clock::parse_local("2026-03-04T14:30").ok()
        );
        assert_eq!(parse_when("2026-03-04 14:30"), None);
        assert_eq!(parse_when("31/02/2026 14:30"), None);
    }

    #[test]
    fn a_session_is_refused_in_the_past_on_a_closed_day_or_over_another_in_its_room() {
        let config = crate::testing::demo_config();
        let agenda = &config.agenda;
        let now = crate::testing::monday_morning();
        let at = |t: &str| crate::clock::parse_local(t).unwrap();
        let day = at("2026-03-04T00:00").date();
        // Wednesday 4 March: "Bien démarrer avec les e-mails", 14:00–16:00 in salle 2.
        let sessions = agenda.planned_sessions(day, day);
        let refused = |series: &str, starts: &str, moving: Option<&str>| {
            let starts = at(starts);
            let ends = starts + Duration::hours(2);
            refusal(agenda, series, starts, ends, &sessions, moving, now)
        };
        assert_eq!(
            refused("smartphone-debutant", "2026-03-04T15:00", None),
            Some("workshop-admin-date-taken")
        );
        // Back to back is not over it.
        assert_eq!(
            refused("smartphone-debutant", "2026-03-04T16:00", None),
            None
        );
        // The session moved an hour later does not clash with itself.
        let id = sessions[0].id.clone();
        assert_eq!(
            refused("email-debutant", "2026-03-04T15:00", Some(&id)),
            None
        );
        // Easter Monday 2026, and last week.
        assert_eq!(
            refused("smartphone-debutant", "2026-04-06T10:00", None),
            Some("workshop-admin-date-closed")
        );
        assert_eq!(
            refused("smartphone-debutant", "2026-02-25T10:00", None),
            Some("workshop-admin-date-invalid")
        );
    }

    /// The admin screen in the kiosk, the demo's planned sessions loaded.
    fn admin() -> (crate::app::App, NaiveDateTime) {
        let config = crate::testing::demo_config();
        let now = crate::testing::monday_morning();
        let mut app = crate::kiosk::app(config.clone(), now);
        app.push(
            Box::new(WorkshopAdmin::new(config.agenda.clone(), "camille")),
            now,
        );
        let (from, to) = (now.date(), now.date() + Duration::weeks(WEEKS));
        let sessions = config.agenda.planned_sessions(from, to);
        app.update(Msg::Reply(Reply::Sessions(sessions)), now);
        (app, now)
    }

    #[test]
    fn enregistre_belongs_to_the_list_it_was_said_on() {
        let (mut app, now) = admin();
        app.update(Msg::Reply(Reply::SessionSaved(Vec::new())), now);
        assert!(crate::testing::shown(&app, now).contains("Enregistré"));
        // A session opened: its choices, not the last save's word.
        app.update(Msg::Key(Key::Char('1')), now);
        let session = crate::testing::shown(&app, now);
        assert!(!session.contains("Enregistré"), "{session}");
    }

    #[test]
    fn a_wrong_number_of_seats_is_no_longer_said_once_retyped() {
        let (mut app, now) = admin();
        // The first session, "Modifier le nombre de places", a number too small.
        for key in [Key::Char('1'), Key::Char('2')] {
            app.update(Msg::Key(key), now);
        }
        for key in [Key::Backspace, Key::Backspace, Key::Char('0'), Key::Enter] {
            app.update(Msg::Key(key), now);
        }
        let wrong = crate::testing::shown(&app, now);
        let said = "Un nombre de places";
        assert!(wrong.contains(said), "{wrong}");
        app.update(Msg::Key(Key::Backspace), now);
        app.update(Msg::Key(Key::Char('8')), now);
        let retyped = crate::testing::shown(&app, now);
        assert!(!retyped.contains(said), "{retyped}");
    }
}

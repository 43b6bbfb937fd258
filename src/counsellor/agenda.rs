//! The counsellor's agenda: their bookings and the workshops, today or this week; a booking's
//! details (the shared diagnostic in plain words), its status, cancelling for the help point
//! (the person is told), the activity report; a workshop's registrants and attendance.
use std::rc::Rc;

use chrono::{Duration, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::report_form::ReportForm;
use super::told::{Notice, Told};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::choosing_hints;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::app::text_field::{FieldKind, TextField};
use crate::booking::Agenda;
use crate::booking::agenda::{Where, Workshop};
use crate::booking::message::Message;
use crate::booking::rules;
use crate::calendar::words;
use crate::domain::outcome::Outcome;
use crate::domain::person::show_phone;
use crate::domain::report::Report;
use crate::store::{
    Appointment, Canceller, Refusal, Reminder, Reply, Request, Session, Status, What,
};
use crate::ui::View;
use crate::ui::choices::{Choice, numbered_list};
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, PartialEq)]
enum Row {
    Booking(usize),
    Workshop(Workshop),
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    List,
    /// Typing a date to go to.
    GoTo,
    Booking(usize),
    CancelReason(usize),
    Workshop(Workshop),
    /// Which status for a registrant (an index into the appointments).
    Attendance(Workshop, usize),
}

const ATTENDANCE_CHOICES: [&str; 3] = [
    "counsellor-mark-present",
    "counsellor-mark-absent",
    "counsellor-back",
];

const BOOKING_CHOICES: [&str; 5] = [
    "counsellor-mark-present",
    "counsellor-mark-absent",
    "counsellor-cancel",
    "counsellor-report",
    "counsellor-back",
];

pub struct AgendaScreen {
    agenda: Rc<Agenda>,
    counsellor: usize,
    from: NaiveDate,
    days: i64,
    appointments: Vec<Appointment>,
    sessions: Vec<Session>,
    step: Step,
    focus: FocusGrid,
    reason: TextField,
    notice: Option<Notice>,
    /// Who will be told of the cancellation being saved.
    pending: Option<Told>,
    /// Opened on one workshop session's registrants (from the workshops' screen): its id.
    only: Option<String>,
    /// The date typed to go to.
    date: TextField,
    /// Which of the moves was chosen last, to keep the focus on it (an index into `moves`).
    on_move: Option<usize>,
    /// The waiting list of the workshop session shown.
    waiting: Vec<crate::store::Waiting>,
}

/// After the day's (or week's) rows: the day before, the day after, a date, back.
const MOVES: usize = 4;

impl AgendaScreen {
    pub fn new(agenda: Rc<Agenda>, counsellor: usize, from: NaiveDate, days: i64) -> AgendaScreen {
        AgendaScreen {
            agenda,
            counsellor,
            from,
            days,
            appointments: Vec::new(),
            sessions: Vec::new(),
            step: Step::List,
            focus: FocusGrid::new(Vec::new()),
            reason: TextField::new(FieldKind::Text, 80),
            notice: None,
            pending: None,
            only: None,
            date: TextField::new(FieldKind::Text, 10),
            on_move: None,
            waiting: Vec::new(),
        }
    }

    /// The choices after the rows: the previous and next day (or week), a date, back.
    fn moves(&self) -> [&'static str; MOVES] {
        if self.days == 1 {
            [
                "counsellor-previous-day",
                "counsellor-next-day",
                "counsellor-go-to-date",
                "counsellor-back",
            ]
        } else {
            [
                "counsellor-previous-week",
                "counsellor-next-week",
                "counsellor-go-to-date",
                "counsellor-back",
            ]
        }
    }

    /// Shows the days starting `from`: read from the store again.
    fn show_from(&mut self, from: NaiveDate, on_move: usize) -> Action {
        self.from = from;
        self.on_move = Some(on_move);
        self.notice = None;
        self.appointments.clear();
        self.sessions.clear();
        self.list();
        self.load()
    }

    /// One session's registrants and their attendance, under its own title; Esc goes back
    /// to where it was opened.
    pub fn registrants_of(
        agenda: Rc<Agenda>,
        counsellor: usize,
        session: &Session,
    ) -> AgendaScreen {
        AgendaScreen {
            only: Some(session.id.clone()),
            ..AgendaScreen::new(agenda, counsellor, session.starts.date(), 1)
        }
    }

    /// Out of a session's registrants: to the list, or back where they were opened from.
    fn leave_workshop(&mut self) -> Action {
        if self.only.is_some() {
            return Action::Back;
        }
        self.list();
        Action::None
    }

    fn id(&self) -> &str {
        &self.agenda.counsellors[self.counsellor].id
    }

    /// The session's waiting list: who, their phone, their language, whether a free seat was
    /// told them.
    fn waiting_paras(&self, view: &View) -> Vec<Para> {
        if self.waiting.is_empty() {
            return Vec::new();
        }
        let mut out = vec![page::heading(view.tr.text_with(
            "workshop-waitlist-heading",
            &[("count", (self.waiting.len() as i64).into())],
        ))];
        for w in &self.waiting {
            let mut parts = vec![if w.first_name.is_empty() {
                "—".to_string()
            } else {
                w.first_name.clone()
            }];
            parts.extend(w.phone.as_deref().map(show_phone));
            parts.extend(speaks_in(&w.locale, view));
            if w.told {
                parts.push(view.tr.text("workshop-waitlist-told"));
            }
            out.push(page::item(parts.join(" — ")));
        }
        out
    }

    /// "lundi 2 mars", or "du lundi 2 mars au dimanche 8 mars".
    fn shown_days(&self, view: &View) -> String {
        let day = |d: NaiveDate| words::day(&view.tr, d);
        if self.days == 1 {
            view.tr
                .text_with("counsellor-shown-day", &[("day", day(self.from).into())])
        } else {
            view.tr.text_with(
                "counsellor-shown-week",
                &[
                    ("from", day(self.from).into()),
                    ("to", day(self.to()).into()),
                ],
            )
        }
    }

    fn to(&self) -> NaiveDate {
        self.from + Duration::days(self.days - 1)
    }

    /// The appointments and the workshop sessions as the store has them (staff changes
    /// applied: a moved session shows on its new day, a cancelled one not at all).
    fn load(&self) -> Action {
        let waitlist = match (&self.step, &self.only) {
            (Step::Workshop(w) | Step::Attendance(w, _), _) => Some(w.id.clone()),
            (_, Some(id)) => Some(id.clone()),
            _ => None,
        };
        Action::EmitAll(
            waitlist
                .map(|id| Effect::Store(Request::Waitlist(id)))
                .into_iter()
                .chain(self.day_requests())
                .collect(),
        )
    }

    fn day_requests(&self) -> Vec<Effect> {
        vec![
            Effect::Store(Request::Sessions {
                from: self.from,
                to: self.to(),
                planned: self.agenda.planned_sessions(self.from, self.to()),
            }),
            Effect::Store(Request::Appointments {
                from: self.from,
                to: self.to(),
            }),
        ]
    }

    /// This counsellor's bookings and the workshop sessions, in time order.
    fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<(chrono::NaiveDateTime, Row)> = self
            .appointments
            .iter()
            .enumerate()
            .filter(|(_, a)| matches!(&a.what, What::Booking { counsellor, .. } if counsellor == self.id()))
            .map(|(i, a)| (a.starts, Row::Booking(i)))
            .collect();
        for w in self
            .sessions
            .iter()
            .filter(|s| !s.cancelled)
            .filter_map(|s| self.agenda.session_workshop(s))
        {
            rows.push((w.starts, Row::Workshop(w)));
        }
        rows.sort_by_key(|(t, _)| *t);
        rows.into_iter().map(|(_, r)| r).collect()
    }

    fn registrants(&self, w: &Workshop) -> Vec<usize> {
        self.appointments
            .iter()
            .enumerate()
            .filter(|(_, a)| matches!(&a.what, What::Workshop { workshop } if *workshop == w.id))
            .map(|(i, _)| i)
            .collect()
    }

    /// Seats taken: the registrations not cancelled.
    fn taken(&self, w: &Workshop) -> usize {
        self.registrants(w)
            .iter()
            .filter(|i| !self.appointments[**i].status.cancelled())
            .count()
    }

    fn list(&mut self) {
        let only = self.rows().into_iter().find_map(|row| match row {
            Row::Workshop(w) if Some(&w.id) == self.only.as_ref() => Some(w),
            _ => None,
        });
        if let Some(w) = only {
            self.focus = FocusGrid::new(vec![1; self.registrants(&w).len() + 1]);
            self.step = Step::Workshop(w);
            return;
        }
        self.step = Step::List;
        let rows = self.rows().len();
        self.focus = FocusGrid::new(vec![1; rows + MOVES]);
        // After "Jour suivant", the focus stays on it, whatever the new day holds.
        if let Some(k) = self.on_move {
            self.focus.set_index(rows + k);
        }
    }
    /// Asks the store to mark a status; the list is read again with the answer.
    fn set_status(&self, i: usize, status: Status, now: chrono::NaiveDateTime) -> Action {
        let a = &self.appointments[i];
        let workshop = matches!(a.what, What::Workshop { .. });
        Action::Emit(Effect::Store(Request::SetStatus {
            code: a.code.clone(),
            status,
            marked_from: rules::attendance_from(now, workshop),
            by: self.id().to_string(),
        }))
    }

    fn report_for(&self, a: &Appointment) -> Report {
        let (needs, by_phone, minutes) = match &a.what {
            What::Booking { motif, .. } => match self.agenda.motif_by_id(motif) {
                Some(m) => {
                    let m = &self.agenda.motifs[m];
                    (
                        m.needs.clone(),
                        m.place == Where::ByPhone,
                        m.duration.num_minutes(),
                    )
                }
                None => (Vec::new(), false, (a.ends - a.starts).num_minutes()),
            },
            What::Workshop { .. } => (Vec::new(), false, (a.ends - a.starts).num_minutes()),
        };
        let outcome = shared_outcome(a);
        super::prefill::report_for_booking(
            self.id(),
            &a.code,
            a.starts.date(),
            minutes,
            by_phone,
            &needs,
            outcome.as_ref(),
        )
    }
}

/// A date as a counsellor types it: `17/03`, `17/03/2026`, `17 3 2026` (this year when the
/// year is not given); `None` when it is no date.
fn typed_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let parts: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (day, month, year) = match parts[..] {
        [d, m] => (d, m, today.year()),
        [d, m, y] if y < 100 => (d, m, 2000 + y as i32),
        [d, m, y] => (d, m, y as i32),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// When attendance can be taken for a booking that is not yet near enough (15 minutes
/// before its start, the store's rule); `None` once it can.
fn not_yet(a: &Appointment, now: chrono::NaiveDateTime) -> Option<chrono::NaiveDateTime> {
    let ahead = rules::attendance_from(now, false) - now;
    (a.starts > now + ahead && !a.status.cancelled()).then(|| a.starts - ahead)
}

/// A booking's actions: attendance and the report are shown unavailable, with from when,
/// while the booking is still hours away (rather than offered, then refused).
/// Why a choice shown unavailable does nothing, said.
fn say_again(ctx: &Ctx, id: &str) -> Action {
    let tr = ctx.i18n.tr(&ctx.settings.locale);
    Action::Emit(Effect::Say(vec![crate::app::speech::Said::new(
        tr.text(id),
    )]))
}

fn booking_choices(a: &Appointment, view: &View) -> Vec<Choice> {
    let mut choices = numbered_list(&BOOKING_CHOICES, &view.tr);
    // Said beside the choice, which is on screen whatever page the detail is at.
    if a.report {
        choices[3].label = view.tr.text("counsellor-report-edit");
    }
    if let Some(from) = not_yet(a, view.now) {
        let when = if from.date() == view.now.date() {
            words::time(&view.tr, from)
        } else {
            format!(
                "{} {}",
                words::day(&view.tr, from.date()),
                words::time(&view.tr, from)
            )
        };
        for i in [0, 1, 3] {
            let c = &mut choices[i];
            c.label = view.tr.text_with(
                "counsellor-not-before",
                &[
                    ("action", c.label.clone().into()),
                    ("when", when.clone().into()),
                ],
            );
            c.mark = crate::ui::choices::Mark::Unavailable;
        }
    }
    choices
}

/// "parle ukrainien": the language the person booked in, when it is not French; the
/// counsellor plans for it (a translator, the kiosk's screens in that language).
pub fn speaks(a: &Appointment, view: &View) -> Option<String> {
    speaks_in(a.person.locale.as_deref()?, view)
}

fn speaks_in(tag: &str, view: &View) -> Option<String> {
    (tag != "fr").then(|| {
        view.tr
            .text_with("counsellor-speaks", &[("tag", tag.to_string().into())])
    })
}

fn shared_outcome(a: &Appointment) -> Option<Outcome> {
    a.diagnostic
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
}

/// "06 •• •• •• 78": enough to recognise, not to copy. No-break spaces keep it on one line.
pub fn masked(phone: &str) -> String {
    let shown = show_phone(phone);
    let digits = shown.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    shown
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen > 2 && seen <= digits - 2 {
                    '•'
                } else {
                    c
                }
            } else if c == ' ' {
                '\u{a0}'
            } else {
                c
            }
        })
        .collect()
}

/// The keys, step by step: each step of the agenda answers its own.
impl AgendaScreen {
    /// On the day's (or week's) rows and the moves after them.
    fn list_key(&mut self, key: Key) -> Action {
        if key == Key::Esc {
            return Action::Back;
        }
        let rows = self.rows();
        let step = Duration::days(self.days);
        match (key, self.focus.choose(key)) {
            (Key::Left, _) => self.show_from(self.from - step, 0),
            (Key::Right, _) => self.show_from(self.from + step, 1),
            (_, Some(i)) if i == rows.len() => self.show_from(self.from - step, 0),
            (_, Some(i)) if i == rows.len() + 1 => self.show_from(self.from + step, 1),
            (_, Some(i)) if i == rows.len() + 2 => self.ask_date(),
            (_, Some(i)) if i >= rows.len() => Action::Back,
            (_, Some(i)) => self.open_row(&rows[i]),
            (_, None) => Action::None,
        }
    }

    /// "Aller à une date": the date is typed next.
    fn ask_date(&mut self) -> Action {
        self.notice = None;
        self.date = TextField::new(FieldKind::Text, 10);
        self.step = Step::GoTo;
        self.focus = FocusGrid::new(vec![1]);
        Action::None
    }

    /// A booking's details, or a workshop session's registrants (its waiting list asked).
    fn open_row(&mut self, row: &Row) -> Action {
        self.notice = None;
        self.on_move = None;
        match row {
            Row::Booking(b) => {
                self.step = Step::Booking(*b);
                self.focus = FocusGrid::new(vec![1; BOOKING_CHOICES.len()]);
                Action::None
            }
            Row::Workshop(w) => {
                self.focus = FocusGrid::new(vec![1; self.registrants(w).len() + 1]);
                self.step = Step::Workshop(w.clone());
                self.waiting.clear();
                Action::Emit(Effect::Store(Request::Waitlist(w.id.clone())))
            }
        }
    }

    /// Typing a date to go to.
    fn date_key(&mut self, key: Key, ctx: &Ctx) -> Action {
        match key {
            Key::Esc => {
                self.list();
                Action::None
            }
            Key::Enter => match typed_date(&self.date.value, ctx.now.date()) {
                Some(day) => self.show_from(day, 2),
                None => {
                    self.notice = Some(Notice::Says("counsellor-date-invalid"));
                    Action::None
                }
            },
            key => {
                self.date.input(key);
                Action::None
            }
        }
    }

    /// On a booking's actions: attendance, cancelling, the report, back.
    fn booking_key(&mut self, i: usize, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            // What was said about this booking stays with it.
            self.notice = None;
            self.list();
            return Action::None;
        }
        let early = not_yet(&self.appointments[i], ctx.now);
        let was = self.focus.index();
        match self.focus.choose(key) {
            // Shown unavailable, the reason beside it: the voice says it again,
            // nothing is asked of the store, and a number typed for it leaves the
            // focus (and the page shown) where they were.
            Some(0 | 1) if early.is_some() => {
                self.focus.set_index(was);
                say_again(ctx, "counsellor-status-refused-early")
            }
            Some(3) if early.is_some() => {
                self.focus.set_index(was);
                say_again(ctx, "counsellor-report-not-yet")
            }
            Some(0) => self.set_status(i, Status::Present, ctx.now),
            Some(1) => self.set_status(i, Status::Absent, ctx.now),
            Some(2) if !self.appointments[i].status.cancelled() => {
                self.step = Step::CancelReason(i);
                self.reason = TextField::new(FieldKind::Text, 80);
                self.focus = FocusGrid::new(vec![1, 1]);
                Action::None
            }
            Some(3) => self.open_report(i),
            Some(4) => {
                self.list();
                Action::None
            }
            _ => Action::None,
        }
    }

    /// The booking's activity report: refused for a booking cancelled or missed; the one
    /// saved, asked for to edit; or a new one, prefilled.
    fn open_report(&mut self, i: usize) -> Action {
        let a = &self.appointments[i];
        if a.status.cancelled() {
            self.notice = Some(Notice::Says("report-refused-cancelled"));
        } else if a.status == Status::Absent {
            self.notice = Some(Notice::Says("report-refused-absent"));
        } else if a.report {
            // Reopened: the report as it was saved, to edit.
            return Action::Emit(Effect::Store(Request::Report(a.code.clone())));
        } else {
            let report = self.report_for(a);
            return Action::Push(Box::new(ReportForm::new(report)));
        }
        Action::None
    }

    /// Typing why the help point cancels a booking; Enter cancels it.
    fn cancel_reason_key(&mut self, i: usize, key: Key, ctx: &Ctx) -> Action {
        match key {
            Key::Esc => {
                self.step = Step::Booking(i);
                self.focus = FocusGrid::new(vec![1; BOOKING_CHOICES.len()]);
            }
            Key::Enter => return self.cancel_for_the_service(i, ctx),
            // The reason is drawn as a line of text, its cursor at "Confirmer": it
            // is typed and erased at its end only.
            key @ (Key::Char(_) | Key::Backspace) => {
                self.reason.input(key);
            }
            _ => {}
        }
        Action::None
    }

    /// Cancels a booking for the help point, with the reason typed: the person is told when a
    /// message can be sent, else listed for the counsellor to call.
    fn cancel_for_the_service(&mut self, i: usize, ctx: &Ctx) -> Action {
        let a = &self.appointments[i];
        let tr = ctx.i18n.tr(&ctx.kiosk.default_locale);
        let contact = a.person.phone.clone().or(a.person.email.clone());
        // Told only when a message is queued and something will send it.
        let sent = contact
            .clone()
            .filter(|_| ctx.kiosk.reminder_gateway.is_some());
        let notice = sent.map(|recipient| Reminder {
            due: ctx.now,
            recipient,
            message: Message::Cancelled { starts: a.starts }.text(&tr, ctx.kiosk),
        });
        self.pending = Some(if notice.is_some() {
            Told {
                told: 1,
                to_tell: Vec::new(),
            }
        } else {
            Told {
                told: 0,
                to_tell: vec![(a.person.first_name.clone(), contact)],
            }
        });
        let request = Request::Cancel {
            code: a.code.clone(),
            by: Canceller::Service {
                actor: self.id().to_string(),
                reason: Some(self.reason.value.clone()).filter(|r| !r.trim().is_empty()),
                notice,
            },
        };
        self.step = Step::Booking(i);
        self.focus = FocusGrid::new(vec![1; BOOKING_CHOICES.len()]);
        Action::Emit(Effect::Store(request))
    }

    /// On a workshop session's registrants: one to mark, or back.
    fn workshop_key(&mut self, w: &Workshop, key: Key) -> Action {
        if key == Key::Esc {
            return self.leave_workshop();
        }
        let registrants = self.registrants(w);
        match self.focus.choose(key) {
            Some(i) if i == registrants.len() => return self.leave_workshop(),
            Some(i) => {
                self.notice = None;
                self.step = Step::Attendance(w.clone(), registrants[i]);
                self.focus = FocusGrid::new(vec![1; ATTENDANCE_CHOICES.len()]);
            }
            None => {}
        }
        Action::None
    }

    /// Marking registrant `a` of a workshop session present or absent; back to its registrants
    /// either way.
    fn attendance_key(&mut self, w: &Workshop, a: usize, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            self.back_to_registrants(w);
            return Action::None;
        }
        match self.focus.choose(key) {
            Some(0) => {
                self.back_to_registrants(w);
                self.set_status(a, Status::Present, ctx.now)
            }
            Some(1) => {
                self.back_to_registrants(w);
                self.set_status(a, Status::Absent, ctx.now)
            }
            Some(_) => {
                self.back_to_registrants(w);
                Action::None
            }
            None => Action::None,
        }
    }

    fn back_to_registrants(&mut self, w: &Workshop) {
        let n = self.registrants(w).len() + 1;
        self.focus = FocusGrid::new(vec![1; n]);
        self.step = Step::Workshop(w.clone());
    }
}

/// What each step shows: paragraphs (after the notice's), then its choices.
impl AgendaScreen {
    /// The day's (or week's) rows, then the moves.
    fn list_body(&self, mut paras: Vec<Para>, view: &View) -> page::Body {
        let rows = self.rows();
        if rows.is_empty() {
            paras.push(page::text(view.tr.text("counsellor-nothing")));
        }
        let mut choices: Vec<Choice> = rows
            .iter()
            .enumerate()
            .map(|(n, row)| {
                let label = match row {
                    Row::Booking(i) => self.booking_line(&self.appointments[*i], view),
                    Row::Workshop(w) => self.workshop_line(w, view),
                };
                Choice::numbered(n + 1, label)
            })
            .collect();
        if self.only.is_none() {
            paras.insert(0, page::heading(self.shown_days(view)));
        }
        for id in self.moves() {
            choices.push(Choice::numbered(choices.len() + 1, view.tr.text(id)));
        }
        page::Body::new(paras, choices, Some(self.focus.index()))
    }

    /// A booking's row: when, who, their language, what for, where, their phone masked, where
    /// it stands.
    fn booking_line(&self, a: &Appointment, view: &View) -> String {
        let motif = match &a.what {
            What::Booking { motif, .. } => self.agenda.motif_label(motif, &view.tr),
            What::Workshop { .. } => String::new(),
        };
        let when = format!(
            "{} {}",
            words::day(&view.tr, a.starts.date()),
            words::time(&view.tr, a.starts)
        );
        let name = first_name(&a.person, &view.tr);
        // No phone given: nothing between two dashes.
        let phone = a.person.phone.as_deref().map(masked);
        // Booked at another help point: where the counsellor goes.
        let place = a.elsewhere.as_ref().map(|place| {
            view.tr
                .text_with("counsellor-elsewhere", &[("place", place.clone().into())])
        });
        [
            Some(when),
            Some(name),
            speaks(a, view),
            Some(motif),
            place,
            phone,
            Some(status_words(a, view)),
        ]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" — ")
    }

    /// A workshop session's row: when, its title, the seats taken.
    fn workshop_line(&self, w: &Workshop, view: &View) -> String {
        let taken = self.taken(w);
        view.tr.text_with(
            "counsellor-workshop-line",
            &[
                ("day", words::day(&view.tr, w.starts.date()).into()),
                ("time", words::time(&view.tr, w.starts).into()),
                (
                    "title",
                    view.tr.text(&self.agenda.workshops[w.series].title).into(),
                ),
                ("taken", (taken as i64).into()),
                ("seats", i64::from(w.seats).into()),
            ],
        )
    }

    /// The date being typed.
    fn date_body(&self, mut paras: Vec<Para>, view: &View) -> page::Body {
        paras.push(page::heading(view.tr.text("counsellor-date-question")));
        paras.push(page::text(format!("▶ {}", self.date.value)));
        let choices = vec![Choice::numbered(
            1,
            view.tr.text("counsellor-go-to-date-ok"),
        )];
        page::Body::new(paras, choices, Some(0))
    }

    /// A booking's details, then its actions, or the reason for cancelling it being typed.
    fn booking_body(&self, i: usize, mut paras: Vec<Para>, view: &View) -> page::Body {
        let a = &self.appointments[i];
        paras.extend(self.booking_details(a, view));
        if let Step::CancelReason(_) = self.step {
            paras.push(page::heading(view.tr.text("counsellor-cancel-reason")));
            paras.push(page::text(format!("▶ {}", self.reason.value)));
            let choices = vec![Choice::numbered(
                1,
                view.tr.text("counsellor-cancel-confirm"),
            )];
            return page::Body::new(paras, choices, Some(0));
        }
        page::Body::new(paras, booking_choices(a, view), Some(self.focus.index()))
    }

    /// Who booked and in which language, when, what for and the code they keep, how to reach
    /// them, whether a report was written, the diagnostic they shared.
    fn booking_details(&self, a: &Appointment, view: &View) -> Vec<Para> {
        let mut paras = vec![page::strong(format!(
            "{} {}",
            first_name(&a.person, &view.tr),
            a.person
                .last_initial
                .as_deref()
                .map(|x| format!("{x}."))
                .unwrap_or_default()
        ))];
        if let Some(speaks) = speaks(a, view) {
            paras.push(page::text(speaks));
        }
        paras.push(page::text(format!(
            "{} {} — {}",
            words::day(&view.tr, a.starts.date()),
            words::time(&view.tr, a.starts),
            status_words(a, view)
        )));
        // What for, and the code the person keeps.
        if let What::Booking { motif, .. } = &a.what {
            let motif = self.agenda.motif_label(motif, &view.tr);
            paras.push(page::text(view.tr.text_with(
                "counsellor-booking-what",
                &[
                    ("motif", motif.into()),
                    ("code", crate::booking::ticket::spaced(&a.code).into()),
                ],
            )));
        }
        if let Some(phone) = &a.person.phone {
            paras.push(page::text(
                view.tr
                    .text_with("lieux-phone", &[("phone", show_phone(phone).into())]),
            ));
        }
        if let Some(email) = &a.person.email {
            paras.push(page::text(email.clone()));
        }
        if a.report {
            paras.push(page::text(view.tr.text("counsellor-report-exists")));
        }
        match shared_outcome(a) {
            Some(o) => paras.extend(super::shared_diagnostic::paras(&o, view)),
            None => paras.push(page::text(view.tr.text("counsellor-no-diagnostic"))),
        }
        paras
    }

    /// Marking registrant `a` of a workshop session: present, absent, back.
    fn attendance_body(
        &self,
        w: &Workshop,
        a: usize,
        mut paras: Vec<Para>,
        view: &View,
    ) -> page::Body {
        paras.push(page::strong(
            view.tr.text(&self.agenda.workshops[w.series].title),
        ));
        paras.push(page::heading(view.tr.text_with(
            "counsellor-attendance-question",
            &[(
                "name",
                first_name(&self.appointments[a].person, &view.tr).into(),
            )],
        )));
        let choices: Vec<Choice> = numbered_list(&ATTENDANCE_CHOICES, &view.tr);
        page::Body::new(paras, choices, Some(self.focus.index()))
    }

    /// A workshop session: its title, when, the seats taken, its waiting list; then its
    /// registrants, each with where they stand, and back.
    fn workshop_body(&self, w: &Workshop, mut paras: Vec<Para>, view: &View) -> page::Body {
        paras.push(page::strong(
            view.tr.text(&self.agenda.workshops[w.series].title),
        ));
        paras.push(page::text(format!(
            "{} {}",
            words::day(&view.tr, w.starts.date()),
            words::time(&view.tr, w.starts)
        )));
        paras.push(page::text(view.tr.text_with(
            "workshop-registrants-count",
            &[
                ("taken", (self.taken(w) as i64).into()),
                ("seats", i64::from(w.seats).into()),
            ],
        )));
        paras.extend(self.waiting_paras(view));
        let mut choices: Vec<Choice> = self
            .registrants(w)
            .iter()
            .enumerate()
            .map(|(n, i)| {
                let a = &self.appointments[*i];
                Choice::numbered(
                    n + 1,
                    format!(
                        "{} — {}",
                        first_name(&a.person, &view.tr),
                        status_words(a, view)
                    ),
                )
            })
            .collect();
        choices.push(Choice::numbered(
            choices.len() + 1,
            view.tr.text("counsellor-back"),
        ));
        page::Body::new(paras, choices, Some(self.focus.index()))
    }
}

impl Screen for AgendaScreen {
    fn title(&self) -> &'static str {
        if self.only.is_some() {
            "workshop-admin-registrants"
        } else if self.days == 1 {
            "counsellor-today"
        } else {
            "counsellor-week"
        }
    }

    fn opened(&mut self, _ctx: &Ctx) -> Action {
        self.load()
    }

    fn resumed(&mut self, _ctx: &Ctx) -> Action {
        self.load()
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step.clone() {
            Step::List => self.list_key(key),
            Step::GoTo => self.date_key(key, ctx),
            Step::Booking(i) => self.booking_key(i, key, ctx),
            Step::CancelReason(i) => self.cancel_reason_key(i, key, ctx),
            Step::Workshop(w) => self.workshop_key(&w, key),
            Step::Attendance(w, a) => self.attendance_key(&w, a, key, ctx),
        }
    }

    fn reply(&mut self, reply: Reply, _ctx: &Ctx) -> Action {
        match reply {
            Reply::Appointments(list) => {
                self.appointments = list;
                if self.step == Step::List {
                    self.list();
                }
                return Action::None;
            }
            Reply::Sessions(sessions) => {
                self.sessions = sessions;
                return Action::None;
            }
            Reply::Waitlist(waiting) => {
                self.waiting = waiting;
                return Action::None;
            }
            Reply::Report(Some(report)) => return Action::Push(Box::new(ReportForm::new(report))),
            Reply::Done => self.notice = Some(Notice::Done("counsellor-status-saved")),
            Reply::StatusRefused(Refusal::TooEarly) => {
                self.notice = Some(Notice::Says("counsellor-status-refused-early"))
            }
            Reply::StatusRefused(_) => {
                self.notice = Some(Notice::Says("counsellor-status-refused-cancelled"))
            }
            Reply::Cancelled(Ok(())) => {
                self.notice = self.pending.take().map(|told| Notice::Told {
                    done: "counsellor-done-cancelled",
                    told,
                });
            }
            Reply::Cancelled(Err(_)) => {
                self.pending = None;
                self.notice = Some(Notice::Says("counsellor-status-refused-cancelled"));
            }
            Reply::Failed(_) => {
                self.notice = Some(Notice::Says("counsellor-failed"));
                return Action::None;
            }
            _ => return Action::None,
        }
        // The list as the store has it now.
        self.load()
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        page::render_body(frame, area, view, &self.body(view)?)
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        let paras: Vec<Para> = self
            .notice
            .as_ref()
            .map(|n| n.paras(&view.tr))
            .unwrap_or_default();
        Some(match &self.step {
            Step::List => self.list_body(paras, view),
            Step::GoTo => self.date_body(paras, view),
            Step::Booking(i) | Step::CancelReason(i) => self.booking_body(*i, paras, view),
            Step::Attendance(w, a) => self.attendance_body(w, *a, paras, view),
            Step::Workshop(w) => self.workshop_body(w, paras, view),
        })
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn shows_a_person(&self) -> bool {
        matches!(
            self.step,
            Step::Booking(_) | Step::CancelReason(_) | Step::Attendance(..)
        )
    }

    fn hints(&self) -> Vec<Hint> {
        let mut hints = [choosing_hints(), self.focus.page_hints()].concat();
        if self.step == Step::List && self.only.is_none() {
            let does = if self.days == 1 {
                "does-other-day"
            } else {
                "does-other-week"
            };
            hints.insert(1, crate::app::screen::hint("key-left-right", does));
        }
        hints
    }
}

/// A person's first name, or "(sans prénom)" when none was given (or it was erased).
pub fn first_name(person: &crate::domain::person::Person, tr: &crate::i18n::Tr) -> String {
    match person.first_name.trim() {
        "" => tr.text("person-no-first-name"),
        name => name.to_string(),
    }
}

/// Where an appointment stands, in the counsellor's language: one whose time has come and
/// that nobody marked is "présence à noter", not "à venir".
fn status_words(a: &Appointment, view: &View) -> String {
    let id = match a.status {
        Status::Upcoming if a.starts <= view.now => "status-to-mark",
        Status::Upcoming => "status-upcoming",
        Status::Present => "status-present",
        Status::Absent => "status-absent",
        Status::CancelledByCitizen => "status-cancelled-by-citizen",
        Status::CancelledByService => "status-cancelled-by-service",
    };
    view.tr.text(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Msg;
    use crate::testing::{appointment, demo_config, monday_morning, shown};

    #[test]
    fn an_appointment_booked_at_another_help_point_says_where() {
        let config = demo_config();
        let now = monday_morning();
        let mut app = crate::kiosk::app(config.clone(), now);
        let week = AgendaScreen::new(config.agenda.clone(), 0, now.date(), 7);
        app.push(Box::new(week), now);
        let mut at_embrun = appointment("2026-03-03T09:00", Status::Upcoming);
        at_embrun.elsewhere = Some("Médiathèque d'Embrun".into());
        let here = appointment("2026-03-03T14:00", Status::Upcoming);
        app.update(Msg::Reply(Reply::Sessions(Vec::new())), now);
        app.update(Msg::Reply(Reply::Appointments(vec![at_embrun, here])), now);
        let screen = shown(&app, now);
        let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(
                "mardi 3 mars 9 h 00 — Marie — Aide pour une démarche en ligne — lieu : Médiathèque d'Embrun — 06"
            ),
            "{screen}"
        );
        assert!(
            words.contains("mardi 3 mars 14 h 00 — Marie — Aide pour une démarche en ligne — 06"),
            "{screen}"
        );
    }
}

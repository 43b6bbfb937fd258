//! The counsellor's agenda: their bookings and the workshops, today or this week; a booking's
//! details (the shared diagnostic in plain words), its status, cancelling for the help point
//! (the person is told), the activity report; a workshop's registrants and attendance.
use std::rc::Rc;

use chrono::{Duration, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::report::Report;
use super::report_form::ReportForm;
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen};
use crate::app::text_field::{FieldKind, TextField};
use crate::booking::Agenda;
use crate::booking::agenda::{Where, Workshop};
use crate::booking::checkout::choosing_hints;
use crate::booking::person::format_phone;
use crate::calendar::words;
use crate::diagnostic::Outcome;
use crate::store::{Appointment, Reminder, Reply, Request, Status, What};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, PartialEq)]
enum Row {
    Booking(usize),
    Workshop(Workshop),
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    List,
    Booking(usize),
    CancelReason(usize),
    Workshop(Workshop),
}

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
    step: Step,
    focus: FocusGrid,
    reason: TextField,
    notice: Option<&'static str>,
}

impl AgendaScreen {
    pub fn new(agenda: Rc<Agenda>, counsellor: usize, from: NaiveDate, days: i64) -> AgendaScreen {
        AgendaScreen {
            agenda,
            counsellor,
            from,
            days,
            appointments: Vec::new(),
            step: Step::List,
            focus: FocusGrid::new(Vec::new()),
            reason: TextField::new(FieldKind::Text, 80),
            notice: None,
        }
    }

    fn id(&self) -> &str {
        &self.agenda.counsellors[self.counsellor].id
    }

    fn to(&self) -> NaiveDate {
        self.from + Duration::days(self.days - 1)
    }

    fn load(&self) -> Action {
        Action::Emit(Effect::Store(Request::Appointments {
            from: self.from,
            to: self.to(),
        }))
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
        for w in self.agenda.workshops_between(self.from, self.to()) {
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

    fn list(&mut self) {
        self.step = Step::List;
        self.focus = FocusGrid::new(vec![1; self.rows().len() + 1]);
    }
    fn audit(&self, what: String) -> Effect {
        Effect::Audit {
            actor: self.id().to_string(),
            action: what,
        }
    }

    fn set_status(&mut self, i: usize, status: Status) -> Action {
        let code = self.appointments[i].code.clone();
        self.appointments[i].status = status;
        Action::Emit(Effect::Store(Request::SetStatus { code, status }))
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
        Report::for_booking(
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

fn shared_outcome(a: &Appointment) -> Option<Outcome> {
    a.diagnostic
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
}

/// "06 •• •• •• 78": enough to recognise, not to copy. No-break spaces keep it on one line.
pub fn masked(phone: &str) -> String {
    let shown = format_phone(phone);
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

impl Screen for AgendaScreen {
    fn title(&self) -> &'static str {
        if self.days == 1 {
            "counsellor-today"
        } else {
            "counsellor-week"
        }
    }

    fn opened(&mut self, _ctx: &Ctx) -> Action {
        self.load()
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step.clone() {
            Step::List => {
                if key == Key::Esc {
                    return Action::Back;
                }
                let rows = self.rows();
                match self.focus.choose(key) {
                    Some(i) if i == rows.len() => Action::Back,
                    Some(i) => {
                        self.notice = None;
                        match &rows[i] {
                            Row::Booking(b) => {
                                self.step = Step::Booking(*b);
                                self.focus = FocusGrid::new(vec![1; BOOKING_CHOICES.len()]);
                            }
                            Row::Workshop(w) => {
                                self.focus = FocusGrid::new(vec![1; self.registrants(w).len() + 1]);
                                self.step = Step::Workshop(w.clone());
                            }
                        }
                        Action::None
                    }
                    None => Action::None,
                }
            }
            Step::Booking(i) => {
                if key == Key::Esc {
                    self.list();
                    return Action::None;
                }
                match self.focus.choose(key) {
                    Some(0) => {
                        self.notice = Some("counsellor-status-saved");
                        let code = self.appointments[i].code.clone();
                        let action = self.set_status(i, Status::Present);
                        return chain(self.audit(format!("status présent {code}")), action);
                    }
                    Some(1) => {
                        self.notice = Some("counsellor-status-saved");
                        let code = self.appointments[i].code.clone();
                        let action = self.set_status(i, Status::Absent);
                        return chain(self.audit(format!("status absent {code}")), action);
                    }
                    Some(2) if !self.appointments[i].status.cancelled() => {
                        self.step = Step::CancelReason(i);
                        self.reason = TextField::new(FieldKind::Text, 80);
                        self.focus = FocusGrid::new(vec![1, 1]);
                    }
                    Some(3) => {
                        let report = self.report_for(&self.appointments[i]);
                        return Action::Push(Box::new(ReportForm::new(report)));
                    }
                    Some(4) => self.list(),
                    _ => {}
                }
                Action::None
            }
            Step::CancelReason(i) => {
                match key {
                    Key::Esc => {
                        self.step = Step::Booking(i);
                        self.focus = FocusGrid::new(vec![1; BOOKING_CHOICES.len()]);
                    }
                    Key::Enter => {
                        let a = &self.appointments[i];
                        let tr = ctx.config.i18n.tr(&ctx.config.kiosk.default_locale);
                        let notify =
                            a.person
                                .phone
                                .clone()
                                .or(a.person.email.clone())
                                .map(|recipient| Reminder {
                                    due: ctx.now,
                                    recipient,
                                    message: tr.text_with(
                                        "counsellor-cancel-message",
                                        &[
                                            ("day", words::day(&tr, a.starts.date()).into()),
                                            ("time", words::time(&tr, a.starts).into()),
                                            (
                                                "place",
                                                ctx.config.kiosk.help_point.name.clone().into(),
                                            ),
                                            (
                                                "phone",
                                                ctx.config.kiosk.help_point.phone.clone().into(),
                                            ),
                                        ],
                                    ),
                                });
                        let code = a.code.clone();
                        self.notice = Some("counsellor-cancelled");
                        self.appointments[i].status = Status::CancelledByService;
                        self.step = Step::Booking(i);
                        self.focus = FocusGrid::new(vec![1; BOOKING_CHOICES.len()]);
                        let request = Request::CancelByService {
                            code: code.clone(),
                            reason: self.reason.value.clone(),
                            notify,
                        };
                        return chain(
                            self.audit(format!("cancelled by the service {code}")),
                            Action::Emit(Effect::Store(request)),
                        );
                    }
                    key => {
                        self.reason.input(key);
                    }
                }
                Action::None
            }
            Step::Workshop(w) => {
                if key == Key::Esc {
                    self.list();
                    return Action::None;
                }
                let registrants = self.registrants(&w);
                match self.focus.choose(key) {
                    Some(i) if i == registrants.len() => self.list(),
                    // Attendance goes round: à venir → présent → absent → à venir.
                    Some(i) => {
                        let a = registrants[i];
                        let next = match self.appointments[a].status {
                            Status::Upcoming => Status::Present,
                            Status::Present => Status::Absent,
                            Status::Absent => Status::Upcoming,
                            cancelled => cancelled,
                        };
                        if next != self.appointments[a].status {
                            let code = self.appointments[a].code.clone();
                            let action = self.set_status(a, next);
                            return chain(
                                self.audit(format!("attendance {} {code}", next.label())),
                                action,
                            );
                        }
                    }
                    None => {}
                }
                Action::None
            }
        }
    }

    fn reply(&mut self, reply: Reply, _ctx: &Ctx) -> Action {
        match reply {
            Reply::Appointments(list) => {
                self.appointments = list;
                if self.step == Step::List {
                    self.list();
                }
            }
            Reply::Failed(_) => self.notice = Some("counsellor-failed"),
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let mut paras: Vec<Para> = self
            .notice
            .iter()
            .map(|id| page::notice(view.tr.text(id)))
            .collect();
        match &self.step {
            Step::List => {
                let rows = self.rows();
                if rows.is_empty() {
                    paras.push(page::text(view.tr.text("counsellor-nothing")));
                }
                let mut choices: Vec<Choice> = rows
                    .iter()
                    .enumerate()
                    .map(|(n, row)| {
                        let label = match row {
                            Row::Booking(i) => {
                                let a = &self.appointments[*i];
                                let motif = match &a.what {
                                    What::Booking { motif, .. } => {
                                        self.agenda.motif_by_id(motif).map_or(motif.clone(), |m| {
                                            view.tr.text(&self.agenda.motifs[m].label)
                                        })
                                    }
                                    What::Workshop { .. } => String::new(),
                                };
                                let phone =
                                    a.person.phone.as_deref().map(masked).unwrap_or_default();
                                format!(
                                    "{} {} — {} — {motif} — {phone} — {}",
                                    words::day(&view.tr, a.starts.date()),
                                    words::time(&view.tr, a.starts),
                                    if a.person.first_name.is_empty() {
                                        "—"
                                    } else {
                                        &a.person.first_name
                                    },
                                    a.status.label()
                                )
                            }
                            Row::Workshop(w) => {
                                let taken = self
                                    .registrants(w)
                                    .iter()
                                    .filter(|i| !self.appointments[**i].status.cancelled())
                                    .count();
                                view.tr.text_with(
                                    "counsellor-workshop-line",
                                    &[
                                        ("day", words::day(&view.tr, w.starts.date()).into()),
                                        ("time", words::time(&view.tr, w.starts).into()),
                                        (
                                            "title",
                                            view.tr
                                                .text(&self.agenda.workshops[w.series].title)
                                                .into(),
                                        ),
                                        ("taken", (taken as i64).into()),
                                        ("seats", i64::from(w.seats).into()),
                                    ],
                                )
                            }
                        };
                        Choice::numbered(n + 1, label)
                    })
                    .collect();
                choices.push(Choice::numbered(
                    choices.len() + 1,
                    view.tr.text("counsellor-back"),
                ));
                page::render(
                    frame,
                    area,
                    view,
                    &paras,
                    &choices,
                    Some(self.focus.index()),
                )
            }
            Step::Booking(i) | Step::CancelReason(i) => {
                let a = &self.appointments[*i];
                paras.push(page::strong(format!(
                    "{} {}",
                    a.person.first_name,
                    a.person
                        .last_initial
                        .as_deref()
                        .map(|x| format!("{x}."))
                        .unwrap_or_default()
                )));
                paras.push(page::text(format!(
                    "{} {} — {}",
                    words::day(&view.tr, a.starts.date()),
                    words::time(&view.tr, a.starts),
                    a.status.label()
                )));
                if let Some(phone) = &a.person.phone {
                    paras.push(page::text(view.tr.text_with(
                        "lieux-phone",
                        &[("phone", format_phone(phone).into())],
                    )));
                }
                if let Some(email) = &a.person.email {
                    paras.push(page::text(email.clone()));
                }
                match shared_outcome(a) {
                    Some(o) => {
                        paras.push(page::heading(view.tr.text("counsellor-diagnostic")));
                        for need in &o.needs {
                            paras.push(page::item(view.tr.text(&format!("need-{}", need.key()))));
                        }
                        let help = match o.help {
                            crate::diagnostic::HelpKind::Appointment => "help-appointment",
                            crate::diagnostic::HelpKind::Workshop => "help-workshop",
                            crate::diagnostic::HelpKind::SelfService => "help-self-service",
                            crate::diagnostic::HelpKind::AidantsConnect => "help-aidants-connect",
                        };
                        paras.push(page::text(view.tr.text(help)));
                        if o.urgent {
                            paras.push(page::text(view.tr.text("diag-result-urgent")));
                        }
                    }
                    None => paras.push(page::text(view.tr.text("counsellor-no-diagnostic"))),
                }
                if let Step::CancelReason(_) = self.step {
                    paras.push(page::heading(view.tr.text("counsellor-cancel-reason")));
                    paras.push(page::text(format!("▶ {}", self.reason.value)));
                    let choices = [Choice::numbered(
                        1,
                        view.tr.text("counsellor-cancel-confirm"),
                    )];
                    return page::render(frame, area, view, &paras, &choices, Some(0));
                }
                let choices: Vec<Choice> = BOOKING_CHOICES
                    .iter()
                    .enumerate()
                    .map(|(n, id)| Choice::numbered(n + 1, view.tr.text(id)))
                    .collect();
                page::render(
                    frame,
                    area,
                    view,
                    &paras,
                    &choices,
                    Some(self.focus.index()),
                )
            }
            Step::Workshop(w) => {
                paras.push(page::strong(
                    view.tr.text(&self.agenda.workshops[w.series].title),
                ));
                paras.push(page::text(format!(
                    "{} {}",
                    words::day(&view.tr, w.starts.date()),
                    words::time(&view.tr, w.starts)
                )));
                let mut choices: Vec<Choice> = self
                    .registrants(w)
                    .iter()
                    .enumerate()
                    .map(|(n, i)| {
                        let a = &self.appointments[*i];
                        Choice::numbered(
                            n + 1,
                            format!("{} — {}", a.person.first_name, a.status.label()),
                        )
                    })
                    .collect();
                choices.push(Choice::numbered(
                    choices.len() + 1,
                    view.tr.text("counsellor-back"),
                ));
                page::render(
                    frame,
                    area,
                    view,
                    &paras,
                    &choices,
                    Some(self.focus.index()),
                )
            }
        }
    }

    fn hints(&self) -> Vec<Hint> {
        choosing_hints()
    }

    fn is_staff(&self) -> bool {
        true
    }
}

/// An audit entry, then what the action does.
fn chain(audit: Effect, action: Action) -> Action {
    match action {
        Action::Emit(effect) => Action::EmitAll(vec![audit, effect]),
        other => other,
    }
}

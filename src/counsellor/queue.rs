//! "File d'attente": who waits, in the order they are called (appointments whose time has
//! come, then walk-ins by arrival), with the motif, the wait so far and the person's language;
//! "Appeler la personne suivante" (or a chosen one) to the counsellor's desk, then "Pris en
//! charge", "Absent" (called again first, if need be) or "Réorienté". A checked-in appointment
//! taken in charge is marked présent; the activity report can start from the entry, prefilled.
use std::rc::Rc;

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::prefill::report_for_booking;
use super::report_form::ReportForm;
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, choosing_hints};
use crate::app::speech::Speech;
use crate::booking::Agenda;
use crate::booking::agenda::Where;
use crate::calendar::words;
use crate::domain::outcome::Outcome;
use crate::domain::queue::{self, Entry, State};
use crate::domain::report::Report;
use crate::store::{Appointment, Caller, QueueRefusal, QueueRequest, Reply, Request};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Para};

/// What a choice on the screen does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choose {
    CallNext,
    /// Call this ticket.
    Call(u32),
    Refresh,
    Outcome(State),
    CallAgain,
    Report,
    BackToQueue,
}

pub(crate) struct QueueScreen {
    agenda: Rc<Agenda>,
    counsellor: usize,
    entries: Vec<Entry>,
    loaded: bool,
    /// The ticket this counsellor called and has not settled.
    calling: Option<u32>,
    /// The ticket just taken in charge: its report can start here.
    served: Option<Entry>,
    refusal: Option<QueueRefusal>,
    offered: Vec<Choose>,
    focus: FocusGrid,
}

impl QueueScreen {
    pub(crate) fn new(agenda: Rc<Agenda>, counsellor: usize) -> QueueScreen {
        QueueScreen {
            agenda,
            counsellor,
            entries: Vec::new(),
            loaded: false,
            calling: None,
            served: None,
            refusal: None,
            offered: Vec::new(),
            focus: FocusGrid::new(Vec::new()),
        }
    }

    fn id(&self) -> &str {
        &self.agenda.counsellors[self.counsellor].id
    }

    fn load(&self, now: NaiveDateTime) -> Action {
        Action::Emit(Effect::Store(Request::Queue(QueueRequest::Day(now.date()))))
    }

    fn calling_entry(&self) -> Option<&Entry> {
        self.calling
            .and_then(|n| self.entries.iter().find(|e| e.number == n))
    }

    /// The day's queue as it now stands: this counsellor's open call, what to offer.
    fn take(&mut self, entries: Vec<Entry>, now: NaiveDateTime) {
        let id = self.id().to_string();
        self.calling = entries
            .iter()
            .filter(|e| e.state == State::Called && e.called_by.as_deref() == Some(id.as_str()))
            .max_by_key(|e| e.called_at)
            .map(|e| e.number);
        self.entries = entries;
        self.loaded = true;
        self.offered = if self.served.is_some() {
            vec![Choose::Report, Choose::BackToQueue]
        } else if self.calling.is_some() {
            vec![
                Choose::Outcome(State::Served),
                Choose::CallAgain,
                Choose::Outcome(State::Absent),
                Choose::Outcome(State::Redirected),
            ]
        } else {
            let mut offered = vec![Choose::CallNext];
            // Everyone waiting shows; another counsellor's appointment is theirs to call (the
            // store says so if chosen).
            offered.extend(
                queue::order(&self.entries, now)
                    .into_iter()
                    .map(|e| Choose::Call(e.number)),
            );
            offered.push(Choose::Refresh);
            offered
        };
        let at = self.focus.index().min(self.offered.len().saturating_sub(1));
        self.focus = FocusGrid::new(vec![1; self.offered.len()]);
        self.focus.set_index(at);
    }

    fn caller(&self) -> Caller {
        Caller {
            counsellor: self.id().to_string(),
            desk: self.agenda.counsellors[self.counsellor].desk.clone(),
        }
    }

    fn choose(&mut self, choice: Choose, ctx: &Ctx) -> Action {
        self.refusal = None;
        let store = |request| Action::Emit(Effect::Store(Request::Queue(request)));
        match choice {
            Choose::CallNext => store(QueueRequest::Call {
                caller: self.caller(),
                ticket: None,
            }),
            Choose::Call(n) => store(QueueRequest::Call {
                caller: self.caller(),
                ticket: Some(n),
            }),
            Choose::CallAgain => store(QueueRequest::Call {
                caller: self.caller(),
                ticket: self.calling,
            }),
            Choose::Refresh => self.load(ctx.now),
            Choose::Outcome(outcome) => match self.calling {
                Some(number) => store(QueueRequest::Settle {
                    day: ctx.now.date(),
                    number,
                    outcome,
                    by: self.id().to_string(),
                }),
                None => Action::None,
            },
            Choose::Report => match self.served.as_ref().and_then(|e| e.appointment.clone()) {
                // The appointment's own data (its diagnostic) prefills it.
                Some(_) => Action::Emit(Effect::Store(Request::Appointments {
                    from: ctx.now.date(),
                    to: ctx.now.date(),
                })),
                None => {
                    let report = self.walk_in_report(ctx.now);
                    self.served = None;
                    Action::Push(Box::new(ReportForm::new(report)))
                }
            },
            Choose::BackToQueue => {
                self.served = None;
                self.load(ctx.now)
            }
        }
    }

    /// A walk-in's report: today, the motif's first need.
    fn walk_in_report(&self, now: NaiveDateTime) -> Report {
        let mut report = Report::walk_in(self.id(), now.date());
        if let Some(m) = self
            .served
            .as_ref()
            .and_then(|e| self.agenda.motif_by_id(&e.motif))
        {
            report.themes = self.agenda.motifs[m]
                .needs
                .iter()
                .take(1)
                .copied()
                .collect();
        }
        report
    }

    /// A checked-in appointment's report: as the agenda prefills it, dated today.
    fn appointment_report(&self, a: &Appointment, now: NaiveDateTime) -> Report {
        let motif = self
            .served
            .as_ref()
            .and_then(|e| self.agenda.motif_by_id(&e.motif))
            .map(|m| &self.agenda.motifs[m]);
        let outcome: Option<Outcome> = a
            .diagnostic
            .as_deref()
            .and_then(|json| serde_json::from_str(json).ok());
        report_for_booking(
            self.id(),
            &a.code,
            now.date(),
            motif.map_or((a.ends - a.starts).num_minutes(), |m| {
                m.duration.num_minutes()
            }),
            motif.is_some_and(|m| m.place == Where::ByPhone),
            motif.map_or(&[][..], |m| &m.needs),
            outcome.as_ref(),
        )
    }

    /// One person in the list: ticket, wait so far, motif, name, language, appointment.
    fn entry_line(&self, e: &Entry, view: &View) -> String {
        let tr = &view.tr;
        let mut parts = vec![
            e.label(),
            tr.text_with(
                "counsellor-queue-waiting-for",
                &[(
                    "minutes",
                    (view.now - e.arrived).num_minutes().max(0).into(),
                )],
            ),
            self.agenda.motif_label(&e.motif, tr),
        ];
        if let Some(name) = &e.first_name {
            parts.push(name.clone());
        }
        parts.push(view.i18n.locale_name(&e.locale));
        if let Some(a) = &e.appointment {
            let with = self
                .agenda
                .counsellor_by_id(&a.counsellor)
                .map_or(a.counsellor.clone(), |c| {
                    self.agenda.counsellors[c].name.clone()
                });
            parts.push(tr.text_with(
                "counsellor-queue-appointment",
                &[
                    ("time", words::time(tr, a.starts).into()),
                    ("counsellor", with.into()),
                ],
            ));
        }
        parts.join(" · ")
    }

    fn page(&self, view: &View) -> (Vec<Para>, Vec<Choice>) {
        let tr = &view.tr;
        let mut paras = Vec::new();
        if let Some(refusal) = self.refusal {
            let id = match refusal {
                QueueRefusal::NobodyWaiting => "counsellor-queue-nobody",
                QueueRefusal::CalledByAnother => "counsellor-queue-taken",
                QueueRefusal::NotYours => "counsellor-queue-not-yours",
                QueueRefusal::Settled | QueueRefusal::NotFound | QueueRefusal::Full => {
                    "counsellor-queue-gone"
                }
            };
            paras.push(page::notice(tr.text(id)));
        }
        if !self.loaded {
            paras.push(page::text(tr.text("counsellor-queue-loading")));
            return (paras, Vec::new());
        }
        if let Some(e) = &self.served {
            paras.push(page::success(tr.text_with(
                "counsellor-queue-served",
                &[("ticket", e.label().into())],
            )));
            if e.appointment.is_some() {
                paras.push(page::text(tr.text("counsellor-queue-marked-present")));
            }
        } else if let Some(e) = self.calling_entry() {
            let desk = crate::queue::desk(&self.agenda, e, tr);
            paras.push(page::strong(tr.text_with(
                "counsellor-queue-calling",
                &[
                    ("ticket", e.label().into()),
                    ("desk", desk.into()),
                    ("calls", e.calls.into()),
                ],
            )));
            paras.push(page::text(self.entry_line(e, view)));
        } else {
            let waiting = queue::order(&self.entries, view.now).len();
            paras.push(page::text(
                tr.text_with("counsellor-queue-count", &[("count", waiting.into())]),
            ));
        }
        let choices = self
            .offered
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let label = match c {
                    Choose::CallNext => tr.text("counsellor-queue-call-next"),
                    Choose::Call(n) => self
                        .entries
                        .iter()
                        .find(|e| e.number == *n)
                        .map_or(queue::label(*n), |e| self.entry_line(e, view)),
                    Choose::Refresh => tr.text("counsellor-queue-refresh"),
                    Choose::Outcome(State::Served) => tr.text("counsellor-queue-served-choice"),
                    Choose::Outcome(State::Absent) => tr.text("counsellor-queue-absent"),
                    Choose::Outcome(_) => tr.text("counsellor-queue-redirected"),
                    Choose::CallAgain => tr.text("counsellor-queue-call-again"),
                    Choose::Report => tr.text("counsellor-queue-report"),
                    Choose::BackToQueue => tr.text("counsellor-queue-back"),
                };
                Choice::numbered(i + 1, label)
            })
            .collect();
        (paras, choices)
    }
}

impl Screen for QueueScreen {
    fn title(&self) -> &'static str {
        "counsellor-queue-title"
    }

    fn opened(&mut self, ctx: &Ctx) -> Action {
        self.load(ctx.now)
    }

    fn resumed(&mut self, ctx: &Ctx) -> Action {
        self.load(ctx.now)
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            return Action::Back;
        }
        match self
            .focus
            .choose(key)
            .and_then(|i| self.offered.get(i).copied())
        {
            Some(choice) => self.choose(choice, ctx),
            None => Action::None,
        }
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        match reply {
            Reply::Queue(entries) => self.take(entries, ctx.now),
            Reply::QueueChanged(Ok((entry, entries))) => {
                if entry.state == State::Served {
                    self.served = Some(entry);
                }
                self.take(entries, ctx.now);
            }
            Reply::QueueChanged(Err(refusal)) => {
                self.refusal = Some(refusal);
                return self.load(ctx.now);
            }
            Reply::Appointments(list) => {
                let code = self
                    .served
                    .as_ref()
                    .and_then(|e| e.appointment.as_ref())
                    .map(|a| a.code.clone());
                let report = match list.iter().find(|a| Some(&a.code) == code.as_ref()) {
                    Some(a) => self.appointment_report(a, ctx.now),
                    None => self.walk_in_report(ctx.now),
                };
                self.served = None;
                return Action::Push(Box::new(ReportForm::new(report)));
            }
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        page::render_body(frame, area, view, &self.body(view)?)
    }

    fn body(&self, view: &View) -> Option<page::Body> {
        let (paras, choices) = self.page(view);
        let focus = (!choices.is_empty()).then(|| self.focus.index());
        Some(page::Body::new(paras, choices.to_vec(), focus))
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn speech(&self, view: &View) -> Speech {
        let (paras, choices) = self.page(view);
        let focus = (!choices.is_empty()).then(|| self.focus.index());
        Speech::page(&paras, &choices, focus, &view.tr)
    }

    fn hints(&self) -> Vec<Hint> {
        choosing_hints()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::queue::Booked;
    use crate::testing::{demo_config, monday_morning};

    fn entry(number: u32, appointment: Option<&str>) -> Entry {
        let now = monday_morning();
        Entry {
            day: now.date(),
            number,
            appointment: appointment.map(|c| Booked {
                code: "ABC234".into(),
                starts: now,
                counsellor: c.into(),
            }),
            motif: "demarche".into(),
            first_name: Some("Ali".into()),
            locale: "uk".into(),
            arrived: now - chrono::Duration::minutes(12),
            state: State::Waiting,
            called_at: None,
            called_by: None,
            desk: None,
            calls: 0,
            closed_at: None,
        }
    }

    fn shown(screen: QueueScreen) -> String {
        let config = demo_config();
        let now = monday_morning();
        let mut app = crate::kiosk::app(config.clone(), now);
        app.push(Box::new(screen), now);
        crate::testing::shown(&app, now)
    }

    #[test]
    fn the_queue_shows_who_waits_in_order_with_motif_wait_and_language() {
        let config = demo_config();
        let mut screen = QueueScreen::new(config.agenda.clone(), 0);
        let mut karims = entry(2, Some("karim"));
        karims.first_name = Some("Marie".into());
        screen.take(vec![entry(1, None), karims], monday_morning());
        // Karim's appointment is due (10:15): it comes first.
        assert_eq!(
            screen.offered,
            [
                Choose::CallNext,
                Choose::Call(2),
                Choose::Call(1),
                Choose::Refresh
            ]
        );
        let text = shown(screen);
        assert!(text.contains("2 personnes attendent."), "{text}");
        assert!(
            text.contains("A-001 · attend depuis 12 min · Aide pour une démarche en ligne · Ali ·"),
            "{text}"
        );
        assert!(text.contains("Українська"), "{text}");
        assert!(text.contains("rendez-vous à 10 h 15 avec Karim"), "{text}");
    }

    #[test]
    fn a_call_offers_its_outcomes_and_a_second_call() {
        let config = demo_config();
        let mut screen = QueueScreen::new(config.agenda.clone(), 0);
        let mut called = entry(1, None);
        called.state = State::Called;
        called.called_by = Some("camille".into());
        called.desk = Some("Bureau 1".into());
        called.calls = 1;
        screen.take(vec![called], monday_morning());
        assert_eq!(screen.calling, Some(1));
        assert_eq!(
            screen.offered,
            [
                Choose::Outcome(State::Served),
                Choose::CallAgain,
                Choose::Outcome(State::Absent),
                Choose::Outcome(State::Redirected)
            ]
        );
        let text = shown(screen);
        assert!(text.contains("Vous appelez A-001 au Bureau 1."), "{text}");
    }
}

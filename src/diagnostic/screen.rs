//! The diagnostic flow: one question per screen, then "Vos besoins". Answers live only in this
//! screen: going home, "Terminer" and the idle reset drop them with it.
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::next_step::{NextStep, next_steps};
use super::questionnaire::{Choice, Questionnaire, Step};
use super::view::DiagnosticShown;
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::app::speech::Speech;
use crate::booking::Agenda;
use crate::booking::book::BookingScreen;
use crate::booking::workshops::WorkshopsScreen;
use crate::domain::outcome::Outcome;
use crate::places::screen::LieuxScreen;
use crate::queue::walk_in::WalkInScreen;
use crate::ui::View;

pub(crate) struct DiagnosticScreen {
    questionnaire: Rc<Questionnaire>,
    agenda: Rc<Agenda>,
    given: Vec<Choice>,
    phase: Phase,
    counted: bool,
}

enum Phase {
    Asking {
        question: usize,
        focus: FocusGrid,
        /// The most questions the whole path may ask, for "question 2 sur 6".
        of: usize,
    },
    Result {
        outcome: Outcome,
        steps: Vec<NextStep>,
        focus: FocusGrid,
    },
}

impl DiagnosticScreen {
    pub(crate) fn new(questionnaire: Rc<Questionnaire>, agenda: Rc<Agenda>) -> DiagnosticScreen {
        let phase = phase_after(&questionnaire, &agenda, &[], None);
        DiagnosticScreen {
            questionnaire,
            agenda,
            given: Vec::new(),
            phase,
            counted: false,
        }
    }

    /// What the diagnostic draws: the question asked ("Question 3", counting the answers
    /// given), or the result.
    fn shown(&self) -> DiagnosticShown<'_> {
        match &self.phase {
            Phase::Asking {
                question,
                focus,
                of,
            } => DiagnosticShown::Question {
                question: &self.questionnaire.questions[*question],
                number: self.given.len() + 1,
                of: *of,
                focused: focus.index(),
            },
            Phase::Result {
                outcome,
                steps,
                focus,
            } => DiagnosticShown::Result {
                outcome,
                steps,
                focused: focus.index(),
            },
        }
    }

    fn advance(&mut self, selected: Option<usize>) {
        self.phase = phase_after(&self.questionnaire, &self.agenda, &self.given, selected);
    }

    fn answer(&mut self, question: usize, answer: usize, ctx: &Ctx) -> Action {
        self.given.push(Choice { question, answer });
        self.advance(None);
        match &self.phase {
            Phase::Result { outcome, .. } if !self.counted => {
                self.counted = true;
                Action::Emit(Effect::CountDiagnostic {
                    day: ctx.now.date(),
                    profile: outcome.profile,
                    needs: outcome.needs.clone(),
                })
            }
            _ => Action::None,
        }
    }

    /// Back one question, with the earlier answer still selected.
    fn back(&mut self) -> Action {
        match self.given.pop() {
            Some(choice) => {
                self.advance(Some(choice.answer));
                Action::None
            }
            None => Action::Back,
        }
    }
}

/// The step after the answers given; `selected` is the answer to focus.
fn phase_after(
    questionnaire: &Questionnaire,
    agenda: &Agenda,
    given: &[Choice],
    selected: Option<usize>,
) -> Phase {
    match questionnaire.next_step(given).unwrap_or(Step::End) {
        Step::Ask(question) => {
            let count = questionnaire.questions[question].answers.len();
            let mut focus = FocusGrid::new(vec![1; count]);
            focus.set_index(selected.unwrap_or(0));
            let of = given.len() + questionnaire.questions_left_at_most(given);
            Phase::Asking {
                question,
                focus,
                of,
            }
        }
        Step::End => {
            let outcome = questionnaire.outcome(given);
            let steps = next_steps(&outcome, agenda);
            let focus = FocusGrid::new(vec![1; steps.len()]);
            Phase::Result {
                outcome,
                steps,
                focus,
            }
        }
    }
}

impl Screen for DiagnosticScreen {
    fn title(&self) -> &'static str {
        match self.phase {
            Phase::Asking { .. } => "diag-title",
            Phase::Result { .. } => "diag-result-title",
        }
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            return self.back();
        }
        match &mut self.phase {
            Phase::Asking {
                question, focus, ..
            } => {
                let question = *question;
                match focus.choose(key) {
                    Some(answer) => self.answer(question, answer, ctx),
                    None => Action::None,
                }
            }
            Phase::Result { steps, focus, .. } => {
                let chosen = focus.choose(key).map(|i| steps[i]);
                let Phase::Result { outcome, .. } = &self.phase else {
                    return Action::None;
                };
                match chosen {
                    Some(NextStep::Book) => Action::Push(Box::new(BookingScreen::from_diagnostic(
                        self.agenda.clone(),
                        outcome.clone(),
                    ))),
                    Some(NextStep::HelpNow) => Action::Push(Box::new(
                        WalkInScreen::from_diagnostic(self.agenda.clone(), outcome),
                    )),
                    Some(NextStep::Workshops) => Action::Push(Box::new(
                        WorkshopsScreen::on_themes(self.agenda.clone(), outcome.needs.clone()),
                    )),
                    Some(NextStep::Lieux) => Action::Push(Box::new(LieuxScreen::for_services(
                        outcome.services.clone(),
                    ))),
                    Some(NextStep::Finish) => Action::Finish,
                    None => Action::None,
                }
            }
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        super::view::render(&self.shown(), frame, area, view)
    }

    fn body(&self, view: &View) -> Option<crate::ui::page::Body> {
        Some(super::view::body(&self.shown(), view))
    }

    fn focus_choice(&mut self, index: usize) {
        match &mut self.phase {
            Phase::Asking { focus, .. } | Phase::Result { focus, .. } => focus.set_index(index),
        }
    }

    fn speech(&self, view: &View) -> Speech {
        super::view::speech(&self.shown(), view)
    }

    fn hints(&self) -> Vec<Hint> {
        let mut hints = vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-choose"),
            hint("key-digits", "does-choose-number"),
        ];
        if matches!(self.phase, Phase::Asking { .. }) && !self.given.is_empty() {
            hints.push(hint("key-esc", "does-previous-question"));
        }
        hints
    }

    fn holds_input(&self) -> bool {
        !self.given.is_empty()
    }
}

//! Drawing the diagnostic: a question with its numbered answers, then "Vos besoins".
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::next_step::NextStep;
use super::questionnaire::Question;
use crate::app::speech::Speech;
use crate::domain::outcome::{HelpKind, Outcome};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Body, Para, Tone};
use crate::vocabulary::coop::Thematique;

/// The diagnostic as drawn.
pub(crate) enum DiagnosticShown<'a> {
    /// A question and its answers, one focused; "Question 2 sur 6": its `number` on the path
    /// and the most the path may ask (`of`).
    Question {
        question: &'a Question,
        number: usize,
        of: usize,
        focused: usize,
    },
    /// The result, and the ways forward, one focused.
    Result {
        outcome: &'a Outcome,
        steps: &'a [NextStep],
        focused: usize,
    },
}

pub fn render(
    shown: &DiagnosticShown,
    frame: &mut Frame,
    area: Rect,
    view: &View,
) -> Option<Position> {
    page::render_body(frame, area, view, &body(shown, view))
}

/// The question ("Question 2 sur 6") above its answers, or the result above the ways
/// forward.
pub fn body(shown: &DiagnosticShown, view: &View) -> Body {
    match *shown {
        DiagnosticShown::Question {
            question,
            number,
            of,
            focused,
        } => {
            let progress = view.tr.text_with(
                "diag-progress",
                &[
                    ("number", (number as i64).into()),
                    ("count", (of as i64).into()),
                ],
            );
            Body::new(
                vec![
                    page::heading(progress),
                    page::strong(view.tr.text(&question.text)),
                ],
                answers(question, view),
                Some(focused),
            )
        }
        DiagnosticShown::Result {
            outcome,
            steps,
            focused,
        } => {
            let (paras, choices) = result_page(outcome, steps, view);
            Body::new(paras, choices, Some(focused))
        }
    }
}

/// What the diagnostic says: the question, where the person is ("question 2 sur 6"), the
/// answer focused; then the result, whole, and the way forward focused.
pub fn speech(shown: &DiagnosticShown, view: &View) -> Speech {
    match *shown {
        DiagnosticShown::Question {
            question,
            number,
            of,
            focused,
        } => {
            let answers = answers(question, view);
            Speech::page(&[], &answers, Some(focused), &view.tr)
                .place(view.tr.text_with(
                    "said-question-of",
                    &[
                        ("number", (number as i64).into()),
                        ("count", (of as i64).into()),
                    ],
                ))
                .text(view.tr.text(&question.text))
        }
        DiagnosticShown::Result {
            outcome,
            steps,
            focused,
        } => {
            let (paras, choices) = result_page(outcome, steps, view);
            Speech::page(&paras, &choices, Some(focused), &view.tr)
        }
    }
}

fn answers(question: &Question, view: &View) -> Vec<Choice> {
    question
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| Choice::numbered(i + 1, view.tr.text(&a.text)))
        .collect()
}

/// The result in paragraphs and the ways forward.
fn result_page(outcome: &Outcome, steps: &[NextStep], view: &View) -> (Vec<Para>, Vec<Choice>) {
    let choices: Vec<Choice> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| Choice::numbered(i + 1, view.tr.text(step_label(*step))))
        .collect();
    // The text a page at a time when it does not fit, the choices under it.
    let paras: Vec<Para> = result_text(outcome, view)
        .into_iter()
        .map(|(text, heading, indent)| Para {
            text,
            tone: if heading { Tone::Heading } else { Tone::Text },
            indent,
        })
        .collect();
    (paras, choices)
}

fn step_label(step: NextStep) -> &'static str {
    match step {
        NextStep::Book => "diag-next-book",
        NextStep::HelpNow => "menu-help-now",
        NextStep::Workshops => "diag-next-workshops",
        NextStep::Lieux => "diag-next-lieux",
        NextStep::Finish => "diag-next-finish",
    }
}

/// The result in plain words: (paragraph, is a heading, indent).
fn result_text(outcome: &Outcome, view: &View) -> Vec<(String, bool, u16)> {
    let mut lines = Vec::new();
    let mut para = |text: String, heading: bool, indent: &str| {
        lines.push((text, heading, indent.len() as u16));
    };
    para(view.tr.text("diag-result-needs"), true, "");
    for need in &outcome.needs {
        // The démarche in the person's words when the locale has them, else its category.
        let named = outcome
            .named
            .as_deref()
            .filter(|id| view.i18n.has_message(view.locale, id));
        let text = match (need, named, outcome.administrative.first()) {
            (Thematique::AideAuxDemarchesAdministratives, Some(named), _) => view.tr.text_with(
                "diag-need-admin-topic",
                &[("topic", view.tr.text(named).into())],
            ),
            (Thematique::AideAuxDemarchesAdministratives, None, Some(admin)) => view.tr.text_with(
                "diag-need-admin-topic",
                &[(
                    "topic",
                    view.tr.text(&format!("admin-{}", admin.key())).into(),
                )],
            ),
            _ => view.tr.text(&format!("need-{}", need.key())),
        };
        para(format!("• {text}"), false, "  ");
    }
    if view.large {
        para(String::new(), false, "");
    }
    para(view.tr.text("diag-result-help"), true, "");
    let help = match outcome.help {
        HelpKind::Appointment => "help-appointment",
        HelpKind::Workshop => "help-workshop",
        HelpKind::SelfService => "help-self-service",
        HelpKind::AidantsConnect => "help-aidants-connect",
    };
    para(view.tr.text(help), false, "  ");
    if outcome.urgent {
        para(view.tr.text("diag-result-urgent"), false, "  ");
    }
    lines
}

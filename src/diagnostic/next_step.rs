//! The ways forward after the diagnostic's result: what the help point offers for the needs
//! found, the recommended one first.
use crate::booking::Agenda;
use crate::booking::book::motif_for;
use crate::domain::outcome::{HelpKind, Outcome};

/// What the result screen offers next, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NextStep {
    /// Book an appointment, the motif preselected.
    Book,
    /// Wait for a counsellor now (the queue), the motif preselected.
    HelpNow,
    /// The workshops on the needs' themes.
    Workshops,
    /// The nearest lieux offering the matching services.
    Lieux,
    /// "Terminer": wipe the answers and go back to the welcome screen.
    Finish,
}

/// The ways forward the help point offers for this outcome, the recommended one first.
pub(crate) fn next_steps(outcome: &Outcome, agenda: &Agenda) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if motif_for(agenda, outcome).is_some() {
        steps.push(NextStep::Book);
        steps.push(NextStep::HelpNow);
    }
    if agenda
        .workshops
        .iter()
        .any(|w| outcome.needs.contains(&w.theme))
    {
        if outcome.help == HelpKind::Workshop {
            steps.insert(0, NextStep::Workshops);
        } else {
            steps.push(NextStep::Workshops);
        }
    }
    // Trying alone fits a lieu in free access: then it comes first.
    if outcome.help == HelpKind::SelfService {
        steps.insert(0, NextStep::Lieux);
    } else {
        steps.push(NextStep::Lieux);
    }
    steps.push(NextStep::Finish);
    steps
}

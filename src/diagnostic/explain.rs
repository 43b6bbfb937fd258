//! `borne diagnostic explain` and `borne diagnostic paths`: the outcome of answers, for the
//! staff who edit the questionnaire.
use serde_json::json;

use super::questionnaire::{Choice, Questionnaire};
use crate::domain::outcome::Outcome;

fn labels<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The outcome in a few labelled lines.
pub(crate) fn text(questionnaire: &Questionnaire, path: &[Choice], outcome: &Outcome) -> String {
    let mut out = format!("path: {}\n", questionnaire.describe(path));
    out += &format!("profile: {}\n", outcome.profile.label());
    out += &format!("needs: {}\n", labels(&outcome.needs));
    if !outcome.administrative.is_empty() {
        out += &format!("administrative: {}\n", labels(&outcome.administrative));
    }
    out += &format!("modality: {}\n", outcome.modality);
    if let Some(category) = outcome.aidants_connect {
        out += &format!("aidants connect: {category}\n");
    }
    out += &format!("services: {}\n", labels(&outcome.services));
    if !outcome.equipment.is_empty() {
        out += &format!("equipment: {}\n", labels(&outcome.equipment));
    }
    out += &format!("urgent: {}\n", if outcome.urgent { "yes" } else { "no" });
    out
}

/// One line: the path, then the outcome.
pub(crate) fn line(questionnaire: &Questionnaire, path: &[Choice], outcome: &Outcome) -> String {
    let mut parts = vec![
        outcome.profile.label().to_string(),
        labels(&outcome.needs),
        outcome.modality.to_string(),
    ];
    if let Some(category) = outcome.aidants_connect {
        parts.push(format!("Aidants Connect: {category}"));
    }
    if outcome.urgent {
        parts.push("urgent".into());
    }
    format!("{} ⇒ {}", questionnaire.describe(path), parts.join(" ; "))
}

pub(crate) fn json(
    questionnaire: &Questionnaire,
    path: &[Choice],
    outcome: &Outcome,
) -> serde_json::Value {
    let answers: Vec<_> = path
        .iter()
        .map(|c| {
            let q = &questionnaire.questions[c.question];
            json!({ "question": q.id, "answer": q.answers[c.answer].id })
        })
        .collect();
    json!({ "answers": answers, "outcome": outcome })
}

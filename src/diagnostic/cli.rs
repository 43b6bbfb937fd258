//! `borne diagnostic explain|paths`: the questionnaire walked from the command line, with
//! the same engine and the same words as the screen.
use std::process::ExitCode;

use super::Questionnaire;
use super::explain;
use crate::problem::{EXIT_CONFIG, EXIT_FAILURE};

/// The outcome of the answers given (`question=answer,…`), and what was not asked.
pub(crate) fn explain(questionnaire: &Questionnaire, answers: &str, json: bool) -> ExitCode {
    let mut pairs = Vec::new();
    for pair in answers.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((q, a)) = pair.split_once('=') else {
            eprintln!("borne diagnostic explain: {pair:?}: write question=answer");
            return ExitCode::from(EXIT_CONFIG);
        };
        if questionnaire.question_by_id(q.trim()).is_none() {
            eprintln!("borne diagnostic explain: no question has the id {q:?}");
            return ExitCode::from(EXIT_CONFIG);
        }
        pairs.push((q.trim().to_string(), a.trim().to_string()));
    }
    let (path, stopped) = match questionnaire.walk(&pairs) {
        Ok(walked) => walked,
        Err(e) => {
            eprintln!("borne diagnostic explain: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let outcome = questionnaire.outcome(&path);
    if json {
        println!("{}", explain::json(questionnaire, &path, &outcome));
    } else {
        print!("{}", explain::text(questionnaire, &path, &outcome));
    }
    if let super::Step::Ask(q) = stopped {
        eprintln!(
            "incomplete: the next question would be {:?} (no answer given for it)",
            questionnaire.questions[q].id
        );
    }
    for (q, _) in &pairs {
        if !path
            .iter()
            .any(|c| questionnaire.questions[c.question].id == *q)
        {
            eprintln!("note: {q:?} was not asked on this path");
        }
    }
    ExitCode::SUCCESS
}

/// Every path through the questionnaire, with its outcome.
pub(crate) fn paths(questionnaire: &Questionnaire, json: bool) -> ExitCode {
    let Some(paths) = questionnaire.paths_bounded(usize::MAX) else {
        return ExitCode::from(EXIT_FAILURE);
    };
    if json {
        let all: Vec<_> = paths
            .iter()
            .map(|p| explain::json(questionnaire, p, &questionnaire.outcome(p)))
            .collect();
        println!("{}", serde_json::Value::Array(all));
    } else {
        for path in &paths {
            println!(
                "{}",
                explain::line(questionnaire, path, &questionnaire.outcome(path))
            );
        }
        let longest = paths.iter().map(Vec::len).max().unwrap_or(0);
        println!(
            "{} paths, the longest asks {longest} questions",
            paths.len()
        );
    }
    ExitCode::SUCCESS
}

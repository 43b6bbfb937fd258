//! The questionnaire as data (`diagnostic.toml`): loaded, resolved to indices, and validated
//! with `file:line:column` problems.
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::i18n::I18n;
use crate::problem::{Check, Problem};
use crate::vocabulary::coop::{AidantsConnect, Materiel, Thematique, ThematiqueAdministrative};
use crate::vocabulary::lieux::Service;
use crate::vocabulary::profile::Profile;

pub(crate) const FILE_NAME: &str = "diagnostic.toml";
/// No path may ask more questions than this.
pub(crate) const MAX_QUESTIONS_ON_A_PATH: usize = 8;
/// Answers are chosen with the keys 1–9.
pub(crate) const MAX_ANSWERS: usize = 9;
/// Beyond this many paths the questionnaire is too tangled to check (or to answer).
const MAX_PATHS: usize = 200_000;
/// More questions than a person could ever be asked: refused before any other check.
pub(crate) const MAX_QUESTIONS: usize = 100;

/// What the person wants from the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Wish {
    #[serde(rename = "apprendre")]
    Learn,
    #[serde(rename = "avec-moi")]
    WithMe,
    #[serde(rename = "à-ma-place")]
    ForMe,
}

/// Where a question or an answer leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Ask(usize),
    End,
}

/// One answer given: indices into the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Choice {
    pub question: usize,
    pub answer: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Implies {
    pub profile: Option<Profile>,
    pub needs: Vec<Thematique>,
    pub admin: Vec<ThematiqueAdministrative>,
    pub services: Vec<Service>,
    pub aidants_connect: Option<AidantsConnect>,
    pub wish: Option<Wish>,
    pub urgent: bool,
    pub equipment: Option<Materiel>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub id: String,
    /// Fluent message id.
    pub text: String,
    pub next: Step,
    pub dont_know: bool,
    pub implies: Implies,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// Fluent message id.
    pub text: String,
    pub answers: Vec<Answer>,
    /// Skipped when any of these answers was given before.
    pub skip_if: Vec<Choice>,
    pub skip_to: Step,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub start: Step,
    pub questions: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    start: Spanned<String>,
    #[serde(rename = "question")]
    questions: Vec<QuestionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: Spanned<String>,
    text: Option<Spanned<String>>,
    #[serde(default)]
    skip_if: Vec<Spanned<String>>,
    skip_to: Option<Spanned<String>>,
    #[serde(rename = "answer", default)]
    answers: Vec<AnswerFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerFile {
    id: Spanned<String>,
    text: Option<Spanned<String>>,
    next: Spanned<String>,
    #[serde(default)]
    dont_know: bool,
    // What the answer implies. Not flattened into a struct: serde's flatten loses the
    // positions that errors need.
    profile: Option<Profile>,
    #[serde(default)]
    needs: Vec<Thematique>,
    #[serde(default)]
    admin: Vec<ThematiqueAdministrative>,
    #[serde(default)]
    services: Vec<Service>,
    aidants_connect: Option<AidantsConnect>,
    wish: Option<Wish>,
    #[serde(default)]
    urgent: bool,
    equipment: Option<Materiel>,
}

impl AnswerFile {
    fn implies(&self) -> Implies {
        Implies {
            profile: self.profile,
            needs: self.needs.clone(),
            admin: self.admin.clone(),
            services: self.services.clone(),
            aidants_connect: self.aidants_connect,
            wish: self.wish,
            urgent: self.urgent,
            equipment: self.equipment,
        }
    }
}

/// The word for "end of the questionnaire" in `next` and `skip_to`.
pub(crate) const END: &str = "fin";

/// Loads and validates `diagnostic.toml`, every path walked (`check`); message ids are
/// checked in every offered locale.
pub(crate) fn load_checked(dir: &Path, i18n: &I18n) -> Result<Questionnaire, Vec<Problem>> {
    let path = dir.join(FILE_NAME);
    let text = crate::config::toml_file::read(&path)?;
    check(&path, &text, Some(i18n))
}

#[cfg(test)]
pub(crate) fn parse(
    path: &Path,
    text: &str,
    i18n: Option<&I18n>,
) -> Result<Questionnaire, Vec<Problem>> {
    let file: File = crate::config::toml_file::parse(path, text)?;
    parse_file(path, text, &file, i18n)
}

impl Check<'_> {
    /// Every problem found so far, if there is one.
    fn found(&mut self) -> Result<(), Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(std::mem::take(&mut self.problems))
        }
    }
}

/// A question's id → its index, to resolve `next`, `skip_to` and `start`.
type QuestionIds<'a> = HashMap<&'a str, usize>;

/// `parse` of the file's TOML, read once (`check` needs its positions too): the questions read
/// and their references resolved, their messages checked, then the paths (no loop).
fn parse_file(
    path: &Path,
    text: &str,
    file: &File,
    i18n: Option<&I18n>,
) -> Result<Questionnaire, Vec<Problem>> {
    not_too_many_questions(path, text, file)?;
    let mut check = Check::new(path, text);
    // Question ids first, so references can point forward.
    let ids = question_ids(&mut check, file);
    let start = step(&mut check, &ids, &file.start);
    let mut questions: Vec<Question> = file
        .questions
        .iter()
        .map(|q| question(&mut check, &ids, q))
        .collect();
    skip_conditions(&mut check, file, &mut questions);
    if let Some(i18n) = i18n {
        messages_exist(&mut check, file, &questions, i18n);
    }
    check.found()?;
    let questionnaire = Questionnaire { start, questions };
    no_loop(&mut check, file, &questionnaire);
    check.found()?;
    Ok(questionnaire)
}

/// More than `MAX_QUESTIONS` is refused before any other check: each would be checked for
/// nothing.
fn not_too_many_questions(path: &Path, text: &str, file: &File) -> Result<(), Vec<Problem>> {
    if file.questions.len() <= MAX_QUESTIONS {
        return Ok(());
    }
    Err(vec![Problem::at(
        path,
        text,
        file.questions[MAX_QUESTIONS].id.span().start,
        format!(
            "{} questions: at most {MAX_QUESTIONS} (a path asks at most {MAX_QUESTIONS_ON_A_PATH})",
            file.questions.len()
        ),
    )])
}

/// The questions' ids, each well written and once, and at least one question.
fn question_ids<'f>(check: &mut Check, file: &'f File) -> QuestionIds<'f> {
    let mut ids = QuestionIds::new();
    for (i, q) in file.questions.iter().enumerate() {
        let id = q.id.get_ref().as_str();
        if !valid_id(id) || id == END {
            check.problem(
                q.id.span(),
                format!(
                    "question id {id:?}: use lowercase letters, digits and '-' (not \"{END}\")"
                ),
            );
        } else if ids.insert(id, i).is_some() {
            check.problem(q.id.span(), format!("question {id:?} is defined twice"));
        }
    }
    if file.questions.is_empty() {
        check.problem(0..0, "the questionnaire has no [[question]]");
    }
    ids
}

/// Where `target` leads: a question by its id, or the end ("fin"; also when no question has
/// that id, which is a problem).
fn step(check: &mut Check, ids: &QuestionIds, target: &Spanned<String>) -> Step {
    let name = target.get_ref().as_str();
    if name == END {
        Step::End
    } else if let Some(i) = ids.get(name) {
        Step::Ask(*i)
    } else {
        check.problem(target.span(), format!("no question has the id {name:?}"));
        Step::End
    }
}

/// A question and its answers, resolved (its `skip_if` comes once every answer is known).
fn question(check: &mut Check, ids: &QuestionIds, q: &QuestionFile) -> Question {
    let qid = q.id.get_ref();
    let answers = answers(check, ids, q);
    if q.answers.len() < 2 || q.answers.len() > MAX_ANSWERS {
        check.problem(
            q.id.span(),
            format!(
                "question {qid:?} has {} answers: give 2 to {MAX_ANSWERS}",
                q.answers.len()
            ),
        );
    }
    if !q.answers.iter().any(|a| a.dont_know) {
        check.problem(
            q.id.span(),
            format!("question {qid:?} has no \"Je ne sais pas\" answer (dont_know = true)"),
        );
    }
    let skip_to = skip_to(check, ids, q);
    Question {
        id: qid.clone(),
        text: q
            .text
            .as_ref()
            .map(|t| t.get_ref().clone())
            .unwrap_or_else(|| format!("diag-{qid}")),
        answers,
        skip_if: Vec::new(),
        skip_to,
    }
}

/// A question's answers: each id well written and once in the question, each `next` resolved.
fn answers(check: &mut Check, ids: &QuestionIds, q: &QuestionFile) -> Vec<Answer> {
    let qid = q.id.get_ref();
    let mut answers = Vec::new();
    let mut answer_ids: HashMap<&str, ()> = HashMap::new();
    for a in &q.answers {
        let aid = a.id.get_ref().as_str();
        if !valid_id(aid) {
            check.problem(
                a.id.span(),
                format!("answer id {aid:?}: use lowercase letters, digits and '-'"),
            );
        } else if answer_ids.insert(aid, ()).is_some() {
            check.problem(
                a.id.span(),
                format!("answer {aid:?} is defined twice in question {qid:?}"),
            );
        }
        answers.push(Answer {
            id: aid.to_string(),
            text: a
                .text
                .as_ref()
                .map(|t| t.get_ref().clone())
                .unwrap_or_else(|| format!("diag-{qid}-{aid}")),
            next: step(check, ids, &a.next),
            dont_know: a.dont_know,
            implies: a.implies(),
        });
    }
    answers
}

/// Where a skipped question leads: `skip_to` and `skip_if` come together.
fn skip_to(check: &mut Check, ids: &QuestionIds, q: &QuestionFile) -> Step {
    match (&q.skip_to, q.skip_if.is_empty()) {
        (Some(target), false) => step(check, ids, target),
        (None, false) => {
            check.problem(
                q.id.span(),
                format!("question {:?} has skip_if but no skip_to", q.id.get_ref()),
            );
            Step::End
        }
        (Some(target), true) => {
            check.problem(target.span(), "skip_to without skip_if");
            Step::End
        }
        (None, true) => Step::End,
    }
}

/// `skip_if` refers to answers by "question=answer"; resolved once every answer is known.
fn skip_conditions(check: &mut Check, file: &File, questions: &mut [Question]) {
    for (qi, q) in file.questions.iter().enumerate() {
        for condition in &q.skip_if {
            match resolve_choice(condition.get_ref(), questions) {
                Ok(choice) => questions[qi].skip_if.push(choice),
                Err(why) => check.problem(condition.span(), why),
            }
        }
    }
}

/// Every question's and answer's message exists in every offered locale; a problem is at its
/// `text`, or at its id when the message id is the one made from it.
fn messages_exist(check: &mut Check, file: &File, questions: &[Question], i18n: &I18n) {
    for (q, qf) in questions.iter().zip(&file.questions) {
        let span = qf.text.as_ref().map_or(qf.id.span(), |t| t.span());
        check_message(check, &q.text, span, i18n);
        for (a, af) in q.answers.iter().zip(&qf.answers) {
            let span = af.text.as_ref().map_or(af.id.span(), |t| t.span());
            check_message(check, &a.text, span, i18n);
        }
    }
}

/// No answer leads back to a question already asked: the first loop found, at its first
/// question.
fn no_loop(check: &mut Check, file: &File, questionnaire: &Questionnaire) {
    if let Some(cycle) = questionnaire.find_loop() {
        let names: Vec<&str> = cycle
            .iter()
            .map(|q| questionnaire.questions[*q].id.as_str())
            .collect();
        check.problem(
            file.questions[cycle[0]].id.span(),
            format!("the questions loop: {}", names.join(" → ")),
        );
    }
}

/// Every check, the walk through every path included: for `borne check-config`. The kiosk's
/// start parses only (`parse`): walking every path is the slowest part of loading and a
/// long or unreachable path does no harm to a person answering.
pub(crate) fn check(
    path: &Path,
    text: &str,
    i18n: Option<&I18n>,
) -> Result<Questionnaire, Vec<Problem>> {
    let file: File = crate::config::toml_file::parse(path, text)?;
    let questionnaire = parse_file(path, text, &file, i18n)?;
    let spans: Vec<Range<usize>> = file.questions.iter().map(|q| q.id.span()).collect();
    let mut problems = Vec::new();
    let mut problem = |span: Range<usize>, message: String| {
        problems.push(Problem::at(path, text, span.start, message));
    };
    match questionnaire.survey(MAX_PATHS, MAX_QUESTIONS_ON_A_PATH + 1) {
        None => problem(
            0..0,
            format!("more than {MAX_PATHS} paths: simplify the branching"),
        ),
        Some(survey) => {
            if let Some(path) = &survey.first_at_max {
                problem(
                    spans[path[0].question].clone(),
                    format!(
                        "a path asks {} questions (at most {MAX_QUESTIONS_ON_A_PATH}): {}",
                        path.len(),
                        questionnaire.describe(path)
                    ),
                );
            }
            for (i, was_asked) in survey.asked.iter().enumerate() {
                if !was_asked {
                    problem(
                        spans[i].clone(),
                        format!(
                            "question {:?} is never asked (unreachable)",
                            questionnaire.questions[i].id
                        ),
                    );
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(questionnaire)
    } else {
        Err(problems)
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn resolve_choice(text: &str, questions: &[Question]) -> Result<Choice, String> {
    let (q, a) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: write question=answer"))?;
    let question = questions
        .iter()
        .position(|x| x.id == q)
        .ok_or_else(|| format!("no question has the id {q:?}"))?;
    let answer = questions[question]
        .answers
        .iter()
        .position(|x| x.id == a)
        .ok_or_else(|| format!("question {q:?} has no answer {a:?}"))?;
    Ok(Choice { question, answer })
}

fn check_message(check: &mut Check, id: &str, span: Range<usize>, i18n: &I18n) {
    for message in i18n.missing_message(id) {
        check.problem(span.clone(), message);
    }
}

impl Questionnaire {
    pub(crate) fn question_by_id(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// "equipement=smartphone → internet=oui → …"
    pub(crate) fn describe(&self, path: &[Choice]) -> String {
        path.iter()
            .map(|c| {
                let q = &self.questions[c.question];
                format!("{}={}", q.id, q.answers[c.answer].id)
            })
            .collect::<Vec<_>>()
            .join(" → ")
    }

    /// A loop in the question graph, if any (as question indices, first repeated). Walked
    /// with a stack of its own: a long chain must not overflow the program's.
    fn find_loop(&self) -> Option<Vec<usize>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let targets = |i: usize| -> Vec<usize> {
            let question = &self.questions[i];
            let mut steps: Vec<Step> = question.answers.iter().map(|a| a.next).collect();
            if !question.skip_if.is_empty() {
                steps.push(question.skip_to);
            }
            steps
                .into_iter()
                .filter_map(|s| match s {
                    Step::Ask(j) => Some(j),
                    Step::End => None,
                })
                .collect()
        };
        let mut marks = vec![Mark::New; self.questions.len()];
        for root in 0..self.questions.len() {
            if marks[root] != Mark::New {
                continue;
            }
            // (question, its targets, how many were followed)
            let mut stack: Vec<(usize, Vec<usize>, usize)> = vec![(root, targets(root), 0)];
            marks[root] = Mark::Open;
            while let Some((i, next, followed)) = stack.last_mut() {
                if *followed == next.len() {
                    marks[*i] = Mark::Done;
                    stack.pop();
                    continue;
                }
                let j = next[*followed];
                *followed += 1;
                match marks[j] {
                    Mark::Open => {
                        let from = stack.iter().position(|(q, _, _)| *q == j).unwrap_or(0);
                        let mut cycle: Vec<usize> =
                            stack[from..].iter().map(|(q, _, _)| *q).collect();
                        cycle.push(j);
                        return Some(cycle);
                    }
                    Mark::New => {
                        marks[j] = Mark::Open;
                        stack.push((j, targets(j), 0));
                    }
                    Mark::Done => {}
                }
            }
        }
        None
    }
}

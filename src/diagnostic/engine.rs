//! The diagnostic engine: a pure function from the questionnaire and the answers given to the
//! next question, and to the Outcome.
use std::collections::HashMap;

use super::questionnaire::{Choice, Questionnaire, Step, Wish};
use super::services::services_for;
use crate::domain::outcome::{HelpKind, Outcome};
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::lieux::ModaliteAccompagnement;
use crate::vocabulary::profile::Profile;

/// The result screen shows at most this many needs.
pub(crate) const MAX_NEEDS: usize = 3;

/// The paths of a questionnaire as its checks see them (`Questionnaire::survey`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Survey {
    /// How many paths there are.
    pub paths: usize,
    /// Each question: whether some path asks it.
    pub asked: Vec<bool>,
    /// The first path, answers taken in order, that asks the most questions allowed.
    pub first_at_max: Option<Vec<Choice>>,
}

/// Where a path stands: the step it reached, the answers given that some question is
/// skipped on (sorted), how many questions it asked.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PathState {
    step: Step,
    given: Vec<Choice>,
    depth: usize,
}

struct SurveyWalk<'a> {
    questionnaire: &'a Questionnaire,
    max_len: usize,
    limit: usize,
    relevant: std::collections::HashSet<Choice>,
    /// Each state seen: (paths from it, capped past `limit`; the most questions a path
    /// through it asks).
    known: HashMap<PathState, (usize, usize)>,
    asked: Vec<bool>,
}

impl SurveyWalk<'_> {
    fn state(&self, step: Step, given: Vec<Choice>, depth: usize) -> PathState {
        PathState { step, given, depth }
    }

    /// The state after answering `answer` to question `q` at `state`.
    fn next(&self, state: &PathState, q: usize, answer: usize) -> PathState {
        let choice = Choice {
            question: q,
            answer,
        };
        let mut given = state.given.clone();
        if self.relevant.contains(&choice) && !given.contains(&choice) {
            given.push(choice);
            given.sort_by_key(|c| (c.question, c.answer));
        }
        let next = self.questionnaire.questions[q].answers[answer].next;
        let step = self.questionnaire.resolve(next, &given);
        self.state(step, given, state.depth + 1)
    }

    /// (paths from `state`, the most questions a path through it asks), each state once;
    /// an explicit stack, so a deep questionnaire cannot overflow the thread's.
    fn visit(&mut self, start: &PathState) -> (usize, usize) {
        let questions = self.questionnaire.questions.len();
        let mut stack = vec![(start.clone(), false)];
        while let Some((state, expanded)) = stack.pop() {
            if self.known.contains_key(&state) {
                continue;
            }
            let q = match state.step {
                Step::Ask(q) if state.depth <= questions && state.depth < self.max_len => q,
                // A path ends here (or stops growing).
                _ => {
                    self.known.insert(state.clone(), (1, state.depth));
                    continue;
                }
            };
            let answers = self.questionnaire.questions[q].answers.len();
            let nexts: Vec<PathState> = (0..answers).map(|a| self.next(&state, q, a)).collect();
            if expanded {
                let (mut paths, mut longest) = (0usize, state.depth);
                for next in &nexts {
                    let (p, l) = self.known[next];
                    paths = paths.saturating_add(p).min(self.limit + 1);
                    longest = longest.max(l);
                }
                self.asked[q] = true;
                self.known.insert(state, (paths, longest));
            } else {
                stack.push((state, true));
                stack.extend(
                    nexts
                        .into_iter()
                        .filter(|n| !self.known.contains_key(n))
                        .map(|n| (n, false)),
                );
            }
        }
        self.known[start]
    }
}

/// Answers that do not follow the questionnaire (from the command line).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PathError {
    /// The answer given is not for the question asked at that point.
    OutOfOrder { position: usize },
}

impl Questionnaire {
    /// Follows the skip rules from a step, given the answers so far.
    fn resolve(&self, mut step: Step, given: &[Choice]) -> Step {
        // Loops are refused at load; the bound keeps an unchecked questionnaire safe too.
        for _ in 0..=self.questions.len() {
            match step {
                Step::Ask(q) if self.questions[q].skip_if.iter().any(|c| given.contains(c)) => {
                    step = self.questions[q].skip_to;
                }
                _ => break,
            }
        }
        step
    }

    /// The question to ask after these answers, or `End`.
    pub(crate) fn next_step(&self, given: &[Choice]) -> Result<Step, PathError> {
        let mut step = self.resolve(self.start, &[]);
        for (i, choice) in given.iter().enumerate() {
            match step {
                Step::Ask(q) if q == choice.question => {
                    let next = self.questions[q].answers[choice.answer].next;
                    step = self.resolve(next, &given[..=i]);
                }
                _ => return Err(PathError::OutOfOrder { position: i }),
            }
        }
        Ok(step)
    }

    /// Walks the questionnaire taking, at each question, the answer named for it.
    /// Returns the path and where it stopped (`End`, or the question with no answer given).
    pub fn walk(&self, answers: &[(String, String)]) -> Result<(Vec<Choice>, Step), String> {
        let mut path = Vec::new();
        loop {
            let step = self.next_step(&path).map_err(|e| format!("{e:?}"))?;
            let Step::Ask(q) = step else {
                return Ok((path, step));
            };
            let question = &self.questions[q];
            let Some((_, answer_id)) = answers.iter().find(|(qid, _)| *qid == question.id) else {
                return Ok((path, step));
            };
            let answer = question
                .answers
                .iter()
                .position(|a| a.id == *answer_id)
                .ok_or_else(|| {
                    format!(
                        "question {:?} has no answer {answer_id:?} (answers: {})",
                        question.id,
                        question
                            .answers
                            .iter()
                            .map(|a| a.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?;
            path.push(Choice {
                question: q,
                answer,
            });
        }
    }

    /// The most questions a path may still ask after these answers, the next one included
    /// ("question 2 sur 6" is the second of at most six).
    pub(crate) fn questions_left_at_most(&self, given: &[Choice]) -> usize {
        let mut path = given.to_vec();
        self.deepest(&mut path, self.questions.len())
    }

    fn deepest(&self, path: &mut Vec<Choice>, budget: usize) -> usize {
        let Ok(Step::Ask(q)) = self.next_step(path) else {
            return 0;
        };
        if budget == 0 {
            return 0;
        }
        let mut most = 0;
        for answer in 0..self.questions[q].answers.len() {
            path.push(Choice {
                question: q,
                answer,
            });
            most = most.max(self.deepest(path, budget - 1));
            path.pop();
        }
        1 + most
    }

    /// What the checks of a questionnaire need to know of its paths, found without walking
    /// each of them: a path's future depends only on the question reached, how many were
    /// asked, and which of the answers some question is skipped on were given, so each such
    /// state is looked at once (the demo's thousands of paths are a few hundred states; a
    /// questionnaire of 531,441 paths is refused as quickly). A path stops at `max_len`
    /// questions, as in `paths_within`. `None` past `limit` paths.
    pub(crate) fn survey(&self, limit: usize, max_len: usize) -> Option<Survey> {
        let mut walk = SurveyWalk {
            questionnaire: self,
            max_len,
            limit,
            relevant: self
                .questions
                .iter()
                .flat_map(|q| q.skip_if.iter().copied())
                .collect(),
            known: HashMap::new(),
            asked: vec![false; self.questions.len()],
        };
        let start = walk.state(self.resolve(self.start, &[]), Vec::new(), 0);
        let (paths, _) = walk.visit(&start);
        if paths > limit {
            return None;
        }
        // The first path (answers in order) that reaches `max_len` questions, if any.
        let mut first_at_max = None;
        if walk.known[&start].1 >= max_len {
            let (mut state, mut path) = (start, Vec::new());
            while let (Step::Ask(q), true) = (state.step, state.depth < max_len) {
                let (answer, next) = (0..self.questions[q].answers.len())
                    .map(|a| (a, walk.next(&state, q, a)))
                    .find(|(_, next)| walk.known[next].1 >= max_len)
                    .expect("a longest path goes through one of the answers");
                path.push(Choice {
                    question: q,
                    answer,
                });
                state = next;
            }
            first_at_max = Some(path);
        }
        Some(Survey {
            paths,
            asked: walk.asked,
            first_at_max,
        })
    }

    /// Every complete path, or `None` past `limit` paths.
    pub(crate) fn paths_bounded(&self, limit: usize) -> Option<Vec<Vec<Choice>>> {
        self.paths_within(limit, usize::MAX)
    }

    /// As `paths_bounded`, but a path stops growing at `max_len` questions: a check looking
    /// for paths that are too long needs to see one, not to follow it to its end.
    pub(crate) fn paths_within(&self, limit: usize, max_len: usize) -> Option<Vec<Vec<Choice>>> {
        let mut done = Vec::new();
        let mut open = vec![Vec::new()];
        while let Some(path) = open.pop() {
            match self.next_step(&path) {
                Ok(Step::Ask(q)) if path.len() <= self.questions.len() && path.len() < max_len => {
                    for answer in (0..self.questions[q].answers.len()).rev() {
                        let mut longer = path.clone();
                        longer.push(Choice {
                            question: q,
                            answer,
                        });
                        open.push(longer);
                    }
                }
                _ => {
                    done.push(path);
                    if done.len() > limit {
                        return None;
                    }
                }
            }
        }
        Some(done)
    }

    /// The outcome of a set of answers (complete or not).
    pub fn outcome(&self, given: &[Choice]) -> Outcome {
        let answers = given
            .iter()
            .map(|c| &self.questions[c.question].answers[c.answer]);
        // The démarche the person named, in their words.
        let named = answers
            .clone()
            .filter(|a| !a.implies.admin.is_empty())
            .map(|a| format!("{}-said", a.text))
            .next_back();
        let implied = answers.map(|a| &a.implies);
        let mut profile = None;
        let mut needs: Vec<Thematique> = Vec::new();
        let mut administrative = Vec::new();
        let mut services = Vec::new();
        let mut aidants_connect = None;
        let mut wish = None;
        let mut urgent = false;
        let mut equipment = Vec::new();
        for implies in implied {
            // The most distant profile wins: help is sized for the hardest part.
            profile = profile.max(implies.profile);
            push_new(&mut needs, &implies.needs);
            push_new(&mut administrative, &implies.admin);
            push_new(&mut services, &implies.services);
            aidants_connect = implies.aidants_connect.or(aidants_connect);
            wish = implies.wish.or(wish);
            urgent |= implies.urgent;
            push_new(&mut equipment, implies.equipment.as_slice());
        }
        let needs = needs_in_order(needs, !administrative.is_empty());
        let named = named.filter(|_| needs.contains(&Thematique::AideAuxDemarchesAdministratives));
        if !needs.contains(&Thematique::AideAuxDemarchesAdministratives) {
            administrative.clear();
        }
        for need in &needs {
            push_new(&mut services, services_for(*need));
        }
        let profile = profile.unwrap_or(Profile::AAccompagner);
        let for_me = wish == Some(Wish::ForMe);
        let aidants_connect = aidants_connect.filter(|_| for_me);
        let modality = modality(profile, wish, urgent);
        let help = match modality {
            _ if aidants_connect.is_some() => HelpKind::AidantsConnect,
            ModaliteAccompagnement::EnAutonomie => HelpKind::SelfService,
            ModaliteAccompagnement::DansUnAtelierCollectif => HelpKind::Workshop,
            _ => HelpKind::Appointment,
        };
        Outcome {
            profile,
            needs,
            administrative,
            named,
            modality,
            help,
            aidants_connect,
            services,
            equipment,
            urgent,
        }
    }
}

/// The needs to say, in order: help with a procedure first when one was named (the
/// procedure brought the person), a digital diagnostic when nothing else; at most
/// `MAX_NEEDS`.
fn needs_in_order(mut needs: Vec<Thematique>, administrative: bool) -> Vec<Thematique> {
    if administrative {
        push_new(&mut needs, &[Thematique::AideAuxDemarchesAdministratives]);
    }
    if needs.is_empty() {
        needs.push(Thematique::DiagnosticNumerique);
    }
    if let Some(i) = needs
        .iter()
        .position(|n| *n == Thematique::AideAuxDemarchesAdministratives)
    {
        let admin = needs.remove(i);
        needs.insert(0, admin);
    }
    needs.truncate(MAX_NEEDS);
    needs
}

/// How the person is best helped: one to one when it is done for them, when it is urgent, or
/// when they are far from digital; on their own when autonomous (one to one when they asked
/// for someone beside them); in a workshop when they want to learn; else one to one.
fn modality(profile: Profile, wish: Option<Wish>, urgent: bool) -> ModaliteAccompagnement {
    match (profile, wish) {
        _ if wish == Some(Wish::ForMe) || urgent => {
            ModaliteAccompagnement::AccompagnementIndividuel
        }
        (Profile::Eloigne, _) => ModaliteAccompagnement::AccompagnementIndividuel,
        (Profile::Autonome, Some(Wish::WithMe)) => ModaliteAccompagnement::AccompagnementIndividuel,
        (Profile::Autonome, _) => ModaliteAccompagnement::EnAutonomie,
        (Profile::AAccompagner, Some(Wish::Learn)) => {
            ModaliteAccompagnement::DansUnAtelierCollectif
        }
        (Profile::AAccompagner, _) => ModaliteAccompagnement::AccompagnementIndividuel,
    }
}

fn push_new<T: PartialEq + Copy>(into: &mut Vec<T>, items: &[T]) {
    for item in items {
        if !into.contains(item) {
            into.push(*item);
        }
    }
}

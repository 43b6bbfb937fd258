//! The diagnostic engine: a pure function from the questionnaire and the answers given to the
//! next question, and to the Outcome.
use super::questionnaire::{Choice, Questionnaire, Step, Wish};
use super::services::services_for;
use crate::domain::outcome::{HelpKind, Outcome};
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::lieux::ModaliteAccompagnement;
use crate::vocabulary::profile::Profile;

/// The result screen shows at most this many needs.
pub const MAX_NEEDS: usize = 3;

/// Answers that do not follow the questionnaire (from the command line).
#[derive(Debug, Clone, PartialEq)]
pub enum PathError {
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
    pub fn next_step(&self, given: &[Choice]) -> Result<Step, PathError> {
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
    pub fn questions_left_at_most(&self, given: &[Choice]) -> usize {
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

    /// Every complete path, or `None` past `limit` paths.
    pub fn paths_bounded(&self, limit: usize) -> Option<Vec<Vec<Choice>>> {
        self.paths_within(limit, usize::MAX)
    }

    /// As `paths_bounded`, but a path stops growing at `max_len` questions: a check looking
    /// for paths that are too long needs to see one, not to follow it to its end.
    pub fn paths_within(&self, limit: usize, max_len: usize) -> Option<Vec<Vec<Choice>>> {
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
        if !administrative.is_empty() {
            push_new(&mut needs, &[Thematique::AideAuxDemarchesAdministratives]);
        }
        if needs.is_empty() {
            needs.push(Thematique::DiagnosticNumerique);
        }
        // The procedure that brought the person comes first.
        if let Some(i) = needs
            .iter()
            .position(|n| *n == Thematique::AideAuxDemarchesAdministratives)
        {
            let admin = needs.remove(i);
            needs.insert(0, admin);
        }
        needs.truncate(MAX_NEEDS);
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
        let modality = match (profile, wish) {
            _ if for_me || urgent => ModaliteAccompagnement::AccompagnementIndividuel,
            (Profile::Eloigne, _) => ModaliteAccompagnement::AccompagnementIndividuel,
            (Profile::Autonome, Some(Wish::WithMe)) => {
                ModaliteAccompagnement::AccompagnementIndividuel
            }
            (Profile::Autonome, _) => ModaliteAccompagnement::EnAutonomie,
            (Profile::AAccompagner, Some(Wish::Learn)) => {
                ModaliteAccompagnement::DansUnAtelierCollectif
            }
            (Profile::AAccompagner, _) => ModaliteAccompagnement::AccompagnementIndividuel,
        };
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

fn push_new<T: PartialEq + Copy>(into: &mut Vec<T>, items: &[T]) {
    for item in items {
        if !into.contains(item) {
            into.push(*item);
        }
    }
}

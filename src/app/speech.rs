//! What the kiosk says aloud, from what each screen means (never read back from the frame):
//! every screen declares, from its own state, its title, where the person is ("question 2 sur
//! 6"), its question or summary, the messages it shows and the focused choice whole. Between
//! two declarations the framework works out what to say, in order: a message, then the
//! question, then the focus. A new step cancels what is still to be said of the one before; a
//! new focus cuts only a focus; a message cuts only a focus. F4 says everything again.
use crate::i18n::Tr;
use crate::ui::choices::Choice;
use crate::ui::page::{Para, Tone};

/// Text and the language it is said in (`None`: the language the person chose).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub text: String,
    pub lang: Option<String>,
}

impl Said {
    pub fn new(text: impl Into<String>) -> Said {
        Said {
            text: text.into(),
            lang: None,
        }
    }

    /// Text in a language of its own (a language's name on the welcome screen).
    pub(crate) fn in_language(text: impl Into<String>, lang: &str) -> Said {
        Said {
            text: text.into(),
            lang: Some(lang.to_string()),
        }
    }
}

/// A text field being typed in: its label and what it holds. Typing one more letter says
/// that letter, not the whole field again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typing {
    pub label: String,
    pub value: String,
    /// Said after the value (the suggestions a search offers).
    pub after: Option<String>,
}

/// What a screen says, from its state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speech {
    /// Filled by the framework from the screen's title.
    pub title: String,
    /// Where the person is: "question 2 sur 6", "étape 3 sur 5".
    pub place: Option<String>,
    /// The question, or what the person must know before choosing (a check step's summary).
    pub text: Vec<Said>,
    /// What the screen tells now: an error, a refusal, a confirmation.
    pub messages: Vec<String>,
    /// The focused choice, whole, its state in words.
    pub focus: Vec<Said>,
    /// The focused text field, when the focus is on one.
    pub typing: Option<Typing>,
}

impl Speech {
    pub(crate) fn new() -> Speech {
        Speech::default()
    }

    pub(crate) fn place(mut self, place: String) -> Speech {
        self.place = Some(place);
        self
    }

    pub(crate) fn text(mut self, text: String) -> Speech {
        if !text.trim().is_empty() {
            self.text.push(Said::new(text));
        }
        self
    }

    pub(crate) fn message(mut self, text: String) -> Speech {
        if !text.trim().is_empty() {
            self.messages.push(text);
        }
        self
    }

    pub(crate) fn focus(mut self, text: String) -> Speech {
        if !text.trim().is_empty() {
            self.focus.push(Said::new(text));
        }
        self
    }

    pub(crate) fn typing(mut self, label: String, value: String, after: Option<String>) -> Speech {
        self.typing = Some(Typing {
            label,
            value,
            after,
        });
        self
    }

    /// The shape of most steps: paragraphs above numbered choices. Warnings (⚠) and things
    /// done (✓) are messages; the rest is the question; the focused choice is the focus.
    pub(crate) fn page(
        paras: &[Para],
        choices: &[Choice],
        focused: Option<usize>,
        tr: &Tr,
    ) -> Speech {
        let mut speech = Speech::new();
        for para in paras {
            let message = para.tone == Tone::Notice || para.text.starts_with('✓');
            speech = if message {
                speech.message(para.text.clone())
            } else {
                speech.text(para.text.clone())
            };
        }
        if let Some(i) = focused.filter(|i| *i < choices.len()) {
            // The number said is the one shown: the digit that chooses it on its page.
            let choice = Choice {
                number: crate::ui::choices::shown_numbers(choices)[i],
                ..choices[i].clone()
            };
            speech = speech.focus(choice.said(tr));
        }
        speech
    }

    /// Everything, in reading order (F4).
    pub fn whole(&self) -> Vec<Said> {
        let mut all = vec![Said::new(self.title.clone())];
        all.extend(self.place.iter().map(|p| Said::new(p.clone())));
        all.extend(self.messages.iter().map(|m| Said::new(m.clone())));
        all.extend(self.text.iter().cloned());
        all.extend(self.focus.iter().cloned());
        if let Some(t) = &self.typing {
            all.push(Said::new(typing_whole(t)));
        }
        all.retain(|s| !s.text.trim().is_empty());
        all
    }

    /// What identifies a step: when it changes, the step is said from its title.
    fn step(&self) -> (&str, &Option<String>, &[Said]) {
        (&self.title, &self.place, &self.text)
    }
}

fn typing_whole(t: &Typing) -> String {
    let mut text = if t.label.is_empty() {
        t.value.clone()
    } else if t.value.is_empty() {
        t.label.clone()
    } else {
        format!("{}, {}", t.label, t.value)
    };
    if let Some(after) = &t.after {
        text.push_str(". ");
        text.push_str(after);
    }
    text
}

/// How an utterance stands against the others (see the module's comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Message,
    Question,
    Focus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub kind: Kind,
    pub parts: Vec<Said>,
}

/// What to say after a change: `cancel` drops what is still to be said before it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    pub cancel: bool,
    pub utterances: Vec<Utterance>,
}

impl Batch {
    /// One utterance that replaces whatever is being said (F4, F1).
    pub fn only(kind: Kind, parts: Vec<Said>) -> Batch {
        let parts = parts
            .into_iter()
            .map(|p| Said {
                text: speakable(&p.text),
                ..p
            })
            .filter(|p| !p.text.is_empty())
            .collect();
        Batch {
            cancel: true,
            utterances: vec![Utterance { kind, parts }],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.utterances.is_empty()
    }
}

/// A declaration as heard: which screens (their generation) and what they say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heard {
    pub generation: u64,
    pub speech: Speech,
}

/// What to say now, given what was heard before.
pub fn batch(before: Option<&Heard>, now: &Heard) -> Batch {
    let s = &now.speech;
    let same_step =
        before.is_some_and(|b| b.generation == now.generation && b.speech.step() == s.step());
    let mut batch = Batch::default();
    let mut say = |kind: Kind, parts: Vec<Said>| {
        let parts: Vec<Said> = parts
            .into_iter()
            .map(|p| Said {
                text: speakable(&p.text),
                ..p
            })
            .filter(|p| !p.text.is_empty())
            .collect();
        if !parts.is_empty() {
            batch.utterances.push(Utterance { kind, parts });
        }
    };
    if !same_step {
        let mut question = vec![Said::new(s.title.clone())];
        question.extend(s.place.iter().map(|p| Said::new(p.clone())));
        question.extend(s.text.iter().cloned());
        for m in &s.messages {
            say(Kind::Message, vec![Said::new(m.clone())]);
        }
        say(Kind::Question, question);
        let mut focus = s.focus.clone();
        focus.extend(s.typing.as_ref().map(|t| Said::new(typing_whole(t))));
        say(Kind::Focus, focus);
        batch.cancel = true;
        return batch;
    }
    let b = &before.expect("same step has a before").speech;
    for m in s.messages.iter().filter(|m| !b.messages.contains(m)) {
        say(Kind::Message, vec![Said::new(m.clone())]);
    }
    if s.focus != b.focus {
        say(Kind::Focus, s.focus.clone());
    }
    match (&b.typing, &s.typing) {
        (Some(was), Some(is))
            if was.label == is.label && (was.value != is.value || was.after != is.after) =>
        {
            let mut text = echo(&was.value, &is.value).unwrap_or_else(|| typing_whole(is));
            if let Some(after) = is.after.as_ref().filter(|_| was.after != is.after) {
                text.push_str(". ");
                text.push_str(after);
            }
            say(Kind::Focus, vec![Said::new(text)]);
        }
        (Some(was), Some(is)) if was.label == is.label => {}
        (_, Some(is)) => say(Kind::Focus, vec![Said::new(typing_whole(is))]),
        _ => {}
    }
    batch
}

/// The letters typing added, at the end or where the cursor was (← →); `None` when it
/// erased (the field is then said whole).
fn echo(was: &str, is: &str) -> Option<String> {
    // A number said in pairs gains a comma as it grows: only the digit is said.
    if let Some(added) = is.strip_prefix(was) {
        let added = added.trim_start_matches([',', ' ']);
        return (!added.is_empty()).then(|| added.to_string());
    }
    // Typed in the middle: what is new between the same beginning and the same end.
    let (was_c, is_c): (Vec<char>, Vec<char>) = (was.chars().collect(), is.chars().collect());
    if is_c.len() <= was_c.len() {
        return None;
    }
    let head = was_c.iter().zip(&is_c).take_while(|(a, b)| a == b).count();
    let tail = was_c[head..]
        .iter()
        .rev()
        .zip(is_c[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (head + tail == was_c.len())
        .then(|| is_c[head..is_c.len() - tail].iter().collect::<String>())
        .filter(|added| !added.trim().is_empty())
}

/// Text ready for a voice: the marks drawn for the eye (⚠ ✓ • ▶) left out, dashes as pauses,
/// line breaks as the end of a sentence, no run of spaces.
pub(crate) fn speakable(text: &str) -> String {
    let text = text
        .replace(['⚠', '✓', '•', '▶', '…'], " ")
        .replace(" — ", ", ")
        .replace('—', ", ");
    let mut joined = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        then(&mut joined, line);
    }
    let words: Vec<&str> = joined.split_whitespace().collect();
    words
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace(" )", ")")
}

/// Adds a sentence after another: a pause (a full stop) between them unless the first
/// already ends in one.
pub(crate) fn then(text: &mut String, next: &str) {
    if !text.is_empty() {
        let ended = text.ends_with(['.', '?', '!', ':', ',', ';']);
        text.push_str(if ended { " " } else { ". " });
    }
    text.push_str(next);
}

/// An utterance's parts, those in the same language one after the other said as one text.
pub(crate) fn joined(parts: Vec<Said>) -> Vec<Said> {
    let mut out: Vec<Said> = Vec::new();
    for part in parts {
        match out.last_mut() {
            Some(last) if last.lang == part.lang => then(&mut last.text, &part.text),
            _ => out.push(part),
        }
    }
    out
}

/// An utterance is cut at this many bytes (at a sentence or a word): a voice that is given a
/// whole book keeps the kiosk's pipe, and the person, waiting.
pub(crate) const LONGEST: usize = 4096;

/// The text cut to `LONGEST` bytes, at a sentence's end when there is one in its second half.
pub(crate) fn capped(text: &str) -> &str {
    if text.len() <= LONGEST {
        return text;
    }
    let mut end = LONGEST;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(['.', '?', '!', '\n']) {
        Some(at) if at > LONGEST / 2 => &text[..=at],
        _ => head.rfind(' ').map_or(head, |at| &text[..at]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_typed_in_the_middle_is_said_alone() {
        assert_eq!(echo("Mare", "Marie").as_deref(), Some("i"));
        assert_eq!(echo("Mar", "Marie").as_deref(), Some("ie"));
        assert_eq!(echo("06, 12", "06, 12, 3").as_deref(), Some("3"));
        assert_eq!(echo("Marie", "Mare"), None, "erased: said whole");
        assert_eq!(echo("Marie", "Maxie"), None);
    }

    fn heard(generation: u64, speech: Speech) -> Heard {
        Heard { generation, speech }
    }

    fn screen(title: &str, question: &str, focus: &str) -> Speech {
        let mut s = Speech::new().text(question.into()).focus(focus.into());
        s.title = title.into();
        s
    }

    fn texts(batch: &Batch) -> Vec<(Kind, String)> {
        batch
            .utterances
            .iter()
            .map(|u| {
                (
                    u.kind,
                    u.parts
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                )
            })
            .collect()
    }

    #[test]
    fn a_new_step_says_its_messages_then_its_question_then_its_focus_and_cancels_the_rest() {
        let first = heard(
            1,
            screen("Bonjour", "Que voulez-vous faire ?", "1, Faire le point"),
        );
        let b = batch(None, &first);
        assert!(b.cancel);
        assert_eq!(
            texts(&b),
            [
                (Kind::Question, "Bonjour | Que voulez-vous faire ?".into()),
                (Kind::Focus, "1, Faire le point".into())
            ]
        );
        assert!(batch(Some(&first), &first).is_empty(), "nothing twice");
        let moved = heard(
            1,
            screen(
                "Bonjour",
                "Que voulez-vous faire ?",
                "2, Prendre rendez-vous",
            ),
        );
        let b = batch(Some(&first), &moved);
        assert!(!b.cancel, "a focus cuts only a focus");
        assert_eq!(texts(&b), [(Kind::Focus, "2, Prendre rendez-vous".into())]);
        // A message that appears is said, and cancels nothing.
        let mut told = moved.clone();
        told.speech
            .messages
            .push("Ce créneau vient d'être pris.".into());
        let b = batch(Some(&moved), &told);
        assert!(!b.cancel);
        assert_eq!(
            texts(&b),
            [(Kind::Message, "Ce créneau vient d'être pris.".into())]
        );
        // A step with a message: the message first.
        let mut next = heard(
            2,
            screen("Rendez-vous", "Choisissez un jour", "1, mardi 3 mars"),
        );
        next.speech
            .messages
            .push("Ce créneau vient d'être pris.".into());
        next.speech.place = Some("étape 2 sur 5".into());
        assert_eq!(
            texts(&batch(Some(&told), &next)),
            [
                (Kind::Message, "Ce créneau vient d'être pris.".into()),
                (
                    Kind::Question,
                    "Rendez-vous | étape 2 sur 5 | Choisissez un jour".into()
                ),
                (Kind::Focus, "1, mardi 3 mars".into())
            ]
        );
    }

    #[test]
    fn typing_says_the_letters_added_and_a_new_field_whole() {
        let field = |label: &str, value: &str| {
            let mut s = Speech::new().typing(label.into(), value.into(), None);
            s.title = "Vos coordonnées".into();
            heard(3, s)
        };
        let empty = field("Prénom", "");
        let m = field("Prénom", "M");
        assert_eq!(texts(&batch(Some(&empty), &m)), [(Kind::Focus, "M".into())]);
        let erased = field("Prénom", "");
        assert_eq!(
            texts(&batch(Some(&m), &erased)),
            [(Kind::Focus, "Prénom".into())]
        );
        let phone = field("Téléphone", "");
        assert_eq!(
            texts(&batch(Some(&m), &phone)),
            [(Kind::Focus, "Téléphone".into())]
        );
    }

    #[test]
    fn marks_for_the_eye_are_not_said_and_a_book_is_cut_at_a_sentence() {
        assert_eq!(
            speakable("⚠ Ce cours est complet.\n• Gratuit — ouvert"),
            "Ce cours est complet. Gratuit, ouvert"
        );
        let book = "Une phrase. ".repeat(1000);
        let cut = capped(&book);
        assert!(cut.len() <= LONGEST && cut.ends_with('.'), "{}", cut.len());
        assert_eq!(capped("Bonjour"), "Bonjour");
    }
}

//! What the kiosk says at every step of every citizen journey, from what each screen means:
//! the core walked with a real store, and after each key what would be said (as the shell
//! says it: `app::voice::heard`, then `app::speech::batch`). In French and in English. The
//! transcripts are snapshots a person reads as a blind person would hear them.
use std::rc::Rc;

use borne::app::key::Key;
use borne::app::speech::{Batch, Heard, Kind, batch};
use borne::app::{App, Effect, Msg, voice};
use borne::clock::parse_local;
use borne::config::Voice;
use borne::kiosk::{self, Config};
use borne::store::{Reply, SqliteStore};
use chrono::{Duration, NaiveDateTime};

fn now() -> NaiveDateTime {
    parse_local("2026-03-02T10:15").unwrap()
}

/// The demo help point, speaking.
fn speaking() -> Rc<Config> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let mut config = kiosk::load(&dir).unwrap_or_else(|p| panic!("{p:?}"));
    let mut k = (*config.kiosk).clone();
    k.speech = Some(Voice::Command(vec!["true".into()]));
    config.kiosk = Rc::new(k);
    Rc::new(config)
}

struct Listener {
    app: App,
    store: SqliteStore,
    _dir: tempfile::TempDir,
    at: NaiveDateTime,
    heard: Option<Heard>,
    /// Each key and what was said after it.
    transcript: Vec<String>,
    /// Codes given by the store, replaced in the transcript (they are drawn at random).
    codes: Vec<String>,
}

impl Listener {
    fn new() -> Listener {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
        let config_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
        borne::places::load::shipped(
            &mut store,
            &config_dir,
            "2026-03-02T10:15",
            &mut |_, _, _| {},
        )
        .unwrap();
        let mut listener = Listener {
            app: kiosk::app(speaking(), now()),
            store,
            _dir: dir,
            at: now(),
            heard: None,
            transcript: Vec::new(),
            codes: Vec::new(),
        };
        listener.listen("start", Vec::new());
        listener
    }

    fn answer(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut kept = Vec::new();
        for effect in effects {
            let more = match effect {
                Effect::Store(request) => {
                    let reply = borne::store::answer(&mut self.store, None, request, self.at);
                    if let Reply::Booked(Ok(code)) | Reply::Registered(Ok(code)) = &reply {
                        self.codes.push(code.clone());
                    }
                    self.app.update(Msg::Reply(reply), self.at)
                }
                Effect::Print(_) => self.app.update(Msg::Printed(true), self.at),
                other => {
                    kept.push(other);
                    Vec::new()
                }
            };
            kept.extend(self.answer(more));
        }
        kept
    }

    /// What is said after a change, as the shell says it.
    fn listen(&mut self, key: &str, effects: Vec<Effect>) {
        let mut said = Vec::new();
        for effect in effects {
            let words = match effect {
                Effect::SayScreen => voice::whole(&self.app, self.at),
                Effect::SayHowToUse => voice::with_view(&self.app, self.at, |v| {
                    vec![borne::app::speech::Said::new(voice::how_to_use(&v.tr))]
                }),
                Effect::Say(words) => words,
                _ => continue,
            };
            said.push(Batch::only(Kind::Question, words));
        }
        let now = voice::heard(&self.app, self.at);
        said.push(batch(self.heard.as_ref(), &now));
        self.heard = Some(now);
        let mut lines = vec![format!("[{key}]")];
        for b in said {
            if b.cancel && !b.is_empty() {
                lines.push("  ---".into());
            }
            for u in &b.utterances {
                let text: Vec<String> = u
                    .parts
                    .iter()
                    .map(|p| match &p.lang {
                        Some(lang) => format!("<{lang}> {}", p.text),
                        None => p.text.clone(),
                    })
                    .collect();
                lines.push(format!("  {:?}: {}", u.kind, text.join(" / ")));
            }
        }
        self.transcript.push(lines.join("\n"));
    }

    fn keys(&mut self, keys: &[Key]) {
        for key in keys {
            let effects = self.app.update(Msg::Key(*key), self.at);
            let kept = self.answer(effects);
            self.listen(&format!("{key:?}"), kept);
        }
    }

    fn typed(&mut self, text: &str) {
        let keys: Vec<Key> = text.chars().map(Key::Char).collect();
        self.keys(&keys);
    }

    /// Types a code drawn at random: each letter's echo is written down as such.
    fn typed_code(&mut self, code: &str) {
        for c in code.chars() {
            self.keys(&[Char(c)]);
            let last = self.transcript.last_mut().expect("a key");
            *last = last
                .replace(&format!("Char('{c}')"), "a letter of the code")
                .replace(&format!("Focus: {c}"), "Focus: <the letter>");
        }
    }

    fn locale(&mut self, tag: &str) {
        self.app.settings.locale = tag.into();
    }

    fn transcript(&self) -> String {
        let mut text = self.transcript.join("\n");
        for code in &self.codes {
            let spelled = code
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(", ");
            text = text
                .replace(&spelled, "C, O, D, E, X, Y")
                .replace(code, "CODEXY");
        }
        text
    }

    /// Everything said since the start, one line an utterance.
    fn all_said(&self) -> String {
        self.transcript()
    }
}

use Key::*;

fn booking(tag: &str) -> Listener {
    let mut l = Listener::new();
    l.locale(tag);
    // What for, a day, a time.
    l.keys(&[Char('2'), Down, Enter, Enter, Down, Enter]);
    // The form, a wrong phone first.
    l.typed("Marie");
    l.keys(&[Enter, Enter]);
    l.typed("0612");
    l.keys(&[Enter, Enter, Enter, Enter]);
    l.typed("345678");
    l.keys(&[Enter, Enter, Enter, Enter]);
    // The check step, confirmed; the code repeated; F4 on the receipt.
    l.keys(&[Enter, Char('0'), F(4)]);
    l
}

#[test]
fn a_booking_says_every_question_message_summary_and_the_code_spelled() {
    let l = booking("fr");
    let said = l.all_said();
    for expected in [
        // Once, on arrival: how to use the kiosk.
        "Pour utiliser la borne sans voir l'écran",
        "Que voulez-vous faire ?",
        "Question: Prendre rendez-vous / Étape 1 sur 5 / Pour quoi voulez-vous un rendez-vous ?",
        "Étape 2 sur 5",
        "Choisissez un jour",
        "lundi 2 mars, 6 créneaux",
        "Étape 3 sur 5",
        "2, 14 heures 30 avec Camille",
        "Étape 4 sur 5 / Vos coordonnées",
        "Focus: Prénom (obligatoire)\n",
        // The letters typed, one by one.
        "Focus: M\n",
        // A wrong phone number: said.
        "Message: Le numéro est incomplet",
        "Étape 5 sur 5 / Vérifiez votre rendez-vous",
        "Marie, 06, 12, 34, 56, 78",
        "Focus: 1, Confirmer",
        "Votre code : C, O, D, E, X, Y",
        // The digits typed, without the commas that pair them.
        "Focus: 1\n",
        "Pour entendre le code encore une fois, appuyez sur 0.",
    ] {
        assert!(said.contains(expected), "{expected:?} is not said:\n{said}");
    }
    // The summary is said before "Confirmer".
    let summary = said.find("Vérifiez votre rendez-vous").unwrap();
    assert!(summary < said.rfind("1, Confirmer").unwrap());
    assert!(!said.contains("EAM") && !said.contains('⚠') && !said.contains("[x]"));
    insta::assert_snapshot!("booking_fr", said);
}

#[test]
fn a_booking_in_english_is_said_in_english() {
    let l = booking("en");
    let said = l.all_said();
    for expected in [
        "Step 1 of 5",
        "Step 5 of 5",
        "2, 14 30 with Camille",
        "Your code: C, O, D, E, X, Y",
        "To hear the code again, press 0.",
    ] {
        assert!(said.contains(expected), "{expected:?} is not said:\n{said}");
    }
    insta::assert_snapshot!("booking_en", said);
}

fn other_journeys(tag: &str) -> Listener {
    let mut l = Listener::new();
    l.locale(tag);
    // The diagnostic, to its result.
    l.keys(&[
        Char('1'),
        Down,
        Enter,
        Enter,
        Enter,
        Enter,
        Enter,
        Enter,
        Enter,
        Enter,
    ]);
    l.keys(&[Home, Char('1')]);
    // A workshop seat.
    l.keys(&[Char('5'), Char('1')]);
    l.typed("Ali");
    l.keys(&[Enter, Enter]);
    l.typed("0698765432");
    l.keys(&[Enter, Enter, Enter, Enter, Char('1'), Char('1')]);
    l.keys(&[Home]);
    // Gérer mon rendez-vous: the workshop's code, then cancel it.
    let code = l.codes.last().cloned().unwrap_or_default();
    l.keys(&[Char('4')]);
    l.typed_code(&code);
    l.keys(&[Enter]);
    l.typed("32");
    l.keys(&[Enter, Enter, Char('1'), Char('1'), Enter]);
    // The lieux: a search, a lieu, its filters.
    l.keys(&[Char('3')]);
    l.typed("gap");
    l.keys(&[Down, Enter, Down, Enter, Char('1'), Esc, Esc]);
    l.keys(&[BackTab, BackTab, BackTab, Enter, Char('1'), Esc]);
    l.keys(&[Char('4'), Char('1'), Home]);
    // The welcome's languages and display, the boxes: PIN, leaving a form, the countdown.
    l.keys(&[Down, Down, Down, Down, Down, Down]);
    l.keys(&[Char('7'), Down, Down, Down, Down, Down, Esc]);
    l.keys(&[F(12), Char('1'), Char('2'), Esc]);
    l.keys(&[
        Char('2'),
        Char('1'),
        Char('1'),
        Char('1'),
        Char('M'),
        Home,
        Char('2'),
        Home,
        Char('1'),
    ]);
    l.keys(&[Char('5')]);
    l.at += Duration::seconds(95);
    l.app.update(Msg::Tick, l.at);
    l.listen("95 s later", Vec::new());
    l.keys(&[Char(' '), F(1)]);
    l
}

#[test]
fn the_diagnostic_workshops_manage_lieux_and_the_boxes_say_what_they_mean() {
    let l = other_journeys("fr");
    let said = l.all_said();
    for expected in [
        "Question 1 sur ",
        "Question 2 sur ",
        "Vos besoins",
        "12 places restantes sur 12",
        "Focus: 2, Non, garder le rendez-vous",
        "Message: Votre rendez-vous est annulé.",
        "communes proposées, la première : Gap (05000)",
        "Ouvert maintenant",
        "Focus: gratuit, coché",
        "Revenir à l'accueil ?",
        "Espace du personnel",
        "2 chiffres tapés",
        "Vous êtes toujours là ?",
        "7, Langue et affichage / <en> Language",
        "<fr> Français / choisi",
        "Texte en grand, pas coché",
        // F1, anywhere.
        "Question: Pour utiliser la borne sans voir l'écran",
    ] {
        assert!(said.contains(expected), "{expected:?} is not said:\n{said}");
    }
    assert!(!said.contains("DTSTART") && !said.contains('•'), "{said}");
    insta::assert_snapshot!("journeys_fr", said);
}

#[test]
fn the_same_journeys_in_english() {
    let l = other_journeys("en");
    let said = l.all_said();
    assert!(said.contains("Question 2 of "), "{said}");
    insta::assert_snapshot!("journeys_en", said);
}

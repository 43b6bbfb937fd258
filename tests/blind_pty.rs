//! A person who cannot see the screen books alone. The real kiosk runs in a pseudo-terminal,
//! speaking through a `[speech] command` that writes down what it is given; a small driver
//! reads only that transcript (what was said since its last key, never the screen) and
//! decides its next key from it. It books an appointment, takes a workshop seat, and cancels
//! the appointment by the code it heard.
use crate::pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::*;

/// A "speech program" that writes each utterance down, with its language.
fn recorder(dir: &Path) -> (String, PathBuf) {
    let said = dir.join("said.txt");
    let script = dir.join("say.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '[%s] ' \"$1\" >> {s}\ncat >> {s}\nprintf '\\n' >> {s}\n",
            s = said.display()
        ),
    )
    .unwrap();
    let config = format!(
        "[speech]\ncommand = [\"sh\", \"{}\", \"{{lang}}\"]\n# The kiosk speaks",
        script.display()
    );
    (config, said)
}

/// The driver: it hears, and presses keys.
struct Listener {
    kiosk: Kiosk,
    said: PathBuf,
    /// How much of the transcript was heard before the last key.
    heard: usize,
}

impl Listener {
    fn transcript(&self) -> String {
        std::fs::read_to_string(&self.said).unwrap_or_default()
    }

    /// What was said since the last key, once something was and it contains `phrase`, and
    /// the voice is quiet.
    fn hear(&mut self, phrase: &str) -> String {
        match self.hear_within(phrase, PATIENCE) {
            Some(new) => new,
            None => panic!(
                "waited to hear {phrase:?}; since the last key the kiosk said:\n{}",
                self.transcript().get(self.heard..).unwrap_or("")
            ),
        }
    }

    fn hear_within(&mut self, phrase: &str, patience: Duration) -> Option<String> {
        let start = Instant::now();
        let mut last = (0, Instant::now());
        loop {
            let all = self.transcript();
            let new = all.get(self.heard..).unwrap_or("").to_string();
            if all.len() != last.0 {
                last = (all.len(), Instant::now());
            }
            let heard = !new.is_empty() && new.contains(phrase);
            if heard && last.1.elapsed() > Duration::from_millis(300) {
                return Some(new);
            }
            if start.elapsed() > patience {
                return None;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn press(&mut self, keys: &[&str]) {
        self.heard = self.transcript().len();
        self.kiosk.keys(keys);
    }

    fn type_text(&mut self, text: &str) {
        self.heard = self.transcript().len();
        self.kiosk.type_text(text);
    }

    /// Moves down until the focus said is `choice`, up when the list ends (nothing is said),
    /// then chooses it.
    fn choose(&mut self, choice: &str) {
        let mut heard = self
            .transcript()
            .get(self.heard..)
            .unwrap_or("")
            .to_string();
        let mut key = DOWN;
        for _ in 0..30 {
            if heard.lines().any(|l| l.contains(choice)) {
                self.press(&[ENTER]);
                return;
            }
            self.press(&[key]);
            match self.hear_within("", Duration::from_secs(2)) {
                Some(new) => heard = new,
                // The end of the list: back the other way.
                None => key = UP,
            }
        }
        panic!("{choice:?} was never said:\n{}", self.transcript());
    }

    /// On a form: when the field said is `label`, types `text` and goes on.
    fn fill(&mut self, label: &str, text: &str) {
        self.hear(label);
        if !text.is_empty() {
            self.type_text(text);
            self.hear(&text[text.len() - 1..]);
        }
        self.press(&[ENTER]);
    }

    /// Fills the identity form as it asks, and confirms the check step once it has been
    /// said whole; returns the code heard on the receipt.
    fn checkout(&mut self, first_name: &str, phone: &str) -> String {
        self.fill("Prénom", first_name);
        self.fill("Première lettre du nom", "");
        self.fill("Téléphone", phone);
        self.fill("Je n'ai pas de téléphone, pas coché", "");
        self.fill("E-mail", "");
        self.hear("Continuer");
        self.press(&[ENTER]);
        let check = self.hear("Confirmer");
        assert!(
            check.contains("Vérifiez"),
            "the summary is said first:\n{check}"
        );
        assert!(check.contains(first_name), "{check}");
        self.press(&[ENTER]);
        let receipt = self.hear("Votre code : ");
        code_in(&receipt)
    }
}

/// The code heard, spelled: "Votre code : E, A, M, 4, C, R." gives "EAM4CR".
fn code_in(heard: &str) -> String {
    let at = heard.find("Votre code : ").expect("a code") + "Votre code : ".len();
    let spelled: String = heard[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ',' || *c == ' ')
        .collect();
    let code: String = spelled.split(", ").map(str::trim).collect();
    assert_eq!(code.len(), 6, "a code of six, spelled: {spelled:?}");
    code
}

#[test]
fn a_person_who_only_hears_the_kiosk_books_takes_a_workshop_seat_and_cancels_by_the_code() {
    let voice = tempfile::tempdir().unwrap();
    let (speech, said) = recorder(voice.path());
    let kiosk = Kiosk::start_with(&[("[speech]\n# The kiosk speaks", &speech)], 80, 24, &[]);
    let mut me = Listener {
        kiosk,
        said,
        heard: 0,
    };

    // Arrival: how to use the kiosk, then the welcome's question.
    let welcome = me.hear("Que voulez-vous faire ?");
    assert!(welcome.contains("Entrée choisit"), "{welcome}");
    let welcome = me.hear("Мова: 7");
    assert!(
        welcome.contains("[en] Language: 7"),
        "the languages' number, in each language's voice:\n{welcome}"
    );

    // An appointment.
    me.choose("Prendre rendez-vous");
    me.hear("Pour quoi voulez-vous un rendez-vous ?");
    me.choose("Aide pour une démarche en ligne");
    let days = me.hear("Choisissez un jour");
    assert!(days.contains("Étape 2 sur 5"), "{days}");
    // Today's times are too close to cancel later: the next day.
    me.press(&[DOWN]);
    me.hear("mardi 3 mars");
    me.press(&[ENTER]);
    me.hear("Choisissez une heure");
    me.press(&[ENTER]);
    let booked = me.checkout("Marie", "0612345678");

    // A key says the code again.
    me.press(&["0"]);
    let again = me.hear("Votre code : ");
    assert_eq!(code_in(&again), booked);
    me.choose("Terminer");

    // A workshop seat.
    me.hear("Que voulez-vous faire ?");
    me.choose("Ateliers");
    let list = me.hear("places restantes");
    assert!(list.contains("Les prochains ateliers"), "{list}");
    me.press(&[ENTER]);
    let seat = me.checkout("Ali", "0698765432");
    assert_ne!(seat, booked);
    me.choose("Terminer");

    // Cancelling the appointment by the code heard.
    me.hear("Que voulez-vous faire ?");
    me.choose("Gérer mon rendez-vous");
    me.fill("Code", &booked);
    me.fill("2 derniers chiffres", "78");
    me.hear("Continuer");
    me.press(&[ENTER]);
    // Cancelling is never the focused default (#27): the person moves to it.
    let found = me.hear("Aide pour une démarche en ligne");
    assert!(!found.contains("Focus: 1, Annuler"), "{found}");
    me.choose("Annuler ce rendez-vous");
    me.hear("Voulez-vous vraiment annuler");
    me.choose("Oui, annuler");
    me.hear("Votre rendez-vous est annulé.");
}

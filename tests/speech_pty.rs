//! The kiosk speaks, through a help point's speech program: here a script that writes down
//! what it is given, one utterance a file.
use crate::pty;

use std::path::Path;

use pty::*;

/// A "speech program" that keeps each utterance, numbered in the order they came (written
/// whole, then named).
fn recorder(dir: &Path) -> String {
    let script = dir.join("say.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nn=$(ls {d} | grep -c '^said-' )\ncat > {d}/part-$$\nmv {d}/part-$$ {d}/said-$(printf %03d $n)-$1\n",
            d = dir.display()
        ),
    )
    .unwrap();
    format!("command = [\"sh\", \"{}\", \"{{lang}}\"]", script.display())
}

fn said(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("said-")
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let lang = name.rsplit('-').next().unwrap().to_string();
            (lang, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

fn wait_said(dir: &Path, n: usize) -> Vec<(String, String)> {
    let start = std::time::Instant::now();
    loop {
        let all = said(dir);
        if all.len() >= n || start.elapsed() > std::time::Duration::from_secs(10) {
            return all;
        }
        std::thread::yield_now();
    }
}

#[test]
fn the_first_question_then_each_focused_choice_is_said_once_in_the_chosen_language() {
    let voice = tempfile::tempdir().unwrap();
    let command = recorder(voice.path());
    let speech = format!("[speech]\n{command}\n# The kiosk speaks");
    let mut kiosk = Kiosk::start_with(&[("[speech]\n# The kiosk speaks", &speech)], 80, 24, &[]);
    kiosk.wait_for("F4 : tout relire à voix haute");
    // How to use the kiosk, the question in French, the number that opens the languages in
    // each other language's voice, then the focus.
    let first = wait_said(voice.path(), 6);
    assert_eq!(first[0].0, "fr");
    assert!(
        first[0].1.starts_with("Pour utiliser la borne"),
        "{first:?}"
    );
    assert!(first[1].1.starts_with("Bienvenue"), "{first:?}");
    assert!(first[1].1.contains("Que voulez-vous faire"), "{first:?}");
    assert!(
        first.iter().any(|(l, t)| l == "uk" && t == "Мова: 7"),
        "{first:?}"
    );
    let (lang, focus) = first.last().unwrap();
    assert_eq!(
        (lang.as_str(), focus.as_str()),
        ("fr", "1, Faire le point sur mes besoins")
    );
    let before = first.len();

    kiosk.keys(&[DOWN]);
    kiosk.wait_for_focus("▶ 2  Prendre rendez-vous");
    let two = wait_said(voice.path(), before + 1);
    assert_eq!(two[before].1, "2, Prendre rendez-vous");

    // A key that changes nothing says nothing again.
    kiosk.keys(&[UP, UP]);
    kiosk.wait_for_focus("▶ 1  Faire le point");
    let three = wait_said(voice.path(), before + 2);
    assert_eq!(three.len(), before + 2, "{three:?}");

    // F4: the whole screen, key bar included.
    kiosk.keys(&["\x1bOS"]);
    let start = std::time::Instant::now();
    loop {
        let four = said(voice.path());
        let whole: String = four[before + 2..].iter().map(|(_, t)| t.as_str()).collect();
        if whole.contains("Bienvenue") && whole.contains("F2, texte en grand") {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "{four:?}");
        std::thread::yield_now();
    }

    // Under "Langue et affichage", each language's name is said in its own voice.
    kiosk.keys(&to_languages());
    kiosk.wait_for("Texte en grand");
    for (moves, lang, name) in [(2, "en", "English"), (2, "uk", "Українська")] {
        kiosk.keys(&vec![DOWN; moves]);
        let start = std::time::Instant::now();
        while !said(voice.path())
            .iter()
            .any(|(l, t)| l == lang && t == name)
        {
            assert!(start.elapsed().as_secs() < 10, "{:?}", said(voice.path()));
            std::thread::yield_now();
        }
    }
    kiosk.keys(&[ESC]);
    kiosk.wait_for_focus("▶ 7  Langue et affichage");

    // In English, the voice is English.
    kiosk.keys(&to_languages());
    kiosk.keys(&[DOWN, DOWN, ENTER]);
    kiosk.wait_for("Welcome");
    kiosk.keys(&[UP]);
    let start = std::time::Instant::now();
    while said(voice.path()).last().unwrap().1 != "6, I'm here: appointment or ticket" {
        assert!(start.elapsed().as_secs() < 10, "{:?}", said(voice.path()));
        std::thread::yield_now();
    }
    assert_eq!(said(voice.path()).last().unwrap().0, "en");

    // A counsellor signed in: the kiosk keeps quiet while they move about.
    kiosk.keys(&["\x1b[24~"]);
    kiosk.type_text("1357");
    kiosk.keys(&[ENTER]);
    kiosk.wait_for("Adviser area");
    let before = said(voice.path()).len();
    kiosk.keys(&[DOWN]);
    kiosk.wait_for_focus("▶ 2");
    kiosk.keys(&[DOWN]);
    kiosk.wait_for_focus("▶ 3");
    // F4 is asked for: it alone is said (a moved focus would have left a file before it).
    kiosk.keys(&["\x1bOS"]);
    let after = wait_said(voice.path(), before + 1);
    assert_eq!(after.len(), before + 1, "{after:?}");
    assert!(after[before].1.contains("Adviser area"), "{after:?}");
}

/// With Debian's espeak-ng, speech really comes out: here into a WAV file instead of the
/// loudspeaker.
#[test]
fn espeak_ng_says_the_welcome_screen_into_a_sound_file() {
    let Ok(found) = std::process::Command::new("espeak-ng")
        .arg("--version")
        .output()
    else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "espeak-ng is missing: .ci/run installs it under CI=true"
        );
        eprintln!("skipped: espeak-ng is not installed (apt-get install espeak-ng)");
        return;
    };
    assert!(found.status.success());
    let voice = tempfile::tempdir().unwrap();
    let wav = voice.path().join("said.wav");
    let speech = format!(
        "[speech]\ncommand = [\"espeak-ng\", \"-v\", \"{{lang}}\", \"-w\", \"{}\", \"--stdin\"]\n# The kiosk speaks",
        wav.display()
    );
    let kiosk = Kiosk::start_with(&[("[speech]\n# The kiosk speaks", &speech)], 80, 24, &[]);
    kiosk.wait_for("F4 : tout relire à voix haute");
    let start = std::time::Instant::now();
    // espeak-ng writes the header first, then the sound: wait for a second's worth.
    while std::fs::metadata(&wav).map_or(0, |m| m.len()) < 44_100
        && start.elapsed() < std::time::Duration::from_secs(20)
    {
        std::thread::yield_now();
    }
    let bytes = std::fs::read(&wav).unwrap();
    assert_eq!(&bytes[..4], b"RIFF", "a WAV file");
    assert!(
        bytes.len() >= 44_100,
        "about a second of speech at least: {}",
        bytes.len()
    );
    let samples = &bytes[44..];
    assert!(samples.iter().any(|b| *b != 0), "not silence");
}

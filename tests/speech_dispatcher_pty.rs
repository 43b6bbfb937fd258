//! The kiosk speaks through the machine's speech-dispatcher (`[speech] backend =
//! "speech-dispatcher"`): a real speech-dispatcher (Debian's package), started here on a
//! socket of the test's own, with an output module that writes down what it is given and
//! in which language. Without speech-dispatcher the test says it is skipped (a failure under
//! CI=true: .ci/run installs it).
use crate::pty;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use pty::*;

struct Dispatcher {
    child: Child,
    socket: PathBuf,
    said: PathBuf,
}

impl Drop for Dispatcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// speech-dispatcher in `dir`, its only voice a "synthesizer" that appends `language|text`
/// lines to a file.
fn dispatcher(dir: &Path) -> Option<Dispatcher> {
    if Command::new("speech-dispatcher")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "speech-dispatcher is missing: .ci/run installs it under CI=true"
        );
        eprintln!(
            "skipped: speech-dispatcher is not installed (apt-get install speech-dispatcher)"
        );
        return None;
    }
    let conf = dir.join("conf");
    std::fs::create_dir_all(conf.join("modules")).unwrap();
    std::fs::create_dir_all(dir.join("log")).unwrap();
    let said = dir.join("said.txt");
    std::fs::write(
        conf.join("speechd.conf"),
        "CommunicationMethod \"unix_socket\"\n\
         AddModule \"recorder\" \"sd_generic\" \"recorder.conf\"\n\
         DefaultModule recorder\n\
         AudioOutputMethod \"libao\"\n",
    )
    .unwrap();
    let mut module = format!(
        "GenericExecuteSynth \"printf '%s|%s\\\\n' '$LANGUAGE' '$DATA' >> {}\"\n",
        said.display()
    );
    for lang in ["fr", "en", "pt", "uk"] {
        module.push_str(&format!(
            "GenericLanguage \"{lang}\" \"{lang}\" \"utf-8\"\nAddVoice \"{lang}\" \"MALE1\" \"{lang}\"\n"
        ));
    }
    std::fs::write(conf.join("modules/recorder.conf"), module).unwrap();
    let socket = dir.join("speechd.sock");
    let child = Command::new("speech-dispatcher")
        .args(["--run-single", "--timeout", "0", "--config-dir"])
        .arg(&conf)
        .arg("--socket-path")
        .arg(&socket)
        .arg("--log-dir")
        .arg(dir.join("log"))
        // Its own: another speech-dispatcher of this user (the machine's) would hold the usual.
        .arg("--pid-file")
        .arg(dir.join("speechd.pid"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("speechd.err")).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !socket.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "speech-dispatcher did not start: {}",
            std::fs::read_to_string(dir.join("speechd.err")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(Dispatcher {
        child,
        socket,
        said,
    })
}

fn heard(said: &Path, what: &str) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(said).unwrap_or_default();
        if text.contains(what) {
            return text;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "speech-dispatcher was not given {what:?}; it was given:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn the_kiosk_speaks_through_speech_dispatcher_each_text_in_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sd) = dispatcher(dir.path()) else {
        return;
    };
    let speech = format!(
        "[speech]\nbackend = \"speech-dispatcher\"\nsocket = \"{}\"\n# The kiosk speaks",
        sd.socket.display()
    );
    let mut kiosk = Kiosk::start_with(&[("[speech]\n# The kiosk speaks", &speech)], 80, 24, &[]);
    let said = heard(&sd.said, "1, Faire le point sur mes besoins");
    assert!(said.contains("fr|Bienvenue"), "{said}");
    assert!(
        said.contains("en|Language: 7"),
        "the languages' number in each language's own voice:\n{said}"
    );
    assert!(said.contains("uk|Мова: 7"), "{said}");
    // A move says the focus.
    kiosk.keys(&[DOWN]);
    heard(&sd.said, "fr|2, Prendre rendez-vous");
    // Into the booking: its question, then its focus.
    kiosk.keys(&[ENTER]);
    let said = heard(&sd.said, "Pour quoi voulez-vous un rendez-vous");
    assert!(said.contains("Étape 1 sur 5"), "{said}");
}

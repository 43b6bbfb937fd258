//! The kiosk's voice: a help point's speech program (espeak-ng, spd-say…) run with the text
//! on its standard input. A new utterance cuts the one before short. A program that is
//! missing or fails is logged once, and the kiosk goes on silent.
use std::io::Write;
use std::process::{Child, Command, Stdio};

pub struct Speaker {
    command: Vec<String>,
    running: Option<Child>,
    silent: bool,
}

impl Speaker {
    pub fn new(command: Vec<String>) -> Speaker {
        Speaker {
            command,
            running: None,
            silent: false,
        }
    }

    /// Says `text` in the language of `locale` (`fr-x-falc` speaks French): `{lang}` in the
    /// command's arguments becomes `fr`, `en`…
    pub fn say(&mut self, text: &str, locale: &str) {
        self.stop();
        if self.silent || text.trim().is_empty() {
            return;
        }
        let lang = locale.split('-').next().unwrap_or(locale);
        let mut args = self.command.iter().map(|a| a.replace("{lang}", lang));
        let Some(program) = args.next() else {
            return;
        };
        let spawned = Command::new(&program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(mut child) => {
                // A few lines of text fit in the pipe: this never waits on the program.
                if let Some(mut stdin) = child.stdin.take() {
                    let _ = stdin.write_all(text.as_bytes());
                }
                self.running = Some(child);
            }
            Err(e) => self.give_up(&format!("cannot run {program:?}: {e}")),
        }
    }

    /// Stops what is being said; a program that ended in failure silences the kiosk.
    fn stop(&mut self) {
        let Some(mut child) = self.running.take() else {
            return;
        };
        match child.try_wait() {
            Ok(Some(status)) if !status.success() => {
                self.give_up(&format!("the speech program failed ({status})"));
            }
            Ok(Some(_)) => {}
            _ => {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }

    fn give_up(&mut self, why: &str) {
        if !self.silent {
            tracing::error!("speech: {why}; the kiosk goes on without speaking");
        }
        self.silent = true;
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        if let Some(mut child) = self.running.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_goes_into_the_command_and_the_text_onto_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("said");
        let script = format!("cat > {}-$1", out.display());
        let mut speaker = Speaker::new(vec![
            "sh".into(),
            "-c".into(),
            script,
            "sh".into(),
            "{lang}".into(),
        ]);
        speaker.say("Bonjour", "fr-x-falc");
        let said = dir.path().join("said-fr");
        let child = speaker.running.as_mut().unwrap();
        child.wait().unwrap();
        assert_eq!(std::fs::read_to_string(said).unwrap(), "Bonjour");
    }

    #[test]
    fn a_program_that_fails_silences_the_kiosk_at_the_next_utterance() {
        let mut speaker = Speaker::new(vec![
            "sh".into(),
            "-c".into(),
            "cat >/dev/null; exit 3".into(),
        ]);
        speaker.say("Bonjour", "fr");
        speaker.running.as_mut().unwrap().wait().unwrap();
        speaker.say("Encore", "fr");
        assert!(speaker.silent);
        assert!(speaker.running.is_none());
    }

    fn sh(script: &str) -> Vec<String> {
        vec!["sh".into(), "-c".into(), script.into()]
    }

    fn alive(pid: &str) -> bool {
        std::process::Command::new("kill")
            .args(["-0", pid.trim()])
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success()
    }

    #[test]
    fn a_program_that_does_not_read_never_holds_the_kiosk() {
        let (done, said) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut speaker = Speaker::new(sh("sleep 30"));
            speaker.say(&"Bonjour. ".repeat(20_000), "fr");
            speaker.say("Encore", "fr");
            let _ = done.send(());
        });
        assert!(
            said.recv_timeout(std::time::Duration::from_secs(5)).is_ok(),
            "saying 180 kB to a program that does not read took more than 5 s"
        );
    }

    #[test]
    fn a_program_that_forks_leaves_no_process_behind() {
        let dir = tempfile::tempdir().unwrap();
        let pid = dir.path().join("pid");
        let script = format!("sleep 30 & echo $! > {}; wait", pid.display());
        let mut speaker = Speaker::new(sh(&script));
        speaker.say("Bonjour", "fr");
        let start = std::time::Instant::now();
        while std::fs::read_to_string(&pid).map_or(true, |p| p.trim().is_empty()) {
            assert!(start.elapsed().as_secs() < 10, "the program did not start");
            std::thread::yield_now();
        }
        let child = std::fs::read_to_string(&pid).unwrap();
        assert!(alive(&child));
        // The next utterance cuts this one: the program and what it started go.
        speaker.say("Encore", "fr");
        drop(speaker);
        let start = std::time::Instant::now();
        while alive(&child) {
            assert!(
                start.elapsed().as_secs() < 5,
                "the speech program's child {} outlived it",
                child.trim()
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    #[test]
    fn a_missing_program_silences_the_kiosk_without_stopping_it() {
        let mut speaker = Speaker::new(vec!["/nonexistent/espeak-ng".into()]);
        speaker.say("Bonjour", "fr");
        assert!(speaker.silent);
        speaker.say("Encore", "fr");
        assert!(speaker.running.is_none());
    }
}

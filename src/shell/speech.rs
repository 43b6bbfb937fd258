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

    /// For the heartbeat: `ok`, or `failed` once the program went silent.
    pub fn state(&self) -> &'static str {
        if self.silent { "failed" } else { "ok" }
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

    #[test]
    fn a_missing_program_silences_the_kiosk_without_stopping_it() {
        let mut speaker = Speaker::new(vec!["/nonexistent/espeak-ng".into()]);
        speaker.say("Bonjour", "fr");
        assert!(speaker.silent);
        speaker.say("Encore", "fr");
        assert!(speaker.running.is_none());
    }
}

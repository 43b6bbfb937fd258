//! The kiosk's voice, on a thread of its own: the screen's thread hands it what to say and
//! never waits (what cannot be handed over at once is dropped). Two ways to speak:
//! - a help point's program (espeak-ng, spd-say…) run with each text on its standard input,
//!   `{lang}` in its arguments the text's language; it runs in a process group of its own,
//!   killed whole when it is cut short (a program that forks leaves nothing behind);
//! - the machine's speech-dispatcher, over its SSIP socket: its voice, rate and volume apply.
//!
//! Both keep the same order (`app::speech`): a new step cancels what is still to be said, a
//! message and a focus cut a focus being said, nothing cuts a message or a question. With a
//! program the kiosk keeps the queue itself; speech-dispatcher keeps it by its priorities
//! (`message` for messages and questions, `text` for a focus, which cuts itself).
//! A program that is missing or fails is logged once and the kiosk goes on silent.
use std::collections::VecDeque;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::time::{Duration, Instant};

use crate::app::speech::{Batch, Kind, Said, capped, joined};
use crate::config::Voice;

/// Batches waiting for the voice's thread: beyond, the newest is dropped.
const WAITING: usize = 64;

/// How often a program's end is looked for while it speaks.
const POLL: Duration = Duration::from_millis(20);

/// The screen's handle on the voice.
pub(crate) struct Speaker {
    orders: SyncSender<Batch>,
    /// Set by the voice's thread when it has given up (the heartbeat tells it).
    failed: Arc<AtomicBool>,
}

impl Speaker {
    /// Starts the voice's thread.
    pub(crate) fn start(voice: Voice) -> Speaker {
        let (orders, received) = mpsc::sync_channel(WAITING);
        let failed = Arc::new(AtomicBool::new(false));
        let flag = failed.clone();
        std::thread::spawn(move || match voice {
            Voice::Command(command) => Program::new(command, flag).serve(received),
            Voice::Dispatcher { socket } => Dispatcher::new(socket, flag).serve(received),
        });
        Speaker { orders, failed }
    }

    /// For the heartbeat: `ok`, or `failed` while the voice is silent after a failure.
    pub(crate) fn state(&self) -> &'static str {
        if self.failed.load(Ordering::Relaxed) {
            "failed"
        } else {
            "ok"
        }
    }

    /// Hands a batch to the voice; never waits. `locale` is the language of a text without
    /// one of its own.
    pub(crate) fn say(&self, batch: Batch, locale: &str) {
        if batch.is_empty() {
            return;
        }
        let batch = with_language(batch, locale);
        if let Err(TrySendError::Full(_)) = self.orders.try_send(batch) {
            tracing::debug!("speech: the voice is behind, an utterance is dropped");
        }
    }
}

/// Every part with its language (`fr-x-falc` speaks French), and no longer than a voice is
/// given.
fn with_language(mut batch: Batch, locale: &str) -> Batch {
    for utterance in &mut batch.utterances {
        for part in &mut utterance.parts {
            let lang = part.lang.as_deref().unwrap_or(locale);
            part.lang = Some(lang.split('-').next().unwrap_or(lang).to_string());
        }
        utterance.parts = joined(std::mem::take(&mut utterance.parts));
        for part in &mut utterance.parts {
            part.text = capped(&part.text).to_string();
        }
    }
    batch
}

/// A part waiting to be said.
struct Part {
    kind: Kind,
    said: Said,
}

struct Speaking {
    kind: Kind,
    child: Child,
}

/// A help point's speech program, one run a part.
struct Program {
    command: Vec<String>,
    queue: VecDeque<Part>,
    speaking: Option<Speaking>,
    silent: bool,
    failed: Arc<AtomicBool>,
}

impl Program {
    fn new(command: Vec<String>, failed: Arc<AtomicBool>) -> Program {
        Program {
            command,
            queue: VecDeque::new(),
            speaking: None,
            silent: false,
            failed,
        }
    }

    fn serve(mut self, orders: Receiver<Batch>) {
        loop {
            let busy = self.speaking.is_some() || !self.queue.is_empty();
            let order = if busy {
                orders.recv_timeout(POLL)
            } else {
                orders.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match order {
                Ok(batch) => self.take(batch),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            self.go_on();
        }
        self.stop();
    }

    fn take(&mut self, batch: Batch) {
        if batch.cancel {
            self.stop();
            self.queue.clear();
        }
        for utterance in batch.utterances {
            if utterance.kind != Kind::Question {
                // A message or a new focus: the focus still to be said is not said.
                self.queue.retain(|p| p.kind != Kind::Focus);
                if self
                    .speaking
                    .as_ref()
                    .is_some_and(|s| s.kind == Kind::Focus)
                {
                    self.stop();
                }
            }
            for said in utterance.parts {
                self.queue.push_back(Part {
                    kind: utterance.kind,
                    said,
                });
            }
        }
    }

    /// Notices the end of what was being said, and starts the next part.
    fn go_on(&mut self) {
        if let Some(speaking) = &mut self.speaking {
            match speaking.child.try_wait() {
                Ok(None) => return,
                Ok(Some(status)) if !status.success() => {
                    self.speaking = None;
                    self.give_up(&format!("the speech program failed ({status})"));
                }
                _ => self.speaking = None,
            }
        }
        if self.silent {
            self.queue.clear();
            return;
        }
        if let Some(part) = self.queue.pop_front() {
            self.start(part);
        }
    }

    fn start(&mut self, part: Part) {
        let lang = part.said.lang.as_deref().unwrap_or("fr");
        let mut args = self.command.iter().map(|a| a.replace("{lang}", lang));
        let Some(program) = args.next() else {
            return;
        };
        let spawned = Command::new(&program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own group: cutting it short kills whatever it started too.
            .process_group(0)
            .spawn();
        match spawned {
            Ok(mut child) => {
                // Written beside: a program that does not read holds this writer only.
                if let Some(mut stdin) = child.stdin.take() {
                    let text = part.said.text;
                    std::thread::spawn(move || {
                        let _ = stdin.write_all(text.as_bytes());
                    });
                }
                self.speaking = Some(Speaking {
                    kind: part.kind,
                    child,
                });
            }
            Err(e) => self.give_up(&format!("cannot run {program:?}: {e}")),
        }
    }

    /// Cuts short what is being said, the program and everything it started.
    fn stop(&mut self) {
        if let Some(mut speaking) = self.speaking.take() {
            if let Ok(None) = speaking.child.try_wait() {
                // SAFETY: kill() with a negative pid signals a process group; the group is
                // the child's own (`process_group(0)`), whose id is its pid.
                unsafe {
                    libc::kill(-(speaking.child.id() as i32), libc::SIGKILL);
                }
            }
            let _ = speaking.child.wait();
        }
    }

    fn give_up(&mut self, why: &str) {
        if !self.silent {
            tracing::error!("speech: {why}; the kiosk goes on without speaking");
        }
        self.silent = true;
        self.failed.store(true, Ordering::Relaxed);
    }
}

/// After a failure, speech-dispatcher is tried again at most this often.
const RETRY: Duration = Duration::from_secs(5);

/// The machine's speech-dispatcher.
struct Dispatcher {
    socket: Option<PathBuf>,
    client: Option<Client>,
    failed: Option<Instant>,
    state: Arc<AtomicBool>,
}

type Client = ssip_client_async::Client<std::os::unix::net::UnixStream>;

impl Dispatcher {
    fn new(socket: Option<PathBuf>, state: Arc<AtomicBool>) -> Dispatcher {
        Dispatcher {
            socket,
            client: None,
            failed: None,
            state,
        }
    }

    fn serve(mut self, orders: Receiver<Batch>) {
        while let Ok(batch) = orders.recv() {
            if self.failed.is_some_and(|at| at.elapsed() < RETRY) {
                continue;
            }
            if let Err(e) = self.say(batch) {
                if self.failed.is_none() {
                    tracing::error!("speech-dispatcher: {e}; the kiosk tries again later");
                }
                self.client = None;
                self.failed = Some(Instant::now());
            } else {
                self.failed = None;
            }
            self.state.store(self.failed.is_some(), Ordering::Relaxed);
        }
    }

    fn connect(&mut self) -> Result<&mut Client, String> {
        use ssip_client_async::{ClientName, fifo};
        if self.client.is_none() {
            let mut builder = fifo::synchronous::Builder::new();
            if let Some(socket) = &self.socket {
                builder.path(socket);
            }
            let mut client = builder
                .timeout(Duration::from_secs(2))
                .build()
                .map_err(|e| format!("cannot connect to its socket: {e}"))?;
            client
                .set_client_name(ClientName::new("borne", "kiosk"))
                .and_then(|c| c.check_client_name_set())
                .map_err(|e| format!("{e}"))?;
            self.client = Some(client);
        }
        Ok(self.client.as_mut().expect("connected"))
    }

    fn say(&mut self, batch: Batch) -> Result<(), String> {
        use ssip_client_async::{
            ClientScope, MessageScope, OK_CANCELED, OK_INSIDE_BLOCK, OK_LANGUAGE_SET,
            OK_OUTSIDE_BLOCK, OK_PRIORITY_SET, Priority,
        };
        let client = self.connect()?;
        let ssip = |e: ssip_client_async::ClientError| format!("{e}");
        if batch.cancel {
            client
                .cancel(MessageScope::Last)
                .and_then(|c| c.check_status(OK_CANCELED))
                .map_err(ssip)?;
        }
        for utterance in batch.utterances {
            let priority = match utterance.kind {
                Kind::Focus => Priority::Text,
                Kind::Message | Kind::Question => Priority::Message,
            };
            client
                .set_priority(priority)
                .and_then(|c| c.check_status(OK_PRIORITY_SET))
                .and_then(|c| c.block_begin())
                .and_then(|c| c.check_status(OK_INSIDE_BLOCK))
                .map_err(ssip)?;
            for part in utterance.parts {
                let lang = part.lang.as_deref().unwrap_or("fr");
                // A line holding a lone dot would end the text early.
                let lines: Vec<String> = part
                    .text
                    .lines()
                    .map(|l| l.trim_start_matches('.').to_string())
                    .filter(|l| !l.trim().is_empty())
                    .collect();
                if lines.is_empty() {
                    continue;
                }
                client
                    .set_language(ClientScope::Current, lang)
                    .and_then(|c| c.check_status(OK_LANGUAGE_SET))
                    .and_then(|c| c.speak())
                    .and_then(|c| c.check_receiving_data())
                    .and_then(|c| c.send_lines(&lines))
                    .and_then(|c| c.receive_message_id())
                    .map_err(ssip)?;
            }
            client
                .block_end()
                .and_then(|c| c.check_status(OK_OUTSIDE_BLOCK))
                .map_err(ssip)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::speech::Utterance;

    fn sh(script: &str) -> Voice {
        Voice::Command(vec!["sh".into(), "-c".into(), script.into()])
    }

    fn said(kind: Kind, text: &str) -> Utterance {
        Utterance {
            kind,
            parts: vec![Said::new(text)],
        }
    }

    fn only(text: &str) -> Batch {
        Batch::only(Kind::Question, vec![Said::new(text)])
    }

    fn alive(pid: &str) -> bool {
        Command::new("kill")
            .args(["-0", pid.trim()])
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success()
    }

    fn wait_for(what: &str, ok: impl Fn() -> bool) {
        let start = Instant::now();
        while !ok() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn the_language_goes_into_the_command_and_the_text_onto_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let script = format!("cat > {}/said-$1", dir.path().display());
        let speaker = Speaker::start(Voice::Command(vec![
            "sh".into(),
            "-c".into(),
            script,
            "sh".into(),
            "{lang}".into(),
        ]));
        speaker.say(
            Batch::only(
                Kind::Question,
                vec![Said::new("Bonjour"), Said::in_language("English", "en")],
            ),
            "fr-x-falc",
        );
        let en = dir.path().join("said-en");
        wait_for("the English part", || {
            std::fs::read_to_string(&en).is_ok_and(|t| !t.is_empty())
        });
        assert_eq!(std::fs::read_to_string(en).unwrap(), "English");
        let fr = dir.path().join("said-fr");
        assert_eq!(std::fs::read_to_string(fr).unwrap(), "Bonjour");
    }

    #[test]
    fn a_program_that_does_not_read_never_holds_the_kiosk() {
        let (done, said) = mpsc::channel();
        std::thread::spawn(move || {
            let speaker = Speaker::start(sh("sleep 30"));
            speaker.say(only(&"Bonjour. ".repeat(20_000)), "fr");
            speaker.say(only("Encore"), "fr");
            let _ = done.send(());
        });
        assert!(
            said.recv_timeout(Duration::from_secs(5)).is_ok(),
            "saying 180 kB to a program that does not read took more than 5 s"
        );
    }

    #[test]
    fn a_long_utterance_is_cut_before_it_reaches_the_program() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("said");
        let speaker = Speaker::start(sh(&format!(
            "cat > {}.part; mv {0}.part {0}",
            out.display()
        )));
        speaker.say(only(&"Une phrase. ".repeat(100_000)), "fr");
        wait_for("the program's end", || out.exists());
        let len = std::fs::metadata(&out).unwrap().len() as usize;
        assert!(len > 0 && len <= crate::app::speech::LONGEST, "{len} bytes");
    }

    #[test]
    fn a_program_that_forks_leaves_no_process_behind() {
        let dir = tempfile::tempdir().unwrap();
        let pid = dir.path().join("pid");
        let script = format!("sleep 30 & echo $! > {}; wait", pid.display());
        let speaker = Speaker::start(sh(&script));
        speaker.say(only("Bonjour"), "fr");
        wait_for("the program's start", || {
            std::fs::read_to_string(&pid).is_ok_and(|p| !p.trim().is_empty())
        });
        let child = std::fs::read_to_string(&pid).unwrap();
        assert!(alive(&child));
        // The next step cuts this one: the program and what it started go.
        std::fs::remove_file(&pid).unwrap();
        speaker.say(only("Encore"), "fr");
        wait_for("the next program's start", || pid.exists());
        let start = Instant::now();
        while alive(&child) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "the speech program's child {} outlived it",
                child.trim()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(speaker);
    }

    #[test]
    fn a_focus_cuts_only_a_focus_and_a_new_step_cancels_what_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        // Each text is written down as one line in one write (a text cut between its words
        // and its line's end ran into the next one), then "said" for 300 ms.
        let speaker = Speaker::start(sh(&format!(
            "t=$(cat); printf '%s\\n' \"$t\" >> {0}; sleep 0.3",
            log.display()
        )));
        let lines = || -> Vec<String> {
            std::fs::read_to_string(&log)
                .unwrap_or_default()
                .lines()
                .map(str::to_string)
                .collect()
        };
        speaker.say(
            Batch {
                cancel: true,
                utterances: vec![
                    said(Kind::Message, "Ce créneau vient d'être pris."),
                    said(Kind::Question, "Choisissez un jour"),
                    said(Kind::Focus, "1, mardi"),
                ],
            },
            "fr",
        );
        wait_for("the message", || lines().len() == 1);
        // Two moves while the message is said: the first focus is never said.
        for focus in ["2, mercredi", "3, jeudi"] {
            speaker.say(
                Batch {
                    cancel: false,
                    utterances: vec![said(Kind::Focus, focus)],
                },
                "fr",
            );
        }
        wait_for("the last focus", || lines().len() == 3);
        assert_eq!(
            lines(),
            [
                "Ce créneau vient d'être pris.",
                "Choisissez un jour",
                "3, jeudi"
            ]
        );
        // A new step while a focus is said: it is cut, the step is said.
        speaker.say(
            Batch {
                cancel: false,
                utterances: vec![said(Kind::Focus, "4, vendredi")],
            },
            "fr",
        );
        wait_for("the focus", || lines().len() == 4);
        speaker.say(only("Choisissez une heure"), "fr");
        wait_for("the new step", || lines().len() >= 5);
        std::thread::sleep(Duration::from_millis(400));
        assert_eq!(lines()[3..], ["4, vendredi", "Choisissez une heure"]);
    }

    #[test]
    fn a_program_that_fails_silences_the_kiosk() {
        let dir = tempfile::tempdir().unwrap();
        let count = dir.path().join("runs");
        let speaker = Speaker::start(sh(&format!(
            "echo run >> {}; cat > /dev/null; exit 3",
            count.display()
        )));
        speaker.say(only("Bonjour"), "fr");
        wait_for("the first run", || count.exists());
        std::thread::sleep(Duration::from_millis(200));
        speaker.say(only("Encore"), "fr");
        std::thread::sleep(Duration::from_millis(300));
        let runs = std::fs::read_to_string(&count).unwrap();
        assert_eq!(runs.lines().count(), 1, "silent after a failure");
    }
}

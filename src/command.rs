//! Running a help point's own programs (the reminder gateway, the ticket printer, the voice):
//! the text on standard input, a time limit, and never a deadlock on full pipes.
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Why a command failed. `summary` is safe for the logs; the full text adds what the
/// program wrote on stderr, which may quote personal data (a phone number, a name).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Failure {
    pub summary: String,
    pub stderr: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if self.stderr.is_empty() {
            write!(f, "{}", self.summary)
        } else {
            write!(f, "{}: {}", self.summary, self.stderr)
        }
    }
}

fn failure(summary: String) -> Failure {
    Failure {
        summary,
        stderr: String::new(),
    }
}

/// Runs `program args… extra` with `input` on its standard input; waits at most `limit`,
/// then kills it. The program runs in a process group of its own, ended with it: a child it
/// left behind (a helper, a spooler it forked) neither piles up over the year nor, holding
/// stderr open, keeps its answer waiting.
pub(crate) fn run(
    command: &[String],
    extra: Option<&str>,
    input: &str,
    limit: Duration,
) -> Result<(), Failure> {
    let (program, args) = command
        .split_first()
        .ok_or_else(|| failure("no command".into()))?;
    let mut child = Command::new(program)
        .args(args)
        .args(extra)
        .process_group(0)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failure(format!("cannot run {program}: {e}")))?;
    // Writing and reading happen beside the wait, so a program that fills its stderr before
    // reading its stdin cannot block us.
    let stdin = child.stdin.take().map(|mut pipe| {
        let input = input.to_string();
        std::thread::spawn(move || pipe.write_all(input.as_bytes()))
    });
    let stderr = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = pipe.by_ref().take(64 * 1024).read_to_end(&mut text);
            // Drain the rest so the program never blocks on a full pipe.
            let _ = std::io::copy(&mut pipe, &mut std::io::sink());
            String::from_utf8_lossy(&text).trim().to_string()
        })
    });
    let started = Instant::now();
    let finished = loop {
        match exited(&child) {
            Ok(true) => break true,
            Ok(false) if started.elapsed() >= limit => break false,
            // A process has no wake-up to wait on with a deadline: poll it.
            Ok(false) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                let _ = end_group(&mut child);
                return Err(failure(format!("{program}: {e}")));
            }
        }
    };
    // The program has exited (not reaped yet, so its group's id cannot be another's) or
    // overstayed: whatever it left running goes with it.
    let status = end_group(&mut child);
    if !finished {
        return Err(failure(format!(
            "{program} did not finish within {} s and was stopped",
            limit.as_secs()
        )));
    }
    let status = status.map_err(|e| failure(format!("{program}: {e}")))?;
    // A child that escaped the group (setsid) may still hold a pipe: not waited for.
    let written = stdin.and_then(joined_soon);
    let stderr = stderr.and_then(joined_soon).unwrap_or_default();
    if !status.success() {
        let first: String = stderr
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect();
        return Err(Failure {
            summary: format!("{program} failed ({status})"),
            stderr: first,
        });
    }
    match written {
        Some(Err(e)) => Err(failure(format!("cannot write to {program}: {e}"))),
        _ => Ok(()),
    }
}

/// Whether the program has exited, leaving it unreaped (`WNOWAIT`): its process id, which is
/// its group's, stays its own until `end_group` has killed the group.
fn exited(child: &std::process::Child) -> std::io::Result<bool> {
    // SAFETY: waitid writes only into `info`, which lives for the call.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    let found = unsafe {
        libc::waitid(
            libc::P_PID,
            child.id(),
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        )
    };
    if found == -1 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: the pid field is set (non-zero) only when a child was found.
    Ok(unsafe { info.si_pid() } != 0)
}

/// Kills the program's process group (the program, if it still runs, and every child it
/// left), then reaps the program.
fn end_group(child: &mut std::process::Child) -> std::io::Result<std::process::ExitStatus> {
    // SAFETY: a plain signal to the group this module made; the leader is not reaped yet.
    unsafe { libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL) };
    child.wait()
}

/// A pipe thread's result once the program is gone: its pipe is closed then, unless a
/// process outside the group holds it; not waited for more than a moment.
fn joined_soon<T>(thread: std::thread::JoinHandle<T>) -> Option<T> {
    let until = Instant::now() + Duration::from_millis(500);
    while !thread.is_finished() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(5));
    }
    if thread.is_finished() {
        thread.join().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Vec<String> {
        vec!["sh".into(), "-c".into(), script.into()]
    }

    #[test]
    fn the_text_goes_on_standard_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let script = format!("cat > {}", out.display());
        run(&sh(&script), None, "Bonjour", Duration::from_secs(5)).unwrap();
        assert_eq!(std::fs::read_to_string(out).unwrap(), "Bonjour");
    }

    #[test]
    fn a_hung_program_is_stopped() {
        let err = run(&sh("sleep 30"), None, "", Duration::from_millis(200)).unwrap_err();
        assert!(err.summary.contains("did not finish"), "{err}");
    }

    /// Whether the process `pid` is still alive (a zombie counts as gone) once a signal
    /// sent to it has had a moment to arrive (delivery is not instant).
    fn alive(pid: &str) -> bool {
        let running = || {
            std::fs::read_to_string(format!("/proc/{}/stat", pid.trim()))
                .is_ok_and(|stat| !stat.split(") ").nth(1).unwrap_or("").starts_with('Z'))
        };
        let until = Instant::now() + Duration::from_secs(5);
        while running() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        running()
    }

    /// `run` on another thread: the test fails, instead of hanging, when it never returns.
    fn run_within(script: String, limit: Duration) -> Result<(), Failure> {
        let (done, answer) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(run(&sh(&script), None, "", limit));
        });
        answer
            .recv_timeout(Duration::from_secs(20))
            .expect("run did not return: it waited on a child of the program")
    }

    #[test]
    fn a_child_left_behind_holding_stderr_does_not_hold_the_answer_and_is_stopped() {
        // A printer wrapper that starts a helper and exits: its answer is the exit, and the
        // helper, which keeps stderr open, is ended with it.
        let dir = tempfile::tempdir().unwrap();
        let pid = dir.path().join("pid");
        let script = format!("sleep 300 & echo $! > {}; exit 0", pid.display());
        run_within(script, Duration::from_secs(30)).unwrap();
        let pid = std::fs::read_to_string(pid).unwrap();
        assert!(!alive(&pid), "the helper {pid} still runs");
    }

    #[test]
    fn a_hung_program_is_stopped_with_its_children() {
        let dir = tempfile::tempdir().unwrap();
        let pid = dir.path().join("pid");
        let script = format!("sleep 300 & echo $! > {}; wait", pid.display());
        let err = run_within(script, Duration::from_millis(300)).unwrap_err();
        assert!(err.summary.contains("did not finish"), "{err}");
        let pid = std::fs::read_to_string(pid).unwrap();
        assert!(!alive(&pid), "the child {pid} still runs");
    }

    #[test]
    fn a_program_that_fills_stderr_before_reading_does_not_deadlock() {
        // 1 MiB on stderr, then read stdin: with sequential pipes this never ends.
        let script = "head -c 1048576 /dev/zero >&2; cat > /dev/null; exit 3";
        let big = "x".repeat(1 << 20);
        let err = run(&sh(script), None, &big, Duration::from_secs(10)).unwrap_err();
        assert!(err.summary.contains("failed"), "{err}");
    }
}

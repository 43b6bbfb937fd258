//! Running a help point's own programs (the reminder gateway, the ticket printer, the voice):
//! the text on standard input, a time limit, and never a deadlock on full pipes.
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Why a command failed. `summary` is safe for the logs; the full text adds what the
/// program wrote on stderr, which may quote personal data (a phone number, a name).
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
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
/// then kills it.
pub fn run(
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
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failure(format!(
                    "{program} did not finish within {} s and was stopped",
                    limit.as_secs()
                )));
            }
            // A process has no wake-up to wait on with a deadline: poll it.
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(failure(format!("{program}: {e}"))),
        }
    };
    let written = stdin.map(|t| t.join());
    let stderr = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
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
        Some(Ok(Err(e))) => Err(failure(format!("cannot write to {program}: {e}"))),
        _ => Ok(()),
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

    #[test]
    fn a_program_that_fills_stderr_before_reading_does_not_deadlock() {
        // 1 MiB on stderr, then read stdin: with sequential pipes this never ends.
        let script = "head -c 1048576 /dev/zero >&2; cat > /dev/null; exit 3";
        let big = "x".repeat(1 << 20);
        let err = run(&sh(script), None, &big, Duration::from_secs(10)).unwrap_err();
        assert!(err.summary.contains("failed"), "{err}");
    }
}

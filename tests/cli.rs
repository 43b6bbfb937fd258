//! The command line for staff and scripts: check-config, hash-pin, --help, --version, and
//! the kiosk refusing a bad configuration without a panic.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::pty;

fn borne() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_borne"));
    cmd.env_remove("BORNE_CONFIG").env_remove("BORNE_NOW");
    cmd
}

fn demo_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config")
}

#[test]
fn check_config_accepts_the_demo_with_a_summary_and_what_large_text_gives_here() {
    let out = borne()
        .args(["check-config", "--config"])
        .arg(demo_dir())
        .env("TERM", "vt220")
        .env_remove("XTERM_VERSION")
        .env_remove("KITTY_WINDOW_ID")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    // The demo has no ticket printer: said, with what the receipt does instead.
    assert!(
        lines[2].starts_with("ticket printer: none — the receipt asks the person to write"),
        "{stdout}"
    );
    assert!(
        lines[0].contains("Point numérique — Mairie de Gap (05000 Gap)"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("large text: this terminal (TERM=vt220) cannot change its font;"),
        "{stdout}"
    );
    let xterm = borne()
        .args(["check-config", "--config"])
        .arg(demo_dir())
        .env("TERM", "xterm")
        .env("XTERM_VERSION", "XTerm(379)")
        .output()
        .unwrap();
    let stdout = String::from_utf8(xterm.stdout).unwrap();
    assert!(stdout.contains("XTerm*allowFontOps"), "{stdout}");
}

#[test]
fn check_config_describes_a_receipt_printer() {
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(
        dir.path(),
        &[("[printer]", "[printer]\nescpos = \"tcp://192.168.1.50\"")],
    );
    let out = borne()
        .args(["check-config", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "ticket printer: ESC/POS receipt printer at tcp://192.168.1.50:9100 — the code in \
             double size, day, time, place, phone and the appointment's QR code"
        ),
        "{stdout}"
    );
}

#[test]
fn check_config_reads_borne_config_when_no_flag_is_given() {
    let out = borne()
        .arg("check-config")
        .env("BORNE_CONFIG", demo_dir())
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn check_config_reports_file_line_column_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(
        dir.path(),
        &[("theme = \"default\"", "theme = \"default\"\nfont = \"big\"")],
    );
    let out = borne()
        .args(["check-config", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = stderr.lines().next().unwrap();
    let expected_prefix = format!("{}:", config.join("kiosk.toml").display());
    assert!(line.starts_with(&expected_prefix), "{line}");
    assert!(line.contains(": unknown field `font`"), "{line}");
    let position: Vec<&str> = line[expected_prefix.len()..].splitn(3, ':').collect();
    assert!(
        position[0].parse::<u32>().unwrap() > 1 && position[1] == "1",
        "{line}"
    );
}

#[test]
fn the_kiosk_refuses_an_invalid_configuration_with_the_same_messages() {
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(
        dir.path(),
        &[("warning_seconds = 30", "warning_seconds = 3")],
    );
    let out = borne().arg("--config").arg(&config).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("kiosk.toml:"), "{stderr}");
    assert!(
        stderr.contains("session.warning_seconds must be between 20 and 600"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_kiosk_refuses_at_start_the_questionnaire_check_config_refuses() {
    let dir = tempfile::tempdir().unwrap();
    // A question no answer leads to: check-config refuses it, so must the kiosk.
    let config = pty::config_copy(dir.path(), &[]);
    let diagnostic = config.join("diagnostic.toml");
    let text = std::fs::read_to_string(&diagnostic).unwrap();
    std::fs::write(
        &diagnostic,
        format!(
            "{text}\n[[question]]\nid = \"jamais\"\ntext = \"diag-equipement\"\n\
             [[question.answer]]\nid = \"aucun\"\ntext = \"diag-dont-know\"\nnext = \"fin\"\n\
             [[question.answer]]\nid = \"ne-sait-pas\"\ntext = \"diag-dont-know\"\n\
             dont_know = true\nnext = \"fin\"\n"
        ),
    )
    .unwrap();
    let checked = borne()
        .args(["check-config", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let kiosk = borne()
        .arg("--config")
        .arg(&config)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(checked.status.code(), Some(2), "{}", said(&checked));
    assert!(said(&checked).contains("question \"jamais\" is never asked (unreachable)"));
    assert_eq!(kiosk.status.code(), Some(2), "{}", said(&kiosk));
    assert_eq!(said(&kiosk), said(&checked));
}

#[test]
fn a_missing_configuration_directory_is_named() {
    let out = borne()
        .args(["check-config", "--config", "/nonexistent/borne"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("/nonexistent/borne:1:1: configuration directory not found"),
        "{stderr}"
    );
}

#[test]
fn an_invalid_borne_now_is_refused_clearly() {
    let out = borne()
        .arg("--config")
        .arg(demo_dir())
        .env("BORNE_NOW", "lundi")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("BORNE_NOW=lundi"), "{stderr}");
}

#[test]
fn hash_pin_prints_an_argon2id_hash_that_the_config_accepts() {
    let mut child = borne()
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"975310\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let hash = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(borne::domain::pin::verify_pin("975310", &hash));
    assert!(!borne::domain::pin::verify_pin("2468", &hash));
}

#[test]
fn hash_pin_refuses_a_too_short_pin() {
    let mut child = borne()
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"12\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("at least 4")
    );
}

#[test]
fn help_and_version_behave_as_usual() {
    let out = borne().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for word in ["check-config", "hash-pin", "--config", "--db"] {
        assert!(help.contains(word), "{help}");
    }
    let out = borne().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("borne {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn diagnostic_explain_prints_the_outcome_in_text_and_json() {
    let answers = "equipement=aucun,motif=demarche,demarche=caf,urgence=non,souhait=a-ma-place";
    let out = borne()
        .args(["diagnostic", "explain", "--config"])
        .arg(demo_dir())
        .args(["--answers", answers])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("profile: éloigné du numérique"), "{text}");
    assert!(
        text.contains("needs: Aide aux démarches administratives | Prendre en main du matériel"),
        "{text}"
    );
    assert!(text.contains("administrative: Social - Santé"), "{text}");
    assert!(text.contains("aidants connect: Social - Santé"), "{text}");

    let out = borne()
        .args(["diagnostic", "explain", "--json", "--config"])
        .arg(demo_dir())
        .args(["--answers", answers])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["outcome"]["modality"], "Accompagnement individuel");
    assert_eq!(json["outcome"]["help"], "aidants-connect");
    assert_eq!(json["answers"].as_array().unwrap().len(), 5);
}

#[test]
fn diagnostic_explain_says_when_answers_stop_early_or_are_wrong() {
    let out = borne()
        .args(["diagnostic", "explain", "--config"])
        .arg(demo_dir())
        .args(["--answers", "equipement=smartphone"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("incomplete: the next question would be \"internet\""),
        "{stderr}"
    );

    let out = borne()
        .args(["diagnostic", "explain", "--config"])
        .arg(demo_dir())
        .args(["--answers", "equipement=tablette"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("question \"equipement\" has no answer \"tablette\""),
        "{stderr}"
    );
}

#[test]
fn diagnostic_paths_lists_every_path_and_the_longest() {
    let out = borne()
        .args(["diagnostic", "paths", "--config"])
        .arg(demo_dir())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let last = text.lines().last().unwrap();
    let count: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert_eq!(text.lines().count(), count + 1);
    assert!(last.ends_with("the longest asks 7 questions"), "{last}");
    assert!(text.contains("equipement=les-deux → internet=oui → motif=email → email=facile → souhait=apprendre ⇒ autonome ; E-mail ; En autonomie"), "paths show outcomes");
}

#[test]
fn check_config_locates_a_broken_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(dir.path(), &[]);
    let path = config.join("diagnostic.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("next = \"internet\"", "next = \"interne\"", 1),
    )
    .unwrap();
    let out = borne()
        .args(["check-config", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("diagnostic.toml:"), "{stderr}");
    assert!(
        stderr.contains(": no question has the id \"interne\""),
        "{stderr}"
    );
}

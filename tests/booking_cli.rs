//! `borne booking create|list|cancel` and `borne outbox send`, as staff and scripts use them.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::pty;

fn borne(dir: &Path, config: &Path, now: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_borne"));
    cmd.env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", now)
        .arg("--config")
        .arg(config)
        .arg("--db")
        .arg(dir.join("borne.db"));
    cmd
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

/// A gateway that appends "recipient|message" to a file, or fails when told to.
fn gateway(dir: &Path, fail: bool) -> PathBuf {
    let script = dir.join(if fail { "fail.sh" } else { "send.sh" });
    let log = dir.join("sent.log");
    let body = if fail {
        "#!/bin/sh\necho 'réseau indisponible' >&2\nexit 3\n".to_string()
    } else {
        format!(
            "#!/bin/sh\nprintf '%s|%s\\n' \"$1\" \"$(cat)\" >> {}\n",
            log.display()
        )
    };
    std::fs::write(&script, body).unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    script
}

fn config_with_gateway(dir: &Path, script: &Path) -> PathBuf {
    let line = format!("[reminders]\ncommand = [\"{}\"]", script.display());
    let config = pty::config_copy(dir, &[]);
    let toml = config.join("kiosk.toml");
    let text = std::fs::read_to_string(&toml)
        .unwrap()
        .replace("[reminders]", &line);
    std::fs::write(&toml, text).unwrap();
    config
}

#[test]
fn create_list_and_cancel_with_the_kiosk_rules() {
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(dir.path(), &[]);
    let now = "2026-03-02T10:15";
    let out = borne(dir.path(), &config, now)
        .args([
            "booking",
            "create",
            "--motif",
            "demarche",
            "--at",
            "2026-03-03T09:00",
        ])
        .args([
            "--first-name",
            "Marie",
            "--phone",
            "06 12 34 56 78",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let created: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let code = created["code"].as_str().unwrap().to_string();
    assert_eq!(created["status"], "à venir");
    assert_eq!(created["what"]["Booking"]["counsellor"], "camille");
    assert_eq!(created["booked_by"], "cli");

    // The same slot again, a time that is not on the grid, an unknown motif.
    for (at, motif, expect) in [
        ("2026-03-03T09:00", "demarche", "is not a free slot"),
        ("2026-03-03T09:10", "demarche", "is not a free slot"),
        ("2026-03-03T10:30", "pizza", "no motif \"pizza\""),
    ] {
        let out = borne(dir.path(), &config, now)
            .args([
                "booking",
                "create",
                "--motif",
                motif,
                "--at",
                at,
                "--first-name",
                "Paul",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out).contains(expect), "{}", text(&out));
    }
    let out = borne(dir.path(), &config, now)
        .args([
            "booking",
            "create",
            "--motif",
            "appel",
            "--at",
            "2026-03-03T14:00",
        ])
        .args(["--first-name", "Paul", "--phone", "0612"])
        .output()
        .unwrap();
    assert!(
        text(&out).contains("is not a phone number"),
        "{}",
        text(&out)
    );

    let out = borne(dir.path(), &config, now)
        .args(["booking", "list"])
        .output()
        .unwrap();
    let listing = text(&out);
    assert!(
        listing.contains(&format!("2026-03-03 09:00  {code}  à venir")),
        "{listing}"
    );
    assert!(
        listing.contains("1 rendez-vous du 2026-03-02 au 2026-03-30"),
        "{listing}"
    );

    let out = borne(dir.path(), &config, now)
        .args([
            "booking",
            "cancel",
            &code,
            "--by-service",
            "--reason",
            "conseillère malade",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("annulé par le service"));
    // Once more: a sentence, not the refusal's name (#27).
    let out = borne(dir.path(), &config, now)
        .args(["booking", "cancel", &code])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("this appointment was already cancelled."),
        "{}",
        text(&out)
    );
    assert!(!text(&out).contains("AlreadyCancelled"), "{}", text(&out));
    let out = borne(dir.path(), &config, now)
        .args(["booking", "list", "--json"])
        .output()
        .unwrap();
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all[0]["status"], "annulé par le service");
    // The slot is free again.
    let out = borne(dir.path(), &config, now)
        .args([
            "booking",
            "create",
            "--motif",
            "demarche",
            "--at",
            "2026-03-03T09:00",
            "--first-name",
            "Paul",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn reminders_go_once_through_the_gateway_and_failures_are_retried() {
    let dir = tempfile::tempdir().unwrap();
    let good = gateway(dir.path(), false);
    let config = config_with_gateway(dir.path(), &good);
    let out = borne(dir.path(), &config, "2026-03-02T10:15")
        .args([
            "booking",
            "create",
            "--motif",
            "demarche",
            "--at",
            "2026-03-09T09:00",
        ])
        .args([
            "--first-name",
            "Marie",
            "--phone",
            "0612345678",
            "--reminder",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    // Not due yet (48 h before is 7 March 09:00).
    let out = borne(dir.path(), &config, "2026-03-06T09:00")
        .args(["outbox", "send"])
        .output()
        .unwrap();
    assert!(text(&out).contains("0 sent, 0 failed"), "{}", text(&out));
    let out = borne(dir.path(), &config, "2026-03-07T09:05")
        .args(["outbox", "send"])
        .output()
        .unwrap();
    assert!(text(&out).contains("1 sent, 0 failed"), "{}", text(&out));
    let out = borne(dir.path(), &config, "2026-03-07T10:00")
        .args(["outbox", "send"])
        .output()
        .unwrap();
    assert!(text(&out).contains("0 sent"), "never twice: {}", text(&out));
    let log = std::fs::read_to_string(dir.path().join("sent.log")).unwrap();
    assert_eq!(log.lines().count(), 1);
    assert!(
        // The gateway receives E.164.
        log.starts_with("+33612345678|Rappel : Lundi 9 mars à 9 h 00"),
        "{log}"
    );
    assert!(!log.contains("%CODE%"), "{log}");

    // A failing gateway: recorded, retried, then given up after 3 attempts.
    let bad = gateway(dir.path(), true);
    let failing = dir.path().join("failing");
    std::fs::create_dir(&failing).unwrap();
    let config = config_with_gateway(&failing, &bad);
    let out = borne(dir.path(), &config, "2026-03-02T10:15")
        .args([
            "booking",
            "create",
            "--motif",
            "demarche",
            "--at",
            "2026-03-10T09:00",
        ])
        .args(["--first-name", "Ali", "--phone", "0698765432", "--reminder"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let reports: Vec<String> = (0..4)
        .map(|_| {
            let out = borne(dir.path(), &config, "2026-03-08T10:00")
                .args(["outbox", "send"])
                .output()
                .unwrap();
            text(&out).lines().next().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(
        reports,
        [
            "0 sent, 1 failed, 0 retried",
            "0 sent, 1 failed, 1 retried",
            "0 sent, 1 failed, 1 retried",
            "0 sent, 0 failed, 0 retried"
        ]
    );
    let out = borne(dir.path(), &config, "2026-03-08T10:00")
        .args(["outbox", "status"])
        .output()
        .unwrap();
    assert!(
        text(&out).contains("envoyé: 1") && text(&out).contains("échec: 1"),
        "{}",
        text(&out)
    );
}

#[test]
fn without_a_gateway_nothing_is_sent_and_it_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(dir.path(), &[]);
    let out = borne(dir.path(), &config, "2026-03-02T10:15")
        .args(["outbox", "send"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(text(&out).contains("no reminder gateway"), "{}", text(&out));
}

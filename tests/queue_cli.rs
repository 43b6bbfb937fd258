//! `borne queue list|take|call|done|stats`, as a desk without a kiosk and scripts use them.
use std::path::Path;
use std::process::Command;

fn borne(dir: &Path, now: &str, args: &[&str]) -> (bool, String) {
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let out = Command::new(env!("CARGO_BIN_EXE_borne"))
        .env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", now)
        .arg("--config")
        .arg(&config)
        .arg("--db")
        .arg(dir.join("borne.db"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn a_morning_at_the_desk_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (ok, said) = borne(
        d,
        "2026-03-02T09:00",
        &[
            "queue",
            "take",
            "--motif",
            "demarche",
            "--first-name",
            "Ali",
        ],
    );
    assert!(ok, "{said}");
    assert_eq!(said.trim(), "A-001: 0 before, wait 0 to 45 min");
    borne(
        d,
        "2026-03-02T09:05",
        &["queue", "take", "--motif", "telephone", "--locale", "uk"],
    );
    let (ok, said) = borne(d, "2026-03-02T09:10", &["queue", "list"]);
    assert!(ok, "{said}");
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[0].starts_with("  1  A-001  09:00  en attente   10 min"),
        "{said}"
    );
    assert!(lines[0].contains("Ali  fr"), "{said}");
    assert!(lines[1].starts_with("  2  A-002  09:05"), "{said}");
    assert!(lines[1].contains("-  uk"), "{said}");
    assert_eq!(lines[2], "2 waiting, 0 called, 2 tickets today");

    let (ok, said) = borne(
        d,
        "2026-03-02T09:10",
        &["queue", "call", "--counsellor", "camille"],
    );
    assert!(ok, "{said}");
    assert_eq!(said.trim(), "A-001 → Bureau 1");
    let (ok, said) = borne(
        d,
        "2026-03-02T09:11",
        &[
            "queue",
            "call",
            "--ticket",
            "A-001",
            "--counsellor",
            "karim",
        ],
    );
    assert!(!ok);
    assert!(
        said.contains("another counsellor called this ticket"),
        "{said}"
    );
    let (ok, said) = borne(
        d,
        "2026-03-02T09:12",
        &[
            "queue",
            "done",
            "--ticket",
            "a1",
            "--counsellor",
            "camille",
            "--outcome",
            "served",
        ],
    );
    assert!(ok, "{said}");
    assert_eq!(said.trim(), "A-001 pris en charge");
    let (ok, said) = borne(
        d,
        "2026-03-02T09:40",
        &[
            "queue",
            "call",
            "--ticket",
            "A-002",
            "--counsellor",
            "karim",
            "--json",
        ],
    );
    assert!(ok, "{said}");
    let v: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert_eq!(
        (v["ticket"].as_str(), v["desk"].as_str()),
        (Some("A-002"), Some("Bureau 2"))
    );

    // Bad input is said, exit 2.
    let (ok, said) = borne(
        d,
        "2026-03-02T09:40",
        &["queue", "call", "--ticket", "B-7", "--counsellor", "karim"],
    );
    assert!(
        !ok && said.contains("is not a ticket (write A-012)"),
        "{said}"
    );
    let (ok, said) = borne(d, "2026-03-02T09:40", &["queue", "take", "--motif", "nope"]);
    assert!(!ok && said.contains("no motif \"nope\""), "{said}");

    let (ok, said) = borne(d, "2026-03-02T18:00", &["queue", "stats", "--json"]);
    assert!(ok, "{said}");
    let days: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert_eq!(days[0]["day"], "2026-03-02");
    assert_eq!(days[0]["helped_without_appointment"], 1);
    assert_eq!(
        (
            days[0]["wait_median"].as_i64(),
            days[0]["wait_p90"].as_i64()
        ),
        (Some(10), Some(35))
    );
    // `borne stats` carries the same days.
    let (ok, said) = borne(
        d,
        "2026-03-02T18:00",
        &[
            "stats",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--json",
        ],
    );
    assert!(ok, "{said}");
    let stats: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert_eq!(stats["queue"], days);
}

//! Broken configurations, each refused with the exact place and words a help point's
//! technician needs: `file:line:column: what is wrong`. Never a panic, an abort, or a kiosk
//! that starts broken.
use std::path::Path;

enum Edit {
    /// Replace the first occurrence of a text in the file.
    Replace(&'static str, &'static str),
    /// Add text at the end of the file.
    Append(&'static str),
    /// Write the file whole (a translation override, a broken encoding).
    Write(&'static [u8]),
}

use Edit::*;

struct Case {
    file: &'static str,
    edit: Edit,
    /// The problem as `check-config` prints it, the directory left out.
    expected: &'static str,
}

const fn case(file: &'static str, edit: Edit, expected: &'static str) -> Case {
    Case {
        file,
        edit,
        expected,
    }
}

const K: &str = "kiosk.toml";
const A: &str = "agenda.toml";
const D: &str = "diagnostic.toml";
const FR: &str = "locales/fr/aide.ftl";
const EN: &str = "locales/en/aide.ftl";

include!("config_corpus/cases.rs");

/// The demo's configuration files (not its data) in a new directory, with one edit.
fn broken(case: &Case) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    for file in [K, A, D] {
        std::fs::copy(demo.join(file), dir.path().join(file)).unwrap();
    }
    let path = dir.path().join(case.file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    match case.edit {
        Replace(from, to) => {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{:?} is not in {}", from, case.file);
            std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        }
        Append(more) => {
            let mut text = std::fs::read_to_string(&path).unwrap_or_default();
            text.push_str(more);
            std::fs::write(&path, text).unwrap();
        }
        Write(bytes) => std::fs::write(&path, bytes).unwrap(),
    }
    dir
}

#[test]
fn every_broken_configuration_is_refused_where_it_is_broken() {
    assert!(CASES.len() >= 100, "{} cases", CASES.len());
    let mut wrong = Vec::new();
    for (n, case) in CASES.iter().enumerate() {
        let dir = broken(case);
        let prefix = format!("{}/", dir.path().display());
        let said: Vec<String> = match borne::kiosk::load(dir.path()) {
            Ok(_) => vec!["(accepted)".into()],
            Err(problems) => problems
                .iter()
                .map(|p| p.to_string().replacen(&prefix, "", 1))
                .collect(),
        };
        if !said.iter().any(|s| s == case.expected) {
            wrong.push(format!(
                "case {n} ({}): expected\n    {}\n  got\n    {}",
                case.file,
                case.expected,
                said.join("\n    ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn check_config_prints_no_control_character() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    // As bytes, as TOML escapes (refused), as Fluent escapes (refused), and in a file's name.
    let variants: [(&str, &str, &str); 4] = [
        (K, "Mairie de Gap\"", "Mairie\x1b]0;pwned\x07\x1b[2J\""),
        (
            K,
            "Mairie de Gap\"",
            "Mairie\\u001b]0;pwned\\u0007\\e[2J\\u202e\"",
        ),
        (
            "locales/fr/aide.ftl",
            "",
            "welcome-title = { \"\\u001b]0;pwned\\u0007\" }\n",
        ),
        (
            "locales/fr/\x1b]0;pwned\x07.ftl",
            "",
            "welcome-title = { \"a\" \n",
        ),
    ];
    for (file, from, to) in variants {
        let dir = tempfile::tempdir().unwrap();
        for file in [K, A, D] {
            std::fs::copy(demo.join(file), dir.path().join(file)).unwrap();
        }
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if from.is_empty() {
            std::fs::write(&path, to).unwrap();
        } else {
            std::fs::write(&path, text.replace(from, to)).unwrap();
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_borne"))
            .args(["check-config", "--config"])
            .arg(dir.path())
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        let said = String::from_utf8_lossy(&all);
        assert_eq!(out.status.code(), Some(2), "{file}: {said}");
        assert!(
            !said
                .chars()
                .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{file}: {said:?}"
        );
    }
}

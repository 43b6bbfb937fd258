//! The integration tests are folded into a few binaries (`autotests = false` in Cargo.toml):
//! a new file under tests/ runs only if one of them names it. This finds any that would not.
use std::path::Path;

/// The files under `tests/` that no test binary of `cargo_toml` names as a module, and the
/// ones named twice.
fn not_run_once(tests: &Path, cargo_toml: &str) -> Vec<String> {
    let roots: Vec<String> = cargo_toml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("path = \"tests/"))
        .filter_map(|l| l.strip_suffix(".rs\""))
        .map(str::to_string)
        .collect();
    let mut named: Vec<String> = Vec::new();
    for root in &roots {
        let source = std::fs::read_to_string(tests.join(format!("{root}.rs")))
            .unwrap_or_else(|e| panic!("tests/{root}.rs, named in Cargo.toml: {e}"));
        named.extend(
            source
                .lines()
                .filter_map(|l| l.trim().strip_prefix("mod "))
                .filter_map(|l| l.strip_suffix(';'))
                .map(str::to_string),
        );
    }
    let mut found = Vec::new();
    let mut files: Vec<String> = std::fs::read_dir(tests)
        .expect("tests/")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".rs")
                .map(str::to_string)
        })
        .filter(|f| !roots.contains(f))
        .collect();
    files.sort();
    for file in files {
        match named.iter().filter(|n| **n == file).count() {
            0 => found.push(format!("tests/{file}.rs is in no test binary")),
            1 => {}
            n => found.push(format!("tests/{file}.rs is in {n} test binaries")),
        }
    }
    found
}

#[test]
fn every_file_under_tests_is_in_exactly_one_test_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo_toml = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let found = not_run_once(&root.join("tests"), &cargo_toml);
    assert!(
        found.is_empty(),
        "add `mod FILE;` to one of the test binaries (Cargo.toml's [[test]]):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_file_no_binary_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("suite.rs"), "mod pty;\nmod booking;\n").unwrap();
    std::fs::write(dir.path().join("booking.rs"), "").unwrap();
    std::fs::write(dir.path().join("forgotten.rs"), "").unwrap();
    let toml = "[[test]]\nname = \"suite\"\npath = \"tests/suite.rs\"\n";
    assert_eq!(
        not_run_once(dir.path(), toml),
        ["tests/forgotten.rs is in no test binary"]
    );
}

//! Every message id the code names as a literal — a key and what it does in the key bar
//! (`hint("key-enter", "does-choose")`), a text (`tr.text("offline-title")`,
//! `text_with("offline-call", …)`) — is a message French has: a missing one would show as
//! "[does-move-line]" on a kiosk.
use std::collections::BTreeSet;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals right after each of `calls` ("hint(", ".text(", …) in the source,
/// and the second argument of `hint(`.
fn named_ids(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["hint(\"", ".text(\"", ".text_with(\""] {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            let Some(end) = rest.find('"') else { break };
            ids.push(rest[..end].to_string());
            if call == "hint(\"" {
                // hint("key-…", "does-…")
                if let Some(after) = rest[end + 1..].strip_prefix(", \"")
                    && let Some(close) = after.find('"')
                {
                    ids.push(after[..close].to_string());
                }
            }
        }
    }
    ids.retain(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    ids
}

fn french_ids(root: &Path) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(root.join("locales/fr")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.starts_with([' ', '#', '-'])
            {
                ids.insert(id.trim().to_string());
            }
        }
    }
    ids
}

#[test]
fn every_message_id_the_code_names_is_a_french_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let french = french_ids(root);
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut missing = Vec::new();
    // The i18n tests name a missing id on purpose.
    files.retain(|f| !f.ends_with("i18n/tests.rs"));
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for id in named_ids(&source) {
            if !french.contains(&id) {
                missing.push(format!(
                    "{}: {id}",
                    file.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "no such message:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_ids_named_are_found_in_a_call() {
    let source = r#"vec![hint("key-arrows", "does-move-line")]; view.tr.text("offline-title");"#;
    assert_eq!(
        named_ids(source),
        vec!["key-arrows", "does-move-line", "offline-title"]
    );
}

//! The layering of `src/` (ARCHITECTURE.md), checked: a module names only modules of the
//! layers below its own, and, in its own layer, only those said here. Tests are aside (they
//! may build the whole kiosk). A new top-level module must be placed in a layer.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Bottom to top. Each entry: a layer's modules.
const LAYERS: &[&[&str]] = &[
    // Foundations.
    &[
        "problem",
        "database_url",
        "text_file",
        "command",
        "log",
        "i18n",
        "calendar",
        "clock",
        "vocabulary",
        "psf",
    ],
    // The data the kiosk keeps.
    &["domain"],
    // The store's interface and backend; kiosk.toml.
    &["store", "config"],
    // The framework: widgets, then the state machine and its screens' interface.
    &["ui"],
    &["app"],
    // The capabilities.
    &[
        "staff",
        "places",
        "booking",
        "diagnostic",
        "counsellor",
        "queue",
    ],
    // The composition root and the edges.
    &["kiosk", "shell", "cli"],
];

/// Imports allowed inside a layer, one way only.
const SAME_LAYER: &[(&str, &str)] = &[
    ("text_file", "problem"),
    ("i18n", "problem"),
    ("i18n", "text_file"),
    ("calendar", "i18n"),
    ("clock", "calendar"),
    // The diagnostic's result leads to a booking, a workshop, or the lieux near by.
    ("diagnostic", "booking"),
    ("diagnostic", "places"),
    // The counsellor books on a citizen's behalf and reads the agenda and its rules.
    ("counsellor", "booking"),
    ("counsellor", "queue"),
    ("queue", "booking"),
    ("diagnostic", "queue"),
    ("shell", "kiosk"),
    ("cli", "kiosk"),
    ("cli", "shell"),
];

/// Files that only declare or test: `lib.rs`, `main.rs`, test modules and helpers.
fn is_aside(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    matches!(name, "lib.rs" | "main.rs" | "tests.rs" | "testing.rs")
        || name.ends_with("_tests.rs")
        || path.components().any(|c| c.as_os_str() == "tests")
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Whether `from` may name `to`.
fn allowed(from: &str, to: &str) -> bool {
    if from == to {
        return true;
    }
    match (layer_of(from), layer_of(to)) {
        (Some(a), Some(b)) if b < a => true,
        (Some(a), Some(b)) if a == b => SAME_LAYER.contains(&(from, to)),
        _ => false,
    }
}

/// The top-level modules a source text names through `crate::`, test modules aside.
fn named_modules(source: &str) -> BTreeSet<String> {
    // A file's own tests come last, after `#[cfg(test)]` at the start of a line.
    let code = match source.find("\n#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut named = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c}`: every first segment.
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let first: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !first.is_empty() {
                    named.insert(first);
                }
            }
        } else {
            let first: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            named.insert(first);
        }
    }
    named
}

fn top_module(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src/");
    let first = relative.components().next().expect("a file");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every import that breaks the layering, as "file: from → to".
fn breaches(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files
        .iter()
        .filter(|f| !is_aside(f.strip_prefix(src).unwrap()))
    {
        let from = top_module(src, file);
        if layer_of(&from).is_none() {
            found.push(format!("{}: module {from} is in no layer", file.display()));
            continue;
        }
        let source = std::fs::read_to_string(file).expect("readable source");
        for to in named_modules(&source) {
            if !allowed(&from, &to) {
                found.push(format!("{}: {from} → {to}", file.display()));
            }
        }
    }
    found
}

#[test]
fn no_module_names_one_above_it_or_beside_it_unless_said() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = breaches(&src);
    assert!(
        found.is_empty(),
        "imports against the layering (tests/layers.rs, ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_upwards_a_grouped_one_and_a_new_module() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("app")).unwrap();
    std::fs::create_dir_all(src.join("booking")).unwrap();
    std::fs::write(
        src.join("app/mod.rs"),
        "use crate::ui::View;\nuse crate::{store, kiosk::app};\n",
    )
    .unwrap();
    std::fs::write(
        src.join("booking/rules.rs"),
        "use crate::places::x;\n\n#[cfg(test)]\nmod tests { use crate::kiosk::y; }\n",
    )
    .unwrap();
    std::fs::write(src.join("booking/tests.rs"), "use crate::kiosk::z;\n").unwrap();
    std::fs::write(src.join("gadget.rs"), "use crate::ui::View;\n").unwrap();
    let found = breaches(src);
    let said: Vec<String> = found
        .iter()
        .map(|l| l.rsplit(": ").next().unwrap().to_string())
        .collect();
    assert_eq!(
        said,
        [
            "app → kiosk",
            "booking → places",
            "module gadget is in no layer"
        ]
    );
}

//! The layering of `src/` (ARCHITECTURE.md), checked: a module names only modules of the
//! layers below its own, and, in its own layer, only those said here. Tests are aside (they
//! may build the whole kiosk). A new top-level module must be placed in a layer.
//!
//! Inside `store/`, the same for its parts: the interface names neither backend, neither
//! backend names the other, and only `stores.rs` (a help point's stores together) names
//! both; the database crates appear only in their backend's folder. (`tests/` and `benches/`
//! are not read: they drive the databases directly to set them up and to attack them.)
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

/// The parts of `store/`, bottom to top: a part may name only the parts below it, and not the
/// one beside it. `mod.rs` declares them all and is aside.
const STORE_PARTS: &[&[&str]] = &[&["interface"], &["sqlite", "postgres"], &["stores"]];

/// Each database crate, and the folder of `src/` that alone may name it.
const DATABASE_CRATES: &[(&str, &str)] = &[
    ("rusqlite", "store/sqlite"),
    ("postgres", "store/postgres"),
    ("tokio_postgres", "store/postgres"),
    ("postgres_types", "store/postgres"),
    ("tokio_postgres_rustls", "store/postgres"),
];

/// Each backend's store type: named only by its backend and by what is above `store/`.
const BACKEND_TYPES: &[(&str, &str)] = &[("SqliteStore", "sqlite"), ("PgStore", "postgres")];

/// Which part of `store/` a file is, from its path under `src/store/`.
fn store_part_of(relative: &Path) -> &'static str {
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    match parts.next().as_deref() {
        Some("sqlite") => "sqlite",
        Some("postgres") => "postgres",
        Some("stores.rs") => "stores",
        _ => "interface",
    }
}

fn store_part_rank(part: &str) -> usize {
    STORE_PARTS
        .iter()
        .position(|level| level.contains(&part))
        .expect("a part of store/")
}

/// The store's module a name refers to: `sqlite`, `postgres` or `stores` when it names one,
/// else the interface (an item of `store/` or one of its interface modules).
fn store_part_named(segment: &str) -> &'static str {
    match segment {
        "sqlite" => "sqlite",
        "postgres" => "postgres",
        "stores" => "stores",
        _ => "interface",
    }
}

/// The module path of a file under `src/store/`: `sqlite/bookings/mod.rs` is
/// `["sqlite", "bookings"]`, `sqlite/outbox.rs` `["sqlite", "outbox"]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut path: Vec<String> = relative
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    if path.last().is_some_and(|last| last == "mod") {
        path.pop();
    }
    path
}

/// The first segment under `store/` of every path a source names from inside `store/`:
/// `crate::store::x`, or `super::x` / `super::super::x` resolved from the file's module.
fn store_segments_named(code: &str, module: &[String]) -> BTreeSet<String> {
    let word = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut named = BTreeSet::new();
    let mut note = |rest: &str, base: &[String]| {
        // A grouped import names each of its first segments.
        let firsts: Vec<String> = match rest.strip_prefix('{') {
            Some(group) => {
                let end = group.find('}').unwrap_or(group.len());
                group[..end].split(',').map(|p| word(p.trim())).collect()
            }
            None => vec![word(rest)],
        };
        for first in firsts.into_iter().filter(|f| !f.is_empty()) {
            let segment = base.first().cloned().unwrap_or(first);
            named.insert(segment);
        }
    };
    let mut rest = code;
    while let Some(at) = rest.find("crate::store::") {
        rest = &rest[at + "crate::store::".len()..];
        note(rest, &[]);
    }
    let mut at = 0;
    while let Some(found) = code[at..].find("super::") {
        let start = at + found;
        at = start + "super::".len();
        // Only the first `super::` of a chain, and not the end of a longer word.
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut ups = 1;
        let mut tail = &code[at..];
        while let Some(more) = tail.strip_prefix("super::") {
            ups += 1;
            tail = more;
        }
        let Some(kept) = module.len().checked_sub(ups) else {
            continue;
        };
        note(tail, &module[..kept]);
    }
    named
}

/// Every import inside `store/` that breaks its parts' order, and every database crate or
/// backend type named outside its place, as "file: what".
fn store_breaches(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(src).unwrap();
        let source = std::fs::read_to_string(file).expect("readable source");
        for (krate, home) in DATABASE_CRATES {
            if !relative.starts_with(home) && names_crate(&source, krate) {
                found.push(format!(
                    "{}: the crate {krate} outside {home}/",
                    file.display()
                ));
            }
        }
        let Ok(in_store) = relative.strip_prefix("store") else {
            continue;
        };
        if is_aside(relative) || in_store == Path::new("mod.rs") {
            continue;
        }
        let code = match source.find("\n#[cfg(test)]") {
            Some(at) => &source[..at],
            None => &source[..],
        };
        let from = store_part_of(in_store);
        for segment in store_segments_named(code, &module_path(in_store)) {
            let to = store_part_named(&segment);
            if to != from && store_part_rank(to) >= store_part_rank(from) {
                found.push(format!("{}: store {from} → {to}", file.display()));
            }
        }
        for (name, backend) in BACKEND_TYPES {
            if from != *backend && from != "stores" && names_word(code, name) {
                found.push(format!("{}: store {from} → {name}", file.display()));
            }
        }
    }
    found
}

/// Whether `word` appears in `text` as a whole word.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let part_of_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part_of_word(before) && !part_of_word(after)
    })
}

/// Whether a source names the crate `krate` (`use krate::…`, `krate::Type`): the name at
/// the start of a path, not a module of ours reached through `store::krate`.
fn names_crate(source: &str, krate: &str) -> bool {
    let path = format!("{krate}::");
    source.match_indices(&path).any(|(at, _)| {
        let before = source[..at].chars().next_back();
        !before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_')
    })
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

#[test]
fn the_store_s_interface_and_backends_keep_to_their_parts() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = store_breaches(&src);
    assert!(
        found.is_empty(),
        "imports against the store's parts (tests/layers.rs, ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_store_check_sees_a_backend_naming_the_other_the_interface_naming_one_and_a_crate() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    for folder in ["store/sqlite/bookings", "store/postgres", "booking"] {
        std::fs::create_dir_all(src.join(folder)).unwrap();
    }
    let files = [
        // Allowed: a backend names the interface, `stores.rs` names both.
        (
            "store/sqlite/mod.rs",
            "use super::Journal;\nuse crate::store::appointments::X;\n",
        ),
        (
            "store/stores.rs",
            "use super::sqlite::SqliteStore;\nuse super::postgres::PgStore;\n",
        ),
        ("store/postgres/mod.rs", "use postgres::Client;\n"),
        // Not allowed.
        (
            "store/sqlite/bookings/mod.rs",
            "use super::super::postgres::cause;\n",
        ),
        (
            "store/postgres/queue.rs",
            "use crate::store::{sqlite, Refusal};\n",
        ),
        (
            "store/protocol.rs",
            "fn f(s: &mut super::stores::Stores) {}\n",
        ),
        ("store/stats.rs", "fn g(s: &PgStore) {}\n"),
        (
            "booking/cli.rs",
            "use rusqlite::Connection;\nuse crate::store::postgres::PgStore;\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(src.join(path), text).unwrap();
    }
    let said: Vec<String> = store_breaches(src)
        .iter()
        .map(|l| l.rsplit(": ").next().unwrap().to_string())
        .collect();
    assert_eq!(
        said,
        [
            "the crate rusqlite outside store/sqlite/",
            "store postgres → sqlite",
            "store interface → stores",
            "store sqlite → postgres",
            "store interface → PgStore",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Views (issue #30). A view draws a view-model its screen builds; it never reads the screen:
// a file that draws (`view.rs`, `*_view.rs`, `map.rs`) names neither a screen module of its
// folder nor a screen's type, so that a screen and its view make no circle.

/// Whether a file draws a screen, by its name: `view.rs`, `*_view.rs`, `map.rs`.
fn is_view(name: &str) -> bool {
    name == "view.rs" || name.ends_with("_view.rs") || name == "map.rs"
}

/// The type a line implements `Screen` for, if it does: `impl Screen for Welcome {`.
fn screen_implemented(line: &str) -> Option<String> {
    let line = line.trim_start();
    if !line.starts_with("impl") {
        return None;
    }
    let (_, after) = line.split_once("Screen for ")?;
    let name: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The first segment of every path a source names after `prefix` (`super::`, `crate::places::`),
/// each of a grouped import's too; `super::super::` is not `super::`'s.
fn named_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let word = |text: &str| -> String {
        text.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut named = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with("::") {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        let firsts: Vec<String> = match rest.strip_prefix('{') {
            Some(group) => {
                let end = group.find('}').unwrap_or(group.len());
                group[..end].split(',').map(word).collect()
            }
            None => vec![word(rest)],
        };
        named.extend(firsts.into_iter().filter(|f| !f.is_empty()));
    }
    named
}

/// Every view that names a screen of its folder (its module, or its type through a
/// re-export), as "src/file: view → module"; tests and comments aside.
fn view_breaches(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy();
        if !is_view(&name) {
            continue;
        }
        let folder = file.parent().unwrap();
        let relative = file.strip_prefix(src).unwrap().to_string_lossy();
        let source = std::fs::read_to_string(file).expect("readable source");
        let code: String = source[..source.find("\n#[cfg(test)]").unwrap_or(source.len())]
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let module = folder
            .strip_prefix(src)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect::<Vec<_>>()
            .join("::");
        let mut named = named_after(&code, "super::");
        named.extend(named_after(&code, &format!("crate::{module}::")));
        for sibling in files.iter().filter(|f| f.parent() == Some(folder)) {
            let stem = sibling.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(sibling).expect("readable source");
            let types: Vec<String> = text.lines().filter_map(screen_implemented).collect();
            if types.is_empty() || is_aside(sibling) {
                continue;
            }
            if named.contains(&stem) || types.iter().any(|t| names_word(&code, t)) {
                found.push(format!("src/{relative}: view → {stem}"));
            }
        }
    }
    found
}

#[test]
fn no_view_reads_its_screen() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = view_breaches(&src);
    assert!(
        found.is_empty(),
        "views that name their screen: give them a view-model the screen builds \
         (tests/layers.rs, ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_view_naming_its_screen_module_or_its_type() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    for folder in ["places", "kiosk", "diagnostic"] {
        std::fs::create_dir_all(src.join(folder)).unwrap();
    }
    let files = [
        ("places/screen.rs", "impl Screen for LieuxScreen {}\n"),
        ("places/mod.rs", "pub(crate) mod screen;\n"),
        ("kiosk/welcome.rs", "impl Screen for Welcome {}\n"),
        ("kiosk/menu.rs", "pub struct MenuEntry;\n"),
        (
            "diagnostic/screen.rs",
            "impl Screen for DiagnosticScreen {}\n",
        ),
        (
            "diagnostic/mod.rs",
            "pub(crate) use screen::DiagnosticScreen;\n",
        ),
        // Allowed: a view names what it draws, not its screen; its tests and comments may.
        (
            "kiosk/welcome_view.rs",
            "// Drawn for the Welcome screen.\nuse super::menu::MenuEntry;\n\n\
             #[cfg(test)]\nmod tests { use super::super::welcome::Welcome; }\n",
        ),
        // Not allowed: the screen's module, grouped or through the crate, or its type.
        ("places/view.rs", "use super::{map, screen::Step};\n"),
        (
            "places/map.rs",
            "fn draw(s: &crate::places::screen::LieuxScreen) {}\n",
        ),
        (
            "diagnostic/view.rs",
            "fn body(s: &super::DiagnosticScreen) {}\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(src.join(path), text).unwrap();
    }
    assert_eq!(
        view_breaches(src),
        [
            "src/diagnostic/view.rs: view → screen",
            "src/places/map.rs: view → screen",
            "src/places/view.rs: view → screen",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Long functions (issue #30). A function is cut along its seams (a checker per section of a
// file, a sub-screen on the stack, a function per command) so that it reads in one screen; one
// longer than `LONGEST_FUNCTION` lines says why in a comment just above it, with the words
// `Long because` (ARCHITECTURE.md, "Tests").
//
// Tests in `src/` count too: a test is read whole when it fails, and a long one hides which
// step broke; none needed more than 80 lines when the rule came.

/// The most lines a function may have without a reason written above it, from its `fn` line to
/// its closing brace, both counted.
const LONGEST_FUNCTION: usize = 80;

/// The words that give a long function's reason, in a comment line just above it (above its
/// attributes too), in any case: `// Long because it maps every key to its action, one to one.`
const LONG_BECAUSE: &str = "long because";

/// A function over `LONGEST_FUNCTION` lines with no reason written above it.
#[derive(Debug, PartialEq)]
struct LongFunction {
    /// Where its `fn` line is, 1-based.
    line: usize,
    name: String,
    lines: usize,
}

/// The name of the function a line starts, if it starts one: `fn name`, after any of `pub`,
/// `pub(crate)`, `const`, `async`, `unsafe`, `extern "C"`.
fn function_named(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    let mut word = words.next()?;
    while word.starts_with("pub")
        || matches!(
            word,
            "const" | "async" | "unsafe" | "extern" | "\"C\"" | "default"
        )
    {
        word = words.next()?;
    }
    if word != "fn" {
        return None;
    }
    let name: String = words
        .next()?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some(name)
}

/// How many lines the function whose `fn` line is `lines[at]` spans, to its closing brace; `None`
/// for a declaration without a body (`fn f(…);` in a trait). The source is rustfmt's (`cargo fmt`
/// is checked): a signature ends with `{` or `;` at the end of a line, and the body's closing
/// brace is alone on its line at the `fn` line's indentation.
fn function_length(lines: &[&str], at: usize) -> Option<usize> {
    let indent = &lines[at][..lines[at].len() - lines[at].trim_start().len()];
    let closing = format!("{indent}}}");
    let mut opened = None;
    for (index, line) in lines.iter().enumerate().skip(at) {
        let line = line.trim_end();
        if opened.is_none() {
            if line.ends_with('{') {
                opened = Some(index);
            } else if line.ends_with(';') {
                return None;
            } else if line.ends_with('}') {
                // `fn f() -> u8 { 1 }`, all on one line.
                return Some(index - at + 1);
            }
        } else if line == closing {
            return Some(index - at + 1);
        }
    }
    Some(lines.len() - at)
}

/// Whether the comment lines just above `lines[at]` (attributes between them and it skipped)
/// give a reason for its length.
fn reason_above(lines: &[&str], at: usize) -> bool {
    lines[..at]
        .iter()
        .rev()
        .map(|line| line.trim())
        .take_while(|line| line.starts_with("//") || line.starts_with("#["))
        .any(|line| line.to_lowercase().contains(LONG_BECAUSE))
}

/// Every function of a source text over `LONGEST_FUNCTION` lines without a reason above it.
fn long_functions(source: &str) -> Vec<LongFunction> {
    let lines: Vec<&str> = source.lines().collect();
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let Some(name) = function_named(line) else {
            continue;
        };
        let Some(length) = function_length(&lines, at) else {
            continue;
        };
        if length > LONGEST_FUNCTION && !reason_above(&lines, at) {
            found.push(LongFunction {
                line: at + 1,
                name,
                lines: length,
            });
        }
    }
    found
}

/// Every long function of `src/` without a reason, as "file:line fn name (N lines)".
fn long_functions_in(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(src).unwrap().to_string_lossy();
        let source = std::fs::read_to_string(file).expect("readable source");
        for long in long_functions(&source) {
            found.push(format!(
                "src/{relative}:{} fn {} ({} lines)",
                long.line, long.name, long.lines
            ));
        }
    }
    found
}

#[test]
fn no_function_is_over_80_lines_without_a_reason_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = long_functions_in(&src);
    assert!(
        found.is_empty(),
        "functions over {LONGEST_FUNCTION} lines: cut them along their seams, or write above \
         one why it is long (`// Long because …`, tests/layers.rs, ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_long_function_not_a_long_one_with_its_reason_nor_a_declaration() {
    let body = |lines: usize| "        let x = 1;\n".repeat(lines);
    let source = [
        // A declaration without a body, over several lines.
        "trait Agenda {\n    fn save(\n        &mut self,\n    ) -> u8;\n}\n\n",
        "impl Agenda for Day {\n",
        // 81 lines and no reason: said.
        "    pub(crate) fn slots(&self) -> u8 {\n",
        &body(79),
        "    }\n\n",
        // 81 lines with a reason above its attribute: not said.
        "    /// The day's hours.\n    ///\n    /// Long because every hour is one line.\n",
        "    #[allow(dead_code)]\n    fn hours() {\n",
        &body(79),
        "    }\n\n",
        // 80 lines: not said.
        "    fn hours_by_80() {\n",
        &body(78),
        "    }\n\n",
        // One line, a brace in it.
        "    fn day() { let brace = '{'; }\n}\n\n",
        // A reason a blank line away is no reason; 84 lines: said.
        "// Long because of everything.\n\n/// The rest of it.\nasync fn rest(\n    x: u8,\n) {\n",
        &body(80),
        "}\n",
    ]
    .concat();
    let line_of = |start: &str| source.lines().position(|l| l.contains(start)).unwrap() + 1;
    assert_eq!(
        long_functions(&source),
        [
            LongFunction {
                line: line_of("fn slots"),
                name: "slots".into(),
                lines: 81
            },
            LongFunction {
                line: line_of("fn rest"),
                name: "rest".into(),
                lines: 84
            },
        ]
    );
}

//! Embeds every `locales/<tag>/*.ftl` file, so the binary runs from anywhere and a new
//! locale folder needs no code change.
use std::{env, fs, path::Path};

fn main() {
    // Relative relocations packed (DT_RELR, glibc 2.36+): the loader reads a few KiB instead
    // of 0.9 MiB of relocation entries at every start, and they stay out of the kiosk's RSS.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu")
    {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    start_order();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    let mut ids = Vec::new();
    let mut names = Vec::new();
    let mut tags: Vec<_> = fs::read_dir(&root)
        .expect("locales/ folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    tags.sort_by_key(|e| e.file_name());
    for tag in tags {
        println!("cargo:rerun-if-changed={}", tag.path().display());
        let mut files: Vec<_> = fs::read_dir(tag.path())
            .expect("locale folder")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut messages = Vec::new();
        for file in &files {
            let text = fs::read_to_string(file).expect("Fluent file");
            messages.extend(text.lines().filter_map(message_id).map(str::to_string));
            for id in WORDS_SHOWN_UNPARSED {
                let prefix = format!("{id} = ");
                if let Some(word) = text.lines().find_map(|l| l.strip_prefix(&prefix)) {
                    names.push(format!(
                        "    ({:?}, {:?}, {:?}),\n",
                        tag.file_name().to_string_lossy(),
                        id,
                        word.trim()
                    ));
                }
            }
        }
        messages.sort();
        messages.dedup();
        ids.push(format!(
            "    ({:?}, {:?}),\n",
            tag.file_name().to_string_lossy(),
            messages.join("\n")
        ));
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            entries.push(format!(
                "    ({:?}, {:?}, include_str!({:?})),\n",
                tag.file_name().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy(),
                file.display().to_string()
            ));
        }
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs");
    let code = format!(
        "/// (locale tag, file name, Fluent source)\npub static EMBEDDED: &[(&str, &str, &str)] = &[\n{}];\n\
         /// (locale tag, its message ids, sorted, a line each: one string, where a slice of\n\
         /// strings was 3,500 pointers the loader relocated at every start)\n\
         pub static MESSAGE_IDS: &[(&str, &str)] = &[\n{}];\n\
         /// (locale tag, message id, its text) for the words every welcome shows in each language\n\
         pub static SHIPPED_WORDS: &[(&str, &str, &str)] = &[\n{}];\n",
        entries.concat(),
        ids.concat(),
        names.concat()
    );
    fs::write(out, code).expect("write locales.rs");
}

/// The kiosk's functions that run before its first frame, placed side by side by the linker
/// (`benches/start_order.py` writes the list): the kernel maps code 64 KiB at a time, at its
/// first touch, and the start ran 450 KB of code spread over 58 of those windows (a fault
/// costs 4.5 µs on the development machine, ten times that on an old kiosk). In release
/// builds for x86_64-unknown-linux-gnu, whose linker is rust-lld since Rust 1.90; a name that
/// no longer exists (another compiler, a dependency updated) is passed over.
fn start_order() {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join(".cargo/start-order.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    if env::var("TARGET").as_deref() == Ok("x86_64-unknown-linux-gnu")
        && env::var("PROFILE").as_deref() == Ok("release")
        && list.exists()
    {
        println!(
            "cargo:rustc-link-arg-bin=borne=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        println!("cargo:rustc-link-arg-bin=borne=-Wl,--no-warn-symbol-ordering");
    }
}

/// Messages the welcome and the list of languages show in every offered language at once: read
/// here, so that showing them does not parse every locale (a test checks each against its
/// parsed message).
const WORDS_SHOWN_UNPARSED: [&str; 2] = ["locale-name", "language-word"];

/// The id of the message a Fluent line starts, if it starts one: `id =` at the start of the
/// line (terms start with `-`, comments with `#`, continuations with a space).
fn message_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let mut chars = id.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

//! Reading a configuration file and parsing its TOML, with every error at its position.
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::problem::Problem;

pub(crate) fn read(path: &Path) -> Result<String, Vec<Problem>> {
    crate::text_file::read(path)
}

pub(crate) fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Vec<Problem>> {
    let parsed = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![Problem::at(path, text, offset, plain_message(e.message()))]
    })?;
    let problems = escaped_controls(path, text);
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

/// The keys and strings whose escapes (`\u001b`, `\e`, `\x07`) decode to what the file's
/// bytes may not hold, each at the place it is written.
fn escaped_controls(path: &Path, text: &str) -> Vec<Problem> {
    use toml::de::{DeTable, DeValue};
    // Without a backslash nothing is escaped, and the file's own bytes were checked when it
    // was read: a second parse would cost as much as the first, at every start.
    if !text.contains('\\') {
        return Vec::new();
    }
    fn value(v: &toml::Spanned<DeValue>, found: &mut Vec<(usize, String)>) {
        match v.get_ref() {
            DeValue::String(s) => found.push((v.span().start, s.to_string())),
            DeValue::Array(items) => items.iter().for_each(|i| value(i, found)),
            DeValue::Table(t) => table(t, found),
            _ => {}
        }
    }
    fn table(t: &DeTable, found: &mut Vec<(usize, String)>) {
        for (k, v) in t.iter() {
            found.push((k.span().start, k.get_ref().to_string()));
            value(v, found);
        }
    }
    let Ok(document) = DeTable::parse(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    table(document.get_ref(), &mut found);
    found.sort_by_key(|(at, _)| *at);
    found
        .iter()
        .filter_map(|(at, s)| crate::text_file::check_decoded(path, text, *at, s))
        .take(20)
        .collect()
}

/// serde speaks of Rust types; the person editing the file knows numbers and text.
fn plain_message(message: &str) -> String {
    message
        .trim()
        .replace("invalid type: integer", "found the number")
        .replace("invalid value: integer", "found the number")
        .replace("invalid type: floating point", "found the decimal number")
        .replace("invalid type: string", "found the text")
        .replace("invalid type: boolean", "found")
        .replace("expected u32", "expected a whole number")
        .replace("expected u16", "expected a whole number")
        .replace("expected a string", "expected text between quotes")
        .replace("expected a boolean", "expected true or false")
        .replace("expected a sequence", "expected a list in brackets")
}

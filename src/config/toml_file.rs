//! Reading a configuration file and parsing its TOML, with every error at its position.
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::problem::Problem;

pub fn read(path: &Path) -> Result<String, Vec<Problem>> {
    crate::text_file::read(path)
}

pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Vec<Problem>> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![Problem::at(path, text, offset, plain_message(e.message()))]
    })
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

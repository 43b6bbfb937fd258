//! Reading a configuration file and parsing its TOML, with every error at its position.
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::problem::Problem;

pub fn read(path: &Path) -> Result<String, Vec<Problem>> {
    std::fs::read_to_string(path)
        .map_err(|e| vec![Problem::in_file(path, format!("cannot read the file: {e}"))])
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
        .replace("expected u32", "expected a whole number")
        .replace("expected u16", "expected a whole number")
}

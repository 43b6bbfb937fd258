//! A problem found in a file a person edits (configuration, translations, data imports),
//! reported as `file:line:column: what is wrong` so an editor can jump to it.
use std::fmt;
use std::path::{Path, PathBuf};

/// A staff command's exit status when it failed (a database error, a program that failed).
pub(crate) const EXIT_FAILURE: u8 = 1;
/// A staff command's exit status when what it was given is wrong (configuration, arguments).
pub(crate) const EXIT_CONFIG: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The problems found in one configuration file while reading it, each at its place (a byte
/// span of the file's text). Each file's reader adds its own checks in an `impl Check`.
pub(crate) struct Check<'a> {
    pub(crate) path: &'a Path,
    pub(crate) text: &'a str,
    pub(crate) problems: Vec<Problem>,
}

impl<'a> Check<'a> {
    pub(crate) fn new(path: &'a Path, text: &'a str) -> Check<'a> {
        Check {
            path,
            text,
            problems: Vec::new(),
        }
    }

    pub(crate) fn problem(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.problems
            .push(Problem::at(self.path, self.text, span.start, message));
    }
}

impl Problem {
    /// A problem about the file as a whole (missing, unreadable).
    pub(crate) fn in_file(file: &Path, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_path_buf(),
            line: 1,
            column: 1,
            message: message.into(),
        }
    }

    /// A problem at a byte offset of the file's text.
    pub(crate) fn at(
        file: &Path,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Problem {
        let (line, column) = line_column(text, offset);
        Problem {
            file: file.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never a control character on the terminal of whoever reads it: a message may
        // quote the file's text, and a file's name is anything.
        write!(
            f,
            "{}:{}:{}: {}",
            printable(&self.file.display().to_string()),
            self.line,
            self.column,
            printable(&self.message)
        )
    }
}

/// A text as it may go to a terminal: a control character, or one that reorders or hides
/// text, is written as its escape (`\u{1b}`) instead of acting.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || reorders(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The characters that reorder text without showing themselves (bidi embeddings, overrides
/// and isolates) or hide in it (the byte-order mark in the middle of a text).
pub(crate) fn reorders(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // "bé =" : é is two bytes but one column
        assert_eq!(line_column(text, 11), (2, 5));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn displays_as_editor_location() {
        let p = Problem::at(Path::new("kiosk-config/kiosk.toml"), "x\ny", 2, "bad");
        assert_eq!(p.to_string(), "kiosk-config/kiosk.toml:2:1: bad");
    }
}

//! Reading a text file a person edits (configuration, translations): UTF-8 or a clear
//! problem with the line of the first bad byte, a byte-order mark accepted, no control or
//! escape characters (they would reach the screen, or the terminal of whoever runs
//! `check-config`), and a size no help point's file comes near.
use std::path::Path;

use crate::problem::Problem;

/// No configuration or translation file is anywhere near this.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

pub fn read(path: &Path) -> Result<String, Vec<Problem>> {
    let one = |message: String| vec![Problem::in_file(path, message)];
    let size = std::fs::metadata(path)
        .map_err(|e| one(format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_BYTES {
        return Err(one(format!(
            "the file is {size} bytes: more than {MAX_BYTES} is no configuration"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| one(format!("cannot read the file: {e}")))?;
    decode(path, &bytes)
}

/// The text of a file's bytes, checked (see the module).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Vec<Problem>> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(vec![Problem::in_file(
            path,
            "the file is in UTF-16, not UTF-8: save it as UTF-8 (iconv -f utf-16 -t utf-8)",
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let column = String::from_utf8_lossy(
                &good[good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1)..],
            )
            .chars()
            .count()
                + 1;
            return Err(vec![Problem {
                file: path.to_path_buf(),
                line,
                column,
                message: "not UTF-8 (Latin-1 or Windows-1252?): save the file as UTF-8 \
                          (iconv -f latin1 -t utf-8)"
                    .into(),
            }]);
        }
    };
    let problems: Vec<Problem> = text
        .char_indices()
        .filter(|(_, c)| forbidden(*c))
        .map(|(at, c)| {
            Problem::at(
                path,
                text,
                at,
                format!(
                    "control character U+{:04X} in the text: remove it",
                    u32::from(c)
                ),
            )
        })
        .take(20)
        .collect();
    if problems.is_empty() {
        Ok(text.to_string())
    } else {
        Err(problems)
    }
}

/// Control, escape and direction characters have no place in a configuration's text.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || reorders(c)
}

pub use crate::problem::reorders;

/// A value the file writes with escapes (`"\u001b"` in TOML, `{ "\u001b" }` in Fluent),
/// decoded, is held to what the file's bytes are: the problem, at `offset` where the value
/// is written, if it holds a control, escape or direction character.
pub fn check_decoded(path: &Path, text: &str, offset: usize, value: &str) -> Option<Problem> {
    let c = value.chars().find(|c| forbidden(*c))?;
    Some(Problem::at(
        path,
        text,
        offset,
        format!(
            "control character U+{:04X} written as an escape: remove it",
            u32::from(c)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(bytes: &[u8]) -> Vec<String> {
        decode(Path::new("kiosk.toml"), bytes)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark() {
        assert_eq!(decode(Path::new("a"), b"x = 1\n").unwrap(), "x = 1\n");
        assert_eq!(
            decode(Path::new("a"), b"\xef\xbb\xbfx = 1\n").unwrap(),
            "x = 1\n"
        );
    }

    #[test]
    fn latin1_is_named_at_its_first_bad_byte() {
        assert_eq!(
            problems(b"a = 1\nname = \"Mairie de Gu\xe9ret\"\n"),
            [
                "kiosk.toml:2:21: not UTF-8 (Latin-1 or Windows-1252?): save the file as UTF-8 (iconv -f latin1 -t utf-8)"
            ]
        );
        assert!(problems(b"\xff\xfea\x00")[0].contains("UTF-16"));
    }

    #[test]
    fn control_characters_are_refused_at_their_place() {
        assert_eq!(
            problems(b"name = \"Gap\x1b[2J\"\n"),
            ["kiosk.toml:1:12: control character U+001B in the text: remove it"]
        );
        assert_eq!(
            problems("name = \"\u{202e}paG\"\n".as_bytes()),
            ["kiosk.toml:1:9: control character U+202E in the text: remove it"]
        );
    }
}

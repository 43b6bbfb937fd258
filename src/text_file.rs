//! Reading a text file a person edits (configuration, translations): UTF-8 or a clear
//! problem with the line of the first bad byte, a byte-order mark accepted, no control or
//! escape characters (they would reach the screen, or the terminal of whoever runs
//! `check-config`), and a size no help point's file comes near.
use std::path::Path;

use crate::problem::Problem;

/// No configuration or translation file is anywhere near this.
pub(crate) const MAX_BYTES: u64 = 4 * 1024 * 1024;

pub(crate) fn read(path: &Path) -> Result<String, Vec<Problem>> {
    use std::io::Read;
    let one = |message: String| vec![Problem::in_file(path, message)];
    let file = open_regular(path).map_err(|e| one(format!("cannot read the file: {e}")))?;
    let size = file
        .metadata()
        .map_err(|e| one(format!("cannot read the file: {e}")))?
        .len();
    let too_big = |size: u64| {
        one(format!(
            "the file is {size} bytes: more than {MAX_BYTES} is no configuration"
        ))
    };
    if size > MAX_BYTES {
        return Err(too_big(size));
    }
    // Read through the bound too: a file may grow between the size and the read.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| one(format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    decode(path, &bytes)
}

/// Opens a file a person gave (a configuration, a translation, a data file) for reading, if
/// it is a regular file (or a link to one): a device (a link to `/dev/zero`) would be read
/// for ever, a named pipe would hang the start with no screen.
pub(crate) fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    use std::os::unix::io::AsRawFd;
    // Not blocking, so opening a pipe with no writer returns at once.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        let what = if kind.is_dir() {
            "a folder"
        } else if kind.is_fifo() {
            "a named pipe"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else {
            "a socket"
        };
        return Err(std::io::Error::other(format!("{what}, not a regular file")));
    }
    // SAFETY: fcntl on a descriptor this function owns; only the O_NONBLOCK flag changes.
    unsafe {
        let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK);
    }
    Ok(file)
}

/// The text of a file's bytes, checked (see the module).
pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<String, Vec<Problem>> {
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

pub(crate) use crate::problem::reorders;

/// A value the file writes with escapes (`"\u001b"` in TOML, `{ "\u001b" }` in Fluent),
/// decoded, is held to what the file's bytes are: the problem, at `offset` where the value
/// is written, if it holds a control, escape or direction character.
pub(crate) fn check_decoded(
    path: &Path,
    text: &str,
    offset: usize,
    value: &str,
) -> Option<Problem> {
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

    #[test]
    fn a_link_to_a_device_or_a_named_pipe_is_refused_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("kiosk.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let problems = read(&zero).unwrap_err();
        assert!(
            problems[0]
                .to_string()
                .contains("a device, not a regular file"),
            "{}",
            problems[0]
        );
        let pipe = dir.path().join("agenda.toml");
        let c_path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let problems = read(&pipe).unwrap_err();
        assert!(
            problems[0]
                .to_string()
                .contains("a named pipe, not a regular file"),
            "{}",
            problems[0]
        );
        assert!(open_regular(&dir.path().join("none")).is_err());
    }
}

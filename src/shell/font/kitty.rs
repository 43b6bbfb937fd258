//! kitty: its remote control over the terminal (`allow_remote_control yes` in kitty.conf)
//! sets the font size, `set-font-size` in points; the size in use is asked first with
//! XTGETTCAP's `kitty-query-font_size` (kitty's `query_terminal`), so that large is twice
//! that and normal is that again. Pure: sizes in, bytes out.

/// The capability kitty answers with its font size in points.
const FONT_SIZE: &str = "kitty-query-font_size";

/// The question: the font size, then the device attributes (answered after it: a kitty
/// too old to know the question answers only these).
pub(crate) fn query() -> Vec<u8> {
    let mut bytes = b"\x1bP+q".to_vec();
    bytes.extend(hex(FONT_SIZE).as_bytes());
    bytes.extend(b"\x1b\\\x1b[c");
    bytes
}

/// The font size in an answer to `query` (`1+r<name>=<value>`, both in hexadecimal); an
/// error when kitty said it does not know it (`0+r…`); `None` for another answer.
pub(crate) fn size_in(dcs: &str) -> Option<Result<f64, String>> {
    let name = hex(FONT_SIZE);
    if let Some(rest) = dcs.strip_prefix("1+r") {
        let value = rest.strip_prefix(&name)?.strip_prefix('=')?;
        let text = unhex(value)?;
        return Some(
            text.parse::<f64>()
                .ok()
                .filter(|s| *s > 0.0)
                .ok_or_else(|| format!("kitty gave the font size {text:?}")),
        );
    }
    dcs.strip_prefix("0+r")
        .filter(|rest| rest.starts_with(&name))
        .map(|_| Err("kitty does not say its font size (Debian 12's kitty 0.26 does)".into()))
}

/// The bytes that set the font size to `points`, asking for an answer (which says whether
/// remote control is allowed).
pub(crate) fn set_size(points: f64) -> Vec<u8> {
    let mut bytes = b"\x1bP@kitty-cmd".to_vec();
    bytes.extend(
        format!(
            "{{\"cmd\":\"set-font-size\",\"version\":[0,14,2],\"payload\":{{\"size\":{points}}}}}"
        )
        .as_bytes(),
    );
    bytes.extend(b"\x1b\\");
    bytes
}

/// kitty's answer to a command: `Ok` when it did it, its error when not; `None` for another
/// answer.
pub(crate) fn done_in(dcs: &str) -> Option<Result<(), String>> {
    let json = dcs.strip_prefix("@kitty-cmd")?;
    let answer: serde_json::Value = serde_json::from_str(json).ok()?;
    Some(if answer["ok"].as_bool() == Some(true) {
        Ok(())
    } else {
        Err(format!(
            "kitty refused to change its font: {} (set allow_remote_control yes in kitty.conf)",
            answer["error"].as_str().unwrap_or("no reason given")
        ))
    })
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_the_font_size_and_reads_the_answer() {
        assert_eq!(
            query(),
            b"\x1bP+q6b697474792d71756572792d666f6e745f73697a65\x1b\\\x1b[c"
        );
        let answer = format!("1+r{}={}", hex(FONT_SIZE), hex("11.5"));
        assert_eq!(size_in(&answer), Some(Ok(11.5)));
        assert!(size_in(&format!("0+r{}", hex(FONT_SIZE))).unwrap().is_err());
        assert_eq!(size_in(">|kitty(0.26.5)"), None);
    }

    #[test]
    fn sets_a_size_in_points_and_reads_whether_kitty_did() {
        assert_eq!(
            set_size(23.0),
            b"\x1bP@kitty-cmd{\"cmd\":\"set-font-size\",\"version\":[0,14,2],\"payload\":{\"size\":23}}\x1b\\"
        );
        assert!(set_size(11.5).windows(4).any(|w| w == b"11.5"));
        assert_eq!(done_in("@kitty-cmd{\"ok\": true}"), Some(Ok(())));
        let refused =
            done_in("@kitty-cmd{\"ok\": false, \"error\": \"Remote control is disabled\"}");
        assert!(
            refused
                .unwrap()
                .unwrap_err()
                .contains("allow_remote_control")
        );
        assert_eq!(done_in("1+r00"), None);
    }
}

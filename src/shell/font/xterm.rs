//! xterm: OSC 50 sets the font (with `XTerm*allowFontOps: true`; without it xterm ignores
//! it and its question). `ESC ] 50 ; ? BEL` asks the font's name: a TrueType font answers
//! its family with the size when the name carries one ("DejaVu Sans Mono-14", from
//! `-fa 'DejaVu Sans Mono-14'` or an earlier OSC 50), and without it when the size came
//! from `-fs` or `faceSize` (xterm keeps that size apart and forgets it at the first OSC 50:
//! such a font cannot be put back, so it is not changed). Pure: names in, bytes out.

/// The question: the font's name, then the device attributes, which every terminal answers
/// after the answers before them (an xterm that refuses font operations answers only
/// these).
pub(crate) const QUERY: &[u8] = b"\x1b]50;?\x07\x1b[c";

/// The bytes that set the font to `name`.
pub(crate) fn set(name: &str) -> Vec<u8> {
    let mut bytes = b"\x1b]50;".to_vec();
    bytes.extend(name.as_bytes());
    bytes.push(0x07);
    bytes
}

/// The font's name in an answer to `QUERY` (`50;NAME`), if it is one.
pub(crate) fn font_in(osc: &str) -> Option<&str> {
    osc.strip_prefix("50;")
}

/// The font `factor` times as large as `name`, written the way `name` is (the size in the
/// family "Name-14", or in an element ":size=14" or ":pixelsize=20"); or why it cannot be.
pub(crate) fn resized(name: &str, factor: f64) -> Result<String, String> {
    if name.chars().any(char::is_control) || name.is_empty() {
        return Err(format!("xterm gave an unusable font name {name:?}"));
    }
    if name.starts_with('-') || !name.contains(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!(
            "xterm uses the bitmap font {name:?}: give it a TrueType font with its size, -fa 'DejaVu Sans Mono-14'"
        ));
    }
    let scaled = |n: &str| -> Option<String> {
        let n: f64 = n.parse().ok().filter(|n: &f64| *n > 0.0)?;
        let mut out = format!("{:.1}", n * factor);
        if out.ends_with(".0") {
            out.truncate(out.len() - 2);
        }
        Some(out)
    };
    // An element ":size=14" or ":pixelsize=20".
    for key in [":size=", ":pixelsize="] {
        if let Some(at) = name.find(key) {
            let start = at + key.len();
            let end = name[start..].find(':').map_or(name.len(), |i| start + i);
            if let Some(n) = scaled(&name[start..end]) {
                return Ok(format!("{}{n}{}", &name[..start], &name[end..]));
            }
        }
    }
    // The family's size, "DejaVu Sans Mono-14" (fontconfig's name syntax).
    let family_end = name.find(':').unwrap_or(name.len());
    let family = &name[..family_end];
    if let Some(dash) = family.rfind('-')
        && let Some(n) = scaled(&family[dash + 1..])
    {
        return Ok(format!("{}-{n}{}", &family[..dash], &name[family_end..]));
    }
    Err(format!(
        "xterm's font {name:?} says no size (given with -fs or faceSize, which xterm cannot give back): give it with the name, -fa 'DejaVu Sans Mono-14'"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_sent() {
        assert_eq!(
            set("DejaVu Sans Mono-28"),
            b"\x1b]50;DejaVu Sans Mono-28\x07"
        );
        assert_eq!(QUERY, b"\x1b]50;?\x07\x1b[c");
        assert_eq!(
            font_in("50;DejaVu Sans Mono-14"),
            Some("DejaVu Sans Mono-14")
        );
        assert_eq!(font_in("10;rgb:0000/0000/0000"), None);
    }

    #[test]
    fn doubles_a_size_written_in_the_name() {
        assert_eq!(
            resized("DejaVu Sans Mono-14", 2.0).unwrap(),
            "DejaVu Sans Mono-28"
        );
        assert_eq!(
            resized("xft:DejaVu Sans Mono:size=10.5:antialias=true", 2.0).unwrap(),
            "xft:DejaVu Sans Mono:size=21:antialias=true"
        );
        assert_eq!(
            resized("Noto Sans Mono:pixelsize=20", 2.0).unwrap(),
            "Noto Sans Mono:pixelsize=40"
        );
        assert_eq!(
            resized("Mono-12:style=Bold", 2.0).unwrap(),
            "Mono-24:style=Bold"
        );
    }

    #[test]
    fn says_why_a_font_cannot_be_doubled() {
        // The size came with -fs: xterm answers the family alone.
        assert!(
            resized("DejaVu Sans Mono", 2.0)
                .unwrap_err()
                .contains("-fs")
        );
        // xterm's default bitmap font.
        let bitmap = "-misc-fixed-medium-r-semicondensed--13-120-75-75-c-60-iso10646-1";
        assert!(resized(bitmap, 2.0).unwrap_err().contains("bitmap"));
        assert!(resized("fixed\x1b]", 2.0).is_err());
    }
}

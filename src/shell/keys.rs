//! The terminal's bytes as keys. We read the terminal ourselves rather than through
//! crossterm's reader, which left bytes unread after a burst of more than about 1 KiB and
//! waited forever on an unfinished escape sequence (crossterm PR #1057): a kiosk must drain
//! its input at any rate and never go deaf.
//!
//! The parser is pure: bytes in, keys out. An escape sequence or a paste that stops coming
//! is closed by `timeout` (the reader calls it after 50 ms of silence): a lone Esc is Esc,
//! an unfinished sequence is dropped, an unterminated paste ends there. The terminal's own
//! answers (its font's name, its device attributes) come on the same bytes: they are kept
//! apart as `Answer`s for the font drivers (`shell/font`), never typed.
use crate::app::key::Key;

/// The longest escape sequence we wait for; anything longer is garbage and is dropped.
const MAX_SEQUENCE: usize = 32;

/// A paste is typed into the field, up to this many characters (no field is longer): a
/// pasted book costs no more than a name.
const MAX_PASTE: usize = 256;

/// The longest control string (a font's name, a terminal's answer) kept; longer is dropped.
const MAX_STRING: usize = 1024;

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;

/// What the terminal answered to a question the kiosk asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Answer {
    /// An operating system command, without `ESC ]` and its end: `50;DejaVu Sans Mono-14`.
    Osc(String),
    /// A device control string, without `ESC P` and `ESC \`: `1+r6b…=3131`.
    Dcs(String),
    /// The primary device attributes (`ESC [ ? … c`): every terminal answers them, after
    /// the answers to the questions asked before.
    DeviceAttributes,
}

#[derive(Debug, Default)]
pub(crate) struct KeyParser {
    /// Bytes of an escape sequence or a UTF-8 character not complete yet.
    pending: Vec<u8>,
    /// Inside a bracketed paste: the characters so far.
    paste: Option<Vec<u8>>,
    /// The terminal's answers read so far, for `answers`.
    answers: Vec<Answer>,
}

/// What a complete escape sequence is.
enum Sequence {
    Key(Key),
    Answer(Answer),
    /// Understood and meaningless here (mouse, focus, a report, Alt+letter).
    Ignored,
    PasteStart,
    PasteEnd,
}

impl KeyParser {
    pub(crate) fn new() -> KeyParser {
        KeyParser::default()
    }

    /// Whether the parser holds an unfinished sequence, character or paste (the reader then
    /// waits at most 50 ms for more before calling `timeout`).
    pub(crate) fn waiting(&self) -> bool {
        !self.pending.is_empty() || self.paste.is_some()
    }

    /// The terminal's answers read since the last call.
    pub(crate) fn answers(&mut self) -> Vec<Answer> {
        std::mem::take(&mut self.answers)
    }

    pub(crate) fn feed(&mut self, bytes: &[u8]) -> Vec<Key> {
        let mut keys = Vec::new();
        for &b in bytes {
            self.byte(b, &mut keys);
        }
        keys
    }

    /// Nothing more came: close what is open.
    pub(crate) fn timeout(&mut self) -> Vec<Key> {
        let mut keys = Vec::new();
        if let Some(paste) = self.paste.take() {
            // A paste whose end never came: what arrived is typed, and keys read normally
            // again.
            keys.extend(paste_keys(&paste));
        }
        if self.pending == [ESC] {
            keys.push(Key::Esc);
        }
        self.pending.clear();
        keys
    }

    fn byte(&mut self, b: u8, keys: &mut Vec<Key>) {
        if let Some(paste) = self.paste.as_mut() {
            paste.push(b);
            const END: &[u8] = b"\x1b[201~";
            if paste.ends_with(END) {
                let len = paste.len() - END.len();
                paste.truncate(len);
                let paste = self.paste.take().unwrap_or_default();
                keys.extend(paste_keys(&paste));
            } else if let Some(at) = paste.iter().rposition(|&c| c == ESC)
                && !END.starts_with(&paste[at..])
            {
                // An escape that is not the end marker: the paste's end was lost and a key
                // came at once (no silence to end it). What came before is typed; the
                // escape and what follows are read as keys.
                let rest = paste.split_off(at);
                let paste = self.paste.take().unwrap_or_default();
                keys.extend(paste_keys(&paste));
                for c in rest {
                    self.byte(c, keys);
                }
            } else if paste.len() > MAX_PASTE + END.len() {
                // Keep only what a field can take; the end marker is still looked for.
                paste.drain(MAX_PASTE..paste.len() - END.len());
            }
            return;
        }
        if self.pending.is_empty() {
            match b {
                ESC => self.pending.push(b),
                0x80.. => self.pending.push(b),
                _ => keys.push(control_or_char(b)),
            }
            return;
        }
        if self.pending[0] != ESC {
            self.utf8(b, keys);
            return;
        }
        // In an escape sequence.
        if self.pending.len() == 1 {
            match b {
                // CSI and SS3; OSC and DCS, the strings a terminal answers with.
                b'[' | b'O' | b']' | b'P' => self.pending.push(b),
                ESC => keys.push(Key::Esc),
                _ => {
                    // Alt+key: nothing a kiosk does.
                    self.pending.clear();
                    keys.push(Key::Other);
                }
            }
            return;
        }
        if matches!(self.pending[1], b']' | b'P') {
            self.string(b, keys);
            return;
        }
        if b < 0x20 {
            // A control byte (ESC most often) cannot be inside a sequence: the unfinished one
            // is dropped and this byte starts afresh (Alt+[ then F12 is still F12).
            self.pending.clear();
            self.byte(b, keys);
            return;
        }
        self.pending.push(b);
        match self.sequence() {
            None if self.pending.len() > MAX_SEQUENCE => self.pending.clear(),
            None => {}
            Some(sequence) => {
                self.pending.clear();
                match sequence {
                    Sequence::Key(key) => keys.push(key),
                    Sequence::Answer(answer) => self.answers.push(answer),
                    Sequence::Ignored | Sequence::PasteEnd => {}
                    Sequence::PasteStart => self.paste = Some(Vec::new()),
                }
            }
        }
    }

    /// Inside an OSC or DCS string: up to BEL (OSC) or ESC \\ (both).
    fn string(&mut self, b: u8, keys: &mut Vec<Key>) {
        let osc = self.pending[1] == b']';
        let after_esc = self.pending.last() == Some(&ESC) && self.pending.len() > 2;
        if after_esc {
            self.pending.pop();
            if b != b'\\' {
                // An escape that does not end the string: it was cut; what follows is read
                // afresh.
                self.pending.clear();
                self.byte(ESC, keys);
                self.byte(b, keys);
                return;
            }
        } else if !(b == BEL && osc) {
            if self.pending.len() > MAX_STRING {
                // Garbage: dropped, the end looked for no more.
                self.pending.clear();
                keys.push(Key::Other);
            } else {
                self.pending.push(b);
            }
            return;
        }
        let text = String::from_utf8_lossy(&self.pending[2..]).into_owned();
        self.answers.push(if osc {
            Answer::Osc(text)
        } else {
            Answer::Dcs(text)
        });
        self.pending.clear();
    }

    fn utf8(&mut self, b: u8, keys: &mut Vec<Key>) {
        if !(0x80..0xc0).contains(&b) {
            // Not a continuation: the character was broken; start again with this byte.
            self.pending.clear();
            self.byte(b, keys);
            return;
        }
        self.pending.push(b);
        match std::str::from_utf8(&self.pending) {
            Ok(text) => {
                keys.extend(text.chars().map(Key::Char));
                self.pending.clear();
            }
            Err(e) if e.error_len().is_some() || self.pending.len() >= 4 => self.pending.clear(),
            Err(_) => {}
        }
    }

    /// The sequence in `pending` (ESC and its introducer first), if complete.
    fn sequence(&self) -> Option<Sequence> {
        let body = &self.pending[2..];
        let last = *body.last()?;
        if self.pending[1] == b'O' {
            return Some(ss3(last));
        }
        // The Linux console's F1–F5: ESC [ [ A … E.
        if body.first() == Some(&b'[') {
            if body.len() < 2 {
                return None;
            }
            return Some(match body[1] {
                c @ b'A'..=b'E' => Sequence::Key(Key::F(c - b'A' + 1)),
                _ => Sequence::Ignored,
            });
        }
        // CSI: parameters and intermediates, then a final byte in 0x40–0x7E.
        if !(0x40..=0x7e).contains(&last) {
            return if (0x20..0x40).contains(&last) {
                None
            } else {
                Some(Sequence::Ignored)
            };
        }
        let params = std::str::from_utf8(&body[..body.len() - 1]).unwrap_or("?");
        Some(csi(params, last))
    }
}

/// An SS3 sequence's key, from its one byte.
fn ss3(last: u8) -> Sequence {
    match last {
        b'P' => Sequence::Key(Key::F(1)),
        b'Q' => Sequence::Key(Key::F(2)),
        b'R' => Sequence::Key(Key::F(3)),
        b'S' => Sequence::Key(Key::F(4)),
        b'A' => Sequence::Key(Key::Up),
        b'B' => Sequence::Key(Key::Down),
        b'C' => Sequence::Key(Key::Right),
        b'D' => Sequence::Key(Key::Left),
        b'H' => Sequence::Key(Key::Home),
        b'F' => Sequence::Key(Key::End),
        b'M' => Sequence::Key(Key::Enter),
        _ => Sequence::Ignored,
    }
}

/// A complete CSI sequence, from its parameters and final byte: a key, a mouse report, the
/// terminal's answer, a paste's start or end.
fn csi(params: &str, last: u8) -> Sequence {
    if params.starts_with('?') && last == b'c' {
        return Sequence::Answer(Answer::DeviceAttributes);
    }
    if let Some(report) = params.strip_prefix('<') {
        return mouse(report, last);
    }
    if params.starts_with(['?', '>', '=']) {
        // Private modes, device answers.
        return Sequence::Ignored;
    }
    let mut fields = params.split(';');
    let first: Option<u16> = fields.next().and_then(|f| f.parse().ok());
    // A modifier (Shift, Ctrl, Alt…) makes it a combination a kiosk ignores, except
    // Shift+Tab.
    let modified = fields
        .next()
        .and_then(|m| m.parse::<u16>().ok())
        .is_some_and(|m| m > 1);
    let key = match (last, first) {
        (b'A', _) => Key::Up,
        (b'B', _) => Key::Down,
        (b'C', _) => Key::Right,
        (b'D', _) => Key::Left,
        (b'H', _) => Key::Home,
        (b'F', _) => Key::End,
        (b'Z', _) => return Sequence::Key(Key::BackTab),
        (b'P', _) => Key::F(1),
        (b'Q', _) => Key::F(2),
        (b'R', _) => Key::F(3),
        (b'S', _) => Key::F(4),
        (b'~', Some(200)) => return Sequence::PasteStart,
        (b'~', Some(201)) => return Sequence::PasteEnd,
        (b'~', Some(1 | 7)) => Key::Home,
        (b'~', Some(3)) => Key::Delete,
        (b'~', Some(4 | 8)) => Key::End,
        (b'~', Some(5)) => Key::PageUp,
        (b'~', Some(6)) => Key::PageDown,
        (b'~', Some(n @ 11..=15)) => Key::F((n - 10) as u8),
        (b'~', Some(n @ 17..=21)) => Key::F((n - 11) as u8),
        (b'~', Some(n @ 23..=24)) => Key::F((n - 12) as u8),
        _ => return Sequence::Ignored,
    };
    Sequence::Key(if modified { Key::Other } else { key })
}

/// An SGR mouse report (`ESC [ < button ; column ; row M`, from 1): the left button pressed
/// is a tap; the wheel moves as the arrows do; releases, motion and other buttons are
/// ignored.
fn mouse(report: &str, last: u8) -> Sequence {
    let fields: Vec<u16> = report.split(';').filter_map(|f| f.parse().ok()).collect();
    let [button, column, row] = fields[..] else {
        return Sequence::Ignored;
    };
    match (button, last) {
        (0, b'M') if column > 0 && row > 0 => Sequence::Key(Key::Tap(column - 1, row - 1)),
        (64, b'M') => Sequence::Key(Key::Up),
        (65, b'M') => Sequence::Key(Key::Down),
        _ => Sequence::Ignored,
    }
}

/// One byte below 0x80, outside a sequence.
fn control_or_char(b: u8) -> Key {
    match b {
        b'\r' | b'\n' => Key::Enter,
        b'\t' => Key::Tab,
        0x7f | 0x08 => Key::Backspace,
        // Ctrl+C, Ctrl+Z, Ctrl+\, Ctrl+D, Ctrl+S…: nothing.
        0x00..=0x1f => Key::Other,
        _ => Key::Char(b as char),
    }
}

/// A paste, typed: its printable characters, line breaks as spaces (a paste never presses
/// Enter for the person), control characters dropped.
fn paste_keys(bytes: &[u8]) -> Vec<Key> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(Key::Char(' ')),
            c if c.is_control() || c == char::REPLACEMENT_CHARACTER => None,
            c => Some(Key::Char(c)),
        })
        .take(MAX_PASTE)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Key> {
        let mut p = KeyParser::new();
        let mut out = p.feed(bytes);
        out.extend(p.timeout());
        out
    }

    #[test]
    fn letters_digits_and_accents() {
        assert_eq!(
            keys("aé9€".as_bytes()),
            vec![
                Key::Char('a'),
                Key::Char('é'),
                Key::Char('9'),
                Key::Char('€')
            ]
        );
        // A character split between two reads.
        let mut p = KeyParser::new();
        let e = "é".as_bytes();
        assert!(p.feed(&e[..1]).is_empty());
        assert_eq!(p.feed(&e[1..]), vec![Key::Char('é')]);
    }

    #[test]
    fn the_keys_a_kiosk_uses() {
        assert_eq!(keys(b"\r"), vec![Key::Enter]);
        assert_eq!(keys(b"\t"), vec![Key::Tab]);
        assert_eq!(keys(b"\x7f"), vec![Key::Backspace]);
        assert_eq!(
            keys(b"\x1b[A\x1b[B\x1b[C\x1b[D"),
            vec![Key::Up, Key::Down, Key::Right, Key::Left]
        );
        assert_eq!(keys(b"\x1bOA"), vec![Key::Up]);
        assert_eq!(keys(b"\x1b[H"), vec![Key::Home]);
        // Suppr and Fin, for a text field (xterm, the Linux console, rxvt, SS3).
        assert_eq!(keys(b"\x1b[3~"), vec![Key::Delete]);
        assert_eq!(
            keys(b"\x1b[F\x1b[4~\x1b[8~\x1bOF"),
            vec![Key::End, Key::End, Key::End, Key::End]
        );
        assert_eq!(keys(b"\x1b[1~"), vec![Key::Home]);
        assert_eq!(keys(b"\x1b[Z"), vec![Key::BackTab]);
        assert_eq!(keys(b"\x1b[5~\x1b[6~"), vec![Key::PageUp, Key::PageDown]);
        assert_eq!(keys(b"\x1bOQ"), vec![Key::F(2)]);
        assert_eq!(keys(b"\x1b[24~"), vec![Key::F(12)]);
        assert_eq!(keys(b"\x1b[[B"), vec![Key::F(2)], "the Linux console's F2");
    }

    #[test]
    fn control_and_alt_combinations_do_nothing() {
        for b in [0x03u8, 0x1a, 0x1c, 0x04, 0x13] {
            assert_eq!(keys(&[b]), vec![Key::Other]);
        }
        assert_eq!(keys(b"\x1bx"), vec![Key::Other], "Alt+x");
        assert_eq!(keys(b"\x1b[1;5A"), vec![Key::Other], "Ctrl+Up");
        assert_eq!(keys(b"\x1b[24;2~"), vec![Key::Other], "Shift+F12");
    }

    #[test]
    fn a_lone_esc_is_esc_once_nothing_follows() {
        let mut p = KeyParser::new();
        assert!(p.feed(b"\x1b").is_empty());
        assert!(p.waiting());
        assert_eq!(p.timeout(), vec![Key::Esc]);
        assert_eq!(keys(b"\x1b\x1b"), vec![Key::Esc, Key::Esc]);
    }

    #[test]
    fn an_unfinished_sequence_is_dropped_and_the_next_keys_read() {
        let mut p = KeyParser::new();
        assert!(p.feed(b"\x1b[?").is_empty());
        assert!(p.timeout().is_empty());
        assert_eq!(p.feed(b"\x1b[24~"), vec![Key::F(12)]);
        // Even when the next key comes before the silence.
        assert_eq!(keys(b"\x1b[<\x1b[24~"), vec![Key::F(12)]);
        assert_eq!(keys(b"\x1b[?\r"), vec![Key::Enter]);
        // A sequence that never ends is cut at its maximum length; what follows is read.
        let mut long = b"\x1b[".to_vec();
        long.extend([b'1'; 100]);
        long.extend(b"a");
        assert_eq!(keys(&long).last(), Some(&Key::Char('a')));
        // A mouse report's release is ignored.
        assert!(keys(b"\x1b[<0;10;5m").is_empty());
    }

    #[test]
    fn a_paste_is_typed_and_an_unterminated_one_ends_at_the_silence() {
        assert_eq!(
            keys(b"\x1b[200~05 000\x1b[201~\r"),
            vec![
                Key::Char('0'),
                Key::Char('5'),
                Key::Char(' '),
                Key::Char('0'),
                Key::Char('0'),
                Key::Char('0'),
                Key::Enter
            ]
        );
        let mut p = KeyParser::new();
        assert!(p.feed(b"\x1b[200~gap").is_empty());
        assert_eq!(
            p.timeout(),
            vec![Key::Char('g'), Key::Char('a'), Key::Char('p')]
        );
        assert_eq!(p.feed(b"\x1b[24~"), vec![Key::F(12)], "keys read again");
        // A key pressed at once after a paste whose end never came (no silence between):
        // an escape that does not end the paste ends it, and is read as the key it is.
        let mut p = KeyParser::new();
        assert_eq!(
            p.feed(b"\x1b[200~ab\x1b[24~"),
            vec![Key::Char('a'), Key::Char('b'), Key::F(12)]
        );
        assert!(!p.waiting());
        // Enter inside a paste is not Enter.
        assert!(!keys(b"\x1b[200~a\rb\x1b[201~").contains(&Key::Enter));
    }

    #[test]
    fn the_terminals_answers_are_kept_apart_and_never_typed() {
        let mut p = KeyParser::new();
        let keys = p.feed(b"a\x1b]50;DejaVu Sans Mono-14\x07\x1b[?64;1;2c\x1bP1+r6b=3131\x1b\\b");
        assert_eq!(keys, vec![Key::Char('a'), Key::Char('b')]);
        assert_eq!(
            p.answers(),
            vec![
                Answer::Osc("50;DejaVu Sans Mono-14".into()),
                Answer::DeviceAttributes,
                Answer::Dcs("1+r6b=3131".into())
            ]
        );
        assert!(p.answers().is_empty());
        // An OSC may end with ESC \ too, and come in pieces.
        assert!(p.feed(b"\x1b]50;fix").is_empty());
        assert!(p.waiting());
        assert!(p.feed(b"ed\x1b").is_empty());
        assert!(p.feed(b"\\").is_empty());
        assert_eq!(p.answers(), vec![Answer::Osc("50;fixed".into())]);
        // A string cut by a key: the key is read.
        assert_eq!(p.feed(b"\x1b]50;x\x1b[24~"), vec![Key::F(12)]);
        assert!(p.answers().is_empty());
        // Alt+] with nothing after it: dropped at the silence, nothing typed.
        assert!(p.feed(b"\x1b]").is_empty());
        assert!(p.timeout().is_empty());
        assert_eq!(p.feed(b"z"), vec![Key::Char('z')]);
    }

    #[test]
    fn any_bytes_at_all_never_panic_and_end_in_a_clean_state() {
        // A small deterministic generator: no dependency for a fuzz loop.
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut p = KeyParser::new();
        for _ in 0..2000 {
            let len = (next() % 64) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| (next() % 256) as u8).collect();
            p.feed(&bytes);
            if next() % 4 == 0 {
                p.timeout();
                assert!(!p.waiting());
            }
        }
        p.timeout();
        assert_eq!(p.feed(b"\x1b[24~"), vec![Key::F(12)]);
    }

    #[test]
    fn a_tap_is_the_left_button_pressed_the_wheel_moves_the_rest_is_ignored() {
        assert_eq!(
            keys(b"\x1b[<0;12;5M\x1b[<0;12;5m"),
            vec![Key::Tap(11, 4)],
            "pressed: a tap at (11, 4) from 0; released: nothing"
        );
        assert_eq!(
            keys(b"\x1b[<64;1;1M\x1b[<65;1;1M"),
            vec![Key::Up, Key::Down]
        );
        // The right button, motion, a report without its row: nothing.
        assert!(keys(b"\x1b[<2;3;3M\x1b[<32;3;3M\x1b[<0;3M").is_empty());
        // Keys around a report are read as before.
        assert_eq!(
            keys(b"a\x1b[<0;1;1Mb"),
            vec![Key::Char('a'), Key::Tap(0, 0), Key::Char('b')]
        );
    }
}

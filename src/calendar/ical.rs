//! Writing iCalendar (RFC 5545): text values escaped (§3.3.11), lines folded at 75 octets
//! (§3.1). One writer for the agenda file and for the event a QR code carries.
#[derive(Debug, Clone)]
pub(crate) struct Ical {
    out: String,
    newline: &'static str,
}

impl Ical {
    /// A calendar file: lines end with CRLF, as the RFC requires.
    pub(crate) fn file() -> Ical {
        Ical {
            out: String::new(),
            newline: "\r\n",
        }
    }

    /// An event for a QR code: lines end with LF alone, which phones read, and which leaves
    /// room in a small code.
    pub(crate) fn compact() -> Ical {
        Ical {
            out: String::new(),
            newline: "\n",
        }
    }

    /// A property whose value is written as is (a date, a duration, a keyword).
    pub(crate) fn raw(&mut self, name: &str, value: &str) -> &mut Ical {
        self.line(&format!("{name}:{value}"));
        self
    }

    /// A property whose value is text a person wrote or reads: escaped.
    pub(crate) fn text(&mut self, name: &str, value: &str) -> &mut Ical {
        self.line(&format!("{name}:{}", escape(value)));
        self
    }

    /// The last line ends without a line break (a QR payload), or with one (a file).
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Like `finish`, without the final line break.
    pub(crate) fn finish_trimmed(self) -> String {
        self.out.trim_end_matches(self.newline).to_string()
    }

    fn line(&mut self, line: &str) {
        let mut octets = 0;
        for c in line.chars() {
            if octets + c.len_utf8() > 75 {
                self.out.push_str(self.newline);
                self.out.push(' ');
                octets = 1;
            }
            self.out.push(c);
            octets += c.len_utf8();
        }
        self.out.push_str(self.newline);
    }
}

/// RFC 5545 text escaping: backslash, semicolon, comma, and line breaks.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_folded_at_75_octets() {
        let mut ical = Ical::file();
        ical.raw("BEGIN", "VEVENT")
            .text("SUMMARY", &format!("Marie, {}", "très long; ".repeat(10)))
            .text("LOCATION", "1 rue A\\B\nGap");
        let text = ical.finish();
        assert!(text.starts_with("BEGIN:VEVENT\r\nSUMMARY:Marie\\, très long\\;"));
        assert!(text.contains("LOCATION:1 rue A\\\\B\\nGap\r\n"), "{text}");
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:Marie\\, {}", "très long\\; ".repeat(10))));
    }

    #[test]
    fn a_compact_event_ends_lines_with_lf_alone() {
        let mut ical = Ical::compact();
        ical.raw("BEGIN", "VEVENT").raw("END", "VEVENT");
        assert_eq!(ical.finish_trimmed(), "BEGIN:VEVENT\nEND:VEVENT");
    }
}

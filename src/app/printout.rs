//! What a ticket printer is given: the ticket as data, each line with its role (the code in
//! large, a QR code), so that a receipt printer draws them natively (ESC/POS: double size,
//! its own QR code) and any other printer gets the same ticket as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintLine {
    /// The help point's name, at the top, bold.
    Title(String),
    /// What the person must keep (a booking code, a queue number): double size, centred.
    Large(String),
    /// A paragraph, wrapped to the paper.
    Text(String),
    /// A QR code's payload (a calendar event); a plain-text printer leaves it out.
    Qr(String),
    /// An empty line.
    Gap,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printout {
    pub lines: Vec<PrintLine>,
    /// The language of the text (`fr`, `uk`…): a receipt printer picks its code page by it.
    pub locale: String,
}

/// The width of a receipt printer's paper in characters (80 mm paper, font A).
pub const COLUMNS: usize = 40;

impl Printout {
    pub fn new(locale: &str) -> Printout {
        Printout {
            lines: Vec::new(),
            locale: locale.to_string(),
        }
    }

    pub fn push(&mut self, line: PrintLine) -> &mut Printout {
        self.lines.push(line);
        self
    }

    /// The ticket as plain text, 40 columns (`[printer] command`): the large text on a line
    /// of its own, centred, with room around it; no QR code.
    pub fn plain(&self) -> String {
        let mut out = Vec::new();
        for line in &self.lines {
            match line {
                PrintLine::Title(text) | PrintLine::Text(text) => out.extend(wrapped(text)),
                PrintLine::Large(text) => {
                    out.push(String::new());
                    out.push(format!("{text:^COLUMNS$}"));
                    out.push(String::new());
                }
                PrintLine::Gap => out.push(String::new()),
                PrintLine::Qr(_) => {}
            }
        }
        out.join("\n") + "\n"
    }

    /// The text of every line but QR codes (tests, logs of nothing personal: never logged).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().filter_map(|l| match l {
            PrintLine::Title(t) | PrintLine::Large(t) | PrintLine::Text(t) => Some(t.as_str()),
            PrintLine::Qr(_) | PrintLine::Gap => None,
        })
    }

    /// The QR code's payload, if the ticket has one.
    pub fn qr(&self) -> Option<&str> {
        self.lines.iter().find_map(|l| match l {
            PrintLine::Qr(payload) => Some(payload.as_str()),
            _ => None,
        })
    }
}

/// A paragraph in lines of the paper's width, broken between words.
pub fn wrapped(text: &str) -> Vec<String> {
    crate::ui::text::wrap(text, COLUMNS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_puts_the_large_line_alone_and_leaves_the_qr_code_out() {
        let mut p = Printout::new("fr");
        p.push(PrintLine::Title("Mairie de Gap".into()))
            .push(PrintLine::Large("ABC 234".into()))
            .push(PrintLine::Text("mot ".repeat(15)))
            .push(PrintLine::Qr("BEGIN:VEVENT".into()));
        let text = p.plain();
        assert!(
            text.lines().any(|l| l.trim() == "ABC 234" && l.len() == 40),
            "{text}"
        );
        assert!(!text.contains("BEGIN"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert_eq!(p.qr(), Some("BEGIN:VEVENT"));
    }
}

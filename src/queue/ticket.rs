//! A queue ticket as data — the help point, the number, when, what for, the place in line and
//! the wait — so the same ticket is shown large on the screen, said, or printed (the number
//! in double size on a receipt printer, `[printer] escpos`; plain text through
//! `[printer] command`).
use chrono::NaiveDateTime;

use crate::app::printout::{PrintLine, Printout};
use crate::calendar::words;
use crate::domain::queue::{self, Estimate};
use crate::i18n::Tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueTicket {
    pub help_point: String,
    pub number: u32,
    pub taken: NaiveDateTime,
    /// The motif in the person's words.
    pub motif: String,
    pub ahead: usize,
    pub estimate: Estimate,
}

impl QueueTicket {
    pub fn label(&self) -> String {
        queue::label(self.number)
    }

    /// Where the person stands: how many before them, and the wait.
    pub fn standing(&self, tr: &Tr) -> Vec<String> {
        vec![
            tr.text_with("queue-ahead", &[("count", self.ahead.into())]),
            tr.text_with(
                "queue-wait",
                &[
                    ("low", self.estimate.low.into()),
                    ("high", self.estimate.high.into()),
                ],
            ),
        ]
    }

    /// The ticket's lines, in order: help point, title, number, motif, when, standing.
    pub fn lines(&self, tr: &Tr) -> Vec<String> {
        let mut lines = vec![
            self.help_point.clone(),
            tr.text("queue-ticket-title"),
            tr.text_with("queue-your-number", &[("ticket", self.label().into())]),
            self.motif.clone(),
            tr.text_with(
                "queue-ticket-taken",
                &[
                    ("day", words::day(tr, self.taken.date()).into()),
                    ("time", words::time(tr, self.taken).into()),
                ],
            ),
        ];
        lines.extend(self.standing(tr));
        lines.push(tr.text("queue-watch-screen"));
        lines
    }

    /// The printed ticket: the number large, on a line of its own, where the screen says
    /// "Votre numéro : A-012".
    pub fn printout(&self, tr: &Tr) -> Printout {
        let mut p = Printout::new(tr.tag());
        for (i, line) in self.lines(tr).into_iter().enumerate() {
            p.push(match i {
                0 => PrintLine::Title(line),
                2 => PrintLine::Large(self.label()),
                _ => PrintLine::Text(line),
            });
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{demo_config, monday_morning};

    #[test]
    fn the_printed_ticket_has_its_number_alone_and_what_to_expect() {
        let config = demo_config();
        let tr = config.i18n.tr("fr");
        let ticket = QueueTicket {
            help_point: "Point numérique — Mairie de Gap".into(),
            number: 12,
            taken: monday_morning(),
            motif: "Démarche administrative".into(),
            ahead: 2,
            estimate: Estimate { low: 20, high: 45 },
        };
        let printout = ticket.printout(&tr);
        assert!(printout.lines.contains(&PrintLine::Large("A-012".into())));
        let text = printout.plain();
        assert!(text.lines().any(|l| l.trim() == "A-012"), "{text}");
        assert!(text.contains("Il y a 2 personnes avant vous."), "{text}");
        assert!(
            text.contains("Attente estimée : de 20 à 45 minutes."),
            "{text}"
        );
        assert!(text.contains("Pris le lundi 2 mars à 10 h 15"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
    }
}

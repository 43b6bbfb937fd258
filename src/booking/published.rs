//! The agenda as a network publishes it for its kiosks (`borne agenda publish`): each
//! counsellor's PIN hash cut to its salt, the hash kept by the database alone; and as a
//! kiosk reads it back from the network.
use std::path::Path;

use super::agenda::{Agenda, File, HelpPointContext};
use crate::domain::pin;
use crate::i18n::I18n;
use crate::problem::Problem;

/// An agenda as the network's database hands it to this help point's kiosk (see
/// `published`); `source` names where it came from in problems.
pub(crate) fn parse_published(
    source: &Path,
    text: &str,
    i18n: &I18n,
    help_point: HelpPointContext,
) -> Result<Agenda, Vec<Problem>> {
    super::agenda::parse_at(
        source,
        text,
        Some(i18n),
        HelpPointContext {
            published: true,
            ..help_point
        },
    )
}

/// The agenda as a network publishes it for its kiosks: the same text, line for line, with
/// each counsellor's PIN hash cut to its salt (`pin::salted`); and, for the database alone,
/// each counsellor's salted PIN and hash. `None` if the text is not an agenda with valid PIN
/// hashes (check it first).
pub(crate) fn published(text: &str) -> Option<(String, Vec<pin::PublishedPin>)> {
    let file: File = toml::from_str(text).ok()?;
    let mut cuts = Vec::new();
    let mut pins = Vec::new();
    for c in &file.counsellors {
        let (salted, kept) = pin::salted(c.pin_hash.get_ref())?;
        cuts.push((c.pin_hash.span(), format!("{salted:?}")));
        pins.push(pin::PublishedPin {
            counsellor: c.id.get_ref().clone(),
            name: c.name.get_ref().clone(),
            salted,
            kept,
        });
    }
    let mut document = text.to_string();
    cuts.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    for (span, with) in cuts {
        document.replace_range(span, &with);
    }
    Some((document, pins))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking::agenda::{FILE_NAME, parse};
    use crate::calendar::Calendar;

    #[test]
    fn a_published_agenda_keeps_every_line_and_only_the_salt_of_each_pin() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
        let text = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap();
        let (document, pins) = published(&text).unwrap();
        assert_eq!(document.lines().count(), text.lines().count());
        let ids: Vec<&str> = pins.iter().map(|p| p.counsellor.as_str()).collect();
        assert_eq!(ids, ["camille", "karim"]);
        let (salted, kept) = (&pins[0].salted, &pins[0].kept);
        assert_eq!(
            salted,
            "$argon2id$v=19$m=19456,t=2,p=1$+bngNXkG3VFdz8itKuaDvw"
        );
        assert_eq!(pin::proof("1357", salted).as_ref(), Some(kept));
        assert!(document.contains(&format!("pin_hash = \"{salted}\"")));
        assert!(!document.contains("kNghrPnFU20krOqc46"));
        // Read as the network's, it opens; a full hash in it, or the salt alone in a
        // help point's own file, is refused on its line.
        let calendar = Calendar::of_postal_code("05000");
        let context = HelpPointContext {
            calendar,
            staff_pin_hash: "",
            id: Some("mairie-gap"),
            published: true,
        };
        let i18n = I18n::load(&["fr".to_string()], &dir).unwrap();
        let agenda = parse_published(Path::new("published"), &document, &i18n, context).unwrap();
        assert_eq!(agenda.counsellors[0].pin_hash, *salted);
        let refused = parse_published(Path::new("published"), &text, &i18n, context).unwrap_err();
        assert!(
            refused[0].to_string().contains("keeps no PIN hash"),
            "{refused:?}"
        );
        let refused = parse(Path::new("agenda.toml"), &document, None, calendar).unwrap_err();
        assert!(
            refused[0].to_string().contains(
                "agenda.toml:17:12: pin_hash: not a valid argon2id hash (it has no hash part)"
            ),
            "{refused:?}"
        );
    }
}

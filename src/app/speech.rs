//! What the kiosk says aloud, read off the frame as a screen reader would: when a screen
//! opens, its title and question (the text above the focused choice), then the focused
//! choice; then only the focused choice, whenever it changes; a box over the screen when it
//! appears. F4 says the whole screen again.
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::frame::Drawn;
use crate::ui::text::row_of;

/// A frame in words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heard {
    /// Changes when another screen shows (its generation and title).
    pub screen: (u64, String),
    pub title: String,
    /// The body's text above the focused line.
    pub question: String,
    /// The focused choice or field.
    pub focused: String,
    /// The box over the screen: its title and text.
    pub overlay: Option<(String, String)>,
    /// Every line of the frame, the title in words.
    pub whole: String,
}

/// Reads a drawn frame. `generation` is the app's (it changes with the screens).
pub fn heard(buffer: &Buffer, drawn: &Drawn, generation: u64) -> Heard {
    let row = |y: u16, area: Rect| row_of(buffer, y, area);
    let focused = drawn
        .cursor
        .map(|c| {
            let line = row(c.y, buffer.area);
            // From the cursor to the next wide gap: on a row of several choices (languages),
            // only the focused one; on a field, where the cursor ends the text, the row.
            let from: String = line.chars().skip(usize::from(c.x)).collect();
            let choice = from.split("   ").next().unwrap_or("").trim().to_string();
            if choice.is_empty() {
                line.trim().to_string()
            } else {
                choice
            }
        })
        .unwrap_or_default();
    let focused = focused.trim_start_matches('▶').trim().to_string();
    let body = drawn.body;
    let question_end = drawn
        .cursor
        .filter(|c| body.contains(*c))
        .map_or(body.bottom(), |c| c.y);
    let question = lines(body.y..question_end, |y| row(y, body));
    let overlay = drawn.overlay.as_ref().map(|(title, area)| {
        (
            title.clone(),
            lines(area.y..area.bottom(), |y| row(y, *area)),
        )
    });
    let mut whole = vec![drawn.title.clone()];
    whole.push(lines(body.y..body.bottom(), |y| row(y, body)));
    let keys = drawn.keys;
    whole.push(lines(keys.y..keys.bottom(), |y| row(y, keys)));
    if let Some((title, text)) = &overlay {
        whole.push(title.clone());
        whole.push(text.clone());
    }
    Heard {
        screen: (generation, drawn.title.clone()),
        title: drawn.title.clone(),
        question,
        focused,
        overlay,
        whole: whole
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The non-empty lines of some rows, trimmed, one a line; the focus marker is not read.
fn lines(rows: std::ops::Range<u16>, row: impl Fn(u16) -> String) -> String {
    rows.map(row)
        .map(|l| l.replace('▶', " ").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What to say now, given what was heard at the last frame; `None` when nothing changed
/// that a listener needs.
pub fn utterance(before: Option<&Heard>, now: &Heard) -> Option<String> {
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    };
    if let Some((title, text)) = &now.overlay {
        let same_box = before
            .and_then(|b| b.overlay.as_ref())
            .is_some_and(|(t, _)| t == title);
        return match same_box {
            // A countdown that ticks is not said again; a moved focus in the box is.
            true if before.is_some_and(|b| b.focused != now.focused) => Some(now.focused.clone()),
            true => None,
            false => Some(joined(&[title, text])),
        };
    }
    match before {
        Some(b) if b.screen == now.screen && b.overlay.is_none() => {
            (b.focused != now.focused && !now.focused.is_empty()).then(|| now.focused.clone())
        }
        // A new screen, or back from a box: the whole question again.
        _ => Some(joined(&[&now.title, &now.question, &now.focused])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(title: &str, question: &str, focused: &str) -> Heard {
        Heard {
            screen: (1, title.into()),
            title: title.into(),
            question: question.into(),
            focused: focused.into(),
            overlay: None,
            whole: String::new(),
        }
    }

    #[test]
    fn a_new_screen_says_its_title_question_and_focus_then_only_the_focus_when_it_moves() {
        let first = heard("Bonjour", "Que voulez-vous faire ?", "1 Faire le point");
        assert_eq!(
            utterance(None, &first).as_deref(),
            Some("Bonjour\nQue voulez-vous faire ?\n1 Faire le point")
        );
        assert_eq!(utterance(Some(&first), &first), None, "nothing twice");
        let moved = heard(
            "Bonjour",
            "Que voulez-vous faire ?",
            "2 Prendre rendez-vous",
        );
        assert_eq!(
            utterance(Some(&first), &moved).as_deref(),
            Some("2 Prendre rendez-vous")
        );
        let mut next = heard("Votre équipement", "Avez-vous un ordinateur ?", "1 Oui");
        next.screen.0 = 2;
        assert_eq!(
            utterance(Some(&moved), &next).as_deref(),
            Some("Votre équipement\nAvez-vous un ordinateur ?\n1 Oui")
        );
    }

    #[test]
    fn a_box_is_said_when_it_appears_not_at_each_tick_and_the_screen_again_after_it() {
        let screen = heard("Bonjour", "", "1 Faire le point");
        let mut idle = screen.clone();
        idle.overlay = Some(("Vous êtes toujours là ?".into(), "30 secondes".into()));
        assert_eq!(
            utterance(Some(&screen), &idle).as_deref(),
            Some("Vous êtes toujours là ?\n30 secondes")
        );
        let mut tick = idle.clone();
        tick.overlay = Some(("Vous êtes toujours là ?".into(), "29 secondes".into()));
        assert_eq!(utterance(Some(&idle), &tick), None);
        assert_eq!(
            utterance(Some(&tick), &screen).as_deref(),
            Some("Bonjour\n1 Faire le point")
        );
    }
}

//! A screen made of short paragraphs above a list of choices: the shape of most steps (a
//! question, a result, a confirmation). The choices keep their place at the bottom; the text
//! takes what is left.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::View;
use super::choices::{Choice, render_choices, row_height};
use super::text::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Text,
    /// Something went wrong or needs attention; marked with "⚠", never by colour alone.
    Notice,
    /// The one thing to remember (a booking code).
    Strong,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    pub tone: Tone,
    pub indent: u16,
}

pub fn heading(text: String) -> Para {
    Para {
        text,
        tone: Tone::Heading,
        indent: 0,
    }
}
pub fn text(text: String) -> Para {
    Para {
        text,
        tone: Tone::Text,
        indent: 0,
    }
}
pub fn item(text: String) -> Para {
    Para {
        text: format!("• {text}"),
        tone: Tone::Text,
        indent: 2,
    }
}
pub fn notice(text: String) -> Para {
    Para {
        text: format!("⚠ {text}"),
        tone: Tone::Notice,
        indent: 0,
    }
}
/// Something done as asked: marked ✓ and in bold, never with the warning's ⚠ (warnings and
/// successes differ by more than colour).
pub fn success(text: String) -> Para {
    Para {
        text: format!("✓ {text}"),
        tone: Tone::Strong,
        indent: 0,
    }
}
pub fn strong(text: String) -> Para {
    Para {
        text,
        tone: Tone::Strong,
        indent: 0,
    }
}
pub fn blank() -> Para {
    text(String::new())
}

/// Wraps paragraphs to the width, in their tones.
pub fn lines(paras: &[Para], width: u16, view: &View) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for para in paras {
        let style = match para.tone {
            Tone::Heading => view.theme.heading.style(),
            Tone::Text => view.theme.base.style(),
            Tone::Notice => view.theme.notice.style(),
            Tone::Strong => view.theme.title.style(),
        };
        let indent = " ".repeat(para.indent as usize);
        for line in wrap(
            &para.text,
            width.saturating_sub(para.indent).max(1) as usize,
        ) {
            out.push(Line::styled(format!("{indent}{line}"), style));
        }
    }
    out
}

/// Draws the paragraphs, then the choices below them (paged when they do not fit).
pub fn render(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    paras: &[Para],
    choices: &[Choice],
    focused: Option<usize>,
) -> Option<Position> {
    let text = lines(paras, area.width, view);
    let choices_needed = (choices.len() as u16 * row_height(view)).min(area.height);
    // The text gets its lines if it can, leaving at least 3 rows (or all) to the choices.
    let min_choices = choices_needed.min(3 * row_height(view)).min(area.height);
    let text_h = (text.len() as u16 + u16::from(!choices.is_empty()))
        .min(area.height.saturating_sub(min_choices));
    frame.render_widget(
        Paragraph::new(text),
        Rect {
            height: text_h,
            ..area
        },
    );
    let choices_area = Rect {
        y: area.y + text_h,
        height: area.height - text_h,
        ..area
    };
    render_choices(frame, choices_area, view, choices, focused)
}

//! A screen made of short paragraphs above a list of choices: the shape of most steps (a
//! question, a result, a confirmation). The choices keep their place at the bottom; the text
//! takes what is left, a page at a time when it does not fit ("Page 1 sur 2").
use std::cell::Cell;
use std::hash::{Hash, Hasher};

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
    para_lines(paras, width, view).concat()
}

/// Each paragraph's lines, wrapped to the width, in its tone.
fn para_lines(paras: &[Para], width: u16, view: &View) -> Vec<Vec<Line<'static>>> {
    paras
        .iter()
        .map(|para| {
            let style = match para.tone {
                Tone::Heading => view.theme.heading.style(),
                Tone::Text => view.theme.base.style(),
                Tone::Notice => view.theme.notice.style(),
                Tone::Strong => view.theme.title.style(),
            };
            let indent = " ".repeat(para.indent as usize);
            wrap(
                &para.text,
                width.saturating_sub(para.indent).max(1) as usize,
            )
            .into_iter()
            .map(|line| Line::styled(format!("{indent}{line}"), style))
            .collect()
        })
        .collect()
}

/// Paragraphs cut into pages of `room` lines, a paragraph kept whole on one page when it
/// fits on one (a page never ends in the middle of a sentence that the next could hold).
fn pages_of(paras: Vec<Vec<Line<'static>>>, room: usize) -> Vec<Vec<Line<'static>>> {
    let room = room.max(1);
    let mut pages: Vec<Vec<Line>> = Vec::new();
    let mut page: Vec<Line> = Vec::new();
    for para in paras {
        for chunk in para.chunks(room) {
            if !page.is_empty() && page.len() + chunk.len() > room {
                pages.push(std::mem::take(&mut page));
            }
            page.extend(chunk.iter().cloned());
        }
    }
    if !page.is_empty() || pages.is_empty() {
        pages.push(page);
    }
    pages
}

/// Which page of the body's text shows. How many pages a text has depends on the terminal's
/// size, known only when drawing: the frame starts each drawing at one page, the text records
/// its count here, and the page keys turn it. A new text starts on its first page.
#[derive(Debug, Default)]
pub struct Pager {
    page: Cell<usize>,
    pages: Cell<usize>,
    /// Which text the page belongs to.
    text: Cell<u64>,
    /// A paged text was drawn in the frame being drawn.
    counted: Cell<bool>,
}

impl Pager {
    /// Pages of the text drawn last (1 when it fits).
    pub fn pages(&self) -> usize {
        self.pages.get().max(1)
    }

    /// Another screen: its text starts on its first page.
    pub fn reset(&self) {
        self.page.set(0);
        self.pages.set(1);
    }

    /// Before each drawing. The count of the frame before stays meanwhile, so that its key
    /// bar already says the page keys and the frame is drawn once when nothing changed.
    pub fn start_drawing(&self) {
        self.counted.set(false);
    }

    /// After each drawing: a screen that drew no paged text has one page.
    pub fn finish_drawing(&self) {
        if !self.counted.get() {
            self.pages.set(1);
        }
    }

    /// Turns a page, forward or back; false when the text has no pages to turn.
    pub fn turn(&self, forward: bool) -> bool {
        let pages = self.pages();
        if pages < 2 {
            return false;
        }
        let page = self.page.get().min(pages - 1);
        self.page.set(if forward {
            (page + 1).min(pages - 1)
        } else {
            page.saturating_sub(1)
        });
        true
    }

    /// The page to show of a text (known by its hash) of `pages` pages.
    pub fn show(&self, text: u64, pages: usize) -> usize {
        if self.text.replace(text) != text {
            self.page.set(0);
        }
        self.pages.set(pages);
        self.counted.set(true);
        // Not kept: a frame drawn twice (its keys changed) may count fewer pages at first.
        self.page.get().min(pages.saturating_sub(1))
    }
}

/// What identifies a text for the pager: its words (the same text on a narrower screen keeps
/// its page).
pub fn text_hash(paras: &[Para]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    for para in paras {
        para.text.hash(&mut hasher);
    }
    hasher.finish()
}

/// Draws paragraphs a page at a time in `area`: the page's lines, then "Page 1 sur 2" under
/// them. Returns the rows used.
pub fn render_paged(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    paras: Vec<Vec<Line<'static>>>,
    hash: u64,
) -> u16 {
    if area.height == 0 {
        return 0;
    }
    let total: usize = paras.iter().map(Vec::len).sum();
    // Too small a window for a page line and a line of text: what fits shows.
    if total <= area.height as usize || area.height < 2 {
        let used = total.min(area.height as usize) as u16;
        frame.render_widget(Paragraph::new(paras.concat()), area);
        return used;
    }
    // The last row says which page this is.
    let pages = pages_of(paras, usize::from(area.height - 1));
    let page = view.pager.show(hash, pages.len());
    let count = pages.len();
    let shown = pages.into_iter().nth(page).unwrap_or_default();
    let used = shown.len() as u16;
    frame.render_widget(Paragraph::new(shown), area);
    let label = view.tr.text_with(
        "page-of",
        &[
            ("page", (page as i64 + 1).into()),
            ("pages", (count as i64).into()),
        ],
    );
    let y = (area.y + used).min(area.bottom().saturating_sub(1));
    frame.render_widget(
        Paragraph::new(label).style(view.theme.heading.style()),
        Rect::new(area.x, y, area.width, 1),
    );
    used + 1
}

/// Draws the paragraphs, then the choices below them (each paged when they do not fit).
/// The question (the headings the text ends with, just above the choices: "Choisissez un
/// jour", "cette semaine") stays over the choices on every page; what comes before it is
/// the text that pages.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    paras: &[Para],
    choices: &[Choice],
    focused: Option<usize>,
) -> Option<Position> {
    let text = para_lines(paras, area.width, view);
    let text_len: usize = text.iter().map(Vec::len).sum();
    let choices_needed = (choices.len() as u16 * row_height(view)).min(area.height);
    // The text gets its lines if it can, leaving at least 3 rows (or all) to the choices.
    let min_choices = choices_needed.min(3 * row_height(view)).min(area.height);
    let gap = u16::from(!choices.is_empty());
    let text_h = (text_len as u16 + gap).min(area.height.saturating_sub(min_choices));
    let room = text_h.saturating_sub(gap);
    let split = if choices.is_empty() {
        paras.len()
    } else {
        paras
            .iter()
            .rposition(|p| p.tone != Tone::Heading)
            .map_or(0, |i| i + 1)
    };
    let question: Vec<Line<'static>> = text[split..].concat();
    let question_h = question.len() as u16;
    if text_len as u16 <= room || split == paras.len() || split == 0 || question_h + 2 > room {
        render_paged(
            frame,
            Rect {
                height: room.max(1).min(text_h),
                ..area
            },
            view,
            text,
            text_hash(paras),
        );
    } else {
        // The text before the question pages in the rows the question leaves.
        let context_h = room - question_h;
        render_paged(
            frame,
            Rect {
                height: context_h,
                ..area
            },
            view,
            text[..split].to_vec(),
            text_hash(&paras[..split]),
        );
        frame.render_widget(
            Paragraph::new(question),
            Rect {
                y: area.y + context_h,
                height: question_h,
                ..area
            },
        );
    }
    let choices_area = Rect {
        y: area.y + text_h,
        height: area.height - text_h,
        ..area
    };
    render_choices(frame, choices_area, view, choices, focused)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(n: usize, word: &str) -> Vec<Line<'static>> {
        (0..n).map(|i| Line::from(format!("{word} {i}"))).collect()
    }

    fn shape(pages: &[Vec<Line<'static>>]) -> Vec<usize> {
        pages.iter().map(Vec::len).collect()
    }

    #[test]
    fn a_paragraph_that_fits_on_a_page_is_never_cut_between_two() {
        // 2 + 2 lines fill a page of 4; the next two-line paragraph starts the next page
        // rather than leave its first line alone at the bottom.
        let pages = pages_of(vec![para(2, "a"), para(1, "b"), para(2, "c")], 4);
        assert_eq!(shape(&pages), vec![3, 2]);
        assert_eq!(pages[1][0], Line::from("c 0"));
        // A paragraph longer than a page is cut where it must.
        assert_eq!(shape(&pages_of(vec![para(9, "d")], 4)), vec![4, 4, 1]);
        assert_eq!(shape(&pages_of(Vec::new(), 4)), vec![0]);
    }
}

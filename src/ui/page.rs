//! A screen made of short paragraphs above a list of choices: the shape of most steps (a
//! question, a result, a confirmation). The choices keep their place at the bottom; the text
//! takes what is left, a page at a time when it does not fit ("Page 1 sur 2").
use std::hash::{Hash, Hasher};

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::View;
use super::choices::{Choice, Hit, ListPages, list_pages, render_list, row_height};
use super::lines::Lines;
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

/// What most screens show in their body: paragraphs above choices, one of them focused. A
/// screen that gives it as data (`Screen::body`) is paged by the kiosk as it is drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    pub paras: Vec<Para>,
    pub choices: Vec<Choice>,
    pub focused: Option<usize>,
    /// Columns kept on the right for something drawn beside (the lieux' map), from a body
    /// this wide: (from width, columns).
    pub aside: Option<(u16, u16)>,
    /// A number drawn in big letters above (a queue ticket's), of this many characters.
    pub big: Option<u16>,
}

/// The rows a number of `chars` characters in big letters takes above a body in `area` (with
/// the blank row under it): 0 where it does not fit, or for a screen reader. Half height
/// below 22 rows. Never on a terminal of fewer than 21 rows: there, whether the key bar says
/// the page keys (a row more or less for the body) would decide whether the number is drawn,
/// and that whether the text has pages.
pub fn big_rows(area: Rect, view: &View, chars: u16) -> u16 {
    let rows = if area.height >= 22 { 8 } else { 4 };
    if view.linear || view.screen.1 < 21 || area.height < rows + 8 || chars * 8 > area.width {
        0
    } else {
        rows + 1
    }
}

impl Body {
    pub fn new(paras: Vec<Para>, choices: Vec<Choice>, focused: Option<usize>) -> Body {
        Body {
            paras,
            choices,
            focused,
            aside: None,
            big: None,
        }
    }

    /// Where the paragraphs and choices go in the body's area: left of what is beside.
    pub fn area(&self, area: Rect, view: &View) -> Rect {
        let area = match self.aside {
            Some((from, columns)) if area.width >= from => Rect {
                width: area.width - columns,
                ..area
            },
            _ => area,
        };
        match self.big {
            Some(chars) => {
                let rows = big_rows(area, view, chars);
                Rect {
                    y: area.y + rows,
                    height: area.height - rows,
                    ..area
                }
            }
            None => area,
        }
    }

    /// What is beside, if the area is wide enough for it.
    pub fn beside(&self, area: Rect, view: &View) -> Option<Rect> {
        let left = self.area(Rect { ..area }, view);
        let left = Rect {
            y: area.y,
            height: area.height,
            ..left
        };
        (left.width < area.width).then(|| Rect {
            x: left.right() + 1,
            width: area.width - left.width - 1,
            ..area
        })
    }
}

/// What identifies a text: its words (the same text on a narrower screen keeps its page).
pub fn text_hash(paras: &[Para]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    for para in paras {
        para.text.hash(&mut hasher);
    }
    hasher.finish()
}

/// How a body is laid out in an area of a given size: its text's rows and pages, its list's
/// pages. A function of the size and the body alone: the kiosk knows before drawing how many
/// pages there are and what the page keys turn to.
///
/// One pager a screen: the text's pages come first (the list on its first page below them),
/// then the list's (under the text's first page): "Page 3 sur 5" counts them all.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Rows of the text (with the gap above the choices).
    text_h: u16,
    /// Rows for the text that pages (its page line included), and where the question under
    /// it starts (the paragraphs' count when there is none).
    paging: (u16, usize),
    /// The text's pages (1 when it fits).
    pub text_pages: usize,
    pub list: ListPages,
}

impl Layout {
    /// Pages in all.
    pub fn count(&self) -> usize {
        self.text_pages + self.list.count() - 1
    }

    /// The page shown (from 0): the text's `text_page` while the focus is on the list's
    /// first page, else the list's page holding the focus.
    pub fn shown(&self, text_page: usize, focused: Option<usize>) -> usize {
        let list = self.list.page(focused).number - 1;
        if list > 0 {
            self.text_pages - 1 + list
        } else {
            text_page.min(self.text_pages - 1)
        }
    }

    /// What a tap at row `dy` of the body lands on: a choice, or the page line (the next
    /// page).
    pub fn at(&self, focused: Option<usize>, dy: u16) -> Option<Hit> {
        let below = dy.checked_sub(self.text_h)?;
        let both = self.text_pages > 1 && self.list.count() > 1;
        self.list.at(focused, below, both || self.list.count() > 1)
    }

    /// Where a page key goes from page `from`: the text's page to show, and the choice to
    /// focus when the page is one of the list's. None at either end.
    pub fn turn(&self, from: usize, forward: bool) -> Option<(usize, Option<usize>)> {
        let to = if forward {
            (from + 1 < self.count()).then_some(from + 1)?
        } else {
            from.checked_sub(1)?
        };
        let last_text = self.text_pages - 1;
        if to < last_text {
            return Some((to, None));
        }
        let first = self.list.pages[to - last_text].0;
        // From the text's pages to the list's first page, the focus stays where it was.
        let focus = (to > last_text || from > to).then_some(first);
        Some((to.min(last_text), focus))
    }
}

/// Lays out paragraphs above choices in an area of `area` (columns, rows).
pub fn layout(area: (u16, u16), view: &View, paras: &[Para], choices: &[Choice]) -> Layout {
    let (width, height) = area;
    let text = para_lines(paras, width, view);
    let text_len: usize = text.iter().map(Vec::len).sum();
    let choices_needed = (choices.len() as u16 * row_height(view)).min(height);
    // The text gets its lines if it can, leaving at least 3 rows (or all) to the choices.
    let min_choices = choices_needed.min(3 * row_height(view)).min(height);
    let gap = u16::from(!choices.is_empty());
    let text_h = (text_len as u16 + gap).min(height.saturating_sub(min_choices));
    let room = text_h.saturating_sub(gap);
    let split = question_at(paras, choices);
    let question_h: u16 = text[split..].iter().map(|p| p.len() as u16).sum();
    // The text before the question pages in the rows the question leaves (all the rows
    // when there is no question, or too little room for both).
    let (pager_h, paged) =
        if text_len as u16 <= room || split == paras.len() || split == 0 || question_h + 2 > room {
            (room.max(1).min(text_h), &text[..])
        } else {
            (room - question_h, &text[..split])
        };
    let paged_len: usize = paged.iter().map(Vec::len).sum();
    let text_pages = if paged_len <= pager_h as usize || pager_h < 2 {
        1
    } else {
        pages_of(paged.to_vec(), usize::from(pager_h - 1)).len()
    };
    let list = list_pages((width, height - text_h), view, 0, 0, choices);
    Layout {
        text_h,
        paging: (
            pager_h,
            if paged.len() == text.len() {
                paras.len()
            } else {
                split
            },
        ),
        text_pages,
        list,
    }
}

/// Where the question starts: the headings the text ends with, just above the choices
/// ("Choisissez un jour", "cette semaine"), stay over the choices on every page.
fn question_at(paras: &[Para], choices: &[Choice]) -> usize {
    if choices.is_empty() {
        paras.len()
    } else {
        paras
            .iter()
            .rposition(|p| p.tone != Tone::Heading)
            .map_or(0, |i| i + 1)
    }
}

/// Draws paragraphs a page at a time in `area`: the page's lines, then "Page 1 sur 2" under
/// them (or a blank row where the screen's one pager line is the list's). Returns the rows
/// used.
fn render_paged(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    paras: Vec<Vec<Line<'static>>>,
    page: usize,
    label: bool,
) -> u16 {
    if area.height == 0 {
        return 0;
    }
    let total: usize = paras.iter().map(Vec::len).sum();
    // Too small a window for a page line and a line of text: what fits shows.
    if total <= area.height as usize || area.height < 2 {
        let used = total.min(area.height as usize) as u16;
        frame.render_widget(Lines::new(paras.concat()), area);
        return used;
    }
    // The last row says which page this is.
    let pages = pages_of(paras, usize::from(area.height - 1));
    let count = pages.len();
    let page = page.min(count - 1);
    let shown = pages.into_iter().nth(page).unwrap_or_default();
    let used = shown.len() as u16;
    frame.render_widget(Lines::new(shown), area);
    if label {
        let label = view.tr.text_with(
            "page-of",
            &[
                ("page", (page as i64 + 1).into()),
                ("pages", (count as i64).into()),
            ],
        );
        let y = (area.y + used).min(area.bottom().saturating_sub(1));
        frame.render_widget(
            Lines::new(label).style(view.theme.heading.style()),
            Rect::new(area.x, y, area.width, 1),
        );
    }
    used + 1
}

/// Draws the paragraphs, then the choices below them, on the page the person turned to
/// (`View::page`) or the one holding the focus.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    paras: &[Para],
    choices: &[Choice],
    focused: Option<usize>,
) -> Option<Position> {
    let layout = layout((area.width, area.height), view, paras, choices);
    let text = para_lines(paras, area.width, view);
    let shown = layout.shown(view.page, focused);
    // The list's later pages go under the text's first page: who and what this is about,
    // and any warning, stay in view while the person moves down the choices.
    let text_page = if shown < layout.text_pages { shown } else { 0 };
    // One pager line a screen: the list's when the list pages too.
    let both = layout.text_pages > 1 && layout.list.count() > 1;
    let (pager_h, split) = layout.paging;
    render_paged(
        frame,
        Rect {
            height: pager_h,
            ..area
        },
        view,
        text[..split].to_vec(),
        text_page,
        !both,
    );
    if split < paras.len() {
        let question: Vec<Line<'static>> = text[split..].concat();
        frame.render_widget(
            Lines::new(question.clone()),
            Rect {
                y: area.y + pager_h,
                height: (question.len() as u16).min(area.height.saturating_sub(pager_h)),
                ..area
            },
        );
    }
    let choices_area = Rect {
        y: area.y + layout.text_h,
        height: area.height - layout.text_h,
        ..area
    };
    let counted = both.then(|| (shown + 1, layout.count()));
    render_list(
        frame,
        choices_area,
        view,
        &[],
        None,
        choices,
        focused,
        counted,
    )
}

/// Draws a body (`Screen::body`).
pub fn render_body(frame: &mut Frame, area: Rect, view: &View, body: &Body) -> Option<Position> {
    render(
        frame,
        body.area(area, view),
        view,
        &body.paras,
        &body.choices,
        body.focused,
    )
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

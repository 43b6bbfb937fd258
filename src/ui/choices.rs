//! Lists of choices, drawn the same way on every screen: a `▶` marker and reverse video on
//! the focused one, its number, a check mark where it is a toggle. In large text the choices
//! are spaced out and fewer fit, so the list pages ("Page 1 sur 2") and follows the focus.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::View;
use super::lines::Lines;
use super::text::width;

pub const MARKER: &str = "▶ ";

/// Numbered choices a page shows at most: one digit chooses each.
pub const PER_PAGE: usize = 9;
pub const NO_MARKER: &str = "  ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    /// A toggle: `[x]` or `[ ]`.
    Check(bool),
    /// One of several: `(•)` or `( )`.
    Radio(bool),
    /// Not possible now: drawn dim, said "indisponible"; its label says why or when.
    Unavailable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub number: Option<usize>,
    pub label: String,
    pub mark: Mark,
}

/// A fixed list of choices, numbered from 1, from their message ids.
pub fn numbered_list(ids: &[&str], tr: &crate::i18n::Tr) -> Vec<Choice> {
    ids.iter()
        .enumerate()
        .map(|(n, id)| Choice::numbered(n + 1, tr.text(id)))
        .collect()
}

impl Choice {
    pub fn numbered(number: usize, label: String) -> Choice {
        Choice {
            number: Some(number),
            label,
            mark: Mark::None,
        }
    }

    pub fn marked(label: String, mark: Mark) -> Choice {
        Choice {
            number: None,
            label,
            mark,
        }
    }

    /// The choice's text after the marker.
    pub fn text(&self) -> String {
        let mark = match self.mark {
            Mark::None | Mark::Unavailable => "",
            Mark::Check(true) => "[x] ",
            Mark::Check(false) => "[ ] ",
            Mark::Radio(true) => "(•) ",
            Mark::Radio(false) => "( ) ",
        };
        match self.number {
            Some(n) => format!("{n}  {mark}{}", self.label),
            None => format!("{mark}{}", self.label),
        }
    }
}

impl Choice {
    /// The choice as a voice says it: its number, its whole label, its state in words
    /// ("2, Texte en grand, coché").
    pub fn said(&self, tr: &crate::i18n::Tr) -> String {
        let state = match self.mark {
            Mark::None => None,
            Mark::Unavailable => Some("said-unavailable"),
            Mark::Check(true) => Some("said-checked"),
            Mark::Check(false) => Some("said-unchecked"),
            Mark::Radio(true) => Some("said-chosen"),
            Mark::Radio(false) => Some("said-not-chosen"),
        };
        let mut text = match self.number {
            Some(n) => format!("{n}, {}", self.label),
            None => self.label.clone(),
        };
        if let Some(id) = state {
            text.push_str(", ");
            text.push_str(&tr.text(id));
        }
        text
    }
}

fn choice_ink(choice: &Choice, focused: bool, view: &View) -> super::theme::Ink {
    if focused {
        view.theme.focus
    } else if matches!(choice.mark, Mark::Check(true) | Mark::Radio(true)) {
        view.theme.checked
    } else {
        view.theme.base
    }
}

/// A choice's style: its ink, dimmed when it is not possible now.
fn choice_style(choice: &Choice, focused: bool, view: &View) -> ratatui::style::Style {
    let style = choice_ink(choice, focused, view).style();
    if choice.mark == Mark::Unavailable {
        style.add_modifier(ratatui::style::Modifier::DIM)
    } else {
        style
    }
}

fn choice_spans(choice: &Choice, focused: bool, view: &View) -> Vec<Span<'static>> {
    let marker = if focused { MARKER } else { NO_MARKER };
    let marker_ink = if focused {
        view.theme.focus
    } else {
        view.theme.base
    };
    vec![
        Span::styled(marker, marker_ink.style()),
        Span::styled(choice.text(), choice_style(choice, focused, view)),
    ]
}

/// A choice's text wrapped to the width, continuation lines aligned under its label.
fn choice_lines(choice: &Choice, focused: bool, width: u16, view: &View) -> Vec<Line<'static>> {
    let text = choice.text();
    let room = (width as usize).saturating_sub(MARKER_WIDTH).max(1);
    if super::text::width(&text) <= room && !text.contains('\n') {
        return vec![Line::from(choice_spans(choice, focused, view))];
    }
    let ink = choice_style(choice, focused, view);
    let marker_ink = if focused {
        view.theme.focus
    } else {
        view.theme.base
    };
    let prefix = &text[..text.len() - choice.label.len()];
    let indent = super::text::width(prefix);
    let wrapped = super::text::wrap(&choice.label, room.saturating_sub(indent).max(1));
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            let lead = if i == 0 {
                let marker = if focused { MARKER } else { NO_MARKER };
                vec![
                    Span::styled(marker, marker_ink.style()),
                    Span::styled(prefix.to_string(), ink),
                ]
            } else {
                vec![Span::styled(
                    " ".repeat(MARKER_WIDTH + indent),
                    marker_ink.style(),
                )]
            };
            let mut spans = lead;
            spans.push(Span::styled(piece, ink));
            Line::from(spans)
        })
        .collect()
}

const MARKER_WIDTH: usize = 2;

/// Rows one choice takes: spaced out in large text.
pub fn row_height(view: &View) -> u16 {
    if view.large { 2 } else { 1 }
}

/// Rows a whole list of choices takes at this width, spacing included.
pub fn list_height(choices: &[Choice], width: u16, view: &View) -> u16 {
    let gap = u16::from(view.large);
    choices
        .iter()
        .map(|c| choice_lines(c, false, width, view).len() as u16 + gap)
        .sum::<u16>()
        .saturating_sub(gap)
}

/// Which slice of the list a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub start: usize,
    pub end: usize,
    pub number: usize,
    pub count: usize,
}

/// Cuts items of the given heights into pages of `room` rows, a page also starting at each
/// of `breaks`: each page's (start, end).
fn cut(heights: &[u16], room: u16, breaks: &[usize]) -> Vec<(usize, usize)> {
    let mut pages: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (i, h) in heights.iter().enumerate() {
        if i > start && (used + h > room || breaks.contains(&i)) {
            pages.push((start, i));
            start = i;
            used = 0;
        }
        used += h;
    }
    pages.push((start, heights.len()));
    pages
}

/// The page holding `focused` among pages cut as `cut` does.
fn page_in(pages: &[(usize, usize)], focused: usize) -> Page {
    let number = pages
        .iter()
        .position(|(s, e)| focused >= *s && focused < *e)
        .unwrap_or(0);
    Page {
        start: pages[number].0,
        end: pages[number].1,
        number: number + 1,
        count: pages.len(),
    }
}

/// Cuts items of the given heights into pages of `room` rows, a page also starting at each
/// of `breaks`; the page holding `focused`.
pub fn page_of(heights: &[u16], room: u16, breaks: &[usize], focused: usize) -> Page {
    page_in(&cut(heights, room, breaks), focused)
}

/// How a list of choices is cut into pages in an area: worked out from the area's size and
/// the choices alone, so that the page keys turn exactly the pages drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPages {
    /// Each page's (first choice, end).
    pub pages: Vec<(usize, usize)>,
    /// Blank rows between two choices (large text).
    gap: u16,
    /// Rows of the lead shown on the first page.
    lead_h: u16,
    /// Rows of the heading over the list, on every page.
    heading_h: u16,
    /// Rows of each choice.
    rows: Vec<u16>,
    /// Rows of the area.
    height: u16,
}

/// What a tap lands on in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Choice(usize),
    /// The page line ("Page 1 sur 3"): the next page.
    Page,
}

impl ListPages {
    /// The page holding `focused` (the first without focus).
    pub fn page(&self, focused: Option<usize>) -> Page {
        page_in(&self.pages, focused.unwrap_or(0))
    }

    pub fn count(&self) -> usize {
        self.pages.len()
    }

    /// What is at row `dy` of the list's area, on the page holding `focused`; `paged` when a
    /// page line shows under the list (its own pages, or the screen's).
    pub fn at(&self, focused: Option<usize>, dy: u16, paged: bool) -> Option<Hit> {
        let page = self.page(focused);
        let mut y = self.heading_h + if page.start == 0 { self.lead_h } else { 0 };
        for (i, h) in self.rows.iter().enumerate().take(page.end).skip(page.start) {
            if (y..y + h).contains(&dy) {
                return Some(Hit::Choice(i));
            }
            y += h + self.gap;
        }
        // The page line's row, as drawn.
        let lines = y.saturating_sub(self.gap);
        let last = self.height.saturating_sub(1);
        let row = last.min(lines + self.gap).max(lines.min(last));
        (paged && dy == row).then_some(Hit::Page)
    }
}

/// The pages of a list under `heading_h` rows of heading, led by `lead_h` rows on its first
/// page, in an area of `area` (columns, rows).
pub fn list_pages(
    area: (u16, u16),
    view: &View,
    lead_h: u16,
    heading_h: u16,
    choices: &[Choice],
) -> ListPages {
    let (width, height) = area;
    let list_h = height.saturating_sub(heading_h);
    let mut gap = u16::from(view.large);
    let (breaks, shown) = numbered_pages(choices);
    let rows: Vec<u16> = choices
        .iter()
        .zip(shown)
        .map(|(c, number)| {
            let c = Choice {
                number,
                ..c.clone()
            };
            choice_lines(&c, false, width, view).len() as u16
        })
        .collect();
    // Large text spaces the choices out, but never at the cost of a page: a list that fits
    // without its blank rows keeps every choice in sight.
    let tight: u16 = rows.iter().sum();
    let spaced = tight + gap * (rows.len() as u16).saturating_sub(1);
    if gap > 0 && breaks.is_empty() && spaced > list_h && tight <= list_h {
        gap = 0;
    }
    let mut heights: Vec<u16> = rows.iter().map(|h| h + gap).collect();
    let mut lead_h = lead_h;
    // The last item needs no gap after it.
    let total: u16 = heights.iter().sum::<u16>().saturating_sub(gap);
    // The lead goes before the list turns a page: every choice in sight comes first.
    if lead_h > 0 && breaks.is_empty() && total + lead_h > list_h && total <= list_h {
        lead_h = 0;
    }
    let paged = total + lead_h > list_h || !breaks.is_empty();
    let room = if paged {
        // One row goes to "Page 1 sur 2".
        list_h.saturating_sub(1) + gap
    } else {
        list_h + gap
    };
    if lead_h > 0 && heights.first().is_some_and(|h| lead_h + h > room) {
        lead_h = 0;
    }
    // The lead is the first page's first item, never focused.
    if let Some(first) = heights.first_mut() {
        *first += lead_h;
    }
    ListPages {
        pages: if choices.is_empty() {
            vec![(0, 0)]
        } else {
            cut(&heights, room, &breaks)
        },
        gap,
        lead_h,
        heading_h,
        rows,
        height,
    }
}

/// Each choice's number as shown (counted from 1 on each page of nine or group): the digit
/// that chooses it.
pub fn shown_numbers(choices: &[Choice]) -> Vec<Option<usize>> {
    numbered_pages(choices).1
}

/// Where a list of choices turns a page whatever the room (as `FocusGrid` does): at a choice
/// numbered 1 (a new group) and after nine numbered choices. With each choice's number as
/// shown: counted from 1 on each page, so that one digit chooses.
fn numbered_pages(choices: &[Choice]) -> (Vec<usize>, Vec<Option<usize>>) {
    let mut breaks = Vec::new();
    let mut shown = Vec::with_capacity(choices.len());
    let mut on_page = 0;
    for (i, choice) in choices.iter().enumerate() {
        if let Some(number) = choice.number {
            if on_page == PER_PAGE || (number == 1 && on_page > 0) {
                breaks.push(i);
                on_page = 0;
            }
            on_page += 1;
            shown.push(Some(on_page));
        } else {
            shown.push(None);
        }
    }
    (breaks, shown)
}

/// Draws a vertical list; returns the focused choice's marker position. Without focus (it is
/// on another part of the screen) the first page shows. Long choices wrap; lists longer than
/// the area page ("Page 1 sur 2"), following the focus.
pub fn render_choices(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    choices: &[Choice],
    focused: Option<usize>,
) -> Option<Position> {
    render_led_choices(frame, area, view, &[], None, choices, focused)
}

/// The same under a heading on every page, with lines that lead the list on its first page
/// before the heading (the welcome's greeting): read with the first choice, and left out
/// when they do not fit with it.
pub fn render_led_choices(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    lead: &[Line<'static>],
    heading: Option<Line<'static>>,
    choices: &[Choice],
    focused: Option<usize>,
) -> Option<Position> {
    render_list(frame, area, view, lead, heading, choices, focused, None)
}

/// Draws a list as `render_led_choices` does; `counted` is the page line's (page, pages)
/// when the list's pages are a part of the screen's (text above it pages too).
#[allow(clippy::too_many_arguments)]
pub fn render_list(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    lead: &[Line<'static>],
    heading: Option<Line<'static>>,
    choices: &[Choice],
    focused: Option<usize>,
    counted: Option<(usize, usize)>,
) -> Option<Position> {
    if area.height == 0 || area.width == 0 || choices.is_empty() {
        return None;
    }
    let heading_h = u16::from(heading.is_some());
    let layout = list_pages(
        (area.width, area.height),
        view,
        lead.len() as u16,
        heading_h,
        choices,
    );
    let (gap, lead_h) = (layout.gap, layout.lead_h);
    let (_, shown) = numbered_pages(choices);
    let rendered: Vec<Vec<Line>> = choices
        .iter()
        .zip(shown)
        .enumerate()
        .map(|(i, (c, number))| {
            let c = Choice {
                number,
                ..c.clone()
            };
            choice_lines(&c, focused == Some(i), area.width, view)
        })
        .collect();
    let page = layout.page(focused);
    let mut lines = Vec::new();
    if page.start == 0 && lead_h > 0 {
        lines.extend(lead.iter().cloned());
    }
    lines.extend(heading);
    let mut cursor = None;
    for (index, item) in rendered.iter().enumerate().take(page.end).skip(page.start) {
        if focused == Some(index) {
            cursor = Some(Position::new(area.x, area.y + lines.len() as u16));
        }
        lines.extend(item.iter().cloned());
        if gap > 0 && index + 1 < page.end {
            lines.push(Line::default());
        }
    }
    let (number, count) = counted.unwrap_or((page.number, page.count));
    if count > 1 {
        let text = view.tr.text_with(
            "page-of",
            &[
                ("page", (number as i64).into()),
                ("pages", (count as i64).into()),
            ],
        );
        let row = (area.height as usize - 1).min(lines.len() + usize::from(gap));
        let row = row.max(lines.len().min(area.height as usize - 1));
        lines.truncate(row);
        while lines.len() < row {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(text, view.theme.heading.style())));
    }
    frame.render_widget(Lines::new(lines).style(view.theme.base.style()), area);
    cursor.filter(|p| p.y < area.bottom())
}

/// Choices laid out side by side after a label, wrapping to more rows when the line is full.
pub struct InlineChoices<'c> {
    pub label: String,
    pub choices: &'c [Choice],
    pub focused: Option<usize>,
    /// The screen-reader mode: one choice a line.
    pub linear: bool,
}

impl InlineChoices<'_> {
    /// (row, column) of each choice's marker, and of the label at (0, 0).
    fn positions(&self, max: u16) -> Vec<(u16, u16)> {
        if self.linear {
            // One choice a line, under the label, for a screen reader.
            return (1..=self.choices.len() as u16)
                .map(|row| (row, 2))
                .collect();
        }
        let max = max as usize;
        // Wrapped choices line up under the first one when there is room for them.
        let indent = width(&self.label) + 1;
        let widest = self
            .choices
            .iter()
            .map(|c| width(NO_MARKER) + width(&c.text()))
            .max()
            .unwrap_or(0);
        let wrap_to = if indent + widest <= max { indent } else { 2 };
        let mut row = 0;
        let mut col = indent;
        let mut out = Vec::new();
        for choice in self.choices {
            let w = width(NO_MARKER) + width(&choice.text()) + 2;
            if col + w > max && col > indent.min(wrap_to) {
                row += 1;
                col = wrap_to;
            }
            out.push((row as u16, col as u16));
            col += w;
        }
        out
    }

    pub fn height(&self, max: u16) -> u16 {
        self.positions(max).last().map_or(1, |(row, _)| row + 1)
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let positions = self.positions(area.width);
        let rows = self.height(area.width);
        let mut lines: Vec<Vec<Span>> = vec![Vec::new(); rows as usize];
        lines[0].push(Span::styled(
            format!("{} ", self.label),
            view.theme.heading.style(),
        ));
        let mut cursor = None;
        for (i, (choice, (row, col))) in self.choices.iter().zip(&positions).enumerate() {
            let line = &mut lines[*row as usize];
            let used: usize = line.iter().map(|s| width(&s.content)).sum();
            line.push(Span::raw(" ".repeat((*col as usize).saturating_sub(used))));
            let focused = self.focused == Some(i);
            if focused {
                cursor = Some(Position::new(area.x + col, area.y + row));
            }
            line.extend(choice_spans(choice, focused, view));
        }
        let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
        frame.render_widget(Lines::new(lines).style(view.theme.base.style()), area);
        cursor.filter(|p| area.contains(*p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_the_focus_and_the_heights() {
        assert_eq!(
            page_of(&[1, 1, 1, 1, 1], 2, &[], 0),
            Page {
                start: 0,
                end: 2,
                number: 1,
                count: 3
            }
        );
        assert_eq!(page_of(&[1, 1, 1, 1, 1], 2, &[], 4).start, 4);
        assert_eq!(page_of(&[1, 1, 1, 1, 1], 2, &[], 3).number, 2);
        // A two-row item starts a new page when it does not fit.
        let p = page_of(&[1, 2, 1], 2, &[], 1);
        assert_eq!((p.start, p.end, p.count), (1, 2, 3));
        // An item taller than the room still gets a page of its own.
        assert_eq!(page_of(&[5], 2, &[], 0).count, 1);
        // A break starts a page however much room is left.
        let p = page_of(&[1, 1, 1, 1], 10, &[3], 3);
        assert_eq!((p.start, p.end, p.number, p.count), (3, 4, 2, 2));
    }

    #[test]
    fn numbers_count_from_one_on_each_page_of_nine_or_group() {
        let list: Vec<Choice> = (1..=12)
            .map(|n| Choice::numbered(n, format!("jour {n}")))
            .collect();
        let (breaks, shown) = numbered_pages(&list);
        assert_eq!(breaks, vec![9]);
        assert_eq!(shown[8], Some(9));
        assert_eq!(shown[9], Some(1));
        // Groups numbered from 1 each (the weeks) start their own pages.
        let weeks: Vec<Choice> = [1, 2, 3, 1, 2]
            .iter()
            .map(|n| Choice::numbered(*n, String::new()))
            .collect();
        assert_eq!(numbered_pages(&weeks).0, vec![3]);
        // Choices without numbers (toggles) never turn a page.
        let toggles = vec![Choice::marked(String::new(), Mark::Check(true)); 12];
        assert!(numbered_pages(&toggles).0.is_empty());
    }

    #[test]
    fn choice_text_shows_number_and_mark() {
        assert_eq!(
            Choice::numbered(2, "Prendre rendez-vous".into()).text(),
            "2  Prendre rendez-vous"
        );
        assert_eq!(
            Choice::marked("Texte en grand".into(), Mark::Check(true)).text(),
            "[x] Texte en grand"
        );
        assert_eq!(
            Choice::marked("English".into(), Mark::Radio(false)).text(),
            "( ) English"
        );
    }
}

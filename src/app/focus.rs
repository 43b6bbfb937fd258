//! Focus over rows of choices: Up/Down change row, Left/Right move within a row, Tab and
//! Shift+Tab walk every choice in reading order (and wrap, as in any form). A long list is
//! in pages of at most nine: a digit chooses on the page shown, PageUp/PageDown turn pages.
use super::key::Key;
use super::screen::{Hint, hint};
use crate::ui::choices::PER_PAGE;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FocusGrid {
    rows: Vec<usize>,
    row: usize,
    col: usize,
    /// How many choices each page holds, in order.
    pages: Vec<usize>,
}

impl FocusGrid {
    /// `rows` gives how many choices each row holds; empty rows are dropped. A list of single
    /// choices longer than nine is in pages of nine.
    pub(crate) fn new(rows: Vec<usize>) -> FocusGrid {
        let rows: Vec<usize> = rows.into_iter().filter(|n| *n > 0).collect();
        let len: usize = rows.iter().sum();
        let pages = if rows.iter().all(|n| *n == 1) {
            pages_of(&[len])
        } else {
            vec![len]
        };
        FocusGrid {
            rows,
            row: 0,
            col: 0,
            pages,
        }
    }

    /// A list of single choices in groups (the days of each week): each group starts a page,
    /// and one of more than nine is cut into pages of nine.
    pub(crate) fn grouped(groups: &[usize]) -> FocusGrid {
        let len = groups.iter().sum();
        FocusGrid {
            pages: pages_of(groups),
            ..FocusGrid::new(vec![1; len])
        }
    }

    /// (first index, end) of the page holding the focus.
    pub(crate) fn page(&self) -> (usize, usize) {
        let index = self.index();
        let mut start = 0;
        for n in &self.pages {
            if index < start + n {
                return (start, start + n);
            }
            start += n;
        }
        (0, self.len())
    }

    /// How many pages the list has.
    pub(crate) fn page_count(&self) -> usize {
        self.pages.len().max(1)
    }

    /// The keys that turn pages, for the key bar, when there are pages.
    pub(crate) fn page_hints(&self) -> Vec<Hint> {
        if self.page_count() > 1 {
            vec![hint("key-pages", "does-turn-page")]
        } else {
            Vec::new()
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.iter().sum()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Index of the focused choice in reading order.
    pub(crate) fn index(&self) -> usize {
        self.rows[..self.row].iter().sum::<usize>() + self.col
    }

    pub(crate) fn set_index(&mut self, index: usize) {
        let mut rest = index.min(self.len().saturating_sub(1));
        for (row, n) in self.rows.iter().enumerate() {
            if rest < *n {
                self.row = row;
                self.col = rest;
                return;
            }
            rest -= n;
        }
    }

    /// The choice a key makes: its number (1–9) on the page shown, or Enter on the focused
    /// one. Arrows, Tab and the page keys only move the focus.
    pub(crate) fn choose(&mut self, key: Key) -> Option<usize> {
        let (start, end) = self.page();
        if let Some(n) = key.digit().filter(|n| *n >= 1 && start + n <= end) {
            self.set_index(start + n - 1);
            return Some(start + n - 1);
        }
        if self.navigate(key) {
            return None;
        }
        (key == Key::Enter && !self.is_empty()).then(|| self.index())
    }

    /// Moves the focus for a navigation key; returns whether the key was one.
    pub(crate) fn navigate(&mut self, key: Key) -> bool {
        if self.is_empty() {
            return false;
        }
        match key {
            Key::Up if self.row > 0 => {
                self.row -= 1;
                self.col = self.col.min(self.rows[self.row] - 1);
            }
            Key::Down if self.row + 1 < self.rows.len() => {
                self.row += 1;
                self.col = self.col.min(self.rows[self.row] - 1);
            }
            Key::Left if self.col > 0 => self.col -= 1,
            Key::Right if self.col + 1 < self.rows[self.row] => self.col += 1,
            Key::PageDown => {
                let (_, end) = self.page();
                if end < self.len() {
                    self.set_index(end);
                }
            }
            Key::PageUp => {
                let (start, _) = self.page();
                if start > 0 {
                    self.set_index(start - 1);
                    let (start, _) = self.page();
                    self.set_index(start);
                }
            }
            Key::Tab => self.set_index((self.index() + 1) % self.len()),
            Key::BackTab => self.set_index((self.index() + self.len() - 1) % self.len()),
            Key::Up | Key::Down | Key::Left | Key::Right => {}
            _ => return false,
        }
        true
    }
}

/// Pages of the groups: each group starts a page, cut into pages of at most nine.
fn pages_of(groups: &[usize]) -> Vec<usize> {
    let mut pages = Vec::new();
    for group in groups {
        let mut left = *group;
        while left > PER_PAGE {
            pages.push(PER_PAGE);
            left -= PER_PAGE;
        }
        if left > 0 {
            pages.push(left);
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_between_and_within_rows_without_wrapping() {
        // Two single rows (a menu), then a row of three (languages), then two (toggles).
        let mut f = FocusGrid::new(vec![1, 1, 3, 2]);
        assert_eq!(f.index(), 0);
        f.navigate(Key::Up);
        assert_eq!(f.index(), 0);
        f.navigate(Key::Down);
        f.navigate(Key::Down);
        assert_eq!(f.index(), 2);
        f.navigate(Key::Right);
        f.navigate(Key::Right);
        f.navigate(Key::Right);
        assert_eq!(f.index(), 4, "stops at the end of its row");
        f.navigate(Key::Down);
        assert_eq!(f.index(), 6, "keeps the column as far as the row allows");
        f.navigate(Key::Down);
        assert_eq!(f.index(), 6);
    }

    #[test]
    fn a_number_or_enter_chooses_and_arrows_only_move() {
        let mut f = FocusGrid::new(vec![1, 1, 1]);
        assert_eq!(f.choose(Key::Down), None);
        assert_eq!(f.choose(Key::Enter), Some(1));
        assert_eq!(f.choose(Key::Char('3')), Some(2));
        assert_eq!(f.index(), 2, "the focus follows the number");
        assert_eq!(f.choose(Key::Char('4')), None, "no fourth choice");
        assert_eq!(FocusGrid::new(vec![]).choose(Key::Enter), None);
    }

    #[test]
    fn tab_walks_everything_and_wraps() {
        let mut f = FocusGrid::new(vec![1, 0, 2]);
        assert_eq!(f.len(), 3);
        f.navigate(Key::Tab);
        f.navigate(Key::Tab);
        assert_eq!(f.index(), 2);
        f.navigate(Key::Tab);
        assert_eq!(f.index(), 0);
        f.navigate(Key::BackTab);
        assert_eq!(f.index(), 2);
        assert!(!f.navigate(Key::Enter));
    }

    #[test]
    fn a_digit_chooses_on_the_page_shown_and_page_keys_turn_pages() {
        // Twenty days: pages of nine, nine and two.
        let mut f = FocusGrid::new(vec![1; 20]);
        assert_eq!(f.page_count(), 3);
        assert_eq!(f.choose(Key::Char('2')), Some(1));
        f.navigate(Key::PageDown);
        assert_eq!(f.index(), 9, "the first of page 2");
        assert_eq!(
            f.choose(Key::Char('2')),
            Some(10),
            "the second shown, not of page 1"
        );
        f.navigate(Key::PageDown);
        assert_eq!(f.page(), (18, 20));
        assert_eq!(f.choose(Key::Char('3')), None, "page 3 has two");
        f.navigate(Key::PageDown);
        assert_eq!(f.page(), (18, 20), "no page after the last");
        f.navigate(Key::PageUp);
        assert_eq!(f.index(), 9);
        // Down from the last of a page goes on to the next page.
        f.set_index(8);
        f.navigate(Key::Down);
        assert_eq!(f.page(), (9, 18));
    }

    #[test]
    fn groups_start_pages_and_a_long_group_is_cut_in_nines() {
        let mut f = FocusGrid::grouped(&[3, 5, 11]);
        assert_eq!(f.page_count(), 4);
        f.navigate(Key::PageDown);
        assert_eq!(f.page(), (3, 8));
        assert_eq!(f.choose(Key::Char('1')), Some(3));
        f.navigate(Key::PageDown);
        f.navigate(Key::PageDown);
        assert_eq!(f.page(), (17, 19));
        // A grid (the welcome's languages beside each other) stays one page.
        assert_eq!(FocusGrid::new(vec![1, 1, 3, 2]).page_count(), 1);
        assert!(FocusGrid::new(vec![1; 9]).page_hints().is_empty());
        assert_eq!(FocusGrid::new(vec![1; 10]).page_hints().len(), 1);
    }
}

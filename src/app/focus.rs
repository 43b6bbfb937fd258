//! Focus over rows of choices: Up/Down change row, Left/Right move within a row, Tab and
//! Shift+Tab walk every choice in reading order (and wrap, as in any form).
use super::key::Key;

#[derive(Debug, Clone, PartialEq)]
pub struct FocusGrid {
    rows: Vec<usize>,
    row: usize,
    col: usize,
}

impl FocusGrid {
    /// `rows` gives how many choices each row holds; empty rows are dropped.
    pub fn new(rows: Vec<usize>) -> FocusGrid {
        FocusGrid {
            rows: rows.into_iter().filter(|n| *n > 0).collect(),
            row: 0,
            col: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.iter().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Index of the focused choice in reading order.
    pub fn index(&self) -> usize {
        self.rows[..self.row].iter().sum::<usize>() + self.col
    }

    pub fn set_index(&mut self, index: usize) {
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

    /// The choice a key makes: its number (1–9), or Enter on the focused one. Arrows and Tab
    /// only move the focus.
    pub fn choose(&mut self, key: Key) -> Option<usize> {
        if let Some(n) = key.digit().filter(|n| *n <= self.len()) {
            self.set_index(n - 1);
            return Some(n - 1);
        }
        if self.navigate(key) {
            return None;
        }
        (key == Key::Enter && !self.is_empty()).then(|| self.index())
    }

    /// Moves the focus for a navigation key; returns whether the key was one.
    pub fn navigate(&mut self, key: Key) -> bool {
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
            Key::Tab => self.set_index((self.index() + 1) % self.len()),
            Key::BackTab => self.set_index((self.index() + self.len() - 1) % self.len()),
            Key::Up | Key::Down | Key::Left | Key::Right => {}
            _ => return false,
        }
        true
    }
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
}

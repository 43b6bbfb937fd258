//! Cuts an area into rows from the top, never past its bottom: the layouts of small
//! terminals shrink instead of overflowing.
use ratatui::layout::Rect;

pub(crate) struct Rows {
    area: Rect,
    y: u16,
}

impl Rows {
    pub(crate) fn new(area: Rect) -> Rows {
        Rows { area, y: area.y }
    }

    /// The next `height` rows (fewer at the bottom, possibly none).
    pub(crate) fn take(&mut self, height: u16) -> Rect {
        let bottom = self.area.bottom();
        let y = self.y.min(bottom);
        let height = height.min(bottom - y);
        self.y = y + height;
        Rect::new(self.area.x, y, self.area.width, height)
    }

    /// Rows used so far.
    pub(crate) fn used(&self) -> u16 {
        self.y - self.area.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_goes_past_the_bottom() {
        let mut rows = Rows::new(Rect::new(0, 5, 10, 4));
        assert_eq!(rows.take(3), Rect::new(0, 5, 10, 3));
        assert_eq!(rows.take(3), Rect::new(0, 8, 10, 1));
        assert_eq!(rows.take(3).height, 0);
        assert_eq!(rows.used(), 4);
    }
}

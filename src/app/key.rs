//! The keys the core understands, independent of the terminal library. Every key combination
//! not listed here (Ctrl+C, Ctrl+Z, Alt+…) becomes `Other` and does nothing: a kiosk never
//! lets a citizen leave or suspend it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    /// Fin: in a text field, the cursor to the end.
    End,
    /// Suppr: in a text field, erases the character after the cursor.
    Delete,
    PageUp,
    PageDown,
    Backspace,
    F(u8),
    /// A tap or a click (the left button pressed) at a cell: (column, row) from 0.
    Tap(u16, u16),
    Other,
}

impl Key {
    /// The number typed, for keys 1–9.
    pub(crate) fn digit(self) -> Option<usize> {
        match self {
            Key::Char(c @ '1'..='9') => Some(c as usize - '0' as usize),
            _ => None,
        }
    }
}

//! Terminal events, read on their own thread and sent to the event loop with the signals.
use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::key::Key;

pub enum Input {
    Key(Key),
    Resize,
    Tick,
    Terminate,
}

pub fn spawn_reader(tx: Sender<Input>) {
    thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Input::Key(to_key(key)),
                Ok(Event::Resize(..)) => Input::Resize,
                Ok(_) => continue,
                // The terminal is gone: nothing more will come.
                Err(_) => Input::Terminate,
            };
            let last = matches!(input, Input::Terminate);
            if tx.send(input).is_err() || last {
                return;
            }
        }
    });
}

/// Ctrl and Alt combinations become `Key::Other`: in raw mode Ctrl+C, Ctrl+Z, Ctrl+\, Ctrl+D
/// arrive here as keys, and a kiosk ignores them.
pub fn to_key(event: KeyEvent) -> Key {
    if event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return Key::Other;
    }
    match event.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::F(n) => Key::F(n),
        _ => Key::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_combinations_do_nothing() {
        for c in ['c', 'z', '\\', 'd', 's', 'q'] {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
            assert_eq!(to_key(key), Key::Other, "Ctrl+{c}");
        }
        let shifted = KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT);
        assert_eq!(to_key(shifted), Key::Char('A'));
        let f12 = KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE);
        assert_eq!(to_key(f12), Key::F(12));
    }
}

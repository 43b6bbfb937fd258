//! The smallest ratatui program that draws a screen like the kiosk's welcome (a title, a few
//! lines, the key bar, the cursor shown) and waits for a key: what a terminal program costs
//! before it does anything of its own. `benches/slow_machine.py` times the kiosk beside it.
use ratatui::layout::Position;
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    terminal.draw(|frame| {
        let text = "Bienvenue\n\n1. Aide pour une démarche en ligne\n2. Prendre rendez-vous\n\
                    3. Trouver un lieu près de chez moi\n\nF3 : contraste élevé";
        frame.render_widget(
            Paragraph::new(text).block(Block::bordered().title("Point numérique")),
            frame.area(),
        );
        frame.set_cursor_position(Position::new(2, 3));
    })?;
    // Until a key or the end of the terminal.
    let _ = crossterm::event::read();
    ratatui::restore();
    Ok(())
}

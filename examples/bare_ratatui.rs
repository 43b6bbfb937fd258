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
    let (cpu_us, faults) = (cpu_time_us(), page_faults());
    // Until a key or the end of the terminal.
    let _ = crossterm::event::read();
    ratatui::restore();
    // benches/slow_machine.py reads it, as it reads the kiosk's "first frame drawn".
    eprintln!("first frame drawn cpu_us={cpu_us} page_faults={faults}");
    Ok(())
}

/// The page faults this process has taken (minor: pages already in memory, mapped in).
fn page_faults() -> i64 {
    // SAFETY: getrusage fills the rusage it is given, nothing else.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0;
    }
    usage.ru_minflt + usage.ru_majflt
}

/// The processor time this process has used, in microseconds.
fn cpu_time_us() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given, nothing else.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } != 0 {
        return 0;
    }
    t.tv_sec as u64 * 1_000_000 + t.tv_nsec as u64 / 1_000
}

//! Rendering speed of the welcome screen: `cargo bench`. Goal: under 0.3 ms a frame at 80×24
//! on the kiosk's old hardware, so every key answers at once.
use borne::app::Msg;
use borne::app::key::Key;
use borne::clock::parse_local;
use borne::kiosk::{self as config, Config};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

fn demo() -> std::rc::Rc<Config> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    std::rc::Rc::new(config::load(&dir).unwrap_or_else(|p| panic!("{p:?}")))
}

fn bench_welcome(bencher: Bencher, (w, h): (u16, u16), large: bool) {
    let config = demo();
    let now = parse_local("2026-03-02T10:15:00").unwrap();
    let mut app = borne::kiosk::app(config, now);
    if large {
        app.update(Msg::Key(Key::F(2)), now);
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    bencher.bench_local(|| {
        // A full redraw each time: clear the previous buffers so nothing is diffed away.
        terminal.clear().unwrap();
        terminal
            .draw(|f| {
                borne::app::frame::draw(f, &app, now, false);
            })
            .unwrap();
    });
}

#[divan::bench(args = [(80, 24), (200, 60)])]
fn welcome(bencher: Bencher, size: (u16, u16)) {
    bench_welcome(bencher, size, false);
}

#[divan::bench(args = [(80, 24), (120, 33), (200, 60)])]
fn welcome_large_text(bencher: Bencher, size: (u16, u16)) {
    bench_welcome(bencher, size, true);
}

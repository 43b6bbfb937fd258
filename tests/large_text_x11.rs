//! Large text as a person sees it: the kiosk in a real xterm, full screen on a virtual X
//! server (with a kiosk window manager, which keeps the window the screen's size so that a
//! larger font gives a smaller grid), photographed before and after F2. The focused choice
//! is a bar one text line tall: its height in pixels is the line's.
//!
//! Needs Debian's xvfb, xterm, xdotool, imagemagick and matchbox-window-manager; without them
//! the test says it is skipped (under `CI=true` it fails: `.ci/run` installs them). The
//! screenshots stay in `target/large-text-x11/` to be looked at.
use crate::pty;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What every test here needs.
const TOOLS: [&str; 6] = [
    "Xvfb",
    "xterm",
    "xdotool",
    "import",
    "convert",
    "matchbox-window-manager",
];

/// A program stopped when the test ends, whatever happens.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn missing_tools() -> Vec<&'static str> {
    TOOLS
        .into_iter()
        .filter(|tool| {
            !std::env::var_os("PATH")
                .map(|paths| std::env::split_paths(&paths).any(|p| p.join(tool).exists()))
                .unwrap_or(false)
        })
        .collect()
}

/// A screenshot, as rows of RGB pixels.
struct Shot {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Shot {
    /// Reads a binary PPM (P6), as ImageMagick writes it.
    fn from_ppm(bytes: &[u8]) -> Shot {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P6", "a binary PPM");
        assert_eq!(fields[3], "255");
        let width: usize = fields[1].parse().unwrap();
        let height: usize = fields[2].parse().unwrap();
        let pixels = bytes[at + 1..].to_vec();
        assert_eq!(pixels.len(), width * height * 3);
        Shot {
            width,
            height,
            pixels,
        }
    }

    fn pixel(&self, x: usize, y: usize) -> &[u8] {
        let at = (y * self.width + x) * 3;
        &self.pixels[at..at + 3]
    }

    /// The focus bar's height in pixels. The bar is the widest run of one light grey on a
    /// row (the terminal's colour 7, whatever its palette: the header is blue, the key bar
    /// cyan); across its width, its rows are mostly not black (its black letters take less
    /// than half), the text around it mostly black.
    fn line_height(&self) -> Option<usize> {
        let (row, from, to) = (0..self.height)
            .filter_map(|y| {
                let mut best: Option<(usize, usize)> = None;
                let mut start = 0;
                for x in 1..=self.width {
                    if x < self.width && self.pixel(x, y) == self.pixel(start, y) {
                        continue;
                    }
                    let [r, g, b] = [0, 1, 2].map(|i| self.pixel(start, y)[i]);
                    let grey = r == g && g == b && r > 128;
                    if grey && best.is_none_or(|(a, b)| x - start > b - a) {
                        best = Some((start, x));
                    }
                    start = x;
                }
                // A terminal not drawn yet is white all across: no bar.
                best.filter(|(a, b)| (b - a) * 10 < self.width * 9)
                    .map(|(a, b)| (y, a, b))
            })
            .max_by_key(|(_, a, b)| b - a)?;
        // A bar holds a whole choice: wider than a few letters.
        if to - from < 100 {
            return None;
        }
        let in_bar = |y: &usize| {
            let lit = (from..to)
                .filter(|x| self.pixel(*x, *y) != [0, 0, 0])
                .count();
            lit * 2 > to - from
        };
        let top = (0..=row).rev().take_while(in_bar).last()?;
        let bottom = (row..self.height).take_while(in_bar).last()?;
        // A window not drawn yet is white all over: a line is far shorter.
        Some(bottom - top + 1).filter(|h| h * 6 < self.height)
    }
}

struct X {
    display: String,
    shots: PathBuf,
    _server: Running,
    _window_manager: Running,
}

impl X {
    /// A virtual screen of 1280×720 (a small kiosk panel) and a window manager that gives
    /// each window the whole screen.
    fn start() -> X {
        // Xvfb picks a free display and says its number on standard output.
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x720x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut number = String::new();
        BufReader::new(server.stdout.take().unwrap())
            .read_line(&mut number)
            .unwrap();
        let display = format!(":{}", number.trim());
        let window_manager = Command::new("matchbox-window-manager")
            .args(["-use_titlebar", "no", "-use_cursor", "no"])
            .env("DISPLAY", &display)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .unwrap()
            .join("large-text-x11");
        std::fs::create_dir_all(&shots).unwrap();
        X {
            display,
            shots,
            _server: Running(server),
            _window_manager: Running(window_manager),
        }
    }

    fn run(&self, program: &str, args: &[&str]) -> Vec<u8> {
        let out = Command::new(program)
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .unwrap();
        assert!(out.status.success(), "{program} {args:?}: {out:?}");
        out.stdout
    }

    /// The whole screen, kept as `name`.png.
    fn shot(&self, name: &str) -> Shot {
        let png = self.shots.join(format!("{name}.png"));
        let png = png.to_str().unwrap();
        self.run("import", &["-window", "root", png]);
        Shot::from_ppm(&self.run("convert", &[png, "ppm:-"]))
    }

    /// Takes screenshots until `wanted` holds of the line height on two in a row (the
    /// terminal redraws in its own time); the last one is kept as `name`.png.
    fn wait_for(&self, name: &str, what: &str, wanted: impl Fn(usize) -> bool) -> usize {
        let start = Instant::now();
        let mut before = None;
        loop {
            let height = self.shot(name).line_height();
            if let Some(h) = height.filter(|h| wanted(*h) && before == Some(*h)) {
                return h;
            }
            before = height;
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{what}: the line is {height:?} pixels tall (see {})",
                self.shots.join(format!("{name}.png")).display()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn key(&self, key: &str) {
        self.run("xdotool", &["key", key]);
    }
}

/// The kiosk on the demo configuration (idle reset after 10 + 20 seconds), as `terminal`
/// runs it: the terminal's program and its arguments before the kiosk's command.
fn kiosk_in(x: &X, dir: &Path, terminal: &[&str]) -> Running {
    let config = pty::config_copy(
        dir,
        &[
            ("idle_seconds = 90", "idle_seconds = 10"),
            ("warning_seconds = 30", "warning_seconds = 20"),
        ],
    );
    let db = dir.join("borne.db");
    Running(
        Command::new(terminal[0])
            .args(&terminal[1..])
            .args([
                env!("CARGO_BIN_EXE_borne"),
                "--config",
                config.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ])
            .env("DISPLAY", &x.display)
            .env("BORNE_NOW", "2026-03-02T10:15:00")
            .env_remove("KITTY_WINDOW_ID")
            .env_remove("XTERM_VERSION")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Whether the tools are here; a skip is said (and refused under `CI=true` when `needed`).
fn present(tools: &[&str], needed: bool) -> bool {
    let missing: Vec<&str> = missing_tools()
        .into_iter()
        .chain(tools.iter().copied().filter(|t| {
            !std::env::var_os("PATH")
                .map(|paths| std::env::split_paths(&paths).any(|p| p.join(t).exists()))
                .unwrap_or(false)
        }))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        !needed || std::env::var("CI").as_deref() != Ok("true"),
        "{missing:?} missing: .ci/run installs them under CI=true"
    );
    eprintln!(
        "skipped: {missing:?} missing (Debian's xvfb, xterm, xdotool, imagemagick, matchbox-window-manager, kitty)"
    );
    false
}

#[test]
fn f2_makes_the_letters_of_a_real_xterm_twice_as_tall_and_f2_or_the_idle_reset_brings_them_back() {
    if !present(&[], true) {
        return;
    }
    let x = X::start();
    let dir = tempfile::tempdir().unwrap();
    // The README's xterm: font operations allowed, a TrueType font with its size in its name.
    let _xterm = kiosk_in(
        &x,
        dir.path(),
        &[
            "xterm",
            "-xrm",
            "XTerm*allowFontOps: true",
            "-fa",
            "DejaVu Sans Mono-14",
            "-e",
        ],
    );
    let normal = x.wait_for("1-normal", "the welcome screen", |h| h > 0);
    x.key("F2");
    let large = x.wait_for("2-large", "F2: the letters twice as tall", |h| h > normal);
    assert!(
        large * 10 >= normal * 18,
        "F2: the line is {large} pixels tall, {normal} before: not 1.8 times"
    );
    x.key("F2");
    let back = x.wait_for("3-normal-again", "F2 again", |h| h < large);
    assert_eq!(back, normal, "F2 again: the font the kiosk found");

    // Large text again, then nobody: the idle reset gives the help point's normal text.
    x.key("F2");
    x.wait_for("4-large-again", "F2", |h| h == large);
    let reset = x.wait_for("5-after-the-idle-reset", "the idle reset", |h| h < large);
    assert_eq!(reset, normal, "after the idle reset");
    eprintln!(
        "xterm: line height {normal} px, {large} px with F2 ({:.2}×); screenshots in {}",
        large as f64 / normal as f64,
        x.shots.display()
    );
}

/// kitty, where it is installed (it needs OpenGL: Mesa's software renderer does under Xvfb).
#[test]
fn f2_makes_kittys_letters_twice_as_tall_and_f2_brings_them_back() {
    if !present(&["kitty"], false) {
        return;
    }
    let x = X::start();
    let dir = tempfile::tempdir().unwrap();
    let _kitty = kiosk_in(
        &x,
        dir.path(),
        &[
            "kitty",
            "-o",
            "allow_remote_control=yes",
            "-o",
            "font_size=11",
        ],
    );
    let normal = x.wait_for("kitty-1-normal", "the welcome screen", |h| h > 0);
    x.key("F2");
    let large = x.wait_for("kitty-2-large", "F2: the letters twice as tall", |h| {
        h > normal
    });
    assert!(
        large * 10 >= normal * 18,
        "F2: the line is {large} pixels tall, {normal} before: not 1.8 times"
    );
    x.key("F2");
    let back = x.wait_for("kitty-3-normal-again", "F2 again", |h| h < large);
    assert_eq!(back, normal, "F2 again: the size the kiosk found");
    eprintln!(
        "kitty: line height {normal} px, {large} px with F2 ({:.2}×)",
        large as f64 / normal as f64
    );
}

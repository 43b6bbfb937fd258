//! Large text as a person sees it: the kiosk in a real xterm, full screen on a virtual X
//! server (with a kiosk window manager, which keeps the window the screen's size so that a
//! larger font gives a smaller grid), photographed before and after F2. The focused choice
//! is a bar one text line tall: its height in pixels is the line's.
//!
//! Needs Debian's xvfb, xterm, xdotool, imagemagick and matchbox-window-manager; without them
//! the test says it is skipped (under `CI=true` it fails: `.ci/run` installs them). The
//! screenshots stay in `target/large-text-x11/` to be looked at.
mod pty;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TOOLS: [&str; 6] = [
    "Xvfb",
    "xterm",
    "xdotool",
    "import",
    "convert",
    "matchbox-window-manager",
];

/// xterm's colour 7, the focus bar's background (reverse video of the base text).
const BAR: [u8; 3] = [229, 229, 229];

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

    /// The focus bar's height in pixels. The bar is the widest run of its colour on a row;
    /// across its width, its rows are mostly not black (its black letters take less than
    /// half), the text around it mostly black.
    fn line_height(&self) -> Option<usize> {
        let (row, from, to) = (0..self.height)
            .filter_map(|y| {
                let mut best: Option<(usize, usize)> = None;
                let mut start = None;
                for x in 0..=self.width {
                    match (x < self.width && self.pixel(x, y) == BAR, start) {
                        (true, None) => start = Some(x),
                        (false, Some(s)) => {
                            if best.is_none_or(|(a, b)| x - s > b - a) {
                                best = Some((s, x));
                            }
                            start = None;
                        }
                        _ => {}
                    }
                }
                best.map(|(a, b)| (y, a, b))
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
        Some(bottom - top + 1)
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

    /// Takes screenshots until `wanted` holds of the line height (the terminal redraws in
    /// its own time); the last one is kept as `name`.png.
    fn wait_for(&self, name: &str, what: &str, wanted: impl Fn(usize) -> bool) -> usize {
        let start = Instant::now();
        loop {
            let height = self.shot(name).line_height();
            if let Some(h) = height.filter(|h| wanted(*h)) {
                return h;
            }
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

#[test]
fn f2_makes_the_letters_of_a_real_xterm_twice_as_tall_and_f2_or_the_idle_reset_brings_them_back() {
    let missing = missing_tools();
    if !missing.is_empty() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{missing:?} missing: .ci/run installs them under CI=true"
        );
        eprintln!(
            "skipped: {missing:?} missing (Debian's xvfb, xterm, xdotool, imagemagick, matchbox-window-manager)"
        );
        return;
    }
    let x = X::start();
    let dir = tempfile::tempdir().unwrap();
    let config = pty::config_copy(
        dir.path(),
        &[
            ("idle_seconds = 90", "idle_seconds = 10"),
            ("warning_seconds = 30", "warning_seconds = 20"),
        ],
    );
    let db = dir.path().join("borne.db");
    // The README's xterm: font operations allowed, a TrueType font with its size in its name.
    let _xterm = Running(
        Command::new("xterm")
            .args([
                "-xrm",
                "XTerm*allowFontOps: true",
                "-fa",
                "DejaVu Sans Mono-14",
                "-e",
                env!("CARGO_BIN_EXE_borne"),
                "--config",
                config.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ])
            .env("DISPLAY", &x.display)
            .env("BORNE_NOW", "2026-03-02T10:15:00")
            .env_remove("KITTY_WINDOW_ID")
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
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
        "line height: {normal} px, {large} px with F2 ({:.2}×); screenshots in {}",
        large as f64 / normal as f64,
        x.shots.display()
    );
}

//! Drives the real `borne` binary in a pseudo-terminal and reads the screen through a vt100
//! parser, as a person (or a screen reader) would see it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, PtySize, native_pty_system};

pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const HOME: &str = "\x1b[H";
pub const F2: &str = "\x1bOQ";
pub const F3: &str = "\x1bOR";
pub const F12: &str = "\x1b[24~";

/// From the welcome screen to "Langue et affichage" (its number follows the menu's), the
/// focus on the language in use; the languages are one a line, in the order offered.
pub fn to_languages() -> Vec<&'static str> {
    assert_eq!(borne::kiosk::menu::main_menu().len(), 6);
    vec!["7"]
}

/// How long to wait for something to appear before failing (the machines are shared).
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Kiosk {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// When the kiosk last wrote to the terminal: a frame is read whole once it is quiet.
    last_output: Arc<Mutex<Instant>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    pub dir: tempfile::TempDir,
    /// A network kiosk's data home, removed with it.
    home: Option<tempfile::TempDir>,
}

/// A copy of the demo configuration, with `kiosk.toml` edited by `(from, to)` replacements.
pub fn config_copy(dir: &Path, edits: &[(&str, &str)]) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let target = dir.join("kiosk-config");
    copy_dir(&source, &target);
    let toml = target.join("kiosk.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{from} is in kiosk.toml");
        text = text.replace(from, to);
    }
    std::fs::write(&toml, text).unwrap();
    target
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

impl Kiosk {
    /// Starts the kiosk on the demo configuration, at 2026-03-02 10:15, 80×24.
    pub fn start() -> Kiosk {
        Kiosk::start_with(&[], 80, 24, &[])
    }

    pub fn start_with(edits: &[(&str, &str)], cols: u16, rows: u16, env: &[(&str, &str)]) -> Kiosk {
        Kiosk::spawn(edits, cols, rows, env, None, None)
    }

    /// Starts the kiosk on a database of the test's own (one it may hold locked).
    pub fn start_on(db: &Path) -> Kiosk {
        Kiosk::spawn(&[], 80, 24, &[], None, Some(db))
    }

    /// `borne ARGS…` (a command that draws, such as `display`) on the database `db`, 80×24.
    pub fn run_on(db: &Path, args: &[&str]) -> Kiosk {
        Kiosk::spawn_with_args(&[], 80, 24, &[], None, Some(db), args)
    }

    /// Starts the kiosk of help point `id` on a network's database (`url`), its own file in a
    /// folder of the test's.
    pub fn start_on_network(url: &str, id: &str) -> Kiosk {
        Kiosk::start_on_network_with(url, id, &[])
    }

    /// The kiosk on the database file `db`, with more environment.
    pub fn start_with_db(db: &Path, env: &[(&str, &str)]) -> Kiosk {
        Kiosk::spawn(&[], 80, 24, env, None, Some(db))
    }

    /// A kiosk of the network with more environment (its own data home always).
    pub fn start_on_network_with(url: &str, id: &str, env: &[(&str, &str)]) -> Kiosk {
        let edit = format!("phone = \"04 92 53 24 24\"\nid = \"{id}\"");
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("data");
        let home = home.to_str().unwrap().to_string();
        let mut all = vec![("XDG_DATA_HOME", home.as_str())];
        all.extend_from_slice(env);
        let mut kiosk = Kiosk::spawn(
            &[("phone = \"04 92 53 24 24\"", &edit)],
            80,
            24,
            &all,
            None,
            Some(Path::new(url)),
        );
        kiosk.home = Some(dir);
        kiosk
    }

    /// Where a network kiosk keeps its own file (`XDG_DATA_HOME`).
    pub fn data_home(&self) -> PathBuf {
        self.home
            .as_ref()
            .map_or_else(|| self.dir.path().to_path_buf(), |h| h.path().join("data"))
    }

    /// Starts the kiosk with its standard error (the log) going to `log` rather than to the
    /// terminal, as under systemd with `StandardError=journal`.
    pub fn start_logging(env: &[(&str, &str)], log: &Path) -> Kiosk {
        let shell = format!("exec \"$0\" \"$@\" 2>>'{}'", log.display());
        Kiosk::spawn(&[], 80, 24, env, Some(&shell), None)
    }

    /// Starts the kiosk from a shell that first runs `before` on the same terminal (as a
    /// systemd unit's `ExecStartPre` would).
    pub fn start_after(before: &str) -> Kiosk {
        let shell = format!("{before}; exec \"$0\" \"$@\"");
        Kiosk::spawn(&[], 80, 24, &[], Some(&shell), None)
    }

    fn spawn(
        edits: &[(&str, &str)],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        shell: Option<&str>,
        db: Option<&Path>,
    ) -> Kiosk {
        Kiosk::spawn_with_args(edits, cols, rows, env, shell, db, &[])
    }

    fn spawn_with_args(
        edits: &[(&str, &str)],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        shell: Option<&str>,
        db: Option<&Path>,
        args: &[&str],
    ) -> Kiosk {
        let dir = tempfile::tempdir().unwrap();
        let config = config_copy(dir.path(), edits);
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = match shell {
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_borne")),
            Some(shell) => {
                let mut sh = CommandBuilder::new("sh");
                sh.arg("-c");
                sh.arg(shell);
                sh.arg(env!("CARGO_BIN_EXE_borne"));
                sh
            }
        };
        cmd.arg("--config");
        cmd.arg(&config);
        cmd.arg("--db");
        cmd.arg(db.map_or_else(|| dir.path().join("borne.db"), Path::to_path_buf));
        for arg in args {
            cmd.arg(arg);
        }
        cmd.env("TERM", "xterm-256color");
        // No font driver: the kiosk draws large text itself (tests/large_text_x11.rs runs a
        // real xterm).
        cmd.env_remove("XTERM_VERSION");
        cmd.env_remove("KITTY_WINDOW_ID");
        cmd.env("BORNE_NOW", "2026-03-02T10:15:00");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("BORNE_CONFIG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let feed = Arc::clone(&parser);
        let last_output = Arc::new(Mutex::new(Instant::now()));
        let wrote = Arc::clone(&last_output);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
                *wrote.lock().unwrap() = Instant::now();
            }
        });
        Kiosk {
            child,
            writer,
            parser,
            last_output,
            _master: pair.master,
            dir,
            home: None,
        }
    }

    /// From the welcome screen to the identity form of a booking: "Aide pour une démarche en
    /// ligne", Tuesday 3 March, the first time (09:00 with Camille).
    pub fn walk_to_identity_form(&mut self) {
        self.keys(&["2", "1"]);
        self.wait_for("mardi 3 mars — 4 créneaux");
        self.keys(&["2"]);
        self.wait_for("Choisissez une heure, mardi 3 mars :");
        self.keys(&[ENTER]);
        self.wait_for("Vos coordonnées");
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("borne.db")
    }

    /// Types keys, one escape sequence or character at a time, as a person would.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            self.writer.write_all(key.as_bytes()).unwrap();
            self.writer.flush().unwrap();
            // Lets a lone Esc be read as Esc rather than the start of a sequence.
            thread::sleep(Duration::from_millis(60));
        }
    }

    /// The window changes size (the kiosk gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.lock().unwrap().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
    }

    /// Writes bytes at full speed, all at once (a paste, a barcode scanner, a stuck key).
    pub fn burst(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.keys(&[&c.to_string()]);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn row(&self, y: u16) -> String {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().contents_between(y, 0, y, cols.get())
    }

    /// (row, column) of the terminal cursor, as a screen reader follows it.
    pub fn cursor(&self) -> (u16, u16) {
        self.parser.lock().unwrap().screen().cursor_position()
    }

    pub fn cursor_visible(&self) -> bool {
        !self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Whether the terminal was asked for SGR mouse reports (taps and clicks).
    pub fn mouse_reports(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && screen.mouse_protocol_encoding() == vt100::MouseProtocolEncoding::Sgr
    }

    /// Where `text` is on the screen: (row, column) of its first character.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        let parser = self.parser.lock().unwrap();
        let (rows, cols) = parser.screen().size();
        (0..rows.get()).find_map(|y| {
            let row = parser.screen().contents_between(y, 0, y, cols.get());
            row.find(text)
                .map(|at| (y, row[..at].chars().count() as u16))
        })
    }

    /// A tap (the left button pressed and released) on `text`, as a touchscreen reports it.
    pub fn tap(&mut self, text: &str) {
        let (y, x) = self
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{}", self.screen()));
        let (x, y) = (x + 2, y + 1);
        self.keys(&[&format!("\x1b[<0;{x};{y}M"), &format!("\x1b[<0;{x};{y}m")]);
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// The text from the cursor to the end of its row.
    pub fn at_cursor(&self) -> String {
        let (y, x) = self.cursor();
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().contents_between(y, x, y, cols.get())
    }

    /// Waits until the screen shows `text`; fails with the screen as it is.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(|s| s.contains(text), &format!("{text:?} on screen"))
    }

    /// Waits until the screen shows what `ok` looks for, and the frame holding it has been
    /// written whole (the terminal has been quiet for a moment): what a person reads, not a
    /// frame half drawn.
    pub fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        const QUIET: Duration = Duration::from_millis(30);
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) && self.last_output.lock().unwrap().elapsed() >= QUIET {
                let settled = self.screen();
                if ok(&settled) {
                    return settled;
                }
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {what}; the screen shows:\n{screen}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the focused item (at the cursor) to start with `text`.
    pub fn wait_for_focus(&self, text: &str) {
        let start = Instant::now();
        while !self.at_cursor().starts_with(text) {
            if start.elapsed() > PATIENCE {
                panic!(
                    "the cursor is on {:?}, not {text:?}; screen:\n{}",
                    self.at_cursor(),
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes the kiosk wrote.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "the kiosk did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Kiosk {
    pub fn cell_inverse(&self, y: u16, x: u16) -> bool {
        let parser = self.parser.lock().unwrap();
        parser.screen().cell(y, x).is_some_and(|c| c.inverse())
    }
}

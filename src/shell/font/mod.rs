//! Large text is the terminal's font: F2 (and `[display] large_text`) asks the terminal the
//! kiosk runs in for a font twice as tall, and the normal one back; the kiosk then lives in
//! the smaller grid it gets (a resize). One driver per kind of terminal, chosen from what
//! the kiosk can tell: the Linux console (`KDFONTOP`), xterm (OSC 50), kitty (its remote
//! control). Elsewhere F2 keeps the kiosk's own large text (block titles, spacing), and the
//! log says why once. Whatever happens, the kiosk leaves the terminal in the font it found:
//! at its end, on a signal, on a panic (`restore_now`).
pub(crate) mod console;
mod kitty;
mod xterm;

use std::io::Write;
use std::os::fd::RawFd;
use std::path::PathBuf;
use std::sync::Mutex;

use super::keys::Answer;
use crate::config::KioskConfig;
use crate::psf::Font;
use console::UniPair;

/// The kind of terminal, as the kiosk can tell it from its environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Terminal {
    /// `TERM=linux`.
    Console,
    /// `XTERM_VERSION` (xterm sets it for its child).
    Xterm,
    /// `TERM=xterm-kitty`, or `KITTY_WINDOW_ID`.
    Kitty,
    /// Another: its `TERM`.
    Other(String),
}

impl Terminal {
    /// From the environment's `TERM`, `XTERM_VERSION` and `KITTY_WINDOW_ID`. `TERM` is the
    /// terminal's own word; the others may be inherited by a terminal started from one.
    pub(crate) fn detect(term: Option<&str>, xterm: Option<&str>, kitty: Option<&str>) -> Terminal {
        match term {
            Some("xterm-kitty") => Terminal::Kitty,
            _ if xterm.is_some_and(|v| !v.is_empty()) => Terminal::Xterm,
            Some("linux") => Terminal::Console,
            _ if kitty.is_some_and(|v| !v.is_empty()) => Terminal::Kitty,
            term => Terminal::Other(term.unwrap_or("").to_string()),
        }
    }

    /// The terminal this process runs in.
    pub(crate) fn here() -> Terminal {
        let var = |name| std::env::var(name).ok();
        Terminal::detect(
            var("TERM").as_deref(),
            var("XTERM_VERSION").as_deref(),
            var("KITTY_WINDOW_ID").as_deref(),
        )
    }
}

/// What F2 gives in this terminal, said by `check-config` (it cannot ask xterm or kitty:
/// the kiosk does when it starts).
pub(crate) fn describe(config: &KioskConfig) -> String {
    let fallback = "F2 only makes the titles bigger and spaces the text out: run the kiosk on the Linux console, in xterm or in kitty (README, \"Texte en grand\")";
    match Terminal::here() {
        Terminal::Console => match console_fonts(libc::STDOUT_FILENO, config) {
            Ok((found, large, _)) => format!(
                "large text: the Linux console's font, {}×{} for {}×{}{}",
                large.width,
                large.height,
                found.width,
                found.height,
                if large.height > 32 || large.width > 32 {
                    " (a font over 32 rows needs Linux 6.2 or later)"
                } else {
                    ""
                }
            ),
            Err(why) => format!("large text: {why}; {fallback}"),
        },
        Terminal::Xterm => "large text: xterm's font twice as tall, when XTerm*allowFontOps is true and its font has its size in its name (-fa 'DejaVu Sans Mono-14')".into(),
        Terminal::Kitty => {
            "large text: kitty's font twice as tall, when kitty.conf has allow_remote_control yes"
                .into()
        }
        Terminal::Other(term) => format!(
            "large text: this terminal (TERM={term}) cannot change its font; {fallback}"
        ),
    }
}

/// The console's font and the large one: `[display] large_font`, else the console's
/// doubled; and the Unicode map to load with the large font when it brings its own.
fn console_fonts(
    fd: RawFd,
    config: &KioskConfig,
) -> Result<(Font, Font, Option<Vec<UniPair>>), String> {
    let found = console::get_font(fd)?;
    match &config.large_font {
        Some(path) => {
            let large = Font::read(path)?;
            let map = console::unimap_desc(&large);
            Ok((found, large, (!map.is_empty()).then_some(map)))
        }
        None => Ok((found.clone(), found.doubled()?, None)),
    }
}

enum Driver {
    /// No font to change: the kiosk draws large text itself.
    None,
    Console {
        fd: RawFd,
        /// The console's font and Unicode map when the kiosk started.
        found: Font,
        found_map: Option<Vec<UniPair>>,
        large: Font,
        large_map: Option<Vec<UniPair>>,
    },
    /// xterm was asked its font's name.
    XtermAsked,
    Xterm {
        normal: String,
        large: String,
    },
    /// kitty was asked its font size.
    KittyAsked,
    Kitty {
        normal: f64,
        large: f64,
    },
}

/// The terminal's font, large or normal, for the shell.
pub(crate) struct LargeFont {
    driver: Driver,
    /// The large font is on the terminal.
    shown: bool,
}

impl LargeFont {
    /// Finds the driver for the terminal the kiosk runs in, and asks what it must (xterm's
    /// font, kitty's size: their answers come as `answer`s).
    pub(crate) fn start(config: &KioskConfig, out: &mut impl Write) -> LargeFont {
        let mut font = LargeFont {
            driver: Driver::None,
            shown: false,
        };
        match Terminal::here() {
            Terminal::Console => {
                let fd = libc::STDOUT_FILENO;
                let map = match config.large_font {
                    Some(_) => console::get_unimap(fd).map(Some),
                    None => Ok(None),
                };
                match console_fonts(fd, config).and_then(|f| Ok((f, map?))) {
                    Ok(((found, large, large_map), found_map)) => {
                        tracing::info!(
                            found = %format!("{}×{}", found.width, found.height),
                            large = %format!("{}×{}", large.width, large.height),
                            "large text: the console's font"
                        );
                        font.driver = Driver::Console {
                            fd,
                            found,
                            found_map,
                            large,
                            large_map,
                        };
                    }
                    Err(why) => font.refused(&why),
                }
            }
            Terminal::Xterm => {
                font.driver = Driver::XtermAsked;
                send(out, xterm::QUERY);
            }
            Terminal::Kitty => {
                font.driver = Driver::KittyAsked;
                send(out, &kitty::query());
            }
            Terminal::Other(term) => font.refused(&format!(
                "this terminal (TERM={term}) cannot change its font"
            )),
        }
        font
    }

    /// No large font here: said once, and F2 keeps the kiosk's own large text.
    fn refused(&mut self, why: &str) {
        tracing::warn!(
            %why,
            "large text: the terminal's font stays; F2 makes the titles bigger and spaces the text out (README, \"Texte en grand\")"
        );
        self.driver = Driver::None;
        self.shown = false;
        forget_restore();
    }

    /// What the terminal answered to the kiosk's questions.
    pub fn answer(&mut self, answer: &Answer) {
        match (&self.driver, answer) {
            (Driver::XtermAsked, Answer::Osc(osc)) => {
                if let Some(name) = xterm::font_in(osc) {
                    match xterm::resized(name, 2.0) {
                        Ok(large) => {
                            tracing::info!(normal = name, %large, "large text: xterm's font");
                            self.driver = Driver::Xterm {
                                normal: name.to_string(),
                                large,
                            };
                        }
                        Err(why) => self.refused(&why),
                    }
                }
            }
            (Driver::XtermAsked, Answer::DeviceAttributes) => self.refused(
                "xterm does not let programs change its font: set XTerm*allowFontOps: true",
            ),
            (Driver::KittyAsked, Answer::Dcs(dcs)) => match kitty::size_in(dcs) {
                Some(Ok(size)) => {
                    tracing::info!(size, "large text: kitty's font size");
                    self.driver = Driver::Kitty {
                        normal: size,
                        large: size * 2.0,
                    };
                }
                Some(Err(why)) => self.refused(&why),
                None => {}
            },
            (Driver::KittyAsked, Answer::DeviceAttributes) => {
                self.refused("kitty did not say its font size (Debian 12's kitty 0.26 does)")
            }
            (Driver::Kitty { .. }, Answer::Dcs(dcs)) => {
                if let Some(Err(why)) = kitty::done_in(dcs) {
                    self.refused(&why);
                }
            }
            _ => {}
        }
    }

    /// Puts the large font on the terminal, or the normal one, as `large` says; returns
    /// whether the large font is shown (the screens then draw no large text of their own).
    pub(crate) fn show(&mut self, large: bool, out: &mut impl Write) -> bool {
        if large == self.shown {
            return self.shown;
        }
        let done = match &self.driver {
            Driver::None | Driver::XtermAsked | Driver::KittyAsked => return false,
            Driver::Console {
                fd,
                found,
                found_map,
                large: big,
                large_map,
            } => {
                let (font, map) = if large {
                    (big, large_map)
                } else {
                    (found, found_map)
                };
                let done = console::set_font(*fd, font).and_then(|()| match (map, large_map) {
                    // The map changes only when the large font brings its own.
                    (Some(map), Some(_)) => console::set_unimap(*fd, map),
                    _ => Ok(()),
                });
                if done.is_ok() {
                    remember_restore(large.then(|| Restore::Console {
                        fd: *fd,
                        path: tty_path(*fd),
                        font: found.clone(),
                        map: large_map.as_ref().and(found_map.clone()),
                    }));
                }
                done
            }
            Driver::Xterm { normal, large: big } => {
                send(out, &xterm::set(if large { big } else { normal }));
                remember_restore(large.then(|| Restore::Bytes(xterm::set(normal))));
                Ok(())
            }
            Driver::Kitty { normal, large: big } => {
                send(out, &kitty::set_size(if large { *big } else { *normal }));
                remember_restore(large.then(|| Restore::Bytes(kitty::set_size(*normal))));
                Ok(())
            }
        };
        match done {
            Ok(()) => self.shown = large,
            Err(why) => {
                // A font did not load (a kernel too old for the large one's height, a
                // console gone): the kiosk's own large text from now on, said once rather
                // than tried again at every frame.
                if !large {
                    tracing::error!(%why, "large text: the normal font did not load back");
                }
                self.refused(&why);
            }
        }
        self.shown
    }

    /// The normal font back, as the kiosk found it (at the kiosk's end).
    pub(crate) fn restore(&mut self, out: &mut impl Write) {
        self.show(false, out);
    }
}

fn send(out: &mut impl Write, bytes: &[u8]) {
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        tracing::warn!(error = %e, "large text: the terminal took no font change");
    }
}

/// The terminal device of `fd`, to put the console's font back even when `fd` was hung up.
fn tty_path(fd: RawFd) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/self/fd/{fd}")).ok()
}

/// What puts the found font back while the large one is shown: for a panic or a hang-up,
/// which end the kiosk without its loop.
enum Restore {
    Bytes(Vec<u8>),
    Console {
        fd: RawFd,
        path: Option<PathBuf>,
        font: Font,
        map: Option<Vec<UniPair>>,
    },
}

static RESTORE: Mutex<Option<Restore>> = Mutex::new(None);

fn remember_restore(restore: Option<Restore>) {
    if let Ok(mut kept) = RESTORE.lock() {
        *kept = restore;
    }
}

fn forget_restore() {
    remember_restore(None);
}

/// Puts the font the kiosk found back, if the large one is shown: called on a panic and on
/// a hang-up, just before the process ends.
pub(crate) fn restore_now() {
    // A panic while the lock is held must not wait for it.
    let Ok(mut kept) = RESTORE.try_lock() else {
        return;
    };
    match kept.take() {
        None => {}
        Some(Restore::Bytes(bytes)) => {
            let mut out = std::io::stdout();
            let _ = out.write_all(&bytes).and_then(|()| out.flush());
        }
        Some(Restore::Console {
            fd,
            path,
            font,
            map,
        }) => {
            let put = |fd: RawFd| {
                console::set_font(fd, &font)?;
                match &map {
                    Some(map) => console::set_unimap(fd, map),
                    None => Ok(()),
                }
            };
            // A hung-up descriptor refuses: the console itself, opened again.
            if put(fd).is_err()
                && let Some(tty) = path.and_then(|p| std::fs::File::open(p).ok())
            {
                let _ = put(std::os::fd::AsRawFd::as_raw_fd(&tty));
            }
        }
    }
}

/// A panic puts the found font back before the process ends (the terminal's own state is
/// put back by ratatui's hook, which runs this one after it).
pub(crate) fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_now();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_is_told_by_its_environment() {
        assert_eq!(
            Terminal::detect(Some("linux"), None, None),
            Terminal::Console
        );
        assert_eq!(
            Terminal::detect(Some("xterm"), Some("XTerm(379)"), None),
            Terminal::Xterm
        );
        assert_eq!(
            Terminal::detect(Some("xterm-kitty"), Some("XTerm(379)"), Some("1")),
            Terminal::Kitty,
            "a kitty started from an xterm"
        );
        assert_eq!(
            Terminal::detect(Some("xterm"), Some("XTerm(379)"), Some("1")),
            Terminal::Xterm,
            "an xterm started from a kitty"
        );
        assert_eq!(
            Terminal::detect(Some("xterm-256color"), None, Some("3")),
            Terminal::Kitty
        );
        assert_eq!(
            Terminal::detect(Some("foot"), None, None),
            Terminal::Other("foot".into())
        );
        assert_eq!(
            Terminal::detect(None, Some(""), None),
            Terminal::Other(String::new())
        );
    }

    fn xterm_asked() -> LargeFont {
        LargeFont {
            driver: Driver::XtermAsked,
            shown: false,
        }
    }

    #[test]
    fn xterm_gets_its_font_twice_as_large_and_back() {
        let mut font = xterm_asked();
        let mut out = Vec::new();
        assert!(!font.show(true, &mut out), "nothing before the answer");
        assert!(out.is_empty());
        font.answer(&Answer::Osc("50;DejaVu Sans Mono-14".into()));
        assert!(font.show(true, &mut out));
        assert_eq!(out, b"\x1b]50;DejaVu Sans Mono-28\x07");
        out.clear();
        assert!(font.show(true, &mut out), "shown already: nothing sent");
        assert!(out.is_empty());
        font.restore(&mut out);
        assert_eq!(out, b"\x1b]50;DejaVu Sans Mono-14\x07");
        assert!(!font.show(false, &mut Vec::new()));
    }

    #[test]
    fn an_xterm_that_refuses_font_changes_keeps_the_kiosks_own_large_text() {
        let mut font = xterm_asked();
        font.answer(&Answer::DeviceAttributes);
        let mut out = Vec::new();
        assert!(!font.show(true, &mut out));
        assert!(out.is_empty());
        // A size xterm cannot give back (-fs): not changed.
        let mut font = xterm_asked();
        font.answer(&Answer::Osc("50;DejaVu Sans Mono".into()));
        assert!(!font.show(true, &mut out));
        assert!(out.is_empty());
    }

    #[test]
    fn kitty_gets_its_size_doubled_and_back_and_a_refusal_is_heard() {
        let mut font = LargeFont {
            driver: Driver::KittyAsked,
            shown: false,
        };
        // "kitty-query-font_size" = "11", in hexadecimal.
        font.answer(&Answer::Dcs(
            "1+r6b697474792d71756572792d666f6e745f73697a65=3131".into(),
        ));
        let mut out = Vec::new();
        assert!(font.show(true, &mut out));
        assert!(String::from_utf8_lossy(&out).contains("\"size\":22"));
        out.clear();
        font.show(false, &mut out);
        assert!(String::from_utf8_lossy(&out).contains("\"size\":11"));
        font.show(true, &mut out);
        font.answer(&Answer::Dcs(
            "@kitty-cmd{\"ok\":false,\"error\":\"Remote control is disabled\"}".into(),
        ));
        assert!(!font.show(true, &mut out), "the kiosk's own large text");
    }
}

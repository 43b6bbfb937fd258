//! Every screen a person or a counsellor can reach, walked through the core with a real store,
//! and each frame checked: here, the screen-reader mode (no box-drawing or block character
//! anywhere, the cursor on the screen at every frame).
use std::rc::Rc;

use borne::app::key::Key;
use borne::app::{App, Effect, Msg};
use borne::clock::parse_local;
use borne::kiosk::{self, Config};
use borne::store::SqliteStore;
use chrono::{Duration, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> NaiveDateTime {
    parse_local("2026-03-02T10:15").unwrap()
}

fn demo() -> Rc<Config> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    Rc::new(kiosk::load(&dir).unwrap_or_else(|p| panic!("{p:?}")))
}

/// The kiosk's core with a real store, answered as the shell answers it.
struct Walk {
    app: App,
    store: SqliteStore,
    /// Each frame seen: where (the journey and the keys so far), whether a box was over the
    /// screen, and the rendered terminal.
    frames: Vec<(String, bool, Terminal<TestBackend>)>,
    bodies: Vec<ratatui::layout::Rect>,
    sizes: Vec<(u16, u16)>,
    at: NaiveDateTime,
    /// When set, each look also checks that what this tall screen shows can be reached at
    /// the walk's sizes; what cannot is listed in `unreachable`.
    reference: Option<(u16, u16)>,
    unreachable: Vec<String>,
    /// When set, each citizen screen's question and focused choice must be in what it says;
    /// what is not is listed in `unsaid`.
    hearing: bool,
    unsaid: Vec<String>,
    /// When set, each look also checks that the essentials are on the first page at the
    /// walk's sizes, without a key: the screen's first lines (its question, a receipt's
    /// code, day and time), the focused choice and any error; what is not is listed in
    /// `hidden`.
    essentials: bool,
    hidden: Vec<String>,
    /// When set, each frame's key bar is checked against the screen: the page keys said iff
    /// the screen shows "Page 1 sur 3", the digits iff it shows numbered choices; what is
    /// not is listed in `wrong_keys`.
    keybars: bool,
    wrong_keys: Vec<String>,
}

impl Walk {
    fn new(store: SqliteStore, sizes: &[(u16, u16)]) -> Walk {
        Walk {
            app: kiosk::app(demo(), now()),
            store,
            frames: Vec::new(),
            bodies: Vec::new(),
            sizes: sizes.to_vec(),
            at: now(),
            reference: None,
            unreachable: Vec::new(),
            hearing: false,
            unsaid: Vec::new(),
            essentials: false,
            hidden: Vec::new(),
            keybars: false,
            wrong_keys: Vec::new(),
        }
    }

    fn answer(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            let more = match effect {
                Effect::Store(request) => {
                    let reply = borne::store::answer(&mut self.store, None, request, self.at);
                    self.app.update(Msg::Reply(reply), self.at)
                }
                Effect::CheckPin(entered) => {
                    let who = self.app.signer(&entered);
                    self.app.update(Msg::PinChecked(who), self.at)
                }
                Effect::Print(_) => self.app.update(Msg::Printed(true), self.at),
                _ => Vec::new(),
            };
            self.answer(more);
        }
    }

    fn draw(&mut self, (w, h): (u16, u16)) -> (String, ratatui::layout::Rect) {
        // As the shell does before each frame: the screens page for this size.
        self.app.screen_size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut body = ratatui::layout::Rect::default();
        terminal
            .draw(|f| body = borne::app::frame::draw(f, &self.app, self.at, false).body)
            .unwrap();
        (text(&terminal), body)
    }

    /// The frame's cells at this size, styles included.
    fn buffer(&mut self, (w, h): (u16, u16)) -> ratatui::buffer::Buffer {
        self.app.screen_size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| {
                borne::app::frame::draw(f, &self.app, self.at, false);
            })
            .unwrap();
        terminal.backend().buffer().clone()
    }

    fn press(&mut self, key: Key, times: usize) {
        for _ in 0..times {
            let effects = self.app.update(Msg::Key(key), self.at);
            self.answer(effects);
        }
    }

    /// What the tall screen's body says that cannot be read at `size`, even turning the
    /// text's pages or moving down the list. Puts the screen back as it was.
    fn unreachable_at(&mut self, size: (u16, u16), wanted: &[Vec<String>]) -> Vec<String> {
        let (before, _) = self.draw(size);
        let mut seen = words(&before);
        let missing = |seen: &[String]| -> Vec<String> {
            wanted
                .iter()
                .filter(|line| !subsequence(line, seen))
                .map(|line| line.join(" "))
                .collect()
        };
        // The text's pages.
        let at = self.at;
        let pages = borne::app::voice::with_written_view(&self.app, at, |view| {
            borne::app::frame::body_layout(&self.app, view, at)
        })
        .map_or(1, |(layout, _)| layout.text_pages);
        for _ in 1..pages {
            self.press(Key::PageDown, 1);
            seen.extend(words(&self.draw(size).0));
        }
        self.press(Key::PageUp, pages - 1);
        // The list, down then up to what is missing.
        for (go, back) in [(Key::Down, Key::Up), (Key::Up, Key::Down)] {
            let mut moves = 0;
            let mut last = before.clone();
            while !missing(&seen).is_empty() {
                self.press(go, 1);
                let (now, _) = self.draw(size);
                if now == last {
                    // The end of the list: this key changed nothing.
                    break;
                }
                moves += 1;
                seen.extend(words(&now));
                last = now;
            }
            self.press(back, moves);
        }
        // Back through the pages: the list's later pages go under the text's first page,
        // its other pages are before them.
        if !missing(&seen).is_empty() {
            let mut ups = 0;
            let mut last = self.draw(size).0;
            loop {
                self.press(Key::PageUp, 1);
                let (now, _) = self.draw(size);
                if now == last {
                    break;
                }
                ups += 1;
                seen.extend(words(&now));
                last = now;
            }
            self.press(Key::PageDown, ups);
        }
        let (after, _) = self.draw(size);
        let mut found = missing(&seen);
        if after != before {
            found.push(format!("(the screen did not come back)\n{before}\n{after}"));
        }
        found
    }

    fn look(&mut self, place: &str) {
        let boxed = self.app.overlay.is_some() || self.app.countdown_seconds(self.at).is_some();
        // A QR code is a picture, not text to read: it is checked on its own.
        let picture = self.app.screen().full_screen();
        if let (Some(tall), false) = (self.reference, boxed || picture) {
            let (screen, body) = self.draw(tall);
            let greeting = words(
                &self
                    .app
                    .i18n
                    .tr(&self.app.settings.locale)
                    .text("welcome-greeting"),
            );
            // The body's lines in words, without the map or a QR code beside or in them and
            // without the page lines (which differ with the size).
            let wanted: Vec<Vec<String>> = screen
                .lines()
                .skip(body.y as usize)
                .take(body.height as usize)
                .map(|line| words(line.split(is_drawing).next().unwrap_or("")))
                .filter(|w| !w.is_empty() && w[0] != "Page")
                // Not offered where the code cannot be drawn (`a_qr_code_is_offered_…`).
                .filter(|w| !w.join(" ").contains("QR"))
                // The welcome's greeting gives way to the menu where both do not fit.
                .filter(|w| !subsequence(w, &greeting))
                // A choice's number depends on what else is offered and on its page.
                .map(|w| match w[0].parse::<u32>() {
                    Ok(_) if w.len() > 1 => w[1..].to_vec(),
                    _ => w,
                })
                .collect();
            if self.essentials {
                let essentials = essentials(&self.buffer(tall), body);
                for size in self.sizes.clone() {
                    let (small, _) = self.draw(size);
                    for line in hidden_from(&essentials, &small) {
                        self.hidden
                            .push(format!("{place} at {}×{}: {line}\n{small}", size.0, size.1));
                    }
                }
            }
            for size in self.sizes.clone() {
                for line in self.unreachable_at(size, &wanted) {
                    self.unreachable
                        .push(format!("{place} at {}×{}: {line}", size.0, size.1));
                }
            }
            return;
        }
        for (w, h) in self.sizes.clone() {
            self.app.screen_size = (w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut body = ratatui::layout::Rect::default();
            terminal
                .draw(|f| {
                    body = borne::app::frame::draw(f, &self.app, self.at, false).body;
                })
                .unwrap();
            self.bodies.push(body);
            let boxed = self.app.overlay.is_some() || self.app.countdown_seconds(self.at).is_some();
            if self.hearing && !boxed && !self.app.staff_signed_in() && (w, h) == self.sizes[0] {
                let cursor = terminal.get_cursor_position().ok();
                for missing in unsaid(&self.app, self.at, &text(&terminal), body, cursor) {
                    self.unsaid
                        .push(format!("{place} at {w}×{h}: {missing:?} is not said"));
                }
            }
            // A full-screen picture (a QR code) has no key bar: it says its keys itself.
            if self.keybars && !boxed && !self.app.screen().full_screen() {
                let screen = text(&terminal);
                for wrong in wrong_keys(&self.app, self.at, &screen, body) {
                    self.wrong_keys
                        .push(format!("{place} at {w}×{h}: {wrong}\n{screen}"));
                }
            }
            self.frames
                .push((format!("{place} at {w}×{h}"), boxed, terminal));
        }
    }

    /// Presses keys from where the walk is, looking at the screen after each.
    fn keys(&mut self, journey: &str, keys: &[Key]) {
        for (i, key) in keys.iter().enumerate() {
            let effects = self.app.update(Msg::Key(*key), self.at);
            self.answer(effects);
            let title = self.app.screen().title();
            self.look(&format!("{journey}, key {} ({title})", i + 1));
        }
    }

    fn typed(&mut self, journey: &str, text: &str) {
        let keys: Vec<Key> = text.chars().map(Key::Char).collect();
        self.keys(journey, &keys);
    }

    fn home(&mut self) {
        let effects = self.app.update(Msg::Key(Key::Home), self.at);
        self.answer(effects);
        // A form asks first: yes.
        if self.app.overlay.is_some() {
            let effects = self.app.update(Msg::Key(Key::Char('1')), self.at);
            self.answer(effects);
        }
        assert!(self.app.on_welcome(), "back home");
    }

    /// Every journey a person and a counsellor take, from the welcome screen.
    fn everywhere(&mut self) {
        use Key::*;
        self.look("welcome");
        // The languages and the display choices, and back.
        self.keys("language and display", &[Char('7'), Down, Down, Esc]);
        // The diagnostic, answered with the first choice to its result, then its next steps.
        self.keys("diagnostic", &[Char('1')]);
        self.keys("diagnostic", &[Enter; 9]);
        self.keys("diagnostic: lieux", &[Char('2'), Esc]);
        self.home();
        // A booking, to its receipt and QR code.
        self.keys("booking", &[Char('2'), Char('1'), Char('1'), Char('1')]);
        self.typed("booking: form", "Marie");
        self.keys("booking: form", &[Enter, Enter]);
        self.typed("booking: form", "0612345678");
        // A wrong e-mail address first: the error and its example.
        self.keys("booking: form", &[Enter, Enter]);
        self.typed("booking: form", "marie@");
        self.keys("booking: form", &[Enter, Enter]);
        self.keys("booking: form", &[Backspace; 6]);
        self.keys("booking: form", &[Enter, Enter]);
        self.keys(
            "booking: checkout",
            &[Char('1'), Char('1'), Char('1'), Char('1')],
        );
        self.keys("booking: receipt", &[Char('1'), Enter]);
        self.home();
        // The lieux: search, results, a lieu, its hours, filters.
        self.keys("lieux", &[Char('3')]);
        self.typed("lieux", "gap");
        self.keys("lieux", &[Down, Enter, Char('1'), Char('1'), Esc, Esc]);
        self.keys("lieux: filters", &[BackTab, Enter, Char('1'), Esc]);
        self.home();
        // Gérer mon rendez-vous: a wrong code, then the form.
        self.keys("manage", &[Char('4')]);
        self.typed("manage", "ABC234");
        self.keys("manage", &[Enter]);
        self.typed("manage", "78");
        self.keys("manage", &[Enter, Enter]);
        self.home();
        // The workshops, to the registration form.
        self.keys("workshops", &[Char('5'), Char('1'), Char('1')]);
        self.home();
        // A full workshop: its waiting list, to the place on it.
        self.keys("waiting list", &[Char('5'), Char('2')]);
        self.typed("waiting list", "Olena");
        self.keys("waiting list", &[Enter, Enter]);
        self.typed("waiting list", "0612345678");
        self.keys("waiting list", &[Down, Down, Down, Enter, Char('1')]);
        self.home();
        // Je suis là: a check-in with a code unknown, then two tickets for help now (the
        // second taken with a first name), and the first given up with its number.
        self.keys("here", &[Char('6')]);
        self.keys("check-in", &[Char('1')]);
        self.typed("check-in", "ABC234");
        self.keys("check-in", &[Enter]);
        self.typed("check-in", "78");
        self.keys("check-in", &[Enter, Enter]);
        self.home();
        self.keys(
            "help now",
            &[Char('6'), Char('2'), Char('1'), Enter, Enter, Char('1')],
        );
        self.keys("help now", &[Char('6'), Char('2'), Char('2')]);
        self.typed("help now", "Ali");
        self.keys("help now", &[Enter, Enter, Char('1')]);
        self.keys("help now: leaving", &[Char('6'), Char('3')]);
        self.typed("help now: leaving", "A-001");
        self.keys("help now: leaving", &[Enter, Enter, Char('1')]);
        // Boxes over the screen: the PIN, leaving a form, the idle countdown.
        self.keys("pin", &[F(12)]);
        self.typed("pin", "0000");
        self.keys("pin", &[Enter, Esc]);
        self.keys(
            "leaving",
            &[Char('2'), Char('1'), Char('1'), Char('1'), Char('M'), Home],
        );
        self.keys("leaving", &[Char('1')]);
        self.keys("idle", &[Char('4')]);
        self.at += Duration::seconds(95);
        self.app.update(Msg::Tick, self.at);
        self.look("idle countdown");
        self.keys("idle", &[Char(' ')]);
        self.home();
        // The staff menu.
        self.keys("staff", &[F(12)]);
        self.typed("staff", "2468");
        self.keys("staff", &[Enter, Down, Enter, Esc]);
        self.home();
        // A counsellor: agenda of the day and the week, a booking, booking on behalf, the
        // workshops, a walk-in report, the statistics, the queue (a call, taken in charge).
        self.keys("counsellor", &[F(12)]);
        self.typed("counsellor", "1357");
        self.keys("counsellor", &[Enter]);
        for choice in ['1', '2', '3', '4', '5', '6', '7'] {
            self.keys(
                "counsellor",
                &[Char(choice), Char('1'), Char('1'), Down, Enter],
            );
            self.keys("counsellor", &[Esc, Esc, Esc, Esc]);
        }
        // The day's agenda: the next day, then a date typed.
        self.keys("counsellor: days", &[Char('1'), Right, Down, Enter]);
        self.typed("counsellor: days", "19/03");
        self.keys("counsellor: days", &[Enter, Esc]);
    }
}

/// What the key bar of the frame just drawn says wrongly of the screen: the page keys where
/// nothing pages (or not where something does), the digits where no choice is numbered (or
/// not where some are).
fn wrong_keys(
    app: &App,
    at: NaiveDateTime,
    screen: &str,
    body: ratatui::layout::Rect,
) -> Vec<String> {
    let hints = borne::app::voice::with_written_view(app, at, |view| {
        borne::app::frame::hints(app, view, at)
    });
    let said = |key: &str| hints.iter().any(|h| h.key == key);
    let lines: Vec<&str> = screen
        .lines()
        .skip(body.y as usize)
        .take(body.height as usize)
        .collect();
    let paged = lines.iter().any(|l| {
        let l = l.trim();
        l.starts_with("Page ") && l.contains(" sur ")
    });
    // "▶ 1  Prendre rendez-vous", "  2  …": a digit, two spaces, a word.
    let numbered = lines.iter().any(|l| {
        let l: Vec<char> = l.trim_start_matches([' ', '▶']).chars().collect();
        l.len() > 3 && ('1'..='9').contains(&l[0]) && l[1] == ' ' && l[2] == ' ' && l[3] != ' '
    });
    let mut wrong = Vec::new();
    if said("key-pages") != paged {
        wrong.push(format!(
            "page keys said: {}, pages shown: {paged}",
            said("key-pages")
        ));
    }
    if said("key-digits") != numbered {
        wrong.push(format!(
            "digits said: {}, numbered choices shown: {numbered}",
            said("key-digits")
        ));
    }
    wrong
}

#[test]
fn the_key_bar_says_the_page_keys_and_the_digits_only_where_they_do_something() {
    let (_dir, store) = store_with_lieux();
    let mut walk = Walk::new(store, &[(80, 24), (60, 20)]);
    walk.keybars = true;
    walk.everywhere();
    let mut wrong = walk.wrong_keys.clone();
    wrong.dedup_by(|a, b| a.lines().next() == b.lines().next());
    assert!(
        wrong.is_empty(),
        "{} frames:\n{}",
        wrong.len(),
        wrong.join("\n\n")
    );
}

fn store_with_lieux() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    borne::places::load::shipped(&mut store, &config, "2026-03-02T10:15", &mut |_, _, _| {})
        .unwrap();
    // Thursday's workshop is full: its waiting list is a journey too.
    use borne::store::Bookings;
    let starts = borne::clock::parse_local("2026-03-05T17:30").unwrap();
    for _ in 0..10 {
        store
            .register(
                &borne::store::NewRegistration {
                    workshop: "arnaques@2026-03-05".into(),
                    starts,
                    ends: starts + Duration::minutes(90),
                    seats: 10,
                    person: borne::domain::person::Person {
                        first_name: "Ali".into(),
                        ..Default::default()
                    },
                    reminder: None,
                    booked_by: borne::store::BookedBy::Kiosk,
                    request_id: None,
                },
                now(),
            )
            .unwrap()
            .unwrap();
    }
    (dir, store)
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    borne::ui::text::screen_of(terminal.backend().buffer())
}

#[test]
fn the_screen_reader_mode_draws_no_box_or_block_character_and_always_places_the_cursor() {
    let (_dir, store) = store_with_lieux();
    let mut walk = Walk::new(store, &[(80, 24), (60, 20), (120, 33)]);
    walk.hearing = true;
    walk.keys("screen reader on", &[Key::F(5)]);
    walk.everywhere();
    // What a citizen screen shows of its question and focused choice, it says.
    assert!(
        walk.unsaid.is_empty(),
        "{} lines shown are not said:\n{}",
        walk.unsaid.len(),
        walk.unsaid.join("\n")
    );
    // Large text too: titles stay in letters a braille display can show.
    let (_dir, store) = store_with_lieux();
    let mut large = Walk::new(store, &[(80, 24), (120, 33)]);
    large.keys("screen reader and large text on", &[Key::F(5), Key::F(2)]);
    large.everywhere();
    walk.frames.append(&mut large.frames);
    // The walk meets the e-mail error with its example.
    assert!(
        walk.frames
            .iter()
            .any(|(_, _, t)| text(t).contains("marie.dupont@laposte.net")),
        "the e-mail error is not reached"
    );
    let mut titles: Vec<&str> = Vec::new();
    let mut found = Vec::new();
    for (place, boxed, terminal) in walk.frames.iter_mut() {
        let screen = text(terminal);
        // A box takes the whole screen: nothing of the screen under it is read with it.
        if *boxed && screen.contains("Point numérique — Mairie de Gap") {
            found.push(format!(
                "{place}: the box leaves the screen under it visible\n{screen}"
            ));
        }
        if let Some(c) = screen
            .chars()
            .find(|c| ('\u{2500}'..='\u{259f}').contains(c))
        {
            found.push(format!("{place}: {c:?}\n{screen}"));
        }
        if terminal.get_cursor_position().is_err() || !terminal.backend().cursor_visible() {
            found.push(format!("{place}: no cursor\n{screen}"));
        }
        if let Some(title) = place.split('(').nth(1) {
            titles.push(
                title
                    .trim_end_matches([')', ' '])
                    .split(')')
                    .next()
                    .unwrap(),
            );
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n\n"));
    titles.sort();
    titles.dedup();
    // The walk reaches the screens of every capability.
    for title in [
        "welcome-title",
        "welcome-settings",
        "diag-title",
        "diag-result-title",
        "booking-title",
        "lieux-title",
        "manage-title",
        "workshops-title",
        "staff-title",
        "counsellor-title",
    ] {
        assert!(titles.contains(&title), "{title} not reached: {titles:?}");
    }
}

/// The lines of a citizen screen's question (the body above the focused line) and the
/// focused line, that what the screen says does not hold, word for word.
fn unsaid(
    app: &App,
    at: NaiveDateTime,
    screen: &str,
    body: ratatui::layout::Rect,
    cursor: Option<ratatui::layout::Position>,
) -> Vec<String> {
    let said = borne::app::voice::written(app, at);
    let heard: Vec<String> = said
        .whole()
        .iter()
        .flat_map(|s| spoken_words(&s.text))
        .collect();
    let last = cursor.map_or(body.bottom(), |c| c.y + 1);
    screen
        .lines()
        .enumerate()
        .filter(|(y, _)| *y as u16 >= body.y && (*y as u16) < last.min(body.bottom()))
        .map(|(_, line)| line)
        // The question is the text at the body's edge (choices and a form's other rows are
        // indented, past the focus mark's column); the focused line is checked whole.
        .enumerate()
        .filter(|(i, line)| {
            body.y as usize + i + 1 == last as usize
                || line
                    .chars()
                    .nth(body.x as usize)
                    .is_some_and(|c| !c.is_whitespace())
        })
        .map(|(_, line)| line)
        // Which page shows, and a week's name over its days, are for the eye.
        .filter(|line| {
            let l = line.trim().to_lowercase();
            !l.starts_with("page ")
                && !["cette semaine", "la semaine prochaine", "semaine du"]
                    .iter()
                    .any(|w| l.starts_with(w))
        })
        .filter(|line| !subsequence(&spoken_words(line), &heard))
        .map(|line| line.trim().to_string())
        .collect()
}

/// A text's words for comparing what is shown with what is said: no marks for the eye,
/// no punctuation, in lower case.
fn spoken_words(text: &str) -> Vec<String> {
    text.replace(['—', '•', '▶', '⚠', '✓'], " ")
        .replace("[x]", "")
        .replace("[ ]", "")
        .replace("(•)", "")
        .replace("( )", "")
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259f}').contains(&c)
}

/// A line's words as a person reads them (no-break spaces are spaces; the focus mark is not
/// a word).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty() && *w != "▶" && !w.chars().any(is_drawing))
        .map(str::to_string)
        .collect()
}

/// Whether the words come in this order in what was seen (a line may wrap differently).
fn subsequence(line: &[String], seen: &[String]) -> bool {
    let mut seen = seen.iter();
    line.iter().all(|word| seen.any(|s| s == word))
}

#[test]
fn in_large_text_what_a_screen_says_can_be_read_at_60x20_80x24_and_120x33() {
    let (_dir, store) = store_with_lieux();
    let mut walk = Walk::new(store, &[(60, 20), (80, 24), (120, 33)]);
    walk.reference = Some((160, 70));
    walk.keys("large text on", &[Key::F(2)]);
    walk.everywhere();
    assert!(
        walk.unreachable.is_empty(),
        "{} lines cannot be read:\n{}",
        walk.unreachable.len(),
        walk.unreachable.join("\n")
    );
}

/// What a screen must show on its first page, read off the tall screen's body: the focused
/// line, every warning (⚠), the lines in the title's ink (a question, a booking code) and
/// the question the focused choice answers (the headings just above it).
struct Essentials {
    lines: Vec<Vec<String>>,
    focus: Option<Vec<String>>,
}

fn essentials(buffer: &ratatui::buffer::Buffer, body: ratatui::layout::Rect) -> Essentials {
    let theme = borne::ui::Theme::pick(false, false);
    // Each body line in words, with the ink of its first letter; where the focus is.
    let mut focused = None;
    let lines: Vec<(Vec<String>, ratatui::style::Style)> = (body.y..body.bottom())
        .map(|y| {
            let text: String = (body.x..body.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            let text = text.split(is_drawing).next().unwrap_or("").to_string();
            if focused.is_none() && text.contains('▶') {
                focused = Some((y - body.y) as usize);
            }
            let first = (body.x..body.right())
                .find(|x| !buffer[(*x, y)].symbol().trim().is_empty())
                .map(|x| buffer[(x, y)].style())
                .unwrap_or_default();
            (words(&text), first)
        })
        .collect();
    let is = |style: ratatui::style::Style, ink: borne::ui::theme::Ink| {
        style.fg == ink.style().fg && style.bg == ink.style().bg
    };
    // Not offered where the code cannot be drawn (`a_qr_code_is_offered_…`).
    let worth = |w: &Vec<String>| !w.is_empty() && w[0] != "Page" && !w.join(" ").contains("QR");
    // Warnings anywhere; else the title's ink among the first lines (the question, the
    // code): a warning comes first where both cannot.
    let warned = lines.iter().any(|(w, _)| worth(w) && w[0].starts_with('⚠'));
    let mut wanted: Vec<Vec<String>> = lines
        .iter()
        .filter(|(w, _)| worth(w))
        .enumerate()
        .filter(|(i, (w, style))| {
            w[0].starts_with('⚠') || (!warned && *i < 3 && is(*style, theme.title))
        })
        .map(|(_, (w, _))| w.clone())
        .collect();
    if let Some(at) = focused {
        // Up from the focus over the list's other choices: the headings there ask the
        // question the choices answer.
        let is_choice = |w: &Vec<String>| {
            w.first().is_some_and(|f| {
                f.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '[')
            })
        };
        let question = lines[..at]
            .iter()
            .rev()
            .skip_while(|(w, style)| w.is_empty() || (is_choice(w) && !is(*style, theme.heading)))
            .take_while(|(w, style)| w.is_empty() || is(*style, theme.heading))
            .filter(|(w, _)| worth(w))
            .map(|(w, _)| w.clone());
        wanted.extend(question);
    }
    Essentials {
        lines: wanted,
        focus: focused
            .filter(|at| worth(&lines[*at].0))
            .map(|at| lines[at].0.iter().take(3).cloned().collect()),
    }
}

/// The essentials the small screen does not show.
fn hidden_from(essentials: &Essentials, small: &str) -> Vec<String> {
    let seen = words(small);
    let mut hidden: Vec<String> = essentials
        .lines
        .iter()
        .filter(|line| !subsequence(line, &seen))
        .map(|line| line.join(" "))
        .collect();
    if let Some(focus) = &essentials.focus {
        // The focused line's first words, on the small screen's focused line.
        let shown = small
            .lines()
            .find(|l| l.contains('▶'))
            .map(words)
            .unwrap_or_default();
        if !subsequence(focus, &shown) {
            hidden.push(format!("the focus on {}", focus.join(" ")));
        }
    }
    hidden
}

#[test]
fn with_the_terminals_large_font_every_screen_is_whole_at_60x16_and_42x12() {
    let (_dir, store) = store_with_lieux();
    let mut walk = Walk::new(store, &[(60, 16), (42, 12)]);
    walk.reference = Some((160, 70));
    walk.essentials = true;
    // F2 where the terminal's font grows (`App::large_font`, set by the shell's driver).
    walk.keys("large text on", &[Key::F(2)]);
    walk.app.large_font = true;
    walk.everywhere();
    assert!(
        walk.hidden.is_empty(),
        "{} essentials are not on the first page:\n{}",
        walk.hidden.len(),
        walk.hidden.join("\n\n")
    );
    assert!(
        walk.unreachable.is_empty(),
        "{} lines cannot be read:\n{}",
        walk.unreachable.len(),
        walk.unreachable.join("\n")
    );
}

//! The pure core of the kiosk: state + message → new state + effects. No terminal, no clock,
//! no database here: the shell feeds keys and ticks with the time, and carries out effects.
pub mod focus;
pub mod frame;
pub mod key;
mod overlays;
pub mod pin_guard;
pub mod printout;
pub mod routes;
pub mod screen;
pub mod settings;
pub mod speech;
pub mod text_field;
pub mod voice;

use std::rc::Rc;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::config::KioskConfig;
use crate::domain::pin::Signer;
use crate::i18n::I18n;
use crate::store::{Reply, Request};
use crate::ui::choices::Hit;
use crate::ui::page;
use crate::vocabulary::coop::Thematique;
use crate::vocabulary::profile::Profile;
use key::Key;
use pin_guard::{Attempt, PinGuard};
use routes::Routes;
use screen::{Action, Ctx, Screen, SettingChange};
pub use settings::Settings;
use text_field::{FieldKind, TextField};

// One message a key press: their size does not matter, boxing would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    /// A deadline the shell was asked to wake up for has come (see `next_deadline`).
    Tick,
    /// The answer to the current screen's last `Effect::Store`.
    Reply(Reply),
    /// The answer to `Effect::Print`: whether the ticket printer took the ticket.
    Printed(bool),
    /// The answer to `Effect::CheckPin`: whom the PIN opens to, if anyone.
    PinChecked(Option<Signer>),
    /// The PIN could not be checked: the network's database, which checks counsellors' PINs,
    /// is out of reach.
    PinUnchecked,
    /// The PIN is not the staff's, and the network checks a PIN for one counsellor at a
    /// time: whose it is, among these names (the agenda's counsellors, in order).
    PinAsksWho {
        names: Vec<String>,
        pin: String,
    },
}

/// What the shell carries out after an update.
// One message a key press: their size does not matter, boxing would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// A staff action for the audit table (never citizen data).
    Audit {
        actor: String,
        action: String,
    },
    /// A question for the database; its answer comes back as `Msg::Reply`.
    Store(Request),
    /// Say the whole screen again (F4), when the kiosk speaks.
    SayScreen,
    /// Say how to use the kiosk (F1), when the kiosk speaks.
    SayHowToUse,
    /// Say these words now, over what is being said (a code repeated on the receipt).
    Say(Vec<speech::Said>),
    /// Print a ticket; `Msg::Printed` comes back.
    Print(printout::Printout),
    /// Check a PIN against the hashes (slow on purpose: not on the screen's thread);
    /// `Msg::PinChecked` (or `Msg::PinAsksWho`) comes back.
    CheckPin(String),
    /// Check a PIN as the counsellor's (index into the agenda's counsellors), on the
    /// network's database; `Msg::PinChecked` comes back.
    CheckPinOf {
        counsellor: usize,
        pin: String,
    },
    /// Keep the PIN lockout (failures, locked until) across restarts.
    SavePinGuard(u32, Option<NaiveDateTime>),
    /// An anonymous count for the help point's statistics: no identity, no time of day.
    CountDiagnostic {
        day: NaiveDate,
        profile: Profile,
        needs: Vec<Thematique>,
    },
}

/// Where a confirmed question leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    Home,
    Back,
    /// Home while a counsellor or the staff are signed in.
    SignOut,
}

impl Leaving {
    /// The confirmation's title, text and "yes" message ids, as drawn and as said.
    pub(crate) fn messages(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Leaving::Home => (
                "home-confirm-title",
                "home-confirm-text",
                "home-confirm-yes",
            ),
            Leaving::Back => (
                "back-confirm-title",
                "home-confirm-text",
                "back-confirm-yes",
            ),
            Leaving::SignOut => (
                "signout-confirm-title",
                "signout-confirm-text",
                "signout-confirm-yes",
            ),
        }
    }
}

/// A box over the screen that takes every key until it closes.
pub enum Overlay {
    /// "Revenir à l'accueil ?" or "Revenir en arrière ?" when it would drop what was typed.
    Confirm {
        leaving: Leaving,
        yes: bool,
    },
    Pin(PinPrompt),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PinPrompt {
    /// What is typed, with its cursor (← → move it, as in any field).
    field: TextField,
    pub notice: Option<PinNotice>,
    /// The PIN typed is being checked: keys wait.
    pub checking: bool,
    /// The PIN typed waits for the counsellor to say who they are.
    pub who: Option<Who>,
}

impl Default for PinPrompt {
    fn default() -> Self {
        PinPrompt {
            field: TextField::new(FieldKind::Secret, PIN_MAX_LENGTH),
            notice: None,
            checking: false,
            who: None,
        }
    }
}

impl PinPrompt {
    /// The PIN typed so far.
    pub fn entered(&self) -> &str {
        &self.field.value
    }

    /// Where the cursor is among the characters typed.
    pub fn cursor(&self) -> usize {
        self.field.cursor()
    }
}

/// "Qui êtes-vous ?": the counsellors' names, the one focused, and the PIN they typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Who {
    pub names: Vec<String>,
    pub focused: usize,
    pin: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PinNotice {
    /// Wrong; the next try waits this many seconds (0: none).
    Wrong { wait_seconds: u32 },
    /// Tried too soon after wrong PINs: this many seconds to wait.
    Wait { seconds: u32 },
    /// The network that checks counsellors' PINs is out of reach.
    Unreachable,
}

const PIN_MAX_LENGTH: usize = 32;

pub struct App {
    pub kiosk: Rc<KioskConfig>,
    pub i18n: Rc<I18n>,
    routes: Rc<dyn Routes>,
    pub settings: Settings,
    welcome: Box<dyn Screen>,
    /// The screens opened from the welcome screen, the current one last.
    stack: Vec<Box<dyn Screen>>,
    pub overlay: Option<Overlay>,
    /// Set while the "Vous êtes toujours là ?" countdown runs: when it ends.
    pub idle_warning_until: Option<NaiveDateTime>,
    last_key: NaiveDateTime,
    pin_guard: PinGuard,
    /// The counsellor signed in (index into the agenda's counsellors), while in their mode.
    pub counsellor: Option<usize>,
    /// The staff menu is open (the help point's PIN).
    admin: bool,
    /// An answer has been awaited for a moment: the screen says "Un instant…".
    pub waiting: bool,
    /// Changes whenever the screens change: an answer asked for by a screen the person has
    /// left is not given to the one they are on.
    generation: u64,
    /// The page of the body's text the person turned to, when it does not fit
    /// (`ui::page::Layout`), and which text it is (`ui::page::text_hash`): another text
    /// starts on its first page.
    pub page: usize,
    page_text: u64,
    /// The terminal's size: given by whoever draws, before each frame (80×24 until then), so
    /// that the screens page as they are drawn without the drawing writing to the core.
    pub screen_size: (u16, u16),
    /// No key pressed since the kiosk started or was reset: a newcomer, told how to use the
    /// kiosk when it speaks.
    pub fresh: bool,
    /// The terminal shows its large font (the shell sets it when a font driver made the
    /// letters twice as tall): the screens then need no block titles or spacing of their own.
    pub large_font: bool,
}

/// Counsellor mode locks itself after this long without a key…
pub const COUNSELLOR_LOCK_MINUTES: i64 = 10;
/// …and after this long when a person's record is open on the screen.
pub const RECORD_LOCK_MINUTES: i64 = 2;

impl App {
    pub fn new(
        kiosk: Rc<KioskConfig>,
        i18n: Rc<I18n>,
        routes: Rc<dyn Routes>,
        now: NaiveDateTime,
    ) -> App {
        let settings = Settings::defaults(&kiosk);
        let welcome = routes.welcome();
        App {
            kiosk,
            i18n,
            routes,
            settings,
            welcome,
            stack: Vec::new(),
            overlay: None,
            idle_warning_until: None,
            last_key: now,
            pin_guard: PinGuard::default(),
            counsellor: None,
            admin: false,
            waiting: false,
            generation: 0,
            page: 0,
            page_text: 0,
            screen_size: (80, 24),
            fresh: true,
            large_font: false,
        }
    }

    /// Whom a PIN opens to (slow on purpose: the shell runs it off the screen's thread with
    /// the same hashes; tests call it directly).
    pub fn signer(&self, entered: &str) -> Option<Signer> {
        self.routes.signer(entered)
    }

    /// The name of the counsellor signed in, for the header.
    pub fn counsellor_name(&self) -> Option<String> {
        self.counsellor.map(|c| self.routes.counsellor(c).1)
    }

    /// The PIN guard (wrong tries, the wait) as saved before a restart.
    pub fn restore_pin_guard(
        &mut self,
        failures: u32,
        wait_until: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) {
        self.pin_guard = PinGuard::restored(failures, wait_until, now);
    }

    /// Opens a screen over the current one, as a menu choice does.
    pub fn push(&mut self, screen: Box<dyn Screen>, now: NaiveDateTime) -> Vec<Effect> {
        self.open(screen, now)
    }

    /// A counsellor or the staff is at the kiosk: nothing is said aloud unless asked (F4).
    pub fn staff_signed_in(&self) -> bool {
        self.counsellor.is_some() || self.admin
    }

    /// The screens change: an answer for the one left is dropped, a text starts on its first
    /// page.
    fn screens_changed(&mut self) {
        self.generation += 1;
        self.page = 0;
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn screen(&self) -> &dyn Screen {
        match self.stack.last() {
            Some(screen) => screen.as_ref(),
            None => self.welcome.as_ref(),
        }
    }

    pub fn on_welcome(&self) -> bool {
        self.stack.is_empty()
    }

    pub fn update(&mut self, msg: Msg, now: NaiveDateTime) -> Vec<Effect> {
        let follows = matches!(msg, Msg::Key(_) | Msg::Reply(_));
        let effects = self.update_state(msg, now);
        if follows {
            self.follow_text(now);
        }
        effects
    }

    fn update_state(&mut self, msg: Msg, now: NaiveDateTime) -> Vec<Effect> {
        match msg {
            Msg::Tick => {
                self.tick(now);
                Vec::new()
            }
            Msg::Key(key) => self.key(key, now),
            Msg::Reply(reply) => self.dispatch(now, |screen, ctx| screen.reply(reply, ctx)),
            Msg::Printed(ok) => self.dispatch(now, |screen, ctx| screen.printed(ok, ctx)),
            Msg::PinChecked(who) => self.pin_checked(who, now),
            Msg::PinUnchecked => {
                if let Some(Overlay::Pin(prompt)) = &mut self.overlay
                    && prompt.checking
                {
                    // Not a wrong try: nothing is counted, the person may try again.
                    prompt.checking = false;
                    prompt.notice = Some(PinNotice::Unreachable);
                }
                Vec::new()
            }
            Msg::PinAsksWho { names, pin } => {
                if let Some(Overlay::Pin(prompt)) = &mut self.overlay
                    && prompt.checking
                    && !names.is_empty()
                {
                    prompt.checking = false;
                    prompt.notice = None;
                    prompt.who = Some(Who {
                        names,
                        focused: 0,
                        pin,
                    });
                }
                Vec::new()
            }
        }
    }

    /// When the shell must send the next `Tick`: the idle deadline, or the next second of
    /// the countdown. `None` when nothing is pending (the pristine welcome screen).
    pub fn next_deadline(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        // The wall clock may step back (the October change, an NTP step): time since the
        // last key never counts as negative, so the idle reset is never put off.
        let last_key = self.last_key.min(now);
        if let Some(until) = self.idle_warning_until {
            let until = until.min(now + Duration::seconds(self.kiosk.warning_seconds.into()));
            let left = until - now;
            if left <= Duration::zero() {
                return Some(now);
            }
            let within_second = Duration::milliseconds(left.num_milliseconds() % 1000);
            let step = if within_second.is_zero() {
                Duration::seconds(1)
            } else {
                within_second
            };
            return Some(now + step);
        }
        if self.counsellor.is_some() {
            return Some(last_key + self.counsellor_lock());
        }
        if self.is_pristine() {
            return None;
        }
        Some(last_key + Duration::seconds(self.kiosk.idle_seconds.into()))
    }

    /// The wall clock stepped by `step` (the October change, a suspend, an NTP step): the
    /// idle and lock timers move with it, so they still count real time since the last key.
    pub fn clock_stepped(&mut self, step: Duration) {
        self.last_key += step;
        if let Some(until) = self.idle_warning_until.as_mut() {
            *until += step;
        }
    }

    /// How long counsellor mode stays open without a key: less with a person's record in sight.
    fn counsellor_lock(&self) -> Duration {
        if self.screen().shows_a_person() {
            Duration::minutes(RECORD_LOCK_MINUTES)
        } else {
            Duration::minutes(COUNSELLOR_LOCK_MINUTES)
        }
    }

    /// Whole seconds left on the idle countdown, rounded up, while it shows.
    pub fn countdown_seconds(&self, now: NaiveDateTime) -> Option<i64> {
        let warning = i64::from(self.kiosk.warning_seconds) * 1000;
        self.idle_warning_until
            .map(|until| ((until - now).num_milliseconds().clamp(0, warning) + 999) / 1000)
    }

    /// The welcome screen as a newcomer finds it: nothing to forget, no timer needed.
    fn is_pristine(&self) -> bool {
        self.on_welcome()
            && self.overlay.is_none()
            && self.settings == Settings::defaults(&self.kiosk)
    }

    fn tick(&mut self, now: NaiveDateTime) {
        // A wall clock that stepped back restarts the counts from now (see `next_deadline`).
        self.last_key = self.last_key.min(now);
        let warning = Duration::seconds(self.kiosk.warning_seconds.into());
        if let Some(until) = self.idle_warning_until {
            self.idle_warning_until = Some(until.min(now + warning));
        }
        // Counsellor mode has no citizen countdown: it locks, back to the welcome screen.
        if self.counsellor.is_some() {
            if now >= self.last_key + self.counsellor_lock() {
                self.reset();
            }
            return;
        }
        match self.idle_warning_until {
            Some(until) if now >= until => self.reset(),
            Some(_) => {}
            None => {
                let idle = Duration::seconds(self.kiosk.idle_seconds.into());
                if !self.is_pristine() && now >= self.last_key + idle {
                    self.idle_warning_until = Some(now + warning);
                }
            }
        }
    }

    /// Back to the welcome screen as a newcomer finds it: everything the person entered and
    /// chose is dropped from memory. The PIN lockout stays.
    pub fn reset(&mut self) {
        self.screens_changed();
        self.settings = Settings::defaults(&self.kiosk);
        self.stack.clear();
        self.welcome = self.routes.welcome();
        self.overlay = None;
        self.idle_warning_until = None;
        self.counsellor = None;
        self.admin = false;
        self.fresh = true;
    }

    /// Back to the welcome screen, keeping the display choices; ends counsellor mode.
    fn go_home(&mut self) {
        self.screens_changed();
        self.stack.clear();
        self.counsellor = None;
        self.admin = false;
    }

    fn key(&mut self, key: Key, now: NaiveDateTime) -> Vec<Effect> {
        self.last_key = now;
        self.fresh = false;
        if self.idle_warning_until.take().is_some() {
            // The key only says "I am still here".
            return Vec::new();
        }
        match key {
            Key::F(2) => return self.change(SettingChange::ToggleLargeText),
            Key::F(3) => return self.change(SettingChange::ToggleContrast),
            Key::F(4) if self.kiosk.speech.is_some() => return vec![Effect::SayScreen],
            Key::F(1) if self.kiosk.speech.is_some() => return vec![Effect::SayHowToUse],
            Key::F(5) => return self.change(SettingChange::ToggleScreenReader),
            Key::F(12) if !matches!(self.overlay, Some(Overlay::Pin(_))) => {
                self.open_pin_prompt(now);
                return Vec::new();
            }
            _ => {}
        }
        if let Key::Tap(column, row) = key {
            // A box over the screen is answered with its keys.
            return match self.overlay {
                Some(_) => Vec::new(),
                None => self.tap(column, row, now),
            };
        }
        match self.overlay.take() {
            Some(Overlay::Pin(prompt)) => return self.pin_key(prompt, key, now),
            Some(Overlay::Confirm { leaving, yes }) => {
                return self.confirm_key(leaving, yes, key, now);
            }
            None => {}
        }
        // One pager a screen: its text's pages, then its list's, as drawn.
        if matches!(key, Key::PageDown | Key::PageUp)
            && self.turn_page(key == Key::PageDown, now).is_some()
        {
            return Vec::new();
        }
        if key == Key::Home {
            self.home();
            return Vec::new();
        }
        // Esc out of a form with typed data asks first, as Home does.
        if key == Key::Esc && self.screen().esc_loses_input() {
            self.overlay = Some(Overlay::Confirm {
                leaving: Leaving::Back,
                yes: false,
            });
            return Vec::new();
        }
        self.dispatch(now, |screen, ctx| screen.handle(key, ctx))
    }

    /// Turns the body's page, as drawn at the terminal's size: whether it turned (not at
    /// either end); None when the screen does not give its body as data (its own keys then
    /// turn its pages).
    fn turn_page(&mut self, forward: bool, now: NaiveDateTime) -> Option<bool> {
        let (layout, body) =
            voice::with_written_view(self, now, |view| frame::body_layout(self, view, now))?;
        let from = layout.shown(self.page, body.focused);
        let Some((page, focus)) = layout.turn(from, forward) else {
            return Some(false);
        };
        self.page = page;
        if let Some(choice) = focus {
            self.screen_mut().focus_choice(choice);
        }
        Some(true)
    }

    /// A tap on a choice chooses it (a check box: ticks it) as Enter does; on the page line it
    /// turns to the next page (from the last, back to the first).
    fn tap(&mut self, column: u16, row: u16, now: NaiveDateTime) -> Vec<Effect> {
        let hit = voice::with_written_view(self, now, |view| {
            frame::tapped(self, view, now, column, row)
        });
        match hit {
            Some(Hit::Choice(index)) => {
                self.screen_mut().focus_choice(index);
                self.dispatch(now, |screen, ctx| screen.handle(Key::Enter, ctx))
            }
            Some(Hit::Page) => {
                if self.turn_page(true, now) == Some(false) {
                    while self.turn_page(false, now) == Some(true) {}
                }
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// After each update: a new text on the same screen starts on its first page.
    fn follow_text(&mut self, now: NaiveDateTime) {
        let text = voice::with_written_view(self, now, |view| {
            self.screen().body(view).map(|b| page::text_hash(&b.paras))
        });
        if let Some(text) = text
            && text != self.page_text
        {
            self.page_text = text;
            self.page = 0;
        }
    }

    fn screen_mut(&mut self) -> &mut dyn Screen {
        match self.stack.last_mut() {
            Some(screen) => screen.as_mut(),
            None => self.welcome.as_mut(),
        }
    }

    /// Lets the current screen act, then carries out what it asks.
    fn dispatch(
        &mut self,
        now: NaiveDateTime,
        act: impl FnOnce(&mut dyn Screen, &Ctx) -> Action,
    ) -> Vec<Effect> {
        let ctx = Ctx {
            kiosk: &self.kiosk,
            i18n: &self.i18n,
            settings: &self.settings,
            now,
            screen: self.screen_size,
        };
        let screen: &mut dyn Screen = match self.stack.last_mut() {
            Some(screen) => screen.as_mut(),
            None => self.welcome.as_mut(),
        };
        let action = act(screen, &ctx);
        self.apply(action, now)
    }

    /// Opens a screen and lets it load what it shows.
    fn open(&mut self, screen: Box<dyn Screen>, now: NaiveDateTime) -> Vec<Effect> {
        self.screens_changed();
        self.stack.push(screen);
        let ctx = Ctx {
            kiosk: &self.kiosk,
            i18n: &self.i18n,
            settings: &self.settings,
            now,
            screen: self.screen_size,
        };
        let action = self.stack.last_mut().expect("just pushed").opened(&ctx);
        self.apply(action, now)
    }

    fn apply(&mut self, action: Action, now: NaiveDateTime) -> Vec<Effect> {
        match action {
            Action::None => {}
            Action::Push(screen) => return self.open(screen, now),
            Action::Replace(screen) => {
                self.stack.pop();
                return self.open(screen, now);
            }
            Action::Back => {
                self.screens_changed();
                self.stack.pop();
                if self.stack.is_empty() {
                    self.counsellor = None;
                    self.admin = false;
                } else {
                    return self.dispatch(now, |screen, ctx| screen.resumed(ctx));
                }
            }
            Action::Home => self.go_home(),
            Action::Finish => self.finish(),
            Action::Change(change) => return self.change(change),
            Action::ChangeAndBack(change) => {
                let mut effects = self.change(change);
                effects.extend(self.apply(Action::Back, now));
                return effects;
            }
            Action::Emit(effect) => return vec![effect],
            Action::EmitAll(effects) => return effects,
            Action::Quit => {
                return vec![
                    Effect::Audit {
                        actor: "admin".into(),
                        action: "quit the kiosk".into(),
                    },
                    Effect::Quit,
                ];
            }
        }
        Vec::new()
    }

    fn change(&mut self, change: SettingChange) -> Vec<Effect> {
        match change {
            SettingChange::Locale(tag) => self.settings.locale = tag,
            SettingChange::ToggleLargeText => self.settings.large_text ^= true,
            SettingChange::ToggleContrast => self.settings.high_contrast ^= true,
            SettingChange::ToggleScreenReader => self.settings.screen_reader ^= true,
        }
        Vec::new()
    }

    /// The person is done ("Terminer"): the welcome screen and the display choices as the
    /// next person should find them, the help point's (large text, contrast, language).
    fn finish(&mut self) {
        self.go_home();
        self.settings = Settings::defaults(&self.kiosk);
        // The next person finds the welcome as a newcomer does: its first choice focused.
        self.welcome = self.routes.welcome();
    }

    /// Home asks first when it would drop what the person entered, or sign a counsellor out.
    fn home(&mut self) {
        if self.counsellor.is_some() || self.admin {
            self.overlay = Some(Overlay::Confirm {
                leaving: Leaving::SignOut,
                yes: false,
            });
        } else if self.stack.iter().any(|s| s.holds_input()) {
            self.overlay = Some(Overlay::Confirm {
                leaving: Leaving::Home,
                yes: false,
            });
        } else {
            self.go_home();
        }
    }

    fn confirm_key(
        &mut self,
        leaving: Leaving,
        yes: bool,
        key: Key,
        now: NaiveDateTime,
    ) -> Vec<Effect> {
        let choice = match key {
            Key::Char('1') => Some(true),
            Key::Char('2') | Key::Esc => Some(false),
            Key::Enter => Some(yes),
            _ => None,
        };
        match (choice, leaving) {
            (Some(true), Leaving::Home | Leaving::SignOut) => self.go_home(),
            // Confirmed: the screen takes its Esc (and drops what was typed).
            (Some(true), Leaving::Back) => {
                return self.dispatch(now, |screen, ctx| screen.handle(Key::Esc, ctx));
            }
            (Some(false), _) => {}
            (None, _) => {
                let yes = match key {
                    Key::Up | Key::Down | Key::Left | Key::Right | Key::Tab | Key::BackTab => !yes,
                    _ => yes,
                };
                self.overlay = Some(Overlay::Confirm { leaving, yes });
            }
        }
        Vec::new()
    }

    fn open_pin_prompt(&mut self, now: NaiveDateTime) {
        let notice = self
            .pin_guard
            .waiting(now)
            .map(|seconds| PinNotice::Wait { seconds });
        self.overlay = Some(Overlay::Pin(PinPrompt {
            notice,
            ..PinPrompt::default()
        }));
    }

    fn pin_key(&mut self, mut prompt: PinPrompt, key: Key, now: NaiveDateTime) -> Vec<Effect> {
        if prompt.checking {
            // The answer is coming: only Esc (which drops it) is taken.
            if matches!(key, Key::Esc | Key::Home) {
                return Vec::new();
            }
            self.overlay = Some(Overlay::Pin(prompt));
            return Vec::new();
        }
        if let Some(who) = prompt.who.take() {
            return self.who_key(prompt, who, key);
        }
        match key {
            Key::Esc | Key::Home => return Vec::new(),
            key if TextField::takes(key) => {
                prompt.field.input(key);
            }
            Key::Enter if !prompt.entered().is_empty() => {
                let entered =
                    std::mem::replace(&mut prompt.field, PinPrompt::default().field).value;
                if let Some(seconds) = self.pin_guard.waiting(now) {
                    // Too soon after a wrong PIN: not even checked.
                    prompt.notice = Some(PinNotice::Wait { seconds });
                    self.overlay = Some(Overlay::Pin(prompt));
                    return vec![audit("unknown", "staff PIN tried during the wait")];
                }
                prompt.checking = true;
                self.overlay = Some(Overlay::Pin(prompt));
                return vec![Effect::CheckPin(entered)];
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Pin(prompt));
        Vec::new()
    }

    /// A key while the counsellor says who they are: a name chosen checks the PIN as theirs.
    fn who_key(&mut self, mut prompt: PinPrompt, mut who: Who, key: Key) -> Vec<Effect> {
        let last = who.names.len().saturating_sub(1);
        let chosen = match key {
            Key::Esc | Key::Home => return Vec::new(),
            Key::Up | Key::BackTab => {
                who.focused = who.focused.checked_sub(1).unwrap_or(last);
                None
            }
            Key::Down | Key::Tab => {
                who.focused = if who.focused >= last {
                    0
                } else {
                    who.focused + 1
                };
                None
            }
            Key::Enter => Some(who.focused),
            Key::Char(c) => c
                .to_digit(10)
                .and_then(|n| (n as usize).checked_sub(1))
                .filter(|n| *n <= last),
            _ => None,
        };
        if let Some(counsellor) = chosen {
            prompt.checking = true;
            self.overlay = Some(Overlay::Pin(prompt));
            return vec![Effect::CheckPinOf {
                counsellor,
                pin: who.pin,
            }];
        }
        prompt.who = Some(who);
        self.overlay = Some(Overlay::Pin(prompt));
        Vec::new()
    }

    /// The PIN was checked: sign in, or count a wrong try.
    fn pin_checked(&mut self, who: Option<Signer>, now: NaiveDateTime) -> Vec<Effect> {
        let Some(Overlay::Pin(mut prompt)) = self
            .overlay
            .take()
            .filter(|o| matches!(o, Overlay::Pin(p) if p.checking))
        else {
            // The prompt was closed meanwhile (Esc, an idle reset): the answer is dropped.
            return Vec::new();
        };
        prompt.checking = false;
        let attempt = self.pin_guard.attempt(who.is_some(), now);
        let (failures, until) = self.pin_guard.state();
        let mut effects = vec![Effect::SavePinGuard(failures, until)];
        match attempt {
            Attempt::Accepted => match who {
                Some(Signer::Admin) | None => {
                    self.admin = true;
                    effects.push(audit("admin", "staff sign-in"));
                    // Opened as any screen: it loads what it shows (the lieux' date).
                    effects.extend(self.open(self.routes.staff_menu(), now));
                }
                Some(Signer::Counsellor(c)) => {
                    // Counsellor mode starts from a clean kiosk: nothing of a citizen's
                    // session stays under it.
                    self.screens_changed();
                    self.stack.clear();
                    self.counsellor = Some(c);
                    self.idle_warning_until = None;
                    let (id, _) = self.routes.counsellor(c);
                    effects.push(audit(&id, "counsellor sign-in"));
                    effects.extend(self.open(self.routes.counsellor_home(c), now));
                }
            },
            Attempt::Wrong { wait_seconds } => {
                prompt.notice = Some(PinNotice::Wrong { wait_seconds });
                self.overlay = Some(Overlay::Pin(prompt));
                effects.push(audit("unknown", "wrong staff PIN"));
            }
            Attempt::Waiting { seconds } => {
                prompt.notice = Some(PinNotice::Wait { seconds });
                self.overlay = Some(Overlay::Pin(prompt));
                effects.push(audit("unknown", "staff PIN tried during the wait"));
            }
        }
        effects
    }
}

pub fn audit(actor: &str, action: &str) -> Effect {
    Effect::Audit {
        actor: actor.into(),
        action: action.into(),
    }
}

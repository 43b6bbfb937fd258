//! `kiosk.toml`: who the help point is and how the kiosk behaves.
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::calendar::{Calendar, Region, zone};
use crate::domain::pin;
use crate::i18n::locale_exists;
use crate::problem::{Check, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct KioskConfig {
    pub help_point: HelpPoint,
    pub default_locale: String,
    /// In the order the welcome screen offers them.
    pub locales: Vec<String>,
    pub theme: ThemeChoice,
    pub large_text: bool,
    /// The console font large text loads on the Linux console (a PSF file, resolved against
    /// the configuration directory); without it, the console's own font doubled.
    pub large_font: Option<PathBuf>,
    pub idle_seconds: u32,
    pub warning_seconds: u32,
    pub staff_pin_hash: String,
    pub retention_days: u32,
    /// Resolved against the configuration directory when relative.
    pub database: Option<PathBuf>,
    /// The command that delivers a reminder: program and arguments; the recipient is added
    /// as the last argument and the message comes on standard input.
    pub reminder_gateway: Option<Vec<String>>,
    /// The ticket printer (`[printer]`), if there is one.
    pub ticket_printer: Option<TicketPrinter>,
    /// How the kiosk speaks, if it does (`[speech]`).
    pub speech: Option<Voice>,
    /// Start in the linear mode made for screen readers and braille displays.
    pub screen_reader: bool,
    /// Where the lieux are updated from (`[lieux]`).
    pub lieux: LieuxFeed,
}

/// A ticket printer: a receipt printer spoken to in ESC/POS (the code in double size and the
/// QR code printed natively), or any printer through a command given the ticket's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketPrinter {
    /// The program and its arguments; the ticket's text on its standard input.
    Command(Vec<String>),
    /// ESC/POS bytes to a device file (`/dev/usb/lp0`) or a network printer (`tcp://host:9100`).
    Escpos(EscposTarget),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscposTarget {
    Device(PathBuf),
    /// `host:port`.
    Tcp(String),
}

impl std::fmt::Display for EscposTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            EscposTarget::Device(path) => write!(f, "{}", path.display()),
            EscposTarget::Tcp(address) => write!(f, "tcp://{address}"),
        }
    }
}

impl EscposTarget {
    /// `/dev/usb/lp0` or `tcp://host:9100` (port 9100 when none is given), or what is wrong.
    pub fn parse(text: &str) -> Result<EscposTarget, String> {
        if let Some(address) = text.strip_prefix("tcp://") {
            let address = address.trim_end_matches('/');
            // An IPv6 address is in brackets: its colons are not the port's.
            let host_end = address.find(']').map_or(0, |i| i + 1);
            let (host, port) = match address[host_end..].rfind(':') {
                Some(i) => {
                    let port = &address[host_end + i + 1..];
                    let port: u16 = port
                        .parse()
                        .map_err(|_| format!("{port:?} is not a port number (1 to 65535)"))?;
                    (&address[..host_end + i], port)
                }
                None => (address, 9100),
            };
            if host.is_empty() || port == 0 {
                return Err("name the printer's host, e.g. \"tcp://192.168.1.50:9100\"".into());
            }
            return Ok(EscposTarget::Tcp(format!("{host}:{port}")));
        }
        let path = PathBuf::from(text);
        if !path.is_absolute() {
            return Err(
                "give the printer's device as an absolute path (\"/dev/usb/lp0\") or a network printer as \"tcp://host:9100\"".into(),
            );
        }
        Ok(EscposTarget::Device(path))
    }
}

/// The national dataset of the lieux de médiation numérique on data.gouv.fr (the ANCT's
/// deduplicated export of the cartographie nationale, Licence Ouverte): the stable address of
/// its CSV resource, which always leads to the latest file.
pub const NATIONAL_LIEUX_URL: &str =
    "https://www.data.gouv.fr/api/1/datasets/r/398edc71-0d51-4cb6-9cbe-2540a4db573c";

/// `[lieux]`: the feed `borne lieux update` and the kiosk's daily update take the lieux from.
#[derive(Clone, PartialEq)]
pub struct LieuxFeed {
    /// `update_url`, else the national dataset's address.
    pub url: String,
    /// `update_token`: the DataSpace API's token, sent as a bearer token (never shown).
    pub token: Option<String>,
    /// `update_url` is written in the file: the kiosk on its own updates daily from it (it
    /// uses the internet only when told to).
    pub daily: bool,
}

impl std::fmt::Debug for LieuxFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LieuxFeed")
            .field("url", &self.url)
            .field("token", &self.token.as_ref().map(|_| "…"))
            .field("daily", &self.daily)
            .finish()
    }
}

/// Where the kiosk's words go.
#[derive(Debug, Clone, PartialEq)]
pub enum Voice {
    /// A program that speaks a text given on its standard input, e.g. `espeak-ng -v {lang}
    /// --stdin`; `{lang}` stands for the language of the text (`fr`, `en`…).
    Command(Vec<String>),
    /// The machine's speech-dispatcher, through its socket (`None`: its usual place,
    /// `$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock`): the help point's installed voice,
    /// rate and volume apply, beside Speakup, Fenrir or Orca.
    Dispatcher { socket: Option<PathBuf> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct HelpPoint {
    /// Its id in a network of kiosks (`[help_point] id`): the bookings made here carry it.
    pub id: Option<String>,
    /// Its identifier as a lieu de médiation numérique (`[help_point] lieu_id`, the `id` of
    /// the national cartographie): the activity export names the lieu with it, as La Coop
    /// needs.
    pub lieu_id: Option<String>,
    pub name: String,
    pub address: String,
    pub postal_code: String,
    pub commune: String,
    /// Shown whenever a person must call (too late to cancel, no free slot).
    pub phone: String,
    /// Its time zone and public holidays (`[help_point] timezone`, region from the postal
    /// code).
    pub calendar: Calendar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelpPointFile {
    #[serde(default)]
    id: Option<Spanned<String>>,
    #[serde(default)]
    lieu_id: Option<Spanned<String>>,
    name: Spanned<String>,
    address: Spanned<String>,
    postal_code: Spanned<String>,
    commune: Spanned<String>,
    phone: Spanned<String>,
    #[serde(default)]
    timezone: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    #[default]
    Default,
    HighContrast,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    help_point: HelpPointFile,
    #[serde(default)]
    display: Display,
    #[serde(default)]
    session: Session,
    staff: Staff,
    #[serde(default)]
    data: Data,
    #[serde(default)]
    reminders: Commands,
    #[serde(default)]
    printer: PrinterFile,
    #[serde(default)]
    speech: SpeechFile,
    #[serde(default)]
    lieux: LieuxSection,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SpeechFile {
    #[serde(default)]
    backend: Option<Spanned<Backend>>,
    command: Option<Spanned<Vec<String>>>,
    socket: Option<Spanned<PathBuf>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Backend {
    Command,
    SpeechDispatcher,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LieuxSection {
    update_url: Option<Spanned<String>>,
    update_token: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Commands {
    command: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PrinterFile {
    command: Option<Spanned<Vec<String>>>,
    escpos: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Display {
    #[serde(default = "default_locale")]
    default_locale: Spanned<String>,
    #[serde(default = "default_locales")]
    locales: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    theme: ThemeChoice,
    #[serde(default)]
    large_text: bool,
    #[serde(default)]
    large_font: Option<Spanned<PathBuf>>,
    #[serde(default)]
    screen_reader: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Session {
    #[serde(default = "default_idle")]
    idle_seconds: Spanned<u32>,
    #[serde(default = "default_warning")]
    warning_seconds: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Staff {
    pin_hash: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    #[serde(default = "default_retention")]
    retention_days: Spanned<u32>,
    #[serde(default)]
    database: Option<Spanned<PathBuf>>,
}

fn unspanned<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}
fn default_locale() -> Spanned<String> {
    unspanned("fr".into())
}
fn default_locales() -> Spanned<Vec<Spanned<String>>> {
    unspanned(
        ["fr", "fr-x-falc", "en"]
            .iter()
            .map(|t| unspanned(t.to_string()))
            .collect(),
    )
}
fn default_idle() -> Spanned<u32> {
    unspanned(90)
}
fn default_warning() -> Spanned<u32> {
    unspanned(30)
}
fn default_retention() -> Spanned<u32> {
    unspanned(30)
}

impl Default for Display {
    fn default() -> Self {
        Display {
            default_locale: default_locale(),
            locales: default_locales(),
            theme: ThemeChoice::Default,
            large_text: false,
            large_font: None,
            screen_reader: false,
        }
    }
}
impl Default for Session {
    fn default() -> Self {
        Session {
            idle_seconds: default_idle(),
            warning_seconds: default_warning(),
        }
    }
}
impl Default for Data {
    fn default() -> Self {
        Data {
            retention_days: default_retention(),
            database: None,
        }
    }
}

pub const FILE_NAME: &str = "kiosk.toml";

pub fn load(dir: &Path) -> Result<KioskConfig, Vec<Problem>> {
    let path = dir.join(FILE_NAME);
    let text = super::toml_file::read(&path)?;
    parse(&path, &text, dir)
}

impl Check<'_> {}

/// Parses and validates the text of `kiosk.toml`; `dir` resolves relative paths and finds
/// the help point's own locale files. Each section is checked on its own, in the file's
/// order (`Check` collects every problem with its place), then the configuration whole, or
/// every problem found.
pub fn parse(path: &Path, text: &str, dir: &Path) -> Result<KioskConfig, Vec<Problem>> {
    let file: File = super::toml_file::parse(path, text)?;
    let mut check = Check::new(path, text);
    let help_point = help_point(&mut check, file.help_point);
    let display = display(&mut check, file.display, dir);
    let (idle_seconds, warning_seconds) = session(&mut check, &file.session);
    let staff_pin_hash = staff(&mut check, file.staff);
    let retention_days = retention_days(&mut check, &file.data);
    let database = database(&mut check, file.data, help_point.id.as_deref(), dir);
    commands_name_their_program(
        &mut check,
        [
            &file.reminders.command,
            &file.printer.command,
            &file.speech.command,
        ],
    );
    let ticket_printer = printer(&mut check, &file.printer);
    let speech = speech(&mut check, &file.speech);
    let lieux = lieux(&mut check, file.lieux);

    if !check.problems.is_empty() {
        return Err(check.problems);
    }
    Ok(KioskConfig {
        help_point,
        default_locale: display.default_locale,
        locales: display.locales,
        theme: display.theme,
        large_text: display.large_text,
        large_font: display.large_font,
        idle_seconds,
        warning_seconds,
        staff_pin_hash,
        retention_days,
        database,
        reminder_gateway: file.reminders.command.map(Spanned::into_inner),
        ticket_printer,
        speech,
        screen_reader: display.screen_reader,
        lieux,
    })
}

/// `[help_point]`: who the help point is, how to reach it, and its calendar.
fn help_point(check: &mut Check, hp: HelpPointFile) -> HelpPoint {
    help_point_contact(check, &hp);
    let calendar = help_point_calendar(check, &hp);
    help_point_ids(check, &hp);
    HelpPoint {
        id: hp.id.map(Spanned::into_inner),
        lieu_id: hp.lieu_id.map(|l| l.into_inner().trim().to_string()),
        name: hp.name.into_inner(),
        address: hp.address.into_inner(),
        postal_code: hp.postal_code.into_inner(),
        commune: hp.commune.into_inner(),
        phone: hp.phone.into_inner(),
        calendar,
    }
}

/// The help point's name, postal code, phone, address and commune: screens and tickets show
/// them, people are told to call the phone.
fn help_point_contact(check: &mut Check, hp: &HelpPointFile) {
    if hp.name.get_ref().trim().is_empty() {
        check.problem(hp.name.span(), "help_point.name is empty");
    }
    let code = hp.postal_code.get_ref();
    if !crate::domain::communes::is_postal_code(code) {
        check.problem(
            hp.postal_code.span(),
            format!("help_point.postal_code: {code:?} is not a 5-digit postal code"),
        );
    }
    if hp.phone.get_ref().trim().is_empty() {
        check.problem(
            hp.phone.span(),
            "help_point.phone is empty: people are told to call it",
        );
    } else if crate::domain::person::parse_phone(hp.phone.get_ref()).is_err() {
        check.problem(
            hp.phone.span(),
            format!(
                "help_point.phone: {:?} is not a phone number (people are told to call it)",
                hp.phone.get_ref()
            ),
        );
    }
    for (field, value) in [("address", &hp.address), ("commune", &hp.commune)] {
        if value.get_ref().trim().is_empty() {
            check.problem(
                value.span(),
                format!("help_point.{field} is empty: tickets and screens show it"),
            );
        }
    }
}

/// The help point's time zone (`timezone`, else its region's) and its region's holidays, from
/// its postal code.
fn help_point_calendar(check: &mut Check, hp: &HelpPointFile) -> Calendar {
    let region = Region::of_postal_code(hp.postal_code.get_ref());
    let tz = match &hp.timezone {
        None => region.zone(),
        Some(name) => zone::zone(name.get_ref().trim()).unwrap_or_else(|why| {
            check.problem(name.span(), format!("help_point.timezone: {why}"));
            chrono_tz::Europe::Paris
        }),
    };
    Calendar::new(tz, region)
}

/// The help point's id in its network and its lieu's id in the national cartographie.
fn help_point_ids(check: &mut Check, hp: &HelpPointFile) {
    if let Some(id) = &hp.id {
        let good = !id.get_ref().is_empty()
            && id.get_ref().len() <= 64
            && id
                .get_ref()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !good {
            check.problem(
                id.span(),
                "help_point.id: write lowercase letters, digits and hyphens (at most 64), e.g. \"mairie-gap\"",
            );
        }
    }
    if let Some(lieu) = &hp.lieu_id {
        let text = lieu.get_ref();
        if text.trim().is_empty() || text.len() > 100 || text.chars().any(char::is_control) {
            check.problem(
                lieu.span(),
                "help_point.lieu_id is empty or too long: give the lieu's id in the national cartographie (at most 100 characters)",
            );
        }
    }
}

/// `[display]` as the kiosk takes it.
struct DisplayChoices {
    default_locale: String,
    locales: Vec<String>,
    theme: ThemeChoice,
    large_text: bool,
    large_font: Option<PathBuf>,
    screen_reader: bool,
}

/// `[display]`: the languages offered and the first, the large font.
fn display(check: &mut Check, display: Display, dir: &Path) -> DisplayChoices {
    let locales = locales(check, &display, dir);
    if let Some(font) = &display.large_font {
        large_font(check, font, dir);
    }
    DisplayChoices {
        default_locale: display.default_locale.into_inner(),
        locales,
        theme: display.theme,
        large_text: display.large_text,
        large_font: display.large_font.map(|p| dir.join(p.into_inner())),
        screen_reader: display.screen_reader,
    }
}

/// `display.locales`, each once and each with its files (shipped, or the help point's own),
/// and `display.default_locale` among them.
fn locales(check: &mut Check, display: &Display, dir: &Path) -> Vec<String> {
    let mut locales: Vec<String> = Vec::new();
    for tag in display.locales.get_ref() {
        if locales.contains(tag.get_ref()) {
            check.problem(
                tag.span(),
                format!("locale {:?} is listed twice", tag.get_ref()),
            );
        } else if !locale_exists(tag.get_ref(), dir) {
            check.problem(
                tag.span(),
                format!(
                    "locale {:?} has no .ftl files (shipped: {})",
                    tag.get_ref(),
                    crate::i18n::shipped_tags().join(", ")
                ),
            );
        } else {
            locales.push(tag.get_ref().clone());
        }
    }
    if display.locales.get_ref().is_empty() {
        check.problem(display.locales.span(), "display.locales is empty");
    }
    let default_locale = display.default_locale.get_ref();
    if !display
        .locales
        .get_ref()
        .iter()
        .any(|t| t.get_ref() == default_locale)
    {
        check.problem(
            display.default_locale.span(),
            format!("display.default_locale {default_locale:?} is not in display.locales"),
        );
    }
    locales
}

/// `display.large_font`: a console font the kiosk can read (resolved against `dir`).
fn large_font(check: &mut Check, font: &Spanned<PathBuf>, dir: &Path) {
    let read = std::fs::read(dir.join(font.get_ref()))
        .map_err(|e| e.to_string())
        .and_then(|bytes| crate::psf::Font::parse(&bytes));
    if let Err(why) = read {
        check.problem(
            font.span(),
            format!(
                "display.large_font {:?}: {why} (Debian's console fonts are in /usr/share/consolefonts)",
                font.get_ref().display()
            ),
        );
    }
}

/// `[session]`: the idle time before the kiosk resets, and the warning before it (idle, warning).
fn session(check: &mut Check, session: &Session) -> (u32, u32) {
    let idle = &session.idle_seconds;
    if !(10..=3600).contains(idle.get_ref()) {
        check.problem(
            idle.span(),
            "session.idle_seconds must be between 10 and 3600",
        );
    }
    // WCAG 2.2.1: a time limit gives at least 20 seconds to extend it.
    let warning = &session.warning_seconds;
    if !(20..=600).contains(warning.get_ref()) {
        check.problem(
            warning.span(),
            "session.warning_seconds must be between 20 and 600",
        );
    }
    (*idle.get_ref(), *warning.get_ref())
}

/// `[staff]`: the staff PIN's hash, one `borne hash-pin` made.
fn staff(check: &mut Check, staff: Staff) -> String {
    if let Err(why) = pin::check_hash(staff.pin_hash.get_ref()) {
        check.problem(
            staff.pin_hash.span(),
            format!("staff.pin_hash: {why} (make one with `borne hash-pin`)"),
        );
    }
    staff.pin_hash.into_inner()
}

/// `data.retention_days`: how long personal data is kept, within bounds.
fn retention_days(check: &mut Check, data: &Data) -> u32 {
    let retention = &data.retention_days;
    if !(1..=3650).contains(retention.get_ref()) {
        check.problem(
            retention.span(),
            "data.retention_days must be between 1 and 3650",
        );
    }
    *retention.get_ref()
}

/// `data.database`: a network's PostgreSQL database (the help point then needs its id), or a
/// file resolved against `dir` that can be one.
fn database(
    check: &mut Check,
    data: Data,
    help_point_id: Option<&str>,
    dir: &Path,
) -> Option<PathBuf> {
    let database = data.database?;
    let is_url = crate::database_url::is_url(&database.get_ref().to_string_lossy());
    if is_url && help_point_id.is_none() {
        check.problem(
            database.span(),
            "data.database is a network's PostgreSQL database: give this kiosk's [help_point] id",
        );
    } else if !is_url && let Some(why) = not_a_database_file(database.get_ref(), dir) {
        check.problem(
            database.span(),
            format!("data.database {:?} {why}", database.get_ref().display()),
        );
    }
    let path = database.into_inner();
    Some(if is_url { path } else { dir.join(path) })
}

/// Why `file` (as written, resolved against `dir`) cannot be the database's file, if it cannot.
fn not_a_database_file(file: &Path, dir: &Path) -> Option<&'static str> {
    let path = dir.join(file);
    if file.as_os_str().is_empty() {
        Some("is empty")
    } else if path.is_dir() {
        Some("is a directory, not a database file")
    } else if path.parent().is_some_and(|p| p.exists() && !p.is_dir()) {
        Some("is inside something that is not a directory")
    } else {
        None
    }
}

/// `command` in `[reminders]`, `[printer]` and `[speech]`: each names its program first.
fn commands_name_their_program(check: &mut Check, commands: [&Option<Spanned<Vec<String>>>; 3]) {
    for command in commands.into_iter().flatten() {
        if command
            .get_ref()
            .first()
            .is_none_or(|p| p.trim().is_empty())
        {
            check.problem(
                command.span(),
                "command: name the program first, e.g. [\"lp\", \"-d\", \"ticket\"]",
            );
        }
    }
}

/// `[printer]`: a command or an ESC/POS printer, not both.
fn printer(check: &mut Check, printer: &PrinterFile) -> Option<TicketPrinter> {
    match (&printer.command, &printer.escpos) {
        (Some(_), Some(escpos)) => {
            check.problem(
                escpos.span(),
                "printer: give either command or escpos, not both",
            );
            None
        }
        (Some(command), None) => Some(TicketPrinter::Command(command.get_ref().clone())),
        (None, Some(escpos)) => match EscposTarget::parse(escpos.get_ref()) {
            Ok(target) => Some(TicketPrinter::Escpos(target)),
            Err(why) => {
                check.problem(escpos.span(), format!("printer.escpos: {why}"));
                None
            }
        },
        (None, None) => None,
    }
}

/// `[speech]`: a command that speaks, or speech-dispatcher (and its socket), never both.
fn speech(check: &mut Check, speech: &SpeechFile) -> Option<Voice> {
    let voice = match (&speech.backend, &speech.command) {
        (Some(b), Some(command)) if *b.get_ref() == Backend::SpeechDispatcher => {
            check.problem(
                command.span(),
                "command: speech-dispatcher speaks with its own voice; remove `command` or \
                 `backend`",
            );
            None
        }
        (Some(b), None) if *b.get_ref() == Backend::Command => {
            check.problem(
                b.span(),
                "backend = \"command\" needs a command, e.g. command = [\"espeak-ng\", \"-v\", \
                 \"{lang}\", \"--stdin\"]",
            );
            None
        }
        (Some(b), None) => Some(Voice::Dispatcher {
            socket: speech.socket.as_ref().map(|s| {
                debug_assert!(*b.get_ref() == Backend::SpeechDispatcher);
                s.get_ref().clone()
            }),
        }),
        (_, Some(command)) => Some(Voice::Command(command.get_ref().clone())),
        (None, None) => None,
    };
    if let (Some(socket), Some(Voice::Command(_)) | None) = (&speech.socket, &voice) {
        check.problem(
            socket.span(),
            "socket: only for backend = \"speech-dispatcher\"",
        );
    }
    voice
}

/// `[lieux]`: the feed's address (the national dataset's when none is written: then no daily
/// update) and its token.
fn lieux(check: &mut Check, lieux: LieuxSection) -> LieuxFeed {
    if let Some(url) = &lieux.update_url {
        let text = url.get_ref();
        let scheme = text.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("https" | "http"))
            || text.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            check.problem(
                url.span(),
                "lieux.update_url: give the address of the lieux file, https://…",
            );
        }
    }
    if let Some(token) = &lieux.update_token
        && (token.get_ref().is_empty()
            || token
                .get_ref()
                .chars()
                .any(|c| c.is_whitespace() || c.is_control()))
    {
        // Never the token itself in the message: the file is read by others.
        check.problem(
            token.span(),
            "lieux.update_token: the DataSpace API's token, one word without spaces",
        );
    }
    LieuxFeed {
        daily: lieux.update_url.is_some(),
        url: lieux
            .update_url
            .map_or_else(|| NATIONAL_LIEUX_URL.to_string(), Spanned::into_inner),
        token: lieux.update_token.map(Spanned::into_inner),
    }
}

#[cfg(test)]
#[path = "kiosk_tests.rs"]
mod tests;

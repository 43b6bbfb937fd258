//! `kiosk.toml`: who the help point is and how the kiosk behaves.
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::calendar::{Calendar, Region, zone};
use crate::domain::pin;
use crate::i18n::locale_exists;
use crate::problem::Problem;

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
    /// The command that prints a ticket (its text on standard input), e.g. `lp -d ticket`.
    pub ticket_printer: Option<Vec<String>>,
    /// The command that speaks a text given on its standard input, e.g. `espeak-ng -v {lang}
    /// --stdin`; `{lang}` stands for the language chosen on the welcome screen.
    pub speech: Option<Vec<String>>,
    /// Start in the linear mode made for screen readers and braille displays.
    pub screen_reader: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HelpPoint {
    /// Its id in a network of kiosks (`[help_point] id`): the bookings made here carry it.
    pub id: Option<String>,
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
    printer: Commands,
    #[serde(default)]
    speech: Commands,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Commands {
    command: Option<Spanned<Vec<String>>>,
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

/// Parses and validates the text of `kiosk.toml`; `dir` resolves relative paths and finds
/// the help point's own locale files.
pub fn parse(path: &Path, text: &str, dir: &Path) -> Result<KioskConfig, Vec<Problem>> {
    let file: File = super::toml_file::parse(path, text)?;
    let mut problems = Vec::new();
    let mut problem = |span: Range<usize>, message: String| {
        problems.push(Problem::at(path, text, span.start, message));
    };

    let hp = file.help_point;
    if hp.name.get_ref().trim().is_empty() {
        problem(hp.name.span(), "help_point.name is empty".into());
    }
    let code = hp.postal_code.get_ref();
    if !crate::domain::communes::is_postal_code(code) {
        problem(
            hp.postal_code.span(),
            format!("help_point.postal_code: {code:?} is not a 5-digit postal code"),
        );
    }
    if hp.phone.get_ref().trim().is_empty() {
        problem(
            hp.phone.span(),
            "help_point.phone is empty: people are told to call it".into(),
        );
    } else if crate::domain::person::parse_phone(hp.phone.get_ref()).is_err() {
        problem(
            hp.phone.span(),
            format!(
                "help_point.phone: {:?} is not a phone number (people are told to call it)",
                hp.phone.get_ref()
            ),
        );
    }
    for (field, value) in [("address", &hp.address), ("commune", &hp.commune)] {
        if value.get_ref().trim().is_empty() {
            problem(
                value.span(),
                format!("help_point.{field} is empty: tickets and screens show it"),
            );
        }
    }
    let tz = match &hp.timezone {
        None => Region::of_postal_code(code).zone(),
        Some(name) => zone::zone(name.get_ref().trim()).unwrap_or_else(|why| {
            problem(name.span(), format!("help_point.timezone: {why}"));
            chrono_tz::Europe::Paris
        }),
    };
    let calendar = Calendar::new(tz, Region::of_postal_code(code));
    if let Some(id) = &hp.id {
        let good = !id.get_ref().is_empty()
            && id.get_ref().len() <= 64
            && id
                .get_ref()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !good {
            problem(
                id.span(),
                "help_point.id: write lowercase letters, digits and hyphens (at most 64), e.g. \"mairie-gap\"".into(),
            );
        }
    }
    let help_point = HelpPoint {
        id: hp.id.map(Spanned::into_inner),
        name: hp.name.into_inner(),
        address: hp.address.into_inner(),
        postal_code: hp.postal_code.into_inner(),
        commune: hp.commune.into_inner(),
        phone: hp.phone.into_inner(),
        calendar,
    };

    let mut locales: Vec<String> = Vec::new();
    for tag in file.display.locales.get_ref() {
        if locales.contains(tag.get_ref()) {
            problem(
                tag.span(),
                format!("locale {:?} is listed twice", tag.get_ref()),
            );
        } else if !locale_exists(tag.get_ref(), dir) {
            problem(
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
    if file.display.locales.get_ref().is_empty() {
        problem(
            file.display.locales.span(),
            "display.locales is empty".into(),
        );
    }
    let default_locale = file.display.default_locale.get_ref().clone();
    if !file
        .display
        .locales
        .get_ref()
        .iter()
        .any(|t| t.get_ref() == &default_locale)
    {
        problem(
            file.display.default_locale.span(),
            format!("display.default_locale {default_locale:?} is not in display.locales"),
        );
    }

    if let Some(font) = &file.display.large_font {
        let path = dir.join(font.get_ref());
        let read = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::psf::Font::parse(&bytes));
        if let Err(why) = read {
            problem(
                font.span(),
                format!(
                    "display.large_font {:?}: {why} (Debian's console fonts are in /usr/share/consolefonts)",
                    font.get_ref().display()
                ),
            );
        }
    }

    let idle = &file.session.idle_seconds;
    if !(10..=3600).contains(idle.get_ref()) {
        problem(
            idle.span(),
            "session.idle_seconds must be between 10 and 3600".into(),
        );
    }
    // WCAG 2.2.1: a time limit gives at least 20 seconds to extend it.
    let warning = &file.session.warning_seconds;
    if !(20..=600).contains(warning.get_ref()) {
        problem(
            warning.span(),
            "session.warning_seconds must be between 20 and 600".into(),
        );
    }

    if let Err(why) = pin::check_hash(file.staff.pin_hash.get_ref()) {
        problem(
            file.staff.pin_hash.span(),
            format!("staff.pin_hash: {why} (make one with `borne hash-pin`)"),
        );
    }

    let retention = &file.data.retention_days;
    if !(1..=3650).contains(retention.get_ref()) {
        problem(
            retention.span(),
            "data.retention_days must be between 1 and 3650".into(),
        );
    }

    if let Some(database) = &file.data.database
        && crate::database_url::is_url(&database.get_ref().to_string_lossy())
    {
        if help_point.id.is_none() {
            problem(
                database.span(),
                "data.database is a network's PostgreSQL database: give this kiosk's [help_point] id".into(),
            );
        }
    } else if let Some(database) = &file.data.database {
        let path = dir.join(database.get_ref());
        let why = if database.get_ref().as_os_str().is_empty() {
            Some("is empty".to_string())
        } else if path.is_dir() {
            Some("is a directory, not a database file".to_string())
        } else if path.parent().is_some_and(|p| p.exists() && !p.is_dir()) {
            Some("is inside something that is not a directory".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            problem(
                database.span(),
                format!("data.database {:?} {why}", database.get_ref().display()),
            );
        }
    }

    for section in [&file.reminders, &file.printer, &file.speech] {
        if let Some(command) = &section.command
            && command
                .get_ref()
                .first()
                .is_none_or(|p| p.trim().is_empty())
        {
            problem(
                command.span(),
                "command: name the program first, e.g. [\"lp\", \"-d\", \"ticket\"]".into(),
            );
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(KioskConfig {
        help_point,
        default_locale,
        locales,
        theme: file.display.theme,
        large_text: file.display.large_text,
        large_font: file.display.large_font.map(|p| dir.join(p.into_inner())),
        idle_seconds: *idle.get_ref(),
        warning_seconds: *warning.get_ref(),
        staff_pin_hash: file.staff.pin_hash.into_inner(),
        retention_days: *retention.get_ref(),
        database: file.data.database.map(|p| {
            let p = p.into_inner();
            if crate::database_url::is_url(&p.to_string_lossy()) {
                p
            } else {
                dir.join(p)
            }
        }),
        reminder_gateway: file.reminders.command.map(Spanned::into_inner),
        ticket_printer: file.printer.command.map(Spanned::into_inner),
        speech: file.speech.command.map(Spanned::into_inner),
        screen_reader: file.display.screen_reader,
    })
}

#[cfg(test)]
#[path = "kiosk_tests.rs"]
mod tests;

//! The help point's configuration directory: `kiosk.toml` (and the files later capabilities
//! add). Loading validates everything and returns every problem with its position, so the
//! kiosk and `borne check-config` refuse a bad directory with the same messages.
mod kiosk;
pub mod toml_file;

use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::booking::Agenda;
use crate::diagnostic::Questionnaire;
use crate::i18n::I18n;
use crate::problem::Problem;
pub use kiosk::{HelpPoint, KioskConfig, ThemeChoice};

/// Where the configuration directory is when none is named.
pub const DEFAULT_DIR: &str = "kiosk-config";

pub struct Config {
    pub dir: PathBuf,
    pub kiosk: KioskConfig,
    pub diagnostic: Rc<Questionnaire>,
    pub agenda: Rc<Agenda>,
    pub i18n: I18n,
}

/// Loads and validates the whole configuration directory.
pub fn load(dir: &Path) -> Result<Config, Vec<Problem>> {
    load_all(dir).map_err(|mut problems| {
        // A file read for two locales (the offered French and the reference) says its
        // problems once.
        let mut seen = std::collections::HashSet::new();
        problems.retain(|p| seen.insert(p.to_string()));
        problems
    })
}

fn load_all(dir: &Path) -> Result<Config, Vec<Problem>> {
    if !dir.is_dir() {
        return Err(vec![Problem::in_file(
            dir,
            "configuration directory not found (use --config DIR or BORNE_CONFIG)",
        )]);
    }
    let kiosk = kiosk::load(dir)?;
    let i18n = I18n::load(&kiosk.locales, dir)?;
    // Every file is checked, so one run lists every problem.
    let diagnostic = crate::diagnostic::questionnaire::load(dir, &i18n);
    let agenda = crate::booking::agenda::load(
        dir,
        &i18n,
        crate::booking::agenda::HelpPointContext {
            calendar: kiosk.help_point.calendar,
            staff_pin_hash: &kiosk.staff_pin_hash,
        },
    );
    match (diagnostic, agenda) {
        (Ok(diagnostic), Ok(agenda)) => Ok(Config {
            dir: dir.to_path_buf(),
            kiosk,
            diagnostic: Rc::new(diagnostic),
            agenda: Rc::new(agenda),
            i18n,
        }),
        (d, a) => Err(d.err().into_iter().chain(a.err()).flatten().collect()),
    }
}

/// `--config DIR`, else `$BORNE_CONFIG`, else `./kiosk-config`.
pub fn resolve_dir(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BORNE_CONFIG").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR))
}

impl Config {
    /// One line for `borne check-config`.
    pub fn summary(&self) -> String {
        format!(
            "{}: ok — {} ({} {}), languages {}, diagnostic of {} questions, {} counsellors, {} motifs, {} workshops",
            self.dir.display(),
            self.kiosk.help_point.name,
            self.kiosk.help_point.postal_code,
            self.kiosk.help_point.commune,
            self.kiosk.locales.join(", "),
            self.diagnostic.questions.len(),
            self.agenda.counsellors.len(),
            self.agenda.motifs.len(),
            self.agenda.workshops.len()
        )
    }
}

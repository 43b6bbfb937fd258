//! The help point's whole configuration directory: `kiosk.toml`, the locales and their
//! overrides, the agenda and the diagnostic. Loading validates everything and returns every
//! problem with its position, so the kiosk and `borne check-config` refuse a bad directory
//! with the same messages.
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::booking::Agenda;
use crate::config::{KioskConfig, load_kiosk_toml};
use crate::diagnostic::Questionnaire;
use crate::i18n::I18n;
use crate::problem::Problem;

/// Everything a help point configures.
#[derive(Clone)]
pub struct Config {
    pub dir: PathBuf,
    pub kiosk: Rc<KioskConfig>,
    pub diagnostic: Rc<Questionnaire>,
    pub agenda: Rc<Agenda>,
    pub i18n: Rc<I18n>,
    /// The agenda is the one the network published: its counsellors' PINs are checked by
    /// the network's database, which alone keeps their hashes.
    pub agenda_published: bool,
}

/// Loads and validates the whole configuration directory: the kiosk at its start and
/// `borne check-config` check the same (a questionnaire check-config refuses never reaches
/// a person), every path of the diagnostic included.
pub fn load(dir: &Path) -> Result<Config, Vec<Problem>> {
    said_once(if dir.is_dir() {
        load_kiosk_toml(dir).and_then(|kiosk| load_dir(dir, Rc::new(kiosk)))
    } else {
        Err(vec![Problem::in_file(
            dir,
            "configuration directory not found (use --config DIR or BORNE_CONFIG)",
        )])
    })
}

/// The rest of the directory, checked as `load` checks it, once the welcome's first frame
/// has been drawn from `kiosk` (`load_for_first_frame`'s): `kiosk.toml` is not read again.
pub fn load_rest(dir: &Path, kiosk: Rc<KioskConfig>) -> Result<Config, Vec<Problem>> {
    said_once(load_dir(dir, kiosk))
}

/// A file read for two locales (the offered French and the reference) says its problems
/// once.
fn said_once(loaded: Result<Config, Vec<Problem>>) -> Result<Config, Vec<Problem>> {
    loaded.map_err(|mut problems| {
        let mut seen = std::collections::HashSet::new();
        problems.retain(|p| seen.insert(p.to_string()));
        problems
    })
}

fn load_dir(dir: &Path, kiosk: Rc<KioskConfig>) -> Result<Config, Vec<Problem>> {
    let i18n = I18n::load(&kiosk.locales, dir)?;
    // Every file is checked, so one run lists every problem.
    let diagnostic = crate::diagnostic::questionnaire::load_checked(dir, &i18n);
    let agenda = crate::booking::agenda::load(dir, &i18n, agenda_context(&kiosk, false));
    match (diagnostic, agenda) {
        (Ok(diagnostic), Ok(agenda)) => Ok(Config {
            dir: dir.to_path_buf(),
            kiosk,
            diagnostic: Rc::new(diagnostic),
            agenda: Rc::new(agenda),
            i18n: Rc::new(i18n),
            agenda_published: false,
        }),
        (d, a) => Err(d.err().into_iter().chain(a.err()).flatten().collect()),
    }
}

/// What the welcome's first frame needs, and no more: `kiosk.toml` and the welcome's words,
/// checked as `load` checks them. On an old machine the questionnaire, the agenda and the
/// rest of the translations were two thirds of the wait before anything showed; they are read
/// by `load` right after this frame, and what it refuses stops the kiosk as before. This
/// configuration draws the welcome once and is dropped: its questionnaire and agenda are empty.
pub fn load_for_first_frame(dir: &Path) -> Result<Config, Vec<Problem>> {
    let kiosk = load_kiosk_toml(dir)?;
    let i18n = I18n::load_for_welcome(&kiosk.locales, dir)?;
    let agenda = Agenda {
        counsellors: Vec::new(),
        motifs: Vec::new(),
        plages: Vec::new(),
        absences: Vec::new(),
        workshops: Vec::new(),
        elsewhere: Vec::new(),
        closed_on_public_holidays: true,
        open_on_holidays: Vec::new(),
        calendar: kiosk.help_point.calendar,
        check_in: Default::default(),
    };
    Ok(Config {
        dir: dir.to_path_buf(),
        kiosk: Rc::new(kiosk),
        diagnostic: Rc::new(Questionnaire {
            start: crate::diagnostic::Step::End,
            questions: Vec::new(),
        }),
        agenda: Rc::new(agenda),
        i18n: Rc::new(i18n),
        agenda_published: false,
    })
}

/// What the agenda needs of the help point (`published`: the network's agenda).
fn agenda_context(
    kiosk: &KioskConfig,
    published: bool,
) -> crate::booking::agenda::HelpPointContext<'_> {
    crate::booking::agenda::HelpPointContext {
        calendar: kiosk.help_point.calendar,
        staff_pin_hash: &kiosk.staff_pin_hash,
        id: kiosk.help_point.id.as_deref(),
        published,
    }
}

impl Config {
    /// Takes the agenda the network published for this help point instead of the
    /// directory's; `source` names it in problems. Unchanged when it is refused.
    pub(crate) fn with_published_agenda(
        &mut self,
        source: &Path,
        text: &str,
    ) -> Result<(), Vec<Problem>> {
        let agenda = crate::booking::published::parse_published(
            source,
            text,
            &self.i18n,
            agenda_context(&self.kiosk, true),
        )?;
        self.agenda = Rc::new(agenda);
        self.agenda_published = true;
        Ok(())
    }

    /// One line for `borne check-config`.
    pub(crate) fn summary(&self) -> String {
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

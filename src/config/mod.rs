//! The help point's `kiosk.toml` and the reading of TOML files with located problems. The
//! whole directory (with the agenda and the questionnaire) is loaded by `kiosk::config`.
mod kiosk;
pub(crate) mod toml_file;

use std::path::{Path, PathBuf};

pub use kiosk::{
    EscposTarget, HelpPoint, KioskConfig, LieuxFeed, NATIONAL_LIEUX_URL, ThemeChoice,
    TicketPrinter, Voice, load as load_kiosk_toml,
};

/// Where the configuration directory is when none is named.
pub(crate) const DEFAULT_DIR: &str = "kiosk-config";

/// `--config DIR`, else `$BORNE_CONFIG`, else `./kiosk-config`.
pub(crate) fn resolve_dir(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BORNE_CONFIG").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR))
}

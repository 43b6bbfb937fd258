//! Keeping the lieux fresh from the national feed (`borne lieux update`, and the kiosk's
//! daily update): the file is fetched into a temporary file and checked whole before anything
//! is replaced. A file that is not the lieux standard, cut short, or with far fewer lieux
//! than the last update is refused with the reason, and the lieux stay as they were. On a
//! network the owner updates once into the network's database, which keeps the checked file;
//! each kiosk takes it from there, and keeps its own copy for the days the line is down.
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::fetch::{self, FetchError, Fetched, TempFile, Validators};
use super::import;
use super::load::{self, Summary};
use crate::store::postgres::{LieuxUpdate, PgStore};
use crate::store::{FeedState, SqliteStore};

/// A file with fewer lieux than this share of the last update's is refused: cut short?
const KEEP_AT_LEAST: f64 = 0.9;
/// More than this share of rows rejected: not the standard.
const REJECT_AT_MOST: f64 = 0.1;

/// The fields a row of the standard must have for the kiosk to show it.
const STANDARD_COLUMNS: [&str; 5] = ["id", "nom", "commune", "code_postal", "adresse"];

/// Where an update comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    Url { url: String, token: Option<String> },
    File(PathBuf),
}

impl Source {
    /// As said in messages and kept: never the token.
    pub(crate) fn shown(&self) -> String {
        match self {
            Source::Url { url, .. } => fetch::shown(url),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// What an update did.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Updated {
    /// The file is the one taken last time: nothing fetched, nothing changed.
    Unchanged,
    /// A file was taken.
    Taken(Taken),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Taken {
    /// The rows the file's import took, merged and rejected (`None` when the file went to a
    /// network's database, for its kiosks to import).
    pub summary: Option<Summary>,
    /// Lieux in the file.
    pub lieux: usize,
    /// Places gone because the feed no longer lists them.
    pub removed: usize,
    /// The newest `date_maj` of the file.
    pub newest: Option<NaiveDate>,
}

/// Why an update was not taken; the lieux are as they were.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NotTaken {
    /// The file is not one to take (exit 2): not the standard, cut short, too small, an error
    /// page…
    Refused(String),
    /// The address or the database could not be reached (exit 1): try again later.
    Failed(String),
}

impl std::fmt::Display for NotTaken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotTaken::Refused(why) | NotTaken::Failed(why) => f.write_str(why),
        }
    }
}

impl From<FetchError> for NotTaken {
    fn from(e: FetchError) -> Self {
        match e {
            FetchError::Unreachable(why) => NotTaken::Failed(why),
            FetchError::Refused(why) => {
                NotTaken::Refused(format!("{why}; the lieux are unchanged"))
            }
        }
    }
}

/// What a file holds, once checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Checked {
    pub lieux: usize,
    pub ids: Vec<String>,
    pub newest: Option<NaiveDate>,
}

/// Checks a lieux file whole, without writing anything: it must be the lieux standard (its
/// columns, few rows rejected), whole (its last row as long as its header), and hold at least
/// 90 % of `previous` lieux. The reason when not, naming the file as `shown`.
pub(crate) fn check(
    file: &Path,
    shown: &str,
    previous: Option<usize>,
    today: NaiveDate,
) -> Result<Checked, String> {
    let refuse = |why: String| Err(format!("{shown}: {why}; the lieux are unchanged"));
    let is_json = file.extension().is_some_and(|e| e == "json");
    if !is_json && let Err(why) = whole_csv(file) {
        return refuse(why);
    }
    let mut ids = Vec::new();
    let mut newest: Option<NaiveDate> = None;
    let notes = match import::read_each(file, today, &mut |_, lieu| {
        if let Ok(date) = NaiveDate::parse_from_str(&lieu.date_maj, "%Y-%m-%d") {
            newest = newest.max(Some(date));
        }
        ids.push(lieu.id);
        Ok(())
    }) {
        Ok(notes) => notes,
        // The reader names the file by its temporary path: the reason is what matters.
        Err(why) => {
            let why = why
                .strip_prefix(&file.display().to_string())
                .map_or(why.clone(), |rest| {
                    format!("line {}", rest.trim_start_matches(':'))
                });
            return refuse(format!("not a lieux file ({why})"));
        }
    };
    let lieux = ids.len();
    let rows = lieux + notes.rejected.len();
    if lieux == 0 {
        return refuse("no lieu in the file".to_string());
    }
    if notes.rejected.len() as f64 > REJECT_AT_MOST * rows as f64 {
        let first = &notes.rejected[0];
        return refuse(format!(
            "{} of {rows} rows rejected (the first, line {}: {}: {}): not the lieux standard?",
            notes.rejected.len(),
            first.line,
            first.field,
            first.reason
        ));
    }
    if let Some(previous) = previous
        && (lieux as f64) < KEEP_AT_LEAST * previous as f64
    {
        return refuse(format!(
            "{lieux} lieux where the last update had {previous}: is the file cut short?"
        ));
    }
    Ok(Checked { lieux, ids, newest })
}

/// A CSV file of the standard, whole: its header has the standard's columns, and its last
/// row is as long as its header (a download cut off ends in the middle of a row).
fn whole_csv(file: &Path) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(file)
        .map_err(|e| format!("cannot read: {e}"))?;
    let headers = reader
        .byte_headers()
        .map_err(|e| format!("not a CSV file: {e}"))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    if names.iter().any(|h| h == "id_fs") {
        return Err("the France Services list, not the national lieux file".to_string());
    }
    if let Some(missing) = STANDARD_COLUMNS
        .iter()
        .find(|c| !names.iter().any(|h| h == *c))
    {
        return Err(format!(
            "not the lieux standard: no column `{missing}` in its first line"
        ));
    }
    let mut record = csv::ByteRecord::new();
    let mut last = None;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => last = Some((record.len(), record.position().map_or(0, |p| p.line()))),
            Ok(false) => break,
            // The row's own problem: the import says it with its line.
            Err(_) => {}
        }
    }
    match last {
        Some((fields, line)) if fields < names.len() => Err(format!(
            "its last row (line {line}) has {fields} fields where the header has {}: the file is cut short",
            names.len()
        )),
        _ => Ok(()),
    }
}

/// The help point's own file from `source`: fetched (unless unchanged since the last update
/// from that address), checked, imported in one transaction with the same merging as the
/// shipped files, then the places the feed no longer lists removed. `dir` holds the temporary
/// file.
pub(crate) fn update(
    store: &mut SqliteStore,
    source: &Source,
    now: NaiveDateTime,
    dir: &Path,
    progress: &mut dyn FnMut(f32),
) -> Result<Updated, NotTaken> {
    let last = store.feed_state().map_err(NotTaken::Failed)?;
    match source {
        Source::Url { .. } => match fetch_from(source, last.as_ref(), dir)? {
            None => Ok(Updated::Unchanged),
            Some(fetched) => take_fetched(store, &fetched, now, progress),
        },
        Source::File(path) => {
            let state = FeedState {
                source: source.shown(),
                updated_at: now.format("%Y-%m-%dT%H:%M").to_string(),
                ..FeedState::default()
            };
            take(
                store,
                path,
                &source.shown(),
                last.map(|l| l.lieux),
                state,
                now.date(),
                progress,
            )
        }
    }
}

/// A file fetched from the feed, not taken yet.
#[derive(Debug)]
pub(crate) struct FetchedFile {
    file: TempFile,
    shown: String,
    validators: Validators,
    previous: Option<usize>,
}

/// Downloads the feed at `source` (a URL) unless it is unchanged since `last`: `None` then.
/// Slow on a slow line, so the kiosk does it away from its database's thread.
pub(crate) fn fetch_from(
    source: &Source,
    last: Option<&FeedState>,
    dir: &Path,
) -> Result<Option<FetchedFile>, NotTaken> {
    let Source::Url { url, token } = source else {
        return Err(NotTaken::Failed("a file is not fetched".into()));
    };
    let shown = source.shown();
    let known = last
        .filter(|l| l.source == shown && l.network_update.is_none())
        .map(|l| Validators {
            etag: l.etag.clone(),
            last_modified: l.last_modified.clone(),
        })
        .unwrap_or_default();
    match fetch::download(url, token.as_deref(), &known, dir)? {
        Fetched::Unchanged => Ok(None),
        Fetched::File { file, validators } => Ok(Some(FetchedFile {
            file,
            shown,
            validators,
            previous: last.map(|l| l.lieux),
        })),
    }
}

/// Checks and imports a fetched file (then removed).
pub(crate) fn take_fetched(
    store: &mut SqliteStore,
    fetched: &FetchedFile,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(f32),
) -> Result<Updated, NotTaken> {
    let state = FeedState {
        source: fetched.shown.clone(),
        etag: fetched.validators.etag.clone(),
        last_modified: fetched.validators.last_modified.clone(),
        lieux: 0,
        updated_at: now.format("%Y-%m-%dT%H:%M").to_string(),
        network_update: None,
    };
    take(
        store,
        fetched.file.path(),
        &fetched.shown,
        fetched.previous,
        state,
        now.date(),
        progress,
    )
}

/// Checks and imports a file, then records it as the feed's last update.
fn take(
    store: &mut SqliteStore,
    file: &Path,
    shown: &str,
    previous: Option<usize>,
    mut state: FeedState,
    today: NaiveDate,
    progress: &mut dyn FnMut(f32),
) -> Result<Updated, NotTaken> {
    let checked = check(file, shown, previous, today).map_err(NotTaken::Refused)?;
    let mut summary = load::lieux_file(store, file, today, progress).map_err(NotTaken::Failed)?;
    // The temporary file's name means nothing to the reader: the address instead.
    let named = |lines: &mut [String]| {
        let path = file.display().to_string();
        for line in lines {
            if let Some(rest) = line.strip_prefix(&path) {
                *line = format!("{shown}{rest}");
            }
        }
    };
    named(&mut summary.rejected);
    named(summary.first_merged.as_mut_slice());
    named(&mut summary.warnings);
    state.lieux = checked.lieux;
    let removed = store
        .feed_taken(&state, &checked.ids)
        .map_err(NotTaken::Failed)?;
    Ok(Updated::Taken(Taken {
        summary: Some(summary),
        lieux: checked.lieux,
        removed,
        newest: checked.newest,
    }))
}

/// The network's owner: the file from `source` into the network's database, checked as a
/// kiosk would, for every kiosk to take.
pub(crate) fn update_network(
    network: &mut PgStore,
    source: &Source,
    now: NaiveDateTime,
    dir: &Path,
) -> Result<Updated, NotTaken> {
    let last = network.last_lieux_update().map_err(NotTaken::Failed)?;
    let shown = source.shown();
    let (fetched, validators) = match source {
        Source::Url { url, token } => {
            let known = last
                .as_ref()
                .filter(|l| l.source == shown)
                .map(|l| l.validators.clone())
                .unwrap_or_default();
            match fetch::download(url, token.as_deref(), &known, dir)? {
                Fetched::Unchanged => return Ok(Updated::Unchanged),
                Fetched::File { file, validators } => (Some(file), validators),
            }
        }
        Source::File(_) => (None, Validators::default()),
    };
    let path = match (&fetched, source) {
        (Some(file), _) => file.path().to_path_buf(),
        (None, Source::File(path)) => path.clone(),
        (None, Source::Url { .. }) => unreachable!("a URL's file is fetched"),
    };
    let checked = check(&path, &shown, last.as_ref().map(|l| l.lieux), now.date())
        .map_err(NotTaken::Refused)?;
    let update = LieuxUpdate {
        id: 0,
        source: shown,
        validators,
        lieux: checked.lieux,
        json: path.extension().is_some_and(|e| e == "json"),
    };
    network
        .publish_lieux(&update, &path)
        .map_err(NotTaken::Failed)?;
    Ok(Updated::Taken(Taken {
        summary: None,
        lieux: checked.lieux,
        removed: 0,
        newest: checked.newest,
    }))
}

/// A network's kiosk: the network's last update, if this kiosk has not taken it yet, into
/// its own file (checked and imported as any update).
pub(crate) fn take_from_network(
    store: &mut SqliteStore,
    network: &mut PgStore,
    now: NaiveDateTime,
    dir: &Path,
) -> Result<Updated, NotTaken> {
    let Some(published) = network.last_lieux_update().map_err(NotTaken::Failed)? else {
        return Ok(Updated::Unchanged);
    };
    let last = store.feed_state().map_err(NotTaken::Failed)?;
    if last
        .as_ref()
        .is_some_and(|l| l.network_update == Some(published.id))
    {
        return Ok(Updated::Unchanged);
    }
    let extension = if published.json { "json" } else { "csv" };
    let (file, mut out) = TempFile::new(dir, extension)
        .map_err(|e| NotTaken::Failed(format!("{}: {e}", dir.display())))?;
    network
        .lieux_file(published.id, &mut out)
        .map_err(NotTaken::Failed)?;
    drop(out);
    let shown = format!("{} (from the network)", published.source);
    let state = FeedState {
        source: shown.clone(),
        etag: None,
        last_modified: None,
        lieux: 0,
        updated_at: now.format("%Y-%m-%dT%H:%M").to_string(),
        network_update: Some(published.id),
    };
    take(
        store,
        file.path(),
        &shown,
        last.map(|l| l.lieux),
        state,
        now.date(),
        &mut |_| {},
    )
}

/// Whether data of `date` is old at `today` (more than 30 days); no data is not old data.
pub(crate) fn is_old(date: Option<NaiveDate>, today: NaiveDate) -> bool {
    date.is_some_and(|d| (today - d).num_days() > crate::domain::lieu::DATA_OLD_AFTER_DAYS)
}

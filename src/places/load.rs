//! Bringing data files into the database: `borne import-lieux`, `borne import-communes`, and
//! the kiosk's own import of the files shipped in its configuration directory when they are
//! new or changed.
use std::path::Path;
use std::time::UNIX_EPOCH;

use super::import;
use crate::store::SqliteStore;

/// What an import did: counts, and the rows it left out and its warnings, each
/// `file:line: field: reason` (the first `import::KEPT_NOTES` of each).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    /// Records of a place already known from another source, merged into it: how many, and
    /// the first (`file:line: id: the same place as …`).
    pub merged: usize,
    pub first_merged: Option<String>,
    pub rejected: Vec<String>,
    pub rejected_count: usize,
    /// Rows taken, with what they lack (`file:line: pivot: missing (warning)`).
    pub warnings: Vec<String>,
    pub warning_count: usize,
}

impl Summary {
    pub(crate) fn line(&self, file: &Path) -> String {
        let mut line = format!(
            "{}: {} added, {} updated, {} rejected",
            file.display(),
            self.added,
            self.updated,
            self.rejected_count
        );
        if self.merged > 0 {
            line += &format!(", {} merged with a place already known", self.merged);
        }
        if self.warning_count > 0 {
            line += &format!(", {} with warnings", self.warning_count);
        }
        line
    }

    /// The lines that say what the import left out and noticed: the rows rejected, the
    /// merges in one line, the warnings, and how many of each were not listed.
    pub(crate) fn details(&self, file: &Path) -> Vec<String> {
        let more = |count: usize, listed: usize, what: &str| {
            (count > listed).then(|| {
                format!(
                    "{}: … and {} more {what}, not listed",
                    file.display(),
                    count - listed
                )
            })
        };
        let mut lines = self.rejected.clone();
        lines.extend(more(
            self.rejected_count,
            self.rejected.len(),
            "rejected rows",
        ));
        if let Some(first) = &self.first_merged {
            lines.push(if self.merged > 1 {
                format!(
                    "{first} (and {} more records merged with a place already known)",
                    self.merged - 1
                )
            } else {
                first.clone()
            });
        }
        lines.extend(self.warnings.iter().cloned());
        lines.extend(more(self.warning_count, self.warnings.len(), "warnings"));
        lines
    }
}

fn rejected_lines(file: &Path, rejected: &[import::RowNote]) -> Vec<String> {
    rejected
        .iter()
        .map(|r| format!("{}:{}: {}: {}", file.display(), r.line, r.field, r.reason))
        .collect()
}

/// Imports a lieux file (standard CSV or JSON, or the France Services list), checked whole
/// before anything is written. `progress` is told the share done (0 to 1) as rows are read.
pub fn lieux_file(
    store: &mut SqliteStore,
    file: &Path,
    today: chrono::NaiveDate,
    progress: &mut dyn FnMut(f32),
) -> Result<Summary, String> {
    // Read whole once first: a file refused halfway (not UTF-8, not JSON) writes nothing.
    import::check_whole(file)?;
    // Then read and written row by row, in batches: nothing stays in memory but a row.
    let mut notes = import::Notes::default();
    let mut first_merged = None;
    let mut moves = import::Notes::default();
    let imported = store.import_lieux(&mut |put| {
        notes = import::read_each(file, today, &mut |line, lieu| {
            let placed = put(&lieu)?;
            if let Some((id, nom)) = placed.merged_into {
                first_merged.get_or_insert_with(|| {
                    format!(
                        "{}:{line}: id: the same place as {id} ({nom}): merged into it",
                        file.display()
                    )
                });
            }
            if let Some(off) = placed.moved {
                let why = match off {
                    Some(km) => format!("{:.0} km from {}", km, lieu.code_postal),
                    None => "missing".into(),
                };
                moves.warn(import::RowNote {
                    line,
                    field: "latitude".into(),
                    reason: format!("{why}: placed at its commune, approximate (warning)"),
                });
            }
            Ok(())
        })?;
        Ok(())
    })?;
    progress(1.0);
    notes.warning_count += moves.warning_count;
    notes.warnings.extend(moves.warnings);
    notes.warnings.sort_by_key(|n| n.line);
    notes.warnings.truncate(import::KEPT_NOTES);
    Ok(Summary {
        added: imported.added,
        updated: imported.updated,
        merged: imported.merged,
        first_merged,
        rejected: rejected_lines(file, &notes.rejected),
        rejected_count: notes.rejected_count,
        warnings: rejected_lines(file, &notes.warnings),
        warning_count: notes.warning_count,
    })
}

/// Why a communes file is not taken: it would leave the lieux search poorer than before.
#[derive(Debug, Clone, PartialEq)]
pub struct Incomplete(pub String);

/// A file replaces the communes whole, so it must be whole: no fewer than this share of the
/// communes already known…
const KEEP_AT_LEAST: f64 = 0.9;
/// …and no more than this share of rows rejected.
const REJECT_AT_MOST: f64 = 0.01;

/// Imports the communes file, replacing the communes known. A file with no commune, with
/// many rejected rows, or with far fewer communes than known (cut in half, a header only) is
/// refused whole and nothing changes, unless `force` (a deliberately smaller file).
pub fn communes_file(
    store: &mut SqliteStore,
    file: &Path,
    force: bool,
) -> Result<Result<Summary, Incomplete>, String> {
    let (list, rejected) = super::import::communes::read(file)?;
    let known = store.commune_count()?;
    let rows = list.len() + rejected.len();
    let why = if list.is_empty() {
        Some("no commune in the file".to_string())
    } else if rejected.len() as f64 > REJECT_AT_MOST * rows as f64 {
        Some(format!(
            "{} of {rows} rows rejected (the first: {})",
            rejected.len(),
            rejected_lines(file, &rejected[..1]).join("")
        ))
    } else if (list.len() as f64) < KEEP_AT_LEAST * known as f64 {
        Some(format!(
            "{} communes where {known} are known: is the file cut short?",
            list.len()
        ))
    } else {
        None
    };
    // Even on purpose, a file without a single commune would empty the search.
    if let Some(why) = why
        && (!force || list.is_empty())
    {
        return Ok(Err(Incomplete(format!(
            "{}: {why}; the communes are unchanged (--force takes a smaller file on purpose)",
            file.display()
        ))));
    }
    let added = store.replace_communes(&list)?;
    Ok(Ok(Summary {
        added,
        rejected: rejected_lines(file, &rejected),
        rejected_count: rejected.len(),
        ..Summary::default()
    }))
}

/// The communes file of a configuration directory.
pub(crate) const COMMUNES: &str = "communes.csv";
/// The folder of lieux files (standard CSV or JSON, France Services lists): all are imported.
pub(crate) const LIEUX_DIR: &str = "lieux";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Communes,
    Lieux,
}

/// The data files of a configuration directory, communes first.
pub(crate) fn shipped_files(dir: &Path) -> Vec<(std::path::PathBuf, Kind)> {
    let mut files = vec![(dir.join(COMMUNES), Kind::Communes)];
    let mut lieux: Vec<_> = std::fs::read_dir(dir.join(LIEUX_DIR))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "csv" || x == "json"))
                .collect()
        })
        .unwrap_or_default();
    lieux.sort();
    files.extend(lieux.into_iter().map(|p| (p, Kind::Lieux)));
    files
}

/// Size and modification time: enough to see a file changed, without reading it at start.
fn fingerprint(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(format!("{}:{modified}", meta.len()))
}

/// Imports the configuration directory's data files that are new or changed since their last
/// import. Returns one summary line per file imported.
/// `progress` is told each file about to be imported: (its name, how many files are done,
/// how many there are to do); it is not called when nothing changed.
pub fn shipped(
    store: &mut SqliteStore,
    dir: &Path,
    now: &str,
    progress: &mut dyn FnMut(&Path, usize, usize),
) -> Result<Vec<String>, String> {
    let today = chrono::NaiveDateTime::parse_from_str(now, "%Y-%m-%dT%H:%M")
        .map_err(|_| format!("{now:?} is not a time (YYYY-MM-DDTHH:MM)"))?
        .date();
    let mut done = Vec::new();
    let mut to_do = Vec::new();
    for (file, kind) in shipped_files(dir) {
        let Some(print) = fingerprint(&file) else {
            continue;
        };
        // The file itself, however the directory was named: another spelling of the same
        // path would import everything again, behind the first frame, while a person waits.
        let key = std::fs::canonicalize(&file)
            .unwrap_or_else(|_| file.clone())
            .display()
            .to_string();
        if store.last_import(&key)?.is_none_or(|last| last != print) {
            to_do.push((file, kind, key, print));
        }
    }
    let count = to_do.len();
    for (n, (file, kind, key, print)) in to_do.into_iter().enumerate() {
        progress(&file, n, count);
        let summary = match kind {
            Kind::Communes => match communes_file(store, &file, false)? {
                Ok(summary) => summary,
                Err(Incomplete(why)) => {
                    tracing::error!("{why}");
                    continue;
                }
            },
            Kind::Lieux => lieux_file(store, &file, today, &mut |_| {})?,
        };
        let mut report = summary.line(&file);
        tracing::info!("{report}");
        for line in &summary.rejected {
            // Open data about places: no personal data in a rejected row's reason.
            tracing::warn!("import rejected {line}");
        }
        for line in summary.details(&file) {
            report.push('\n');
            report.push_str(&line);
        }
        if summary.warning_count > 0 {
            tracing::info!(
                "{} rows imported with warnings (see borne import-lieux)",
                summary.warning_count
            );
        }
        store.record_import(&key, &print, now, &report)?;
        done.push(summary.line(&file));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    #[test]
    fn reimporting_updates_instead_of_duplicating() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(&dir.path().join("l.db")).unwrap();
        let first =
            lieux_file(&mut store, &fixture("lieux-gap.csv"), today(), &mut |_| {}).unwrap();
        assert_eq!(
            (first.added, first.updated, first.rejected_count),
            (12, 1, 0),
            "two rows of the file are the same lieu"
        );
        assert!(
            first.warnings[0].ends_with("lieux-gap.csv:12: date_maj: missing (warning)"),
            "{:?}",
            first.warnings
        );
        let again =
            lieux_file(&mut store, &fixture("lieux-gap.csv"), today(), &mut |_| {}).unwrap();
        assert_eq!((again.added, again.updated), (0, 13));
        assert_eq!(store.lieu_count().unwrap(), 12);
        let fs = lieux_file(
            &mut store,
            &fixture("liste-fs-20240801.csv"),
            today(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(fs.added, 5);
        assert_eq!(store.lieu_points().unwrap().len(), 17);
    }

    #[test]
    fn shipped_files_are_imported_once_until_they_change() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("conf");
        std::fs::create_dir_all(config.join(LIEUX_DIR)).unwrap();
        std::fs::copy(fixture("lieux-gap.csv"), config.join("lieux/lieux.csv")).unwrap();
        let mut store = SqliteStore::open(&dir.path().join("l.db")).unwrap();
        let mut told = Vec::new();
        let done = shipped(
            &mut store,
            &config,
            "2026-03-02T10:15",
            &mut |file, n, count| {
                told.push((
                    file.file_name().unwrap().to_string_lossy().to_string(),
                    n,
                    count,
                ))
            },
        )
        .unwrap();
        assert_eq!(
            told,
            [("lieux.csv".to_string(), 0, 1)],
            "a progress line per file"
        );
        assert_eq!(done.len(), 1, "{done:?}");
        assert!(
            done[0].ends_with("12 added, 1 updated, 0 rejected, 3 with warnings"),
            "{done:?}"
        );
        assert!(
            shipped(&mut store, &config, "2026-03-02T10:16", &mut |_, _, _| {
                panic!("nothing changed: no progress to tell")
            })
            .unwrap()
            .is_empty()
        );
        // The same directory named another way (a kiosk started from elsewhere, through a
        // link): the same files, not imported again behind the first frame.
        let linked = dir.path().join("link");
        std::os::unix::fs::symlink(&config, &linked).unwrap();
        for same in [config.join("lieux").join(".."), linked] {
            assert!(
                shipped(&mut store, &same, "2026-03-02T10:16", &mut |file, _, _| {
                    panic!("{} imported again", file.display())
                })
                .unwrap()
                .is_empty()
            );
        }
        std::fs::copy(
            fixture("lieux-problems.csv"),
            config.join("lieux/lieux.csv"),
        )
        .unwrap();
        let again = shipped(&mut store, &config, "2026-03-02T10:17", &mut |_, _, _| {}).unwrap();
        assert!(
            again[0].ends_with("2 added, 0 updated, 3 rejected"),
            "{again:?}"
        );
    }

    #[test]
    fn merges_are_one_line_and_notes_past_the_kept_ones_are_counted_not_listed() {
        let mut notes = import::Notes::default();
        for line in 0..import::KEPT_NOTES + 5 {
            notes.reject(import::RowNote {
                line,
                field: "id".into(),
                reason: "missing".into(),
            });
        }
        assert_eq!(notes.rejected.len(), import::KEPT_NOTES);
        assert_eq!(notes.rejected_count, import::KEPT_NOTES + 5);
        let summary = Summary {
            merged: 3,
            first_merged: Some("f.csv:7: id: the same place as x (Mairie): merged into it".into()),
            rejected: rejected_lines(Path::new("f.csv"), &notes.rejected),
            rejected_count: notes.rejected_count,
            ..Summary::default()
        };
        let details = summary.details(Path::new("f.csv"));
        assert_eq!(details.len(), import::KEPT_NOTES + 2);
        assert_eq!(
            details[import::KEPT_NOTES],
            "f.csv: … and 5 more rejected rows, not listed"
        );
        assert_eq!(
            details[import::KEPT_NOTES + 1],
            "f.csv:7: id: the same place as x (Mairie): merged into it \
             (and 2 more records merged with a place already known)"
        );
        assert!(
            summary
                .line(Path::new("f.csv"))
                .ends_with("1005 rejected, 3 merged with a place already known")
        );
    }
}

//! `borne import-lieux`, `import-communes`, `communes search` and `lieux near`: the same
//! import, search and nearest lieux as the screen.
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDateTime;

use crate::calendar::Calendar;
use crate::domain::lieu::Filters;
use crate::domain::{hours, nearest};
use crate::i18n::Tr;
use crate::problem::{EXIT_CONFIG, EXIT_FAILURE};
use crate::store::SqliteStore;

/// `borne import-lieux`: each file's rows, the rejected ones said with their line.
pub(crate) fn import_lieux(
    store: &mut SqliteStore,
    files: &[PathBuf],
    today: chrono::NaiveDate,
) -> ExitCode {
    let mut failed = false;
    for file in files {
        match super::load::lieux_file(store, file, today, &mut progress(file)) {
            Ok(summary) => {
                for line in summary.details(file) {
                    eprintln!("{line}");
                }
                println!("{}", summary.line(file));
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

/// `borne import-communes`: the communes file (refused when it looks incomplete, unless forced).
pub(crate) fn import_communes(store: &mut SqliteStore, file: &Path, force: bool) -> ExitCode {
    match super::load::communes_file(store, file, force) {
        Ok(Err(super::load::Incomplete(why))) => {
            eprintln!("{why}");
            ExitCode::from(EXIT_CONFIG)
        }
        Ok(Ok(summary)) => {
            for line in summary.details(file) {
                eprintln!("{line}");
            }
            println!("{}", summary.line(file));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `borne communes search`: what the screen suggests for a text, at this help point.
pub(crate) fn search_communes(
    store: &mut SqliteStore,
    help_point: &crate::config::HelpPoint,
    text: &str,
    json: bool,
) -> ExitCode {
    let index = match store.place_index() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let home = index
        .communes
        .home(&help_point.postal_code, &help_point.commune);
    let found: Vec<crate::domain::communes::Commune> = index
        .communes
        .search_from(text, home)
        .into_iter()
        .map(|i| index.communes.get(i))
        .collect();
    if json {
        // A former commune says which commune it is part of now.
        let rows: Vec<serde_json::Value> = found
            .iter()
            .map(|c| {
                let mut row = serde_json::to_value(c).unwrap_or_default();
                if let Some(today) = index.communes.parent(c).filter(|_| c.is_old_name()) {
                    row["now_part_of"] = serde_json::json!({
                        "code_insee": today.code_insee,
                        "nom": today.nom,
                        "code_postal": today.code_postal,
                    });
                }
                row
            })
            .collect();
        println!("{}", serde_json::to_string(&rows).unwrap_or_default());
    } else if found.is_empty() {
        println!("no commune matches {text:?}");
    } else {
        for c in found {
            let today = index.communes.parent(&c).filter(|_| c.is_old_name());
            match today {
                Some(p) => println!("{} {} → {} ({})", c.code_postal, c.nom, p.nom, p.code_insee),
                None => println!("{} {} ({})", c.code_postal, c.nom, c.code_insee),
            }
        }
    }
    ExitCode::SUCCESS
}

/// What `borne lieux near` asks.
pub(crate) struct NearArgs<'a> {
    pub place: &'a str,
    pub services: &'a [String],
    pub limit: usize,
    pub json: bool,
}

/// `borne lieux near`: the lieux nearest a commune or postal code, open or not at `now` (the
/// kiosk's local time).
pub(crate) fn near(
    store: &mut SqliteStore,
    args: &NearArgs,
    calendar: &Calendar,
    tr: &Tr,
    now: NaiveDateTime,
) -> ExitCode {
    let services = match args
        .services
        .iter()
        .map(|s| crate::vocabulary::lieux::Service::parse(s))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(services) => services,
        Err(e) => {
            eprintln!("borne lieux near: --service {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let near = match nearest_lieux(store, args.place, &services, args.limit) {
        Ok(near) => near,
        Err(status) => return status,
    };
    let data_date = store.lieux_date(now.date()).ok().flatten();
    if args.json {
        print_near_json(&near, calendar, now, data_date);
    } else {
        print_near(&near, calendar, tr, now, data_date);
    }
    ExitCode::SUCCESS
}

/// The lieux found near a commune.
struct Near {
    commune: crate::domain::communes::Commune,
    /// Each lieu found's row id and its distance in km (none when unknown), nearest first.
    found: Vec<(i64, Option<f64>)>,
    /// The same lieux, in the same order.
    lieux: Vec<crate::domain::lieu::Lieu>,
}

/// The lieux nearest the commune or postal code `place` that offer `services`; or, the
/// problem said, the exit status.
fn nearest_lieux(
    store: &mut SqliteStore,
    place: &str,
    services: &[crate::vocabulary::lieux::Service],
    limit: usize,
) -> Result<Near, ExitCode> {
    let index = store.place_index().map_err(|e| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_FAILURE)
    })?;
    let Some(first) = index.communes.search(place).first().copied() else {
        eprintln!("borne lieux near: no commune or postal code matches {place:?}");
        return Err(ExitCode::from(EXIT_FAILURE));
    };
    let commune = index.communes.located(&index.communes.get(first));
    let found = nearest::nearest(
        &index.points,
        &commune,
        services,
        &Filters::default(),
        limit,
    );
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let lieux = store.lieux(&ids).map_err(|e| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_FAILURE)
    })?;
    Ok(Near {
        commune,
        found,
        lieux,
    })
}

/// A lieu open or closed at `now`, and when that changes: ("open", its closing time).
fn open_state(
    l: &crate::domain::lieu::Lieu,
    calendar: &Calendar,
    now: NaiveDateTime,
) -> (&'static str, Option<String>) {
    match l.open_state(calendar, now).0 {
        hours::OpenState::Open { closes } => (
            "open",
            closes.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
        ),
        hours::OpenState::Closed { opens } => (
            "closed",
            opens.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
        ),
        hours::OpenState::Unknown => ("unknown", None),
        hours::OpenState::Raw(_) => ("unparsed", None),
    }
}

/// `lieux near --json`: the commune, each lieu with its distance and whether it is open, the
/// lieux' date.
fn print_near_json(
    near: &Near,
    calendar: &Calendar,
    now: NaiveDateTime,
    data_date: Option<chrono::NaiveDate>,
) {
    let all: Vec<_> = near
        .lieux
        .iter()
        .zip(&near.found)
        .map(|(l, (_, km))| {
            let (open, change) = open_state(l, calendar, now);
            serde_json::json!({
                "id": l.id, "nom": l.display_name(), "commune": l.commune, "code_postal": l.code_postal,
                "km": km.map(|k| (k * 10.0).round() / 10.0), "approximate": l.approximate, "open": open, "next_change": change,
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::json!({ "commune": near.commune.nom, "code_postal": near.commune.code_postal, "lieux": all, "data_date": data_date })
    );
}

/// `lieux near` for a person: as the screen, a far place said to be far with the national ways
/// to find help; each lieu with its distance and its opening line; the lieux' date.
fn print_near(
    near: &Near,
    calendar: &Calendar,
    tr: &Tr,
    now: NaiveDateTime,
    data_date: Option<chrono::NaiveDate>,
) {
    println!("{} ({}):", near.commune.nom, near.commune.code_postal);
    if let Some(km) = super::view::nearest_is_far(&near.found) {
        println!(
            "{}",
            tr.text_with("lieux-far", &[("km", tr.integer(km.round() as i64).into())])
        );
        println!("{}", tr.text("lieux-far-help"));
    }
    for (l, (_, km)) in near.lieux.iter().zip(&near.found) {
        let distance = match km {
            Some(k) if l.approximate => format!("~{k:.1} km"),
            Some(k) => format!("{k:.1} km"),
            None => "?".to_string(),
        };
        println!(
            "{distance:>9}  {} — {}",
            l.display_name(),
            crate::domain::lieu::calm_capitals(&l.commune)
        );
        println!(
            "           {}",
            super::view::open_line(l, calendar, now, tr)
        );
    }
    println!("{}", crate::calendar::words::data_date(tr, data_date));
}

/// `borne lieux update` on the help point's own file: what was taken, or why not (exit 2
/// for a file refused, 1 for an address or database out of reach).
pub(crate) fn update(
    store: &mut SqliteStore,
    source: &super::update::Source,
    tr: &Tr,
    now: NaiveDateTime,
) -> ExitCode {
    let shown = source.shown();
    let mut progress = progress(Path::new(&shown));
    let updated = super::update::update(store, source, now, &std::env::temp_dir(), &mut progress);
    let date = store.lieux_date(now.date()).ok().flatten();
    said(updated, &shown, tr, date)
}

/// `borne --db postgresql://… lieux update`: the file into the network's database, for every
/// kiosk to take.
pub(crate) fn update_network(
    network: &mut crate::store::postgres::PgStore,
    source: &super::update::Source,
    now: chrono::NaiveDateTime,
    tr: &Tr,
) -> ExitCode {
    let shown = source.shown();
    let updated = super::update::update_network(network, source, now, &std::env::temp_dir());
    let date = match &updated {
        Ok(super::update::Updated::Taken(taken)) => taken.newest,
        _ => None,
    };
    said(updated, &shown, tr, date)
}

fn said(
    updated: Result<super::update::Updated, super::update::NotTaken>,
    shown: &str,
    tr: &Tr,
    date: Option<chrono::NaiveDate>,
) -> ExitCode {
    use super::update::{NotTaken, Updated};
    match updated {
        Ok(Updated::Unchanged) => {
            println!("{shown}: unchanged since the last update; the lieux are as they were");
            println!("{}", crate::calendar::words::data_date(tr, date));
            ExitCode::SUCCESS
        }
        Ok(Updated::Taken(taken)) => {
            match &taken.summary {
                Some(summary) => {
                    for line in &summary.rejected {
                        eprintln!("{line}");
                    }
                    let mut line = summary.line(Path::new(shown));
                    if taken.removed > 0 {
                        line += &format!(", {} no longer listed removed", taken.removed);
                    }
                    println!("{line}");
                }
                None => println!(
                    "{shown}: {} lieux checked and kept in the network's database; each kiosk takes them at its next start or daily update",
                    taken.lieux
                ),
            }
            println!("{}", crate::calendar::words::data_date(tr, date));
            ExitCode::SUCCESS
        }
        Err(NotTaken::Refused(why)) => {
            eprintln!("borne lieux update: {why}");
            ExitCode::from(EXIT_CONFIG)
        }
        Err(NotTaken::Failed(why)) => {
            eprintln!("borne lieux update: {why}; the lieux are unchanged");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// A progress line on a terminal, nothing otherwise.
fn progress(file: &Path) -> impl FnMut(f32) {
    let on_terminal = std::io::stderr().is_terminal();
    let name = file.display().to_string();
    move |done: f32| {
        if on_terminal {
            eprint!("\r{name}: {:>3} %", (done * 100.0) as u32);
            if done >= 1.0 {
                eprintln!();
            }
        }
    }
}

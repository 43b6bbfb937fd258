//! The command line: the kiosk itself, and the tools for the help point's staff.
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::Clock;
use crate::config;
use crate::domain::pin;
use crate::problem::Problem;
use crate::store::{self, Store};

#[derive(Parser)]
#[command(
    name = "borne",
    version,
    about = "Borne d'accueil pour les lieux de médiation numérique",
    long_about = "borne is a keyboard-driven terminal kiosk for digital-inclusion help points. \
                  Without a command it runs the kiosk."
)]
pub struct Cli {
    /// Configuration directory (default: $BORNE_CONFIG, else ./kiosk-config)
    #[arg(long, global = true, value_name = "DIR")]
    config: Option<PathBuf>,

    /// Database file (default: the configuration's, else $XDG_DATA_HOME/borne/borne.db)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Read a PIN on standard input and print its argon2id hash for kiosk.toml
    HashPin,
    /// Validate every file of the configuration directory
    CheckConfig,
    /// Check the needs questionnaire: outcomes of answers, every path
    #[command(subcommand)]
    Diagnostic(DiagnosticCommand),
    /// Book, list and cancel appointments, with the kiosk's rules and codes
    #[command(subcommand)]
    Booking(BookingCommand),
    /// Reminders waiting to be sent
    #[command(subcommand)]
    Outbox(OutboxCommand),
    /// Import lieux de médiation numérique (standard CSV or JSON, or the France Services list)
    ImportLieux {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import the communes file (code_insee, nom, code_postal, …, latitude, longitude)
    ImportCommunes {
        file: PathBuf,
        /// Take a file with fewer communes than known, on purpose
        #[arg(long)]
        force: bool,
    },
    /// The nearest lieux of a postal code or commune
    #[command(subcommand)]
    Lieux(LieuxCommand),
    /// Search communes as the kiosk suggests them
    #[command(subcommand)]
    Communes(CommunesCommand),
    /// Activity reports for La Coop, or a counsellor's agenda as a calendar file
    #[command(subcommand)]
    Export(ExportCommand),
    /// Apply the retention rules now: erase personal data of past appointments
    Purge,
    /// Bookings, attendance, workshops, needs and accompaniments, per week and month
    Stats {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Csv,
    Json,
}

#[derive(Subcommand)]
enum ExportCommand {
    /// One row per accompaniment, with the exact Coop labels
    Activites {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
    /// RFC 5545 calendar of a counsellor's bookings and the workshops
    Agenda {
        /// The counsellor's id or first name
        #[arg(long)]
        counsellor: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
}

#[derive(Subcommand)]
enum LieuxCommand {
    /// The nearest lieux, with distance and whether they are open
    Near {
        /// A postal code or a commune name
        place: String,
        /// Only lieux offering this service (label or key), e.g. aide-aux-demarches-administratives
        #[arg(long)]
        service: Vec<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// The moment for "open now" (default: now)
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CommunesCommand {
    /// The suggestions for what a person types
    Search {
        text: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum BookingCommand {
    /// Book a free slot (e.g. for a citizen on the phone)
    Create {
        /// The motif's id in agenda.toml
        #[arg(long)]
        motif: String,
        /// The slot's start, local time: 2026-03-03T14:30
        #[arg(long)]
        at: String,
        /// A counsellor's id (default: the first one free then)
        #[arg(long)]
        counsellor: Option<String>,
        #[arg(long)]
        first_name: String,
        #[arg(long)]
        last_initial: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        /// Send a reminder 48 h before (needs --phone or --email)
        #[arg(long)]
        reminder: bool,
        #[arg(long)]
        json: bool,
    },
    /// List appointments and workshop registrations
    List {
        /// First day (default: today)
        #[arg(long)]
        from: Option<String>,
        /// Last day (default: four weeks on)
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Cancel an appointment by its code
    Cancel {
        code: String,
        /// Cancelled by the help point ("annulé par le service") rather than by the citizen
        #[arg(long)]
        by_service: bool,
        /// Why (kept for staff only)
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum OutboxCommand {
    /// Send the reminders that are due through the configured gateway
    Send,
    /// How many reminders are waiting, sent, failed, cancelled
    Status,
}

#[derive(Subcommand)]
enum DiagnosticCommand {
    /// Print the outcome of a set of answers
    Explain {
        /// The answers, e.g. equipement=smartphone,internet=oui,motif=email
        #[arg(long, value_name = "QUESTION=ANSWER,...")]
        answers: String,
        #[arg(long)]
        json: bool,
    },
    /// List every possible path through the questionnaire, with its outcome
    Paths {
        #[arg(long)]
        json: bool,
    },
}

pub fn main() -> ExitCode {
    // The kiosk ignores Ctrl+C, Ctrl+\ and Ctrl+Z from its very first moment: before the
    // terminal is raw they arrive as signals.
    let commands: Vec<String> = <Cli as clap::CommandFactory>::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let kiosk_mode = !std::env::args()
        .skip(1)
        .any(|a| commands.contains(&a) || a == "help");
    if kiosk_mode {
        crate::shell::ignore_interrupts();
    }
    let cli = Cli::parse();
    crate::log::init();
    // A command whose output is cut short (`| head`) stops quietly, as Unix tools do. Not
    // the kiosk nor the outbox: they write to programs of their own, which may not read.
    if !matches!(cli.command, None | Some(Command::Outbox(_))) {
        crate::shell::quiet_broken_pipe();
    }
    match cli.command {
        Some(Command::HashPin) => hash_pin(),
        Some(Command::CheckConfig) => check_config(&cli),
        Some(Command::Diagnostic(ref command)) => diagnostic(&cli, command),
        Some(Command::Booking(ref command)) => booking(&cli, command),
        Some(Command::Outbox(ref command)) => outbox(&cli, command),
        Some(Command::ImportLieux { ref files }) => import_lieux(&cli, files),
        Some(Command::ImportCommunes { ref file, force }) => import_communes(&cli, file, force),
        Some(Command::Lieux(ref command)) => lieux(&cli, command),
        Some(Command::Communes(ref command)) => communes(&cli, command),
        Some(Command::Export(ref command)) => export(&cli, command),
        Some(Command::Purge) => purge(&cli),
        Some(Command::Stats {
            ref from,
            ref to,
            json,
        }) => stats(&cli, from.as_deref(), to.as_deref(), json),
        None => kiosk(&cli),
    }
}

const EXIT_FAILURE: u8 = 1;
/// The configuration is invalid.
const EXIT_CONFIG: u8 = 2;

fn print_problems(problems: &[Problem]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    ExitCode::from(EXIT_CONFIG)
}

fn hash_pin() -> ExitCode {
    let mut line = String::new();
    if let Err(e) = std::io::stdin().lock().read_line(&mut line) {
        eprintln!("borne hash-pin: cannot read the PIN: {e}");
        return ExitCode::from(EXIT_FAILURE);
    }
    match pin::hash_pin(line.trim_end_matches(['\n', '\r'])) {
        Ok(hash) => {
            println!("{hash}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne hash-pin: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn check_config(cli: &Cli) -> ExitCode {
    match load_config(cli) {
        Ok(config) => {
            println!("{}", config.summary());
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn load_config(cli: &Cli) -> Result<crate::kiosk::Config, ExitCode> {
    let dir = config::resolve_dir(cli.config.as_deref());
    crate::kiosk::load(&dir).map_err(|problems| print_problems(&problems))
}

fn diagnostic(cli: &Cli, command: &DiagnosticCommand) -> ExitCode {
    use crate::diagnostic::explain;
    let config = match load_config(cli) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let questionnaire = &config.diagnostic;
    match command {
        DiagnosticCommand::Explain { answers, json } => {
            let mut pairs = Vec::new();
            for pair in answers.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let Some((q, a)) = pair.split_once('=') else {
                    eprintln!("borne diagnostic explain: {pair:?}: write question=answer");
                    return ExitCode::from(EXIT_CONFIG);
                };
                if questionnaire.question_by_id(q.trim()).is_none() {
                    eprintln!("borne diagnostic explain: no question has the id {q:?}");
                    return ExitCode::from(EXIT_CONFIG);
                }
                pairs.push((q.trim().to_string(), a.trim().to_string()));
            }
            let (path, stopped) = match questionnaire.walk(&pairs) {
                Ok(walked) => walked,
                Err(e) => {
                    eprintln!("borne diagnostic explain: {e}");
                    return ExitCode::from(EXIT_CONFIG);
                }
            };
            let outcome = questionnaire.outcome(&path);
            if *json {
                println!("{}", explain::json(questionnaire, &path, &outcome));
            } else {
                print!("{}", explain::text(questionnaire, &path, &outcome));
            }
            if let crate::diagnostic::Step::Ask(q) = stopped {
                eprintln!(
                    "incomplete: the next question would be {:?} (no answer given for it)",
                    questionnaire.questions[q].id
                );
            }
            for (q, _) in &pairs {
                if !path
                    .iter()
                    .any(|c| questionnaire.questions[c.question].id == *q)
                {
                    eprintln!("note: {q:?} was not asked on this path");
                }
            }
            ExitCode::SUCCESS
        }
        DiagnosticCommand::Paths { json } => {
            let Some(paths) = questionnaire.paths_bounded(usize::MAX) else {
                return ExitCode::from(EXIT_FAILURE);
            };
            if *json {
                let all: Vec<_> = paths
                    .iter()
                    .map(|p| explain::json(questionnaire, p, &questionnaire.outcome(p)))
                    .collect();
                println!("{}", serde_json::Value::Array(all));
            } else {
                for path in &paths {
                    println!(
                        "{}",
                        explain::line(questionnaire, path, &questionnaire.outcome(path))
                    );
                }
                let longest = paths.iter().map(Vec::len).max().unwrap_or(0);
                println!(
                    "{} paths, the longest asks {longest} questions",
                    paths.len()
                );
            }
            ExitCode::SUCCESS
        }
    }
}

/// The configuration, the database and the clock, for the staff commands.
fn open_all(cli: &Cli) -> Result<(crate::kiosk::Config, Store, Clock), ExitCode> {
    let config = load_config(cli)?;
    let clock = Clock::from_env(config.kiosk.help_point.calendar).map_err(|e| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_CONFIG)
    })?;
    let store = store::resolve_path(cli.db.as_deref(), config.kiosk.database.as_deref())
        .and_then(|path| Store::open(&path))
        .map_err(|e| {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_FAILURE)
        })?;
    Ok((config, store, clock))
}

fn parse_day(text: &str, flag: &str) -> Result<chrono::NaiveDate, ExitCode> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        eprintln!(
            "borne: {flag} {text:?} is not a day that exists (write YYYY-MM-DD, e.g. 2026-03-02)"
        );
        ExitCode::from(EXIT_CONFIG)
    })
}

/// `--from` and `--to` (each with its default), refused when the range is upside down.
fn day_range(
    from: Option<&str>,
    to: Option<&str>,
    default_from: chrono::NaiveDate,
    default_to: chrono::NaiveDate,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), ExitCode> {
    let from = from.map_or(Ok(default_from), |t| parse_day(t, "--from"))?;
    let to = to.map_or(Ok(default_to), |t| parse_day(t, "--to"))?;
    if from > to {
        eprintln!("borne: --from {from} is after --to {to}: nothing lies between");
        return Err(ExitCode::from(EXIT_CONFIG));
    }
    Ok((from, to))
}

fn booking(cli: &Cli, command: &BookingCommand) -> ExitCode {
    use crate::booking::cli as booking_cli;
    let (config, mut store, clock) = match open_all(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    let now = clock.now();
    match command {
        BookingCommand::Create {
            motif,
            at,
            counsellor,
            first_name,
            last_initial,
            phone,
            email,
            reminder,
            json,
        } => {
            let Ok(at) = crate::clock::parse_local(at) else {
                eprintln!("borne booking create: --at {at:?}: write 2026-03-03T14:30");
                return ExitCode::from(EXIT_CONFIG);
            };
            let args = booking_cli::CreateArgs {
                motif,
                at,
                counsellor: counsellor.as_deref(),
                first_name,
                last_initial: last_initial.as_deref(),
                phone: phone.as_deref(),
                email: email.as_deref(),
                reminder: *reminder,
            };
            let tr = config.i18n.tr(&config.kiosk.default_locale);
            let reminder_text = |code: &str| {
                let m = config
                    .agenda
                    .motif_by_id(motif)
                    .map(|m| &config.agenda.motifs[m]);
                let confirmed = crate::booking::ticket::Confirmed {
                    code: code.to_string(),
                    starts: at,
                    ends: at,
                    what: m.map_or(String::new(), |m| tr.text(&m.label)),
                    counsellor: None,
                    place: crate::booking::agenda::Where::OnSite,
                    room: None,
                    bring: None,
                    phone: None,
                };
                crate::booking::ticket::reminder(&confirmed, &tr, &config.kiosk)
            };
            match booking_cli::create(&config.agenda, &mut store, &args, now, reminder_text) {
                Ok((code, _)) => {
                    let found = store.appointment(&code).ok().flatten();
                    match (json, found) {
                        (true, Some(a)) => println!("{}", booking_cli::json(&a)),
                        (false, Some(a)) => println!("{}", booking_cli::line(&a)),
                        _ => println!("{code}"),
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("borne booking create: {e}");
                    ExitCode::from(EXIT_FAILURE)
                }
            }
        }
        BookingCommand::List { from, to, json } => {
            let (first, last) = booking_cli::default_range(now);
            let (first, last) = match day_range(from.as_deref(), to.as_deref(), first, last) {
                Ok(range) => range,
                Err(code) => return code,
            };
            match store.appointments_between(first, last) {
                Ok(list) if *json => {
                    let all: Vec<_> = list.iter().map(booking_cli::json).collect();
                    println!("{}", serde_json::Value::Array(all));
                    ExitCode::SUCCESS
                }
                Ok(list) => {
                    for a in &list {
                        println!("{}", booking_cli::line(a));
                    }
                    println!("{} appointments from {first} to {last}", list.len());
                    // The same figures as `borne stats` and the statistics screen.
                    let planned = config.agenda.planned_sessions(first, last);
                    match store.stats(first, last, &planned) {
                        Ok(s) => println!("{}", crate::counsellor::stats::summary(&s.total)),
                        Err(e) => {
                            eprintln!("borne booking list: {e}");
                            return ExitCode::from(EXIT_FAILURE);
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("borne booking list: {e}");
                    ExitCode::from(EXIT_FAILURE)
                }
            }
        }
        BookingCommand::Cancel {
            code,
            by_service,
            reason,
            json,
        } => {
            let code = crate::domain::code::normalise(code);
            let (by, status) = if *by_service {
                (
                    crate::store::Canceller::Service {
                        actor: "cli".into(),
                        reason: reason.clone().filter(|r| !r.trim().is_empty()),
                        notice: None,
                    },
                    crate::store::Status::CancelledByService,
                )
            } else {
                (
                    crate::store::Canceller::StaffForCitizen {
                        actor: "cli".into(),
                    },
                    crate::store::Status::CancelledByCitizen,
                )
            };
            match store.cancel(&code, &by, now) {
                Ok(Ok(())) => {
                    if *json {
                        println!(
                            "{}",
                            serde_json::json!({ "code": code, "status": status.label() })
                        );
                    } else {
                        println!("{code} {}", status.label());
                    }
                    ExitCode::SUCCESS
                }
                Ok(Err(refusal)) => {
                    eprintln!("borne booking cancel: {code}: {refusal:?}");
                    ExitCode::from(EXIT_FAILURE)
                }
                Err(e) => {
                    eprintln!("borne booking cancel: {e}");
                    ExitCode::from(EXIT_FAILURE)
                }
            }
        }
    }
}

fn outbox(cli: &Cli, command: &OutboxCommand) -> ExitCode {
    let (config, mut store, clock) = match open_all(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    match command {
        OutboxCommand::Send => {
            let Some(gateway) = &config.kiosk.reminder_gateway else {
                println!("no reminder gateway ([reminders] command in kiosk.toml): nothing sent");
                return ExitCode::SUCCESS;
            };
            match crate::store::outbox::send_due(
                &mut store,
                gateway,
                clock.now(),
                crate::store::outbox::GATEWAY_LIMIT,
            ) {
                Ok(report) => {
                    println!(
                        "{} sent, {} failed, {} retried",
                        report.sent, report.failed, report.retried
                    );
                    if report.failed > 0 {
                        ExitCode::from(EXIT_FAILURE)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(e) => {
                    eprintln!("borne outbox send: {e}");
                    ExitCode::from(EXIT_FAILURE)
                }
            }
        }
        OutboxCommand::Status => match store.outbox_counts() {
            Ok(counts) => {
                if counts.is_empty() {
                    println!("no reminder queued");
                }
                for (status, n) in counts {
                    println!("{status}: {n}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("borne outbox status: {e}");
                ExitCode::from(EXIT_FAILURE)
            }
        },
    }
}

/// The database for data commands: from --db, the configuration if it loads, or the default.
fn open_store(cli: &Cli) -> Result<Store, ExitCode> {
    let dir = config::resolve_dir(cli.config.as_deref());
    let configured = crate::kiosk::load(&dir)
        .ok()
        .and_then(|c| c.kiosk.database.clone());
    store::resolve_path(cli.db.as_deref(), configured.as_deref())
        .and_then(|path| Store::open(&path))
        .map_err(|e| {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_FAILURE)
        })
}

/// A progress line on a terminal, nothing otherwise.
fn progress(file: &std::path::Path) -> impl FnMut(f32) {
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

fn import_lieux(cli: &Cli, files: &[PathBuf]) -> ExitCode {
    let mut store = match open_store(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut failed = false;
    for file in files {
        match crate::places::load::lieux_file(&mut store, file, &mut progress(file)) {
            Ok(summary) => {
                for line in &summary.rejected {
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

fn import_communes(cli: &Cli, file: &std::path::Path, force: bool) -> ExitCode {
    let mut store = match open_store(cli) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match crate::places::load::communes_file(&mut store, file, force) {
        Ok(Err(crate::places::load::Incomplete(why))) => {
            eprintln!("{why}");
            ExitCode::from(EXIT_CONFIG)
        }
        Ok(Ok(summary)) => {
            for line in &summary.rejected {
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

/// The store with the shipped data imported (as the kiosk does at start).
fn store_with_data(cli: &Cli) -> Result<(crate::kiosk::Config, Store, Clock), ExitCode> {
    let (config, mut store, clock) = open_all(cli)?;
    let now = clock.now().format("%Y-%m-%dT%H:%M").to_string();
    if let Err(e) = crate::places::load::shipped(&mut store, &config.dir, &now) {
        eprintln!("borne: {e}");
    }
    Ok((config, store, clock))
}

fn communes(cli: &Cli, command: &CommunesCommand) -> ExitCode {
    let CommunesCommand::Search { text, json } = command;
    let (_, mut store, _) = match store_with_data(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    let index = match store.place_index() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let found: Vec<&crate::domain::communes::Commune> = index
        .communes
        .search(text)
        .into_iter()
        .map(|i| index.communes.get(i))
        .collect();
    if *json {
        println!("{}", serde_json::to_string(&found).unwrap_or_default());
    } else if found.is_empty() {
        println!("no commune matches {text:?}");
    } else {
        for c in found {
            let today = index.communes.parent(c).filter(|_| c.is_old_name());
            match today {
                Some(p) => println!("{} {} → {} ({})", c.code_postal, c.nom, p.nom, p.code_insee),
                None => println!("{} {} ({})", c.code_postal, c.nom, c.code_insee),
            }
        }
    }
    ExitCode::SUCCESS
}

fn lieux(cli: &Cli, command: &LieuxCommand) -> ExitCode {
    use crate::domain::lieu::Filters;
    use crate::domain::{hours, nearest};
    let LieuxCommand::Near {
        place,
        service,
        limit,
        at,
        json,
    } = command;
    let (config, mut store, clock) = match store_with_data(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    let now = match at {
        Some(at) => match crate::clock::parse_local(at) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("borne lieux near: --at {at:?}: {e}");
                return ExitCode::from(EXIT_CONFIG);
            }
        },
        None => clock.now(),
    };
    let mut services = Vec::new();
    for s in service {
        match crate::vocabulary::lieux::Service::parse(s) {
            Ok(s) => services.push(s),
            Err(e) => {
                eprintln!("borne lieux near: --service {e}");
                return ExitCode::from(EXIT_CONFIG);
            }
        }
    }
    let index = match store.place_index() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let Some(first) = index.communes.search(place).first().copied() else {
        eprintln!("borne lieux near: no commune or postal code matches {place:?}");
        return ExitCode::from(EXIT_FAILURE);
    };
    let mut commune = index.communes.get(first).clone();
    if let Some(parent) = index
        .communes
        .parent(&commune)
        .filter(|_| commune.located().is_none())
    {
        commune = parent.clone();
    }
    let found = nearest::nearest(
        &index.points,
        &commune,
        &services,
        &Filters::default(),
        *limit,
    );
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let lieux = match store.lieux(&ids) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let tr = config.i18n.tr(&config.kiosk.default_locale);
    let kiosk = &config.kiosk.help_point.calendar;
    let state = |l: &crate::domain::lieu::Lieu| match l.open_state(kiosk, now).0 {
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
    };
    if *json {
        let all: Vec<_> = lieux
            .iter()
            .zip(&found)
            .map(|(l, (_, km))| {
                let (open, change) = state(l);
                serde_json::json!({
                    "id": l.id, "nom": l.display_name(), "commune": l.commune, "code_postal": l.code_postal,
                    "km": km.map(|k| (k * 10.0).round() / 10.0), "open": open, "next_change": change,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({ "commune": commune.nom, "code_postal": commune.code_postal, "lieux": all })
        );
    } else {
        println!("{} ({}):", commune.nom, commune.code_postal);
        for (l, (_, km)) in lieux.iter().zip(&found) {
            let distance = km.map_or("?".to_string(), |k| format!("{k:.1} km"));
            println!(
                "{distance:>9}  {} — {}",
                l.display_name(),
                crate::domain::lieu::calm_capitals(&l.commune)
            );
            println!(
                "           {}",
                crate::places::view::open_line(l, kiosk, now, &tr)
            );
        }
    }
    ExitCode::SUCCESS
}

fn export(cli: &Cli, command: &ExportCommand) -> ExitCode {
    use crate::counsellor::export;
    let (config, store, clock) = match open_all(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    match command {
        ExportCommand::Activites { from, to, format } => {
            let (from, to) =
                match parse_day(from, "--from").and_then(|f| day_range(None, Some(to), f, f)) {
                    Ok(range) => range,
                    Err(code) => return code,
                };
            match store.reports_between(from, to) {
                Ok(reports) => {
                    match format {
                        Format::Csv => print!("{}", export::activities_csv(&reports)),
                        Format::Json => println!("{}", export::activities_json(&reports)),
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("borne export activites: {e}");
                    ExitCode::from(EXIT_FAILURE)
                }
            }
        }
        ExportCommand::Agenda {
            counsellor,
            from,
            to,
        } => {
            let agenda = &config.agenda;
            let Some(c) = agenda
                .counsellors
                .iter()
                .find(|c| c.id == *counsellor || c.name.eq_ignore_ascii_case(counsellor))
            else {
                eprintln!(
                    "borne export agenda: no counsellor {counsellor:?} (counsellors: {})",
                    agenda
                        .counsellors
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return ExitCode::from(EXIT_CONFIG);
            };
            let today = clock.now().date();
            let (from, to) = match day_range(
                from.as_deref(),
                to.as_deref(),
                today,
                today + chrono::Duration::weeks(8),
            ) {
                Ok(range) => range,
                Err(code) => return code,
            };
            let tr = config.i18n.tr(&config.kiosk.default_locale);
            let appointments = match store.appointments_between(from, to) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("borne export agenda: {e}");
                    return ExitCode::from(EXIT_FAILURE);
                }
            };
            let mut events: Vec<export::Event> = appointments
                .iter()
                .filter_map(|a| match &a.what {
                    crate::store::What::Booking {
                        counsellor: who,
                        motif,
                    } if *who == c.id => {
                        let label = agenda
                            .motif_by_id(motif)
                            .map_or(motif.clone(), |m| tr.text(&agenda.motifs[m].label));
                        Some(export::Event {
                            uid: format!("{}@borne", a.code),
                            starts: a.starts,
                            ends: a.ends,
                            summary: format!(
                                "{} — {label}",
                                if a.person.first_name.is_empty() {
                                    "—"
                                } else {
                                    &a.person.first_name
                                }
                            ),
                            cancelled: a.status.cancelled(),
                        })
                    }
                    _ => None,
                })
                .collect();
            // The sessions as they stand: moved ones on their new day, cancelled ones marked so
            // that calendars which had them drop them.
            let sessions = match store.sessions(&agenda.planned_sessions(from, to), from, to) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("borne export agenda: {e}");
                    return ExitCode::from(EXIT_FAILURE);
                }
            };
            for s in &sessions {
                let Some(w) = agenda.session_workshop(s) else {
                    continue;
                };
                events.push(export::Event {
                    uid: format!("{}@borne", w.id),
                    starts: w.starts,
                    ends: w.ends,
                    summary: tr.text_with(
                        "counsellor-workshop-event",
                        &[("title", tr.text(&agenda.workshops[w.series].title).into())],
                    ),
                    cancelled: s.cancelled,
                });
            }
            events.sort_by_key(|e| e.starts);
            print!(
                "{}",
                export::ics(&events, clock.now(), &config.kiosk.help_point.calendar)
            );
            ExitCode::SUCCESS
        }
    }
}

fn purge(cli: &Cli) -> ExitCode {
    let (config, mut store, clock) = match open_all(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    match store.erase_personal_data(clock.now(), config.kiosk.retention_days) {
        Ok(n) => {
            println!(
                "{n} appointments erased (names, phones, e-mails, shared diagnostics, reminders, notes) — older than {} days",
                config.kiosk.retention_days
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne purge: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn stats(cli: &Cli, from: Option<&str>, to: Option<&str>, json: bool) -> ExitCode {
    let (config, store, clock) = match open_all(cli) {
        Ok(all) => all,
        Err(code) => return code,
    };
    let today = clock.now().date();
    let (from, to) = match day_range(from, to, today - chrono::Duration::weeks(4), today) {
        Ok(range) => range,
        Err(code) => return code,
    };
    match store.stats(from, to, &config.agenda.planned_sessions(from, to)) {
        Ok(s) if json => {
            println!("{}", serde_json::to_string(&s).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Ok(s) => {
            print!("{}", crate::counsellor::stats::text(&s));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne stats: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn kiosk(cli: &Cli) -> ExitCode {
    let config = match load_config(cli) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let clock = match Clock::from_env(config.kiosk.help_point.calendar) {
        Ok(clock) => clock,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("borne: the kiosk needs a terminal (see `borne --help` for the other commands)");
        return ExitCode::from(EXIT_FAILURE);
    }
    let path = match store::resolve_path(cli.db.as_deref(), config.kiosk.database.as_deref()) {
        Ok(path) => path,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    // Another kiosk or a backup may hold the database a while: wait for it, saying so, rather
    // than leave the help point without a kiosk.
    let mut told = false;
    let mut store = loop {
        match Store::open(&path) {
            Ok(store) => break store,
            Err(e) if e.contains("database is locked") || e.contains("database is busy") => {
                if !told {
                    eprintln!(
                        "borne: the database is busy (another program is writing to it); \
                         trying again every 2 seconds…"
                    );
                    tracing::warn!("database busy at start; waiting");
                    told = true;
                }
                // Another process holds the lock: there is nothing to wait on but time.
                std::thread::sleep(std::time::Duration::from_secs(2));
            }
            Err(e) => {
                eprintln!("borne: {e}");
                return ExitCode::from(EXIT_FAILURE);
            }
        }
    };
    // The shipped communes and lieux, when new or changed: a moment on first start only.
    let now = clock.now().format("%Y-%m-%dT%H:%M").to_string();
    if let Err(e) = crate::places::load::shipped(&mut store, &config.dir, &now) {
        eprintln!("borne: {e} (the lieux search may be incomplete)");
    }
    match crate::shell::run(config, store, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

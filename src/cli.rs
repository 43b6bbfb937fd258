//! The command line: the kiosk itself, and the tools for the help point's staff.
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::Clock;
use crate::config;
use crate::problem::{EXIT_CONFIG, EXIT_FAILURE, Problem};
use crate::store::{self, SqliteStore, StoreError, Stores};

#[derive(Parser)]
#[command(
    name = "borne",
    version,
    about = "Borne d'accueil pour les lieux de médiation numérique",
    long_about = "borne is a keyboard-driven terminal kiosk for digital-inclusion help points. \
                  Without a command it runs the kiosk."
)]
pub(crate) struct Cli {
    /// Configuration directory (default: $BORNE_CONFIG, else ./kiosk-config)
    #[arg(long, global = true, value_name = "DIR")]
    config: Option<PathBuf>,

    /// Database file (default: the configuration's, else $XDG_DATA_HOME/borne/borne.db), or
    /// a network's postgresql:// URL (`borne db migrate`)
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

/// The kiosk's own start: `Cli` without a command. Parsed first, without building every
/// command's arguments, which cost a seventh of the first frame on an old machine.
#[derive(Parser)]
#[command(name = "borne")]
struct KioskArgs {
    #[arg(long)]
    config: Option<PathBuf>,
    #[arg(long)]
    db: Option<PathBuf>,
}

#[derive(Subcommand)]
enum DbCommand {
    /// Create or upgrade the schema (a SQLite file, or a network's PostgreSQL database)
    Migrate,
    /// Let a PostgreSQL role log in as the kiosk of this configuration's help point (made if
    /// it does not exist; set its password with psql's \password)
    AddKiosk {
        /// The role's name, e.g. borne_mairie_gap
        role: String,
    },
}

#[derive(Subcommand)]
enum NetworkCommand {
    /// Every kiosk: running or silent for how long, version, last screen, printer, speech,
    /// lieux data, callback requests waiting, last error
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum AgendaCommand {
    /// Publish this help point's agenda.toml to the network's database, for its kiosks
    Publish {
        /// A counsellor of several help points whose PIN changed: take this agenda's PIN
        /// for them (then publish the others' with the same pin_hash)
        #[arg(long = "new-pin", value_name = "ID")]
        new_pins: Vec<String>,
    },
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
    /// The database's schema
    #[command(subcommand)]
    Db(DbCommand),
    /// Callback requests people left at the network's kiosks while it was down
    Callbacks,
    /// The help point's agenda on the network
    #[command(subcommand)]
    Agenda(AgendaCommand),
    /// The network's kiosks, as their heartbeats tell (for the network's owner)
    #[command(subcommand)]
    Network(NetworkCommand),
    /// The help point's queue ("Je suis là"): who waits, calls, outcomes, figures
    #[command(subcommand)]
    Queue(QueueCommand),
    /// The waiting room's calling screen: the tickets called, large, with their desk
    Display,
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

impl From<Format> for crate::counsellor::cli::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Csv => Self::Csv,
            Format::Json => Self::Json,
        }
    }
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
    /// Update the lieux from the national feed (kiosk.toml's [lieux] update_url, else the
    /// national dataset), checked before anything is replaced; with --db postgresql://… for
    /// the whole network
    Update {
        /// Another address (https://…) or a file
        #[arg(long, value_name = "URL|FILE")]
        from: Option<String>,
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
enum QueueCommand {
    /// Today's queue as the counsellor sees it: called, then waiting in the order called
    List {
        #[arg(long)]
        json: bool,
    },
    /// A walk-in's ticket, as the kiosk gives it
    Take {
        /// The motif's id in agenda.toml
        #[arg(long)]
        motif: String,
        #[arg(long)]
        first_name: Option<String>,
        /// The language the person speaks (a locale tag)
        #[arg(long, default_value = "fr")]
        locale: String,
        #[arg(long)]
        json: bool,
    },
    /// Call the next person (or a ticket) to the counsellor's desk
    Call {
        /// A ticket of today, e.g. A-012 (default: the next in order)
        #[arg(long)]
        ticket: Option<String>,
        /// The counsellor's id
        #[arg(long)]
        counsellor: String,
        #[arg(long)]
        json: bool,
    },
    /// The outcome of a call: served ("pris en charge"), absent or redirected
    Done {
        #[arg(long)]
        ticket: String,
        #[arg(long)]
        counsellor: String,
        #[arg(long)]
        outcome: String,
    },
    /// People helped without appointment and waits (median, 90th percentile), per day
    Stats {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
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
    let cli = match KioskArgs::try_parse() {
        Ok(args) => {
            // The kiosk ignores Ctrl+C, Ctrl+\ and Ctrl+Z from its very first moment: before
            // the terminal is raw they arrive as signals.
            crate::shell::ignore_interrupts();
            Cli {
                config: args.config,
                db: args.db,
                command: None,
            }
        }
        // A command, --help, --version, a mistake: the whole command line says it.
        Err(_) => Cli::parse(),
    };
    crate::log::init();
    // A command whose output is cut short (`| head`) stops quietly, as Unix tools do. Not
    // the kiosk nor the outbox: they write to programs of their own, which may not read.
    if !matches!(cli.command, None | Some(Command::Outbox(_))) {
        crate::shell::quiet_broken_pipe();
    }
    match cli.command {
        Some(ref command) => run(&cli, command).unwrap_or_else(|code| code),
        None => kiosk(&cli),
    }
}

/// A staff command: what it needs opened, then its capability's own code (one function a
/// command below).
fn run(cli: &Cli, command: &Command) -> Result<ExitCode, ExitCode> {
    Ok(match command {
        Command::HashPin => crate::staff::cli::hash_pin(),
        Command::CheckConfig => check_config(cli),
        Command::Diagnostic(command) => diagnostic(cli, command)?,
        Command::Booking(command) => booking(cli, command)?,
        Command::Callbacks => callbacks(cli)?,
        Command::Outbox(command) => outbox(cli, command)?,
        Command::ImportLieux { files } => import_lieux(cli, files)?,
        Command::ImportCommunes { file, force } => {
            crate::places::cli::import_communes(&mut open_store(cli)?, file, *force)
        }
        Command::Communes(CommunesCommand::Search { text, json }) => {
            communes_search(cli, text, *json)?
        }
        Command::Lieux(LieuxCommand::Near {
            place,
            service,
            limit,
            at,
            json,
        }) => lieux_near(cli, place, service, *limit, at.as_deref(), *json)?,
        Command::Lieux(LieuxCommand::Update { from }) => lieux_update(cli, from.as_deref())?,
        Command::Export(ExportCommand::Activites { from, to, format }) => {
            export_activities(cli, from, to, *format)?
        }
        Command::Export(ExportCommand::Agenda {
            counsellor: who,
            from,
            to,
        }) => export_agenda(cli, who, from.as_deref(), to.as_deref())?,
        Command::Db(DbCommand::Migrate) => db_migrate(cli),
        Command::Db(DbCommand::AddKiosk { role }) => add_kiosk(cli, role)?,
        Command::Network(NetworkCommand::Status { json }) => network_status(cli, *json)?,
        Command::Agenda(AgendaCommand::Publish { new_pins }) => agenda_publish(cli, new_pins)?,
        Command::Purge => purge(cli)?,
        Command::Display => display(cli)?,
        Command::Queue(command) => queue(cli, command)?,
        Command::Stats { from, to, json } => stats(cli, from.as_deref(), to.as_deref(), *json)?,
    })
}

/// `borne diagnostic explain|paths`.
fn diagnostic(cli: &Cli, command: &DiagnosticCommand) -> Result<ExitCode, ExitCode> {
    let diagnostic = &load_config(cli)?.diagnostic;
    Ok(match command {
        DiagnosticCommand::Explain { answers, json } => {
            crate::diagnostic::cli::explain(diagnostic, answers, *json)
        }
        DiagnosticCommand::Paths { json } => crate::diagnostic::cli::paths(diagnostic, *json),
    })
}

/// `borne booking create|list|cancel`.
fn booking(cli: &Cli, command: &BookingCommand) -> Result<ExitCode, ExitCode> {
    use crate::booking::cli as booking;
    use crate::counsellor::cli as counsellor;
    let (config, mut stores, clock) = open_all(cli)?;
    let store = agenda_of(&mut stores)?;
    let now = clock.now();
    Ok(match command {
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
                return Err(ExitCode::from(EXIT_CONFIG));
            };
            let args = booking::CreateArgs {
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
            booking::create_command(&config.agenda, store, &args, *json, now, &tr, &config.kiosk)
        }
        BookingCommand::List { from, to, json } => {
            let (first, last) = booking::default_range(now);
            let range = day_range(from.as_deref(), to.as_deref(), first, last)?;
            let listed = booking::list(store, range.0, range.1, *json);
            if *json || listed != ExitCode::SUCCESS {
                return Ok(listed);
            }
            // The same figures as `borne stats` and the statistics screen.
            counsellor::stats(
                store,
                &config.agenda,
                &config.i18n.tr(crate::i18n::REFERENCE_LOCALE),
                range,
                false,
                true,
            )
        }
        BookingCommand::Cancel {
            code,
            by_service,
            reason,
            json,
        } => {
            let by_service = by_service.then(|| reason.clone());
            booking::cancel(store, code, by_service, *json, now)
        }
    })
}

/// `borne callbacks`: the requests the network holds.
fn callbacks(cli: &Cli) -> Result<ExitCode, ExitCode> {
    let (_, mut stores, _) = open_all(cli)?;
    match stores.callbacks() {
        Ok(received) => Ok(crate::booking::cli::callbacks(&received)),
        Err(e) => {
            eprintln!("borne callbacks: {e}");
            Err(ExitCode::from(EXIT_FAILURE))
        }
    }
}

/// `borne outbox send|status`.
fn outbox(cli: &Cli, command: &OutboxCommand) -> Result<ExitCode, ExitCode> {
    use crate::booking::cli as booking;
    let (config, mut stores, clock) = open_all(cli)?;
    let store = agenda_of(&mut stores)?;
    Ok(match command {
        OutboxCommand::Send => booking::outbox_send(store, &config.kiosk, clock.now()),
        OutboxCommand::Status => booking::outbox_status(store),
    })
}

/// `borne import-lieux FILES`.
fn import_lieux(cli: &Cli, files: &[PathBuf]) -> Result<ExitCode, ExitCode> {
    // The day a date of the files may not pass: the help point's when its
    // configuration loads (BORNE_NOW too), mainland France's otherwise.
    let calendar = crate::kiosk::load(&config::resolve_dir(cli.config.as_deref())).map_or_else(
        |_| crate::calendar::Calendar::of_postal_code("75001"),
        |c| c.kiosk.help_point.calendar,
    );
    let today = Clock::from_env(calendar).map_err(|e| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_CONFIG)
    })?;
    Ok(crate::places::cli::import_lieux(
        &mut open_store(cli)?,
        files,
        today.now().date(),
    ))
}

/// `borne communes search TEXT`.
fn communes_search(cli: &Cli, text: &str, json: bool) -> Result<ExitCode, ExitCode> {
    let (config, mut store, _) = store_with_data(cli)?;
    Ok(crate::places::cli::search_communes(
        &mut store,
        &config.kiosk.help_point,
        text,
        json,
    ))
}

/// `borne lieux near PLACE`.
fn lieux_near(
    cli: &Cli,
    place: &str,
    services: &[String],
    limit: usize,
    at: Option<&str>,
    json: bool,
) -> Result<ExitCode, ExitCode> {
    let (config, mut store, clock) = store_with_data(cli)?;
    let now = match at {
        Some(at) => crate::clock::parse_local(at).map_err(|e| {
            eprintln!("borne lieux near: --at {at:?}: {e}");
            ExitCode::from(EXIT_CONFIG)
        })?,
        None => clock.now(),
    };
    let args = crate::places::cli::NearArgs {
        place,
        services,
        limit,
        json,
    };
    let tr = config.i18n.tr(&config.kiosk.default_locale);
    Ok(crate::places::cli::near(
        &mut store,
        &args,
        &config.kiosk.help_point.calendar,
        &tr,
        now,
    ))
}

/// `borne export activites`.
fn export_activities(
    cli: &Cli,
    from: &str,
    to: &str,
    format: Format,
) -> Result<ExitCode, ExitCode> {
    let from = parse_day(from, "--from")?;
    let range = day_range(None, Some(to), from, from)?;
    let (config, mut stores, _) = open_all(cli)?;
    let origin = crate::counsellor::export::Origin::of(&config.kiosk, &config.agenda);
    Ok(crate::counsellor::cli::export_activities(
        agenda_of(&mut stores)?,
        &origin,
        range,
        format.into(),
    ))
}

/// `borne export agenda`.
fn export_agenda(
    cli: &Cli,
    who: &str,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<ExitCode, ExitCode> {
    let (config, mut stores, clock) = open_all(cli)?;
    let today = clock.now().date();
    let weeks = today + chrono::Duration::weeks(8);
    let range = day_range(from, to, today, weeks)?;
    let tr = config.i18n.tr(&config.kiosk.default_locale);
    Ok(crate::counsellor::cli::export_agenda(
        agenda_of(&mut stores)?,
        &config.agenda,
        who,
        range,
        &tr,
        &config.kiosk.help_point.calendar,
        clock.now(),
    ))
}

/// `borne db add-kiosk ROLE`.
fn add_kiosk(cli: &Cli, role: &str) -> Result<ExitCode, ExitCode> {
    let (config, mut owner) = network_owner(cli, "db add-kiosk")?;
    Ok(crate::booking::cli::add_kiosk(
        &mut owner,
        role,
        &config.kiosk.help_point.name,
    ))
}

/// `borne network status`.
fn network_status(cli: &Cli, json: bool) -> Result<ExitCode, ExitCode> {
    let (config, mut owner) = network_owner(cli, "network status")?;
    let tr = config.i18n.tr(&config.kiosk.default_locale);
    Ok(crate::staff::network::status(&mut owner, &tr, json))
}

/// `borne agenda publish`.
fn agenda_publish(cli: &Cli, new_pins: &[String]) -> Result<ExitCode, ExitCode> {
    let (config, mut owner) = network_owner(cli, "agenda publish")?;
    Ok(crate::booking::cli::publish(
        &mut owner,
        &config.dir,
        &config.kiosk.help_point.name,
        &config.agenda,
        new_pins,
    ))
}

/// `borne purge`: personal data past the retention erased.
fn purge(cli: &Cli) -> Result<ExitCode, ExitCode> {
    let (config, mut stores, clock) = open_all(cli)?;
    Ok(crate::counsellor::cli::purge(
        agenda_of(&mut stores)?,
        clock.now(),
        config.kiosk.retention_days,
    ))
}

/// `borne queue list|take|call|done|stats`.
fn queue(cli: &Cli, command: &QueueCommand) -> Result<ExitCode, ExitCode> {
    use crate::queue::cli as queue;
    let (config, mut stores, clock) = open_all(cli)?;
    let store = agenda_of(&mut stores)?;
    let now = clock.now();
    let tr = config.i18n.tr(&config.kiosk.default_locale);
    Ok(match command {
        QueueCommand::List { json } => queue::list(store, &config.agenda, &tr, now, *json),
        QueueCommand::Take {
            motif,
            first_name,
            locale,
            json,
        } => queue::take(
            store,
            &config.agenda,
            (motif, first_name.as_deref(), locale),
            now,
            *json,
        ),
        QueueCommand::Call {
            ticket,
            counsellor,
            json,
        } => queue::call(
            store,
            &config.agenda,
            counsellor,
            ticket.as_deref(),
            now,
            *json,
        ),
        QueueCommand::Done {
            ticket,
            counsellor,
            outcome,
        } => queue::done(store, counsellor, ticket, outcome, now),
        QueueCommand::Stats { from, to, json } => {
            let today = now.date();
            let range = day_range(from.as_deref(), to.as_deref(), today, today)?;
            queue::stats(store, range, *json)
        }
    })
}

/// `borne stats`: the last four weeks by default.
fn stats(
    cli: &Cli,
    from: Option<&str>,
    to: Option<&str>,
    json: bool,
) -> Result<ExitCode, ExitCode> {
    let (config, mut stores, clock) = open_all(cli)?;
    let today = clock.now().date();
    let four_weeks_ago = today - chrono::Duration::weeks(4);
    let range = day_range(from, to, four_weeks_ago, today)?;
    Ok(crate::counsellor::cli::stats(
        agenda_of(&mut stores)?,
        &config.agenda,
        &config.i18n.tr(crate::i18n::REFERENCE_LOCALE),
        range,
        json,
        false,
    ))
}

fn print_problems(problems: &[Problem]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    ExitCode::from(EXIT_CONFIG)
}

/// `borne lieux update`: into the help point's own file, or, when the database is a network's,
/// into the network's database for its kiosks.
fn lieux_update(cli: &Cli, from: Option<&str>) -> Result<ExitCode, ExitCode> {
    let config = load_config(cli)?;
    let feed = &config.kiosk.lieux;
    let source = match from {
        Some(given) if given.contains("://") => crate::places::update::Source::Url {
            url: given.to_string(),
            token: feed.token.clone(),
        },
        Some(file) => crate::places::update::Source::File(PathBuf::from(file)),
        None => crate::places::update::Source::Url {
            url: feed.url.clone(),
            token: feed.token.clone(),
        },
    };
    let tr = config.i18n.tr(&config.kiosk.default_locale);
    let network = chosen_database(cli, config.kiosk.database.as_deref())
        .is_some_and(|db| crate::database_url::is_url(&db));
    if network {
        let (_, mut owner) = network_owner(cli, "lieux update")?;
        let clock = Clock::from_env(config.kiosk.help_point.calendar).map_err(|e| {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_CONFIG)
        })?;
        return Ok(crate::places::cli::update_network(
            &mut owner,
            &source,
            clock.now(),
            &tr,
        ));
    }
    let (config, stores, clock) = open_all(cli)?;
    let mut store = stores.local;
    Ok(crate::places::cli::update(
        &mut store,
        &source,
        &config.i18n.tr(&config.kiosk.default_locale),
        clock.now(),
    ))
}

/// `borne db migrate`: one line saying what the schema was and is, or why it cannot be.
fn db_migrate(cli: &Cli) -> ExitCode {
    let db = cli.db.as_deref().map(|p| p.to_string_lossy().into_owned());
    let result = match db.as_deref() {
        Some(url) if store::postgres::is_url(url) => {
            store::postgres::PgStore::migrate(url).map(|found| (store::postgres::shown(url), found))
        }
        _ => database_path(cli).and_then(|path| {
            let store = SqliteStore::open(&path)?;
            Ok((
                path.display().to_string(),
                (store.schema_found(), store.schema_version()?),
            ))
        }),
    };
    match result {
        Ok((name, (found, now))) if found == now => {
            println!("{name}: schema up to date (version {now})");
            ExitCode::SUCCESS
        }
        Ok((name, (0, now))) => {
            println!("{name}: schema created (version {now})");
            ExitCode::SUCCESS
        }
        Ok((name, (found, now))) => {
            println!("{name}: schema upgraded from version {found} to {now}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn check_config(cli: &Cli) -> ExitCode {
    let dir = config::resolve_dir(cli.config.as_deref());
    match crate::kiosk::load(&dir).map_err(|problems| print_problems(&problems)) {
        Ok(config) => {
            // The help point's words, checked already: still nothing from a file may drive
            // the terminal.
            println!("{}", crate::problem::printable(&config.summary()));
            // What F2 gives where the kiosk will run, so the help point can pick another
            // terminal (run it there).
            println!("{}", crate::shell::font::describe(&config.kiosk));
            println!(
                "{}",
                crate::problem::printable(&crate::shell::printer::describe(&config.kiosk))
            );
            old_lieux(cli, &config);
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// check-config's warning when the help point's lieux are more than 30 days old (a feed that
/// stopped, an update that fails): its file, if it has one yet, is read, never made.
fn old_lieux(cli: &Cli, config: &crate::kiosk::Config) {
    let Ok(path) = local_path(cli, config.kiosk.database.as_deref()) else {
        return;
    };
    if !path.is_file() {
        return;
    }
    let Ok(clock) = Clock::from_env(config.kiosk.help_point.calendar) else {
        return;
    };
    let today = clock.now().date();
    let Ok(Some(date)) = SqliteStore::open(&path)
        .map_err(String::from)
        .and_then(|store| store.lieux_date(today))
    else {
        return;
    };
    let days = (today - date).num_days();
    if days > crate::domain::lieu::DATA_OLD_AFTER_DAYS {
        eprintln!(
            "warning: {}: the newest lieux data dates from {date}, {days} days ago: run `borne lieux update` (the kiosk updates daily with [lieux] update_url)",
            path.display()
        );
    }
}

fn load_config(cli: &Cli) -> Result<crate::kiosk::Config, ExitCode> {
    let dir = config::resolve_dir(cli.config.as_deref());
    crate::kiosk::load(&dir).map_err(|problems| print_problems(&problems))
}

/// The configuration, the stores and the clock, for the staff commands.
fn open_all(cli: &Cli) -> Result<(crate::kiosk::Config, Stores, Clock), ExitCode> {
    let config = load_config(cli)?;
    let clock = Clock::from_env(config.kiosk.help_point.calendar).map_err(|e| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_CONFIG)
    })?;
    let failed = |e: String| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_FAILURE)
    };
    let local = local_path(cli, config.kiosk.database.as_deref())
        .and_then(|path| SqliteStore::open(&path).map_err(String::from))
        .map_err(failed)?;
    let mut stores = match network(cli, &config).map_err(failed)? {
        Some(network) => Stores::in_network(local, network),
        None => Stores::alone(local),
    };
    let config = with_network_agenda(config, &mut stores, &mut |line| eprintln!("{line}"));
    Ok((config, stores, clock))
}

/// The configuration and the network's database as its owner reaches it, for the commands
/// that shape the network (`--db` must be its URL).
fn network_owner(
    cli: &Cli,
    command: &str,
) -> Result<(crate::kiosk::Config, store::postgres::PgStore), ExitCode> {
    let config = load_config(cli)?;
    let failed = |e: String| {
        eprintln!("borne {command}: {e}");
        ExitCode::from(EXIT_FAILURE)
    };
    let url = chosen_database(cli, config.kiosk.database.as_deref())
        .filter(|db| crate::database_url::is_url(db))
        .ok_or_else(|| failed("give the network's database (--db postgresql://…)".into()))?;
    let id = config.kiosk.help_point.id.clone().ok_or_else(|| {
        failed(format!(
            "{}: kiosk.toml has no [help_point] id: the network knows a help point by it",
            config.dir.join("kiosk.toml").display()
        ))
    })?;
    let owner = store::postgres::PgStore::open(&url, &id, config.kiosk.help_point.calendar)
        .map_err(failed)?;
    Ok((config, owner))
}

/// The configuration with the agenda the network published for this help point, when it is
/// a network's kiosk and one was published (or kept from the last time); else as loaded. A
/// published agenda this kiosk cannot read is said, and the directory's stands.
fn with_network_agenda(
    mut config: crate::kiosk::Config,
    stores: &mut Stores,
    say: &mut dyn FnMut(String),
) -> crate::kiosk::Config {
    let (document, source) = match stores.published_agenda() {
        None => return config,
        Some(store::Published::Fetched(d)) => (d, "the agenda published on the network"),
        Some(store::Published::Kept(d)) => (
            d,
            "the agenda published on the network (the copy kept on this kiosk)",
        ),
    };
    let label = PathBuf::from(format!(
        "{source}, help point {}",
        config.kiosk.help_point.id.as_deref().unwrap_or_default()
    ));
    if let Err(problems) = config.with_published_agenda(&label, &document) {
        for problem in problems {
            say(problem.to_string());
        }
        say(format!(
            "borne: {} stands instead",
            config.dir.join(crate::booking::agenda::FILE_NAME).display()
        ));
        tracing::error!("the published agenda was refused; the local agenda.toml stands");
    }
    config
}

/// The agenda's store, or the reason it cannot be reached, said once.
fn agenda_of(stores: &mut Stores) -> Result<&mut dyn crate::store::AgendaStore, ExitCode> {
    stores.agenda().map_err(|e| {
        eprintln!("borne: {e}");
        ExitCode::from(EXIT_FAILURE)
    })
}

/// The agenda's database as chosen: `--db`, else `[data] database`.
fn chosen_database(cli: &Cli, configured: Option<&Path>) -> Option<String> {
    cli.db
        .as_deref()
        .or(configured)
        .map(|p| p.to_string_lossy().into_owned())
}

/// The help point's own SQLite file: the chosen database, or the default path when the
/// agenda is on a network's PostgreSQL (the lieux and communes stay on the kiosk).
fn local_path(cli: &Cli, configured: Option<&Path>) -> Result<PathBuf, String> {
    match chosen_database(cli, configured) {
        Some(db) if crate::database_url::is_url(&db) => store::resolve_path(None, None),
        _ => store::resolve_path(cli.db.as_deref(), configured),
    }
}

/// The network's agenda, when the chosen database is a PostgreSQL URL (connected at its
/// first use).
fn network(cli: &Cli, config: &crate::kiosk::Config) -> Result<Option<store::Network>, String> {
    let Some(url) = chosen_database(cli, config.kiosk.database.as_deref())
        .filter(|db| crate::database_url::is_url(db))
    else {
        return Ok(None);
    };
    let help_point = &config.kiosk.help_point;
    let id = help_point.id.as_deref().ok_or_else(|| {
        format!(
            "database {}: a network's database needs this kiosk's [help_point] id in kiosk.toml",
            crate::database_url::shown(&url)
        )
    })?;
    Ok(Some(store::Network::new(
        &url,
        id,
        &help_point.name,
        help_point.calendar,
    )))
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

/// The database for data commands: from --db, the configuration if it loads, or the default.
fn open_store(cli: &Cli) -> Result<SqliteStore, ExitCode> {
    database_path(cli)
        .and_then(|path| SqliteStore::open(&path).map_err(String::from))
        .map_err(|e| {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_FAILURE)
        })
}

/// The help point's own file: from --db, the configuration if it loads, or the default.
fn database_path(cli: &Cli) -> Result<PathBuf, String> {
    let dir = config::resolve_dir(cli.config.as_deref());
    let configured = crate::kiosk::load(&dir)
        .ok()
        .and_then(|c| c.kiosk.database.clone());
    local_path(cli, configured.as_deref())
}

/// The help point's own file with the shipped data imported (as the kiosk does at start).
fn store_with_data(cli: &Cli) -> Result<(crate::kiosk::Config, SqliteStore, Clock), ExitCode> {
    // The network, if any, is only connected when its agenda is asked for: never here.
    let (config, stores, clock) = open_all(cli)?;
    let mut store = stores.local;
    let now = clock.now().format("%Y-%m-%dT%H:%M").to_string();
    if let Err(e) = crate::places::load::shipped(&mut store, &config.dir, &now, &mut |_, _, _| {}) {
        eprintln!("borne: {e}");
    }
    Ok((config, store, clock))
}

/// `borne display`: the calling screen, on the kiosk's stores.
fn display(cli: &Cli) -> Result<ExitCode, ExitCode> {
    if !std::io::stdout().is_terminal() {
        eprintln!("borne display: the calling screen needs a terminal");
        return Err(ExitCode::from(EXIT_FAILURE));
    }
    let (config, stores, clock) = open_all(cli)?;
    Ok(match crate::shell::display::run(config, stores, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("borne display: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    })
}

fn kiosk(cli: &Cli) -> ExitCode {
    let dir = config::resolve_dir(cli.config.as_deref());
    // The welcome is drawn from `kiosk.toml` and its own words; the rest of the directory is
    // read once it shows. A problem found now is said with every other one, as check-config
    // says them.
    let (first, mut whole) = match crate::kiosk::load_for_first_frame(&dir) {
        Ok(first) => (first, None),
        Err(_) => match crate::kiosk::load(&dir) {
            Ok(config) => (config.clone(), Some(config)),
            Err(problems) => return print_problems(&problems),
        },
    };
    let clock = match Clock::from_env(first.kiosk.help_point.calendar) {
        Ok(clock) => clock,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    if !std::io::stdout().is_terminal() {
        // No screen to draw on: the directory's problems are said all the same.
        if whole.is_none()
            && let Err(problems) = crate::kiosk::load_rest(&dir, first.kiosk.clone())
        {
            return print_problems(&problems);
        }
        eprintln!("borne: the kiosk needs a terminal (see `borne --help` for the other commands)");
        return ExitCode::from(EXIT_FAILURE);
    }
    let path = match local_path(cli, first.kiosk.database.as_deref()) {
        Ok(path) => path,
        Err(e) => return failed(e),
    };
    // The first start makes the database and imports the shipped data before the welcome,
    // saying so on the terminal; every later start opens it behind the welcome.
    let made = match open_on_first_start(&path, &dir, &clock) {
        Ok(made) => made,
        Err(e) => return failed(e),
    };
    let kiosk_toml = first.kiosk.clone();
    let mut welcome = crate::kiosk::app(std::rc::Rc::new(first), clock.now());
    let mut screen = match crate::shell::Screen::open(&mut welcome, clock.now()) {
        Ok(screen) => screen,
        Err(e) => return failed(e),
    };
    let opened = made.map_or_else(
        || open_behind_welcome(&path, &dir, &clock, &mut screen, &mut welcome),
        Ok,
    );
    let store = match opened {
        Ok(store) => store,
        Err(e) => {
            screen.close();
            return failed(e);
        }
    };
    drop(welcome);
    let config = match whole
        .take()
        .map_or_else(|| crate::kiosk::load_rest(&dir, kiosk_toml), Ok)
    {
        Ok(config) => config,
        Err(problems) => {
            screen.close();
            return print_problems(&problems);
        }
    };
    let (config, stores) = match with_network(cli, config, store) {
        Ok(ready) => ready,
        Err(e) => {
            screen.close();
            return failed(e);
        }
    };
    match crate::shell::run(screen, config, stores, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failed(e),
    }
}

/// The kiosk could not start or go on: why, said on the terminal.
fn failed(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("borne: {e}");
    ExitCode::from(EXIT_FAILURE)
}

/// On the first start (no database file yet): the database made and the shipped communes and
/// lieux imported, a moment said on the terminal.
fn open_on_first_start(
    path: &std::path::Path,
    dir: &std::path::Path,
    clock: &Clock,
) -> Result<Option<SqliteStore>, String> {
    if path.exists() {
        return Ok(None);
    }
    let mut store = open_kiosk_database(path, &mut || {
        eprintln!(
            "borne: the database is busy (another program is writing to it); \
             trying again every 2 seconds…"
        );
    })?;
    import_shipped(&mut store, dir, clock);
    Ok(Some(store))
}

/// The kiosk's own database, opened while the welcome shows: when another program holds it
/// a while (a backup), the welcome stays and the keys wait with it. Shipped data an earlier
/// start did not finish importing is imported with the terminal given back meanwhile, to say
/// so.
fn open_behind_welcome(
    path: &std::path::Path,
    dir: &std::path::Path,
    clock: &Clock,
    screen: &mut crate::shell::Screen,
    welcome: &mut crate::app::App,
) -> Result<SqliteStore, String> {
    let mut store = open_kiosk_database(path, &mut || {
        tracing::warn!("database busy at start; the welcome waits for it");
    })?;
    if !store.has_imported().unwrap_or(false) {
        let import = &mut || import_shipped(&mut store, dir, clock);
        if let Err(e) = screen.aside(welcome, clock.now(), import) {
            tracing::error!(error = %e, "the terminal was not taken back");
        }
    }
    Ok(store)
}

/// The kiosk's own database. Another kiosk or a backup may hold it a while: waited for,
/// `busy` saying so once, rather than leave the help point without a kiosk. Its integrity is
/// checked by the worker once the welcome is on the screen.
fn open_kiosk_database(
    path: &std::path::Path,
    busy: &mut dyn FnMut(),
) -> Result<SqliteStore, String> {
    let mut told = false;
    loop {
        match SqliteStore::open_unchecked(path) {
            Ok(store) => return Ok(store),
            Err(StoreError::Busy(_)) => {
                if !told {
                    busy();
                    told = true;
                }
                // Another process holds the lock: there is nothing to wait on but time.
                std::thread::sleep(std::time::Duration::from_secs(2));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// The shipped communes and lieux, on the first start (a moment, said on the terminal: half
/// a second on a recent machine, more on an old one). A file changed since is imported by
/// the worker once the welcome is shown (`Job::Prepare`): the check itself need not delay it.
fn import_shipped(store: &mut SqliteStore, dir: &std::path::Path, clock: &Clock) {
    let now = clock.now().format("%Y-%m-%dT%H:%M").to_string();
    let on_terminal = std::io::stderr().is_terminal();
    let mut progress = |file: &std::path::Path, done: usize, count: usize| {
        if on_terminal {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            eprint!("\r\x1b[Kborne: importing the communes and lieux, {done}/{count}: {name}");
        }
    };
    let imported = crate::places::load::shipped(store, dir, &now, &mut progress);
    if on_terminal {
        eprint!("\r\x1b[K");
    }
    if let Err(e) = imported {
        eprintln!("borne: {e} (the lieux search may be incomplete)");
    }
}

/// The kiosk's stores, the network's with its own when it belongs to one, and the agenda the
/// network published for it. A published agenda refused is logged: the terminal is the
/// kiosk's screen by now.
fn with_network(
    cli: &Cli,
    config: crate::kiosk::Config,
    local: SqliteStore,
) -> Result<(crate::kiosk::Config, Stores), String> {
    let mut stores = match network(cli, &config)? {
        Some(network) => Stores::in_network(local, network),
        None => Stores::alone(local),
    };
    let config = with_network_agenda(config, &mut stores, &mut |problem| {
        tracing::error!("{problem}");
    });
    Ok((config, stores))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kiosk_s_own_arguments_read_as_the_whole_command_line_reads_them() {
        for argv in [
            vec!["borne"],
            vec!["borne", "--config", "kiosk-config"],
            vec!["borne", "--db=/var/lib/borne/borne.db", "--config", "x"],
            vec!["borne", "--config", "check-config"],
        ] {
            let kiosk = KioskArgs::try_parse_from(&argv).expect("the kiosk's start");
            let whole = Cli::try_parse_from(&argv).unwrap();
            assert!(whole.command.is_none(), "{argv:?}");
            assert_eq!(
                (kiosk.config, kiosk.db),
                (whole.config, whole.db),
                "{argv:?}"
            );
        }
        // Everything else is the whole command line's: a command, its help, a mistake.
        for argv in [
            vec!["borne", "check-config"],
            vec!["borne", "--config", "x", "booking", "list"],
            vec!["borne", "--help"],
            vec!["borne", "--version"],
            vec!["borne", "--config"],
            vec!["borne", "--colour"],
        ] {
            assert!(KioskArgs::try_parse_from(&argv).is_err(), "{argv:?}");
        }
    }
}

//! The command line: the kiosk itself, and the tools for the help point's staff.
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::Clock;
use crate::config;
use crate::problem::Problem;
use crate::staff::pin;
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
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::HashPin) => hash_pin(),
        Some(Command::CheckConfig) => check_config(&cli),
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
    let dir = config::resolve_dir(cli.config.as_deref());
    match config::load(&dir) {
        Ok(config) => {
            println!("{}", config.summary());
            ExitCode::SUCCESS
        }
        Err(problems) => print_problems(&problems),
    }
}

fn kiosk(cli: &Cli) -> ExitCode {
    let dir = config::resolve_dir(cli.config.as_deref());
    let config = match config::load(&dir) {
        Ok(config) => config,
        Err(problems) => return print_problems(&problems),
    };
    let clock = match Clock::from_env() {
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
    let opened = store::resolve_path(cli.db.as_deref(), config.kiosk.database.as_deref())
        .and_then(|path| Store::open(&path));
    let store = match opened {
        Ok(store) => store,
        Err(e) => {
            eprintln!("borne: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    match crate::shell::run(config, store, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("borne: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

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
    /// Check the needs questionnaire: outcomes of answers, every path
    #[command(subcommand)]
    Diagnostic(DiagnosticCommand),
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
    let cli = Cli::parse();
    match cli.command {
        Some(Command::HashPin) => hash_pin(),
        Some(Command::CheckConfig) => check_config(&cli),
        Some(Command::Diagnostic(ref command)) => diagnostic(&cli, command),
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

fn load_config(cli: &Cli) -> Result<config::Config, ExitCode> {
    let dir = config::resolve_dir(cli.config.as_deref());
    config::load(&dir).map_err(|problems| print_problems(&problems))
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

fn kiosk(cli: &Cli) -> ExitCode {
    let config = match load_config(cli) {
        Ok(config) => config,
        Err(code) => return code,
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

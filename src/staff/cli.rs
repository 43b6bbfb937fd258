//! `borne hash-pin`: what a help point writes in its configuration instead of a PIN.
use std::io::BufRead;
use std::process::ExitCode;

use crate::domain::pin;
use crate::problem::EXIT_FAILURE;

/// `borne hash-pin`: the argon2id hash of the PIN read on standard input, for kiosk.toml and
/// agenda.toml.
pub(crate) fn hash_pin() -> ExitCode {
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

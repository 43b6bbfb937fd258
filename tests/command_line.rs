//! The `borne` command line: staff, counsellor and lieux commands, config checks.
//! One test binary for these files (each was its own: linking 34 of them
//! dominated the suite's build). Run one file's tests with
//! `cargo test --test command_line FILE::`.

mod pty;

mod booking_cli;
mod cli;
mod config_corpus;
mod counsellor_cli;
mod counsellor_workshops;
mod lieux_cli;
mod queue_cli;

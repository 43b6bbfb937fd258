//! Screens, speech and the house rules: snapshots, every screen whole, message ids, layers.
//! One test binary for these files (each was its own: linking 34 of them
//! dominated the suite's build). Run one file's tests with
//! `cargo test --test rendering FILE::`.

mod every_screen;
mod every_test_runs;
mod layers;
mod message_ids;
mod said;
mod screens;

//! The stores: SQLite and a real PostgreSQL, the network, its attacks and failover.
//! One test binary for these files (each was its own: linking 34 of them
//! dominated the suite's build). Run one file's tests with
//! `cargo test --test stores FILE::`.

mod national;
mod pg;
mod pty;

mod agenda_suite;
mod booking_concurrency;
mod failover;
mod lieux_update;
mod network_health;
mod postgres;
mod queue_suite;

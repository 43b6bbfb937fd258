//! The kiosk driven in a pseudo-terminal (and a real xterm, a VM) as people use it.
//! One test binary for these files (each was its own: linking 34 of them
//! dominated the suite's build). Run one file's tests with
//! `cargo test --test terminal FILE::`.

mod pty;

mod blind_pty;
mod booking_pty;
mod clock_pty;
mod console_vm;
mod counsellor_pty;
mod database_pty;
mod diagnostic_pty;
mod input_pty;
mod kiosk_pty;
mod large_text_x11;
mod lieux_pty;
mod queue_pty;
mod speech_dispatcher_pty;
mod speech_pty;
mod watchdog_pty;

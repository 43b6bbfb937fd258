//! The national feed's update, as a kiosk takes it: `borne lieux update` from a local HTTP
//! server (tiny_http) of a generated national CSV of 18,000 realistic lieux (the standard's 32
//! columns, over the real communes), into a kiosk's file that already holds the communes and
//! the shipped lieux. Prints the time and the peak resident memory of the update alone (from
//! the kernel, once it has finished). Goal: under 5 s and 30 MiB. Run with
//! `cargo bench --bench lieux_update`.
#[path = "../tests/national/mod.rs"]
mod national;

use std::process::Command;
use std::time::Instant;

const LIEUX: usize = 18_000;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("national.csv");
    national::write_csv(&file, LIEUX, "2026-12-02");
    let size = std::fs::metadata(&file).unwrap().len();
    let body = std::fs::read(&file).unwrap();
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let _ = request.respond(tiny_http::Response::from_data(body.clone()));
        }
    });
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let db = dir.path().join("kiosk.db");
    let borne = |args: &[&str]| {
        let status = Command::new(env!("CARGO_BIN_EXE_borne"))
            .env("BORNE_NOW", "2026-12-03T04:00")
            .env("BORNE_LOG", "warn")
            .arg("--config")
            .arg(&config)
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{args:?}");
    };
    // A kiosk's file as after its first start: communes and shipped lieux.
    borne(&["lieux", "near", "05000"]);
    let url = format!("http://127.0.0.1:{port}/national.csv");
    let started = Instant::now();
    // Reaped by wait4 below, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_borne"))
        .env("BORNE_NOW", "2026-12-03T04:00")
        .env("BORNE_LOG", "warn")
        .arg("--config")
        .arg(&config)
        .arg("--db")
        .arg(&db)
        .args(["lieux", "update", "--from", &url])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The update's own peak resident memory, from the kernel as it is reaped.
    // SAFETY: wait4 fills the status and usage it is given, for our own child.
    let (status, peak_kib) = unsafe {
        let mut status = 0;
        let mut usage: libc::rusage = std::mem::zeroed();
        let pid = libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
        assert_eq!(pid, child.id() as libc::pid_t);
        (status, usage.ru_maxrss)
    };
    let took = started.elapsed();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the update failed"
    );
    println!(
        "update of {LIEUX} lieux from a {:.1} MB national CSV over HTTP, into a kiosk's file \
         with the communes and shipped lieux: {:.2} s, peak memory {:.1} MiB (goal < 5 s, < 30 MiB)",
        size as f64 / 1e6,
        took.as_secs_f64(),
        peak_kib as f64 / 1024.0
    );
}

//! The memory an import takes does not grow with the file: `borne import-lieux` on a
//! generated JSON file of 200,000 lieux, its peak resident memory read from the kernel once
//! it has finished. Goal: at most 100 MB. Run with `cargo bench --bench import_memory`.
use std::io::Write;
use std::process::Command;
use std::time::Instant;

const LIEUX: usize = 200_000;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("national.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    write!(out, "[").unwrap();
    for i in 0..LIEUX {
        if i > 0 {
            write!(out, ",").unwrap();
        }
        write!(
            out,
            r#"{{"id":"bench-{i}","pivot":"00000000000000","nom":"Espace numérique n° {i}","commune":"Gap","code_postal":"05000","adresse":"{i} rue Colonel Roux","latitude":{},"longitude":{},"horaires":"Mo-Fr 09:00-12:00,14:00-17:00","date_maj":"2024-04-02","services":["Aide aux démarches administratives","Maîtrise des outils numériques du quotidien"],"presentation_resume":"Un lieu d'aide au numérique, avec un conseiller, pour les démarches, l'e-mail et le téléphone."}}"#,
            42.0 + (i % 1000) as f64 * 0.008,
            -1.0 + (i / 1000) as f64 * 0.04
        )
        .unwrap();
    }
    write!(out, "]").unwrap();
    out.flush().unwrap();
    drop(out);
    let size = std::fs::metadata(&file).unwrap().len();
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_borne"))
        .arg("--db")
        .arg(dir.path().join("bench.db"))
        .arg("import-lieux")
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    let took = started.elapsed();
    assert!(status.success());
    // SAFETY: getrusage fills the struct it is given.
    let peak_kib = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    };
    println!(
        "import of {LIEUX} lieux from a {:.0} MB JSON file: {:.1} s, peak memory {:.1} MiB (goal 100 MB)",
        size as f64 / 1e6,
        took.as_secs_f64(),
        peak_kib as f64 / 1024.0
    );
}

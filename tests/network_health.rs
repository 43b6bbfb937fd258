//! Kiosks that say how they are: each network kiosk writes a heartbeat every minute to the
//! network's database, `borne network status` shows the owner every kiosk ("silencieuse
//! depuis 12 min" for one that stopped), and a kiosk's role writes only its own row.
use crate::pg;
use crate::pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use borne::calendar::Calendar;
use borne::store::postgres::PgStore;

fn owner_config(dir: &Path) -> PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    for file in ["agenda.toml", "diagnostic.toml"] {
        std::fs::copy(shipped.join(file), config.join(file)).unwrap();
    }
    let toml = std::fs::read_to_string(shipped.join("kiosk.toml"))
        .unwrap()
        .replace(
            "phone = \"04 92 53 24 24\"",
            "phone = \"04 92 53 24 24\"\nid = \"mairie-gap\"",
        );
    std::fs::write(config.join("kiosk.toml"), toml).unwrap();
    config
}

fn status(config: &Path, url: &str, json: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_borne"));
    command
        .env_remove("BORNE_CONFIG")
        .arg("--config")
        .arg(config)
        .args(["--db", url, "network", "status"]);
    if json {
        command.arg("--json");
    }
    let out = command.output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    said
}

fn count(url: &str, sql: &str) -> i64 {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client.query_one(sql, &[]).unwrap().get(0)
}

#[test]
fn a_kiosk_beats_the_owner_sees_it_and_one_that_stopped_is_said_silent() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("health");
    let dir = tempfile::tempdir().unwrap();
    let config = owner_config(dir.path());
    // The owner makes Gap's kiosk's role; the kiosk runs on it.
    let mut owner = PgStore::open(&url, "mairie-gap", Calendar::of_postal_code("05000")).unwrap();
    owner
        .add_kiosk("health_gap", "Point numérique — Mairie de Gap")
        .unwrap();
    pg::give_password(&url, "health_gap");
    let kiosk = pty::Kiosk::start_on_network(&pg::as_role(&url, "health_gap"), "mairie-gap");
    kiosk.wait_for("Bienvenue");
    // Its first heartbeat comes with its first frame.
    let started = std::time::Instant::now();
    while count(&url, "SELECT count(*) FROM kiosk_heartbeat") == 0 {
        assert!(started.elapsed().as_secs() < 20, "no heartbeat");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let said = status(&config, &url, false);
    assert!(
        said.contains("Point numérique — Mairie de Gap (mairie-gap, health_gap) — en marche"),
        "{said}"
    );
    assert!(
        said.contains("version 0.1.0, démarrée le 2026-03-02"),
        "{said}"
    );
    assert!(
        said.contains("imprimante : aucune · voix : aucune"),
        "{said}"
    );
    assert!(said.contains("Données du 1er août 2024"), "{said}");

    // The kiosk stops (its machine is off): twelve minutes later the owner reads it.
    drop(kiosk);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .execute(
            "UPDATE kiosk_heartbeat SET beat_at = now() - interval '12 minutes 20 seconds'",
            &[],
        )
        .unwrap();
    let said = status(&config, &url, false);
    assert!(said.contains("— silencieuse depuis 12 min"), "{said}");
    let json: serde_json::Value = serde_json::from_str(&status(&config, &url, true)).unwrap();
    assert_eq!(json[0]["help_point"], "mairie-gap");
    assert_eq!(json[0]["silent"], true);
    assert_eq!(json[0]["lieux_date"], "2024-08-01");
}

#[test]
fn a_kiosk_role_writes_only_its_own_heartbeat() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("own_row");
    let gap = Calendar::of_postal_code("05000");
    let mut owner = PgStore::open(&url, "mairie-gap", gap).unwrap();
    owner.add_kiosk("beat_gap", "Mairie de Gap").unwrap();
    let mut embrun = PgStore::open(&url, "mediatheque-embrun", gap).unwrap();
    embrun
        .add_kiosk("beat_embrun", "Médiathèque d'Embrun")
        .unwrap();
    for role in ["beat_gap", "beat_embrun"] {
        pg::give_password(&url, role);
    }
    let beat = borne::store::postgres::Heartbeat {
        version: "0.1.0".into(),
        started_at: chrono::NaiveDateTime::parse_from_str("2026-03-02T08:00", "%Y-%m-%dT%H:%M")
            .unwrap(),
        last_frame_at: None,
        last_error: None,
        printer: "none".into(),
        speech: "none".into(),
        lieux_date: None,
        callbacks_waiting: 0,
    };
    let mut kiosk =
        PgStore::open(&pg::as_role(&url, "beat_embrun"), "mediatheque-embrun", gap).unwrap();
    kiosk.beat(&beat).unwrap();
    // Gap's role, its password stolen, tries to write Embrun's row or read it.
    let mut thief =
        postgres::Client::connect(&pg::as_role(&url, "beat_gap"), postgres::NoTls).unwrap();
    let refused = thief
        .execute(
            "INSERT INTO kiosk_heartbeat (role, help_point, version, started_at, printer, speech)
             VALUES ('beat_embrun', 'mediatheque-embrun', 'x', now(), 'ok', 'ok')",
            &[],
        )
        .unwrap_err();
    assert!(
        refused
            .as_db_error()
            .is_some_and(|e| e.message().contains("row-level security")),
        "{refused}"
    );
    let changed = thief
        .execute(
            "UPDATE kiosk_heartbeat SET last_error = 'tout va bien'",
            &[],
        )
        .unwrap();
    assert_eq!(changed, 0, "another kiosk's row changed");
    let seen = thief
        .query_one("SELECT count(*) FROM kiosk_heartbeat", &[])
        .unwrap()
        .get::<_, i64>(0);
    assert_eq!(seen, 0, "another kiosk's row read");
    // Its own row it writes, as itself at its help point only.
    let mut gap_kiosk = PgStore::open(&pg::as_role(&url, "beat_gap"), "mairie-gap", gap).unwrap();
    gap_kiosk.beat(&beat).unwrap();
    assert_eq!(count(&url, "SELECT count(*) FROM kiosk_heartbeat"), 2);
    assert!(
        thief
            .execute(
                "UPDATE kiosk_heartbeat SET help_point = 'mediatheque-embrun'",
                &[]
            )
            .is_err(),
        "a kiosk moved its row to another help point"
    );
}

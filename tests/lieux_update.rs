//! `borne lieux update` against a real HTTP server started here (tiny_http on 127.0.0.1): the
//! real client, the real conditional request, the real status codes. A file is taken only
//! when whole and the lieux standard; otherwise it is refused with its reason (exit 2) and
//! the lieux stay exactly as they were.
use crate::national;
use crate::pg;
use crate::pty;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// What the test server answers at a path: a status, a content type, a body, validators.
#[derive(Clone)]
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    etag: Option<String>,
}

impl Answer {
    fn file(path: &Path, etag: &str) -> Answer {
        Answer {
            status: 200,
            content_type: "text/csv; charset=utf-8",
            body: std::fs::read(path).unwrap(),
            etag: Some(format!("\"{etag}\"")),
        }
    }
}

/// A request as the server saw it: path, its conditional header, its authorization, and the
/// status answered.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    if_none_match: Option<String>,
    authorization: Option<String>,
    status: u16,
}

struct Server {
    port: u16,
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let thread = {
            let (server, answers, seen) = (server.clone(), answers.clone(), seen.clone());
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let header = |name: &'static str| {
                        request
                            .headers()
                            .iter()
                            .find(|h| h.field.equiv(name))
                            .map(|h| h.value.to_string())
                    };
                    let if_none_match = header("If-None-Match");
                    let authorization = header("Authorization");
                    let answer = answers.lock().unwrap().get(request.url()).cloned();
                    let mut status = answer.as_ref().map_or(404, |a| a.status);
                    if status == 200
                        && answer.as_ref().unwrap().etag.is_some()
                        && if_none_match == answer.as_ref().unwrap().etag
                    {
                        status = 304;
                    }
                    seen.lock().unwrap().push(Seen {
                        path: request.url().to_string(),
                        if_none_match,
                        authorization,
                        status,
                    });
                    let body = if status == 200 || status >= 400 {
                        answer.as_ref().map_or(Vec::new(), |a| a.body.clone())
                    } else {
                        Vec::new()
                    };
                    let mut response =
                        tiny_http::Response::from_data(body).with_status_code(status);
                    if let Some(a) = &answer {
                        response = response.with_header(
                            tiny_http::Header::from_bytes("Content-Type", a.content_type).unwrap(),
                        );
                        if let Some(etag) = &a.etag {
                            response = response.with_header(
                                tiny_http::Header::from_bytes("ETag", etag.as_bytes()).unwrap(),
                            );
                        }
                    }
                    let _ = request.respond(response);
                }
            })
        };
        Server {
            port,
            answers,
            seen,
            server,
            thread: Some(thread),
        }
    }

    fn serve(&self, path: &str, answer: Answer) {
        self.answers
            .lock()
            .unwrap()
            .insert(path.to_string(), answer);
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn last(&self) -> Seen {
        self.seen.lock().unwrap().last().cloned().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The demo configuration with `[lieux]` as given.
fn config(dir: &Path, lieux: &str) -> PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let config = dir.join("config");
    std::fs::create_dir_all(config.join("lieux")).unwrap();
    for file in ["agenda.toml", "diagnostic.toml", "communes.csv"] {
        std::fs::copy(shipped.join(file), config.join(file)).unwrap();
    }
    let toml = std::fs::read_to_string(shipped.join("kiosk.toml")).unwrap() + lieux;
    std::fs::write(config.join("kiosk.toml"), toml).unwrap();
    config
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn borne(config: &Path, db: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_borne"))
        .env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", "2026-12-03T09:00")
        .arg("--config")
        .arg(config)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The lieux as stored: their count and a digest of every row (any change shows).
fn lieux(db: &Path) -> (i64, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT count(*), coalesce(group_concat(id || nom || date_maj || coalesce(latitude, ''), ''), '')
         FROM (SELECT * FROM lieu ORDER BY id)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn a_fresh_file_is_taken_the_same_again_answers_304_and_a_closed_place_goes() {
    let dir = tempfile::tempdir().unwrap();
    let config = config(dir.path(), "");
    let db = dir.path().join("borne.db");
    let server = Server::start();
    let file = dir.path().join("national.csv");
    national::write_csv(&file, 1000, "2026-12-02");
    server.serve("/national.csv", Answer::file(&file, "v1"));
    let url = server.url("/national.csv");

    let first = borne(&config, &db, &["lieux", "update", "--from", &url]);
    assert_eq!(first.code, 0, "{}{}", first.out, first.err);
    assert!(first.out.contains("1000 added"), "{}", first.out);
    assert!(
        first.out.contains("Données du 2 décembre 2026"),
        "{}",
        first.out
    );
    let taken = lieux(&db);
    assert_eq!(taken.0, 1000);

    // The same file: asked with its ETag, answered 304, nothing downloaded nor changed.
    let again = borne(&config, &db, &["lieux", "update", "--from", &url]);
    assert_eq!(again.code, 0, "{}{}", again.out, again.err);
    assert!(again.out.contains("unchanged"), "{}", again.out);
    let seen = server.last();
    assert_eq!(
        (seen.if_none_match.as_deref(), seen.status),
        (Some("\"v1\""), 304)
    );
    assert_eq!(lieux(&db), taken);

    // The next day's file: 31 places closed (97 % of the lieux), the rest newer.
    national::write_csv_of(&file, (0..1000).filter(|i| i % 33 != 5), "2026-12-03");
    server.serve("/national.csv", Answer::file(&file, "v2"));
    let next = borne(&config, &db, &["lieux", "update", "--from", &url]);
    assert_eq!(next.code, 0, "{}{}", next.out, next.err);
    assert!(
        next.out.contains("31 no longer listed removed"),
        "{}",
        next.out
    );
    assert_eq!(lieux(&db).0, 969);

    // `lieux near` says how fresh the data is.
    let near = borne(&config, &db, &["lieux", "near", "05000"]);
    assert_eq!(near.code, 0, "{}", near.err);
    assert!(
        near.out.contains("Données du 3 décembre 2026"),
        "{}",
        near.out
    );
}

#[test]
fn a_file_that_is_cut_an_error_page_or_too_small_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let config = config(dir.path(), "");
    let db = dir.path().join("borne.db");
    let server = Server::start();
    let file = dir.path().join("national.csv");
    national::write_csv(&file, 1000, "2026-12-02");
    server.serve("/national.csv", Answer::file(&file, "v1"));
    let taken = borne(
        &config,
        &db,
        &["lieux", "update", "--from", &server.url("/national.csv")],
    );
    assert_eq!(taken.code, 0, "{}", taken.err);
    let before = lieux(&db);
    let feed_before = feed(&db);

    let whole = std::fs::read(&file).unwrap();
    // Cut in the middle of a row, 97 % through: more than 90 % of the lieux are there.
    let cut = {
        let at = whole.len() * 97 / 100;
        let at = at + whole[at..].iter().position(|b| *b == b',').unwrap() + 1;
        whole[..at].to_vec()
    };
    let half = dir.path().join("half.csv");
    national::write_csv_of(&half, (0..1000).step_by(2), "2026-12-03");
    let cases: Vec<(&str, Answer, &str)> = vec![
        (
            "/cut.csv",
            Answer {
                body: cut,
                etag: Some("\"cut\"".into()),
                ..Answer::file(&file, "cut")
            },
            "the file is cut short",
        ),
        (
            "/broken",
            Answer {
                status: 500,
                content_type: "text/plain",
                body: b"Internal Server Error".to_vec(),
                etag: None,
            },
            "answered 500 Internal Server Error",
        ),
        (
            "/page",
            Answer {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: b"<!DOCTYPE html><html><head><title>Maintenance en cours</title></head><body>Revenez plus tard</body></html>".to_vec(),
                etag: None,
            },
            "answered a web page, not a lieux file (\"Maintenance en cours\")",
        ),
        (
            "/half.csv",
            Answer::file(&half, "half"),
            "500 lieux where the last update had 1000: is the file cut short?",
        ),
    ];
    for (path, answer, why) in cases {
        server.serve(path, answer);
        let refused = borne(
            &config,
            &db,
            &["lieux", "update", "--from", &server.url(path)],
        );
        assert_eq!(refused.code, 2, "{path}: {}{}", refused.out, refused.err);
        assert!(refused.err.contains(why), "{path}: {}", refused.err);
        assert!(
            refused.err.contains("the lieux are unchanged"),
            "{path}: {}",
            refused.err
        );
        assert_eq!(lieux(&db), before, "{path}: the lieux changed");
        assert_eq!(feed(&db), feed_before, "{path}: the feed's record changed");
    }
    // An address that does not answer at all: a failure to try again later (exit 1).
    drop(server);
    let gone = borne(
        &config,
        &db,
        &[
            "lieux",
            "update",
            "--from",
            "http://127.0.0.1:9/national.csv",
        ],
    );
    assert_eq!(gone.code, 1, "{}", gone.err);
    assert_eq!(lieux(&db), before);
}

/// The feed's record: where the last update came from, its validators, its lieux.
fn feed(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT source || coalesce(etag, '') || lieux || updated_at FROM lieux_feed",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn the_dataspace_token_goes_as_a_bearer_token_and_is_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start();
    let config = config(
        dir.path(),
        &format!(
            "\n[lieux]\nupdate_url = \"{}\"\nupdate_token = \"s3cr3t-t0k3n\"\n",
            server.url("/dataspace/lieux?format=csv&token=also-secret")
        ),
    );
    let db = dir.path().join("borne.db");
    let file = dir.path().join("national.csv");
    national::write_csv(&file, 200, "2026-12-02");
    server.serve(
        "/dataspace/lieux?format=csv&token=also-secret",
        Answer::file(&file, "d1"),
    );
    let run = borne(&config, &db, &["lieux", "update"]);
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);
    assert_eq!(
        server.last().authorization.as_deref(),
        Some("Bearer s3cr3t-t0k3n")
    );
    assert_eq!(
        server.last().path,
        "/dataspace/lieux?format=csv&token=also-secret"
    );
    for secret in ["s3cr3t", "also-secret"] {
        assert!(
            !run.out.contains(secret) && !run.err.contains(secret),
            "{}",
            run.out
        );
    }
    assert_eq!(lieux(&db).0, 200);
}

#[test]
fn a_kiosk_of_the_network_takes_the_owners_update_at_its_daily_refresh() {
    let Some(server) = pg::Server::start() else {
        return;
    };
    let url = server.database("lieux");
    let dir = tempfile::tempdir().unwrap();
    let owner_config = config(dir.path(), "");
    let toml = owner_config.join("kiosk.toml");
    let text = std::fs::read_to_string(&toml).unwrap().replace(
        "phone = \"04 92 53 24 24\"",
        "phone = \"04 92 53 24 24\"\nid = \"mairie-gap\"",
    );
    std::fs::write(&toml, text).unwrap();
    let http = Server::start();
    let file = dir.path().join("national.csv");
    national::write_csv(&file, 1000, "2026-12-01");
    http.serve("/national.csv", Answer::file(&file, "v1"));
    let url_arg = http.url("/national.csv");
    let owner = |args: &[&str]| borne(&owner_config, Path::new(&url), args);
    let first = owner(&["lieux", "update", "--from", &url_arg]);
    assert_eq!(first.code, 0, "{}{}", first.out, first.err);
    assert!(first.out.contains("1000 lieux checked"), "{}", first.out);

    // A kiosk started half a minute before midnight takes the network's lieux at start…
    let kiosk = pty::Kiosk::start_on_network_with(
        &url,
        "mairie-gap",
        &[("BORNE_NOW", "2026-12-02T23:59:30")],
    );
    kiosk.wait_for("Bienvenue");
    let local = kiosk.data_home().join("borne/borne.db");
    let count = |db: &Path| -> i64 {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row(
            "SELECT count(*) FROM lieu WHERE id LIKE 'lieu-%'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(0)
    };
    wait_until(
        || count(&local) == 1000,
        "the kiosk takes the network's lieux at start",
    );

    // …the owner updates in the night…
    national::write_csv(&file, 1100, "2026-12-02");
    http.serve("/national.csv", Answer::file(&file, "v2"));
    let second = owner(&["lieux", "update", "--from", &url_arg]);
    assert_eq!(second.code, 0, "{}{}", second.out, second.err);
    // …and at midnight, its daily refresh takes the new file: no internet of its own.
    wait_until(
        || count(&local) == 1100,
        "the kiosk's daily refresh takes the update",
    );
    assert!(
        http.seen.lock().unwrap().len() == 2,
        "only the owner fetched the feed"
    );
}

fn wait_until(ok: impl Fn() -> bool, what: &str) {
    let started = std::time::Instant::now();
    while !ok() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "{what}: not within 60 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn old_lieux_are_said_in_the_staff_menu_and_by_check_config_until_updated() {
    // The demo's shipped lieux: the newest record is of 1 August 2024.
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("borne.db");
    let mut kiosk = pty::Kiosk::start_with_db(&db, &[("BORNE_NOW", "2026-12-03T09:00:00")]);
    kiosk.wait_for("Bienvenue");
    kiosk.keys(&[pty::F12]);
    kiosk.wait_for("Code :");
    kiosk.type_text("2468");
    kiosk.keys(&[pty::ENTER]);
    let screen = kiosk.wait_for("Données du 1er août 2024");
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Les lieux datent du 1er août 2024, il y a 854 jours"),
        "{screen}"
    );
    kiosk.keys(&["1"]);
    kiosk.wait_for("Bienvenue");
    let config = config(home.path(), "");
    let checked = borne(&config, &db, &["check-config"]);
    assert_eq!(checked.code, 0, "{}", checked.err);
    assert!(
        checked
            .err
            .contains("the newest lieux data dates from 2024-08-01, 854 days ago"),
        "{}",
        checked.err
    );

    // The feed of yesterday: fresh, nothing to warn of.
    let server = Server::start();
    let file = home.path().join("national.csv");
    national::write_csv(&file, 300, "2026-12-02");
    server.serve("/national.csv", Answer::file(&file, "v1"));
    let taken = borne(
        &config,
        &db,
        &["lieux", "update", "--from", &server.url("/national.csv")],
    );
    assert_eq!(taken.code, 0, "{}", taken.err);
    kiosk.keys(&[pty::F12]);
    kiosk.wait_for("Code :");
    kiosk.type_text("2468");
    kiosk.keys(&[pty::ENTER]);
    let screen = kiosk.wait_for("Données du 2 décembre 2026");
    assert!(!screen.contains("Les lieux datent"), "{screen}");
    let checked = borne(&config, &db, &["check-config"]);
    assert!(!checked.err.contains("lieux data"), "{}", checked.err);
}

#[test]
fn the_typologies_the_reference_library_now_emits_are_taken_with_either_separator() {
    let dir = tempfile::tempdir().unwrap();
    let config = config(dir.path(), "");
    let file = dir.path().join("typologies.csv");
    std::fs::write(
        &file,
        "id,pivot,nom,commune,code_postal,adresse,typologie,date_maj\n\
         a,12345678900011,ESAT des Alpes,Gap,05000,1 rue A,ESAT;MDH,2026-11-02\n\
         b,12345678900012,Fabrique de Gap,Gap,05000,2 rue B,FABRIQUE|RELAIS_LECTURE,2026-11-02\n\
         c,12345678900013,Château,Gap,05000,3 rue C,CHATEAU|BIB,2026-11-02\n",
    )
    .unwrap();
    let run = borne(
        &config,
        &dir.path().join("borne.db"),
        &["import-lieux", file.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.contains("3 added"), "{}", run.out);
    let typologies: Vec<&str> = run
        .err
        .lines()
        .filter(|l| l.contains("typologie"))
        .collect();
    assert_eq!(typologies.len(), 1, "{}", run.err);
    assert!(
        typologies[0].ends_with(
            "typologies.csv:4: typologie: \"CHATEAU\" is not a typologie of the standard (warning)"
        ),
        "{}",
        run.err
    );
}

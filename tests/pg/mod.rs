//! A throwaway PostgreSQL for the tests, started from the system's own binaries (Debian's
//! `postgresql` package: `initdb` and `pg_ctl` in a temporary directory, listening on a Unix
//! socket only), or the server `BORNE_TEST_DATABASE_URL` names. Without PostgreSQL a test says
//! it was skipped and why; under `CI=true` that is a failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Server {
    /// `None` for a server given by `BORNE_TEST_DATABASE_URL`.
    dir: Option<tempfile::TempDir>,
    bin: PathBuf,
    base_url: String,
    as_postgres: bool,
    /// Also listening on 127.0.0.1 at this port with TLS (`start_with_tls`).
    tls_port: Option<u16>,
}

/// The PostgreSQL programs' folder: `pg_config --bindir`, else the newest
/// `/usr/lib/postgresql/<version>/bin`.
fn binaries() -> Option<PathBuf> {
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return Some(dir);
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    versions.pop()
}

fn skip(why: &str) -> Option<Server> {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("PostgreSQL is needed under CI=true: {why}");
    }
    eprintln!("skipped: {why} (install Debian's postgresql package to run it)");
    None
}

/// One `initdb` per test process: every server starts from a copy of this cluster (`initdb`
/// was most of a server's start, and the suite starts about sixty). Removed at exit.
fn template(bin: &Path, as_postgres: bool) -> PathBuf {
    static TEMPLATE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            let dir =
                std::env::temp_dir().join(format!("borne-pg-template-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir(&dir).expect("the template's directory");
            if as_postgres {
                let status = Command::new("chown")
                    .args(["postgres:postgres"])
                    .arg(&dir)
                    .status()
                    .expect("chown");
                assert!(status.success(), "chown the template's directory");
            }
            extern "C" fn remove_template() {
                if let Some(dir) = TEMPLATE_DIR.get() {
                    let _ = std::fs::remove_dir_all(dir);
                }
            }
            static TEMPLATE_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
            let _ = TEMPLATE_DIR.set(dir.clone());
            // SAFETY: registers a plain function to run at the process's exit.
            unsafe { libc::atexit(remove_template) };
            let data = dir.join("data");
            let mut initdb = if as_postgres {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(bin.join("initdb"));
                c
            } else {
                Command::new(bin.join("initdb"))
            };
            let out = initdb
                .arg("-D")
                .arg(&data)
                .args([
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ])
                .output()
                .expect("run initdb");
            assert!(
                out.status.success(),
                "initdb: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            data
        })
        .clone()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

impl Server {
    /// A fresh server, or `None` (after saying why) when this machine has no PostgreSQL.
    pub fn start() -> Option<Server> {
        if let Ok(url) = std::env::var("BORNE_TEST_DATABASE_URL") {
            return Some(Server {
                dir: None,
                bin: binaries().unwrap_or_default(),
                base_url: url,
                as_postgres: false,
                tls_port: None,
            });
        }
        let Some(bin) = binaries() else {
            return skip("no PostgreSQL server programs (initdb, pg_ctl) on this machine");
        };
        let dir = tempfile::Builder::new()
            .prefix("borne-pg")
            .tempdir()
            .expect("temporary directory");
        // PostgreSQL refuses to run as root: the server is the postgres user's.
        let as_postgres = is_root();
        if as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown the server's directory");
        }
        let mut server = Server {
            dir: Some(dir),
            bin,
            base_url: String::new(),
            as_postgres,
            tls_port: None,
        };
        let data = server.data_dir();
        let status = Command::new("cp")
            .arg("-a")
            .arg(template(&server.bin, as_postgres))
            .arg(&data)
            .status()
            .expect("cp");
        assert!(status.success(), "copy the template cluster");
        server.restart();
        server.base_url = format!(
            "postgresql://postgres@{}/",
            server.dir().display().to_string().replace('/', "%2F")
        );
        Some(server)
    }

    /// A fresh server that also takes TLS connections on 127.0.0.1, with a certificate for
    /// "localhost" signed by a test authority; returns the server, its port and the
    /// authority's certificate. `None` with `BORNE_TEST_DATABASE_URL` or without PostgreSQL.
    pub fn start_with_tls() -> Option<(Server, u16, PathBuf)> {
        if std::env::var("BORNE_TEST_DATABASE_URL").is_ok() {
            return skip("TLS needs a server of the test's own").map(|s| (s, 0, PathBuf::new()));
        }
        let mut server = Server::start()?;
        server.stop();
        let data = server.data_dir();
        let ca = server.dir().join("ca.crt");
        let openssl = |args: &[&str]| {
            let out = Command::new("openssl")
                .args(args)
                .output()
                .expect("openssl");
            assert!(
                out.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        let (ca_key, key, csr, crt) = (
            server.dir().join("ca.key"),
            data.join("server.key"),
            server.dir().join("server.csr"),
            data.join("server.crt"),
        );
        let path = |p: &PathBuf| p.to_str().unwrap().to_string();
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=borne test authority",
            "-keyout",
            &path(&ca_key),
            "-out",
            &path(&ca),
        ]);
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            &path(&key),
            "-out",
            &path(&csr),
        ]);
        let ext = server.dir().join("ext.cnf");
        std::fs::write(&ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n").unwrap();
        openssl(&[
            "x509",
            "-req",
            "-in",
            &path(&csr),
            "-CA",
            &path(&ca),
            "-CAkey",
            &path(&ca_key),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            &path(&ext),
            "-out",
            &path(&crt),
        ]);
        if server.as_postgres {
            let status = Command::new("chown")
                .args(["postgres:postgres", &path(&key), &path(&crt)])
                .status()
                .expect("chown");
            assert!(status.success());
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        server.tls_port = Some(port);
        server.restart();
        // Its Unix socket is named after the port too.
        server.base_url = format!(
            "postgresql://postgres@{}:{port}/",
            server.dir().display().to_string().replace('/', "%2F")
        );
        Some((server, port, ca))
    }

    fn dir(&self) -> &Path {
        self.dir.as_ref().expect("a server of our own").path()
    }

    fn data_dir(&self) -> PathBuf {
        self.dir().join("data")
    }

    /// A PostgreSQL program, run as the server's owner.
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let out = self
            .command(program)
            .args(args)
            .output()
            .expect("run a PostgreSQL program");
        assert!(
            out.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A new empty database on this server, by URL.
    pub fn database(&self, name: &str) -> String {
        let admin = format!("{}postgres", self.base_url);
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("connect to the test server: {e}"));
        for sql in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            client.batch_execute(&sql).expect("create a test database");
        }
        format!("{}{name}", self.base_url)
    }

    /// Stops the server (its kiosks see the network fall).
    pub fn stop(&self) {
        if self.dir.is_some() {
            self.run(
                "pg_ctl",
                &[
                    "-D",
                    self.data_dir().to_str().unwrap(),
                    "-m",
                    "fast",
                    "-s",
                    "-w",
                    "stop",
                ],
            );
        }
    }

    /// Starts the server (again): on its Unix socket only, without syncing (a test's data
    /// need not survive a power cut).
    pub fn restart(&self) {
        if self.dir.is_some() {
            self.run(
                "pg_ctl",
                &[
                    "-D",
                    self.data_dir().to_str().unwrap(),
                    "-w",
                    "-s",
                    "-l",
                    self.dir().join("log").to_str().unwrap(),
                    "-o",
                    &format!(
                        "-k {} -c fsync=off -c max_connections=60 {}",
                        self.dir().display(),
                        match self.tls_port {
                            Some(port) => format!(
                                "-c listen_addresses=127.0.0.1 -p {port} -c ssl=on \
                                 -c ssl_cert_file=server.crt -c ssl_key_file=server.key"
                            ),
                            None => "-c listen_addresses=''".to_string(),
                        }
                    ),
                    "start",
                ],
            );
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.dir.is_some() {
            let data = self.data_dir();
            let _ = self
                .command("pg_ctl")
                .args([
                    "-D",
                    data.to_str().unwrap(),
                    "-m",
                    "immediate",
                    "-s",
                    "stop",
                ])
                .output();
        }
    }
}

/// The same database's URL, logging in as `role` (with the password tests give their roles).
#[allow(dead_code)]
pub fn as_role(url: &str, role: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let host = rest.split_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{role}:{ROLE_PASSWORD}@{host}")
}

/// What tests set as their roles' password (a server started here trusts its socket).
#[allow(dead_code)]
pub const ROLE_PASSWORD: &str = "kiosk-test-password";

/// Gives `role` the password tests log in with, as the database at `url` (its owner) can.
#[allow(dead_code)]
pub fn give_password(url: &str, role: &str) {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect as owner");
    client
        .batch_execute(&format!("ALTER ROLE {role} PASSWORD '{ROLE_PASSWORD}'"))
        .expect("give the role its password");
}

/// A primary and its synchronous streaming standby, each from the system's binaries, both on
/// 127.0.0.1 (a port each): a commit returns only once the standby has it
/// (`synchronous_standby_names`). For the failover test; `None` without PostgreSQL or with
/// `BORNE_TEST_DATABASE_URL` (a test needs servers of its own to kill one).
pub struct Replicated {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
    pub primary_port: u16,
    pub standby_port: u16,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Replicated {
    pub fn start() -> Option<Replicated> {
        if std::env::var("BORNE_TEST_DATABASE_URL").is_ok() {
            return skip("a failover needs servers of the test's own").map(|_| unreachable!());
        }
        let Some(bin) = binaries() else {
            return skip("no PostgreSQL server programs (initdb, pg_ctl) on this machine")
                .map(|_| unreachable!());
        };
        let dir = tempfile::Builder::new()
            .prefix("borne-ha")
            .tempdir()
            .expect("temporary directory");
        let as_postgres = is_root();
        if as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown the servers' directory");
        }
        let pair = Replicated {
            dir,
            bin,
            as_postgres,
            primary_port: free_port(),
            standby_port: free_port(),
        };
        let primary = pair.data("primary");
        pair.run(
            "initdb",
            &[
                "-D",
                &primary,
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ],
        );
        // A booking confirmed is on both servers: the primary waits for the standby.
        pair.start_server(
            &primary,
            pair.primary_port,
            "-c wal_level=replica -c max_wal_senders=4 \
             -c synchronous_standby_names=standby1 -c synchronous_commit=on",
        );
        let standby = pair.data("standby");
        pair.run(
            "pg_basebackup",
            &[
                "-D",
                &standby,
                "-h",
                "127.0.0.1",
                "-p",
                &pair.primary_port.to_string(),
                "-U",
                "postgres",
                "-X",
                "stream",
                "-R",
                "--no-sync",
            ],
        );
        // The standby names itself as the one the primary waits for.
        let auto = Path::new(&standby).join("postgresql.auto.conf");
        let mut conf = std::fs::read_to_string(&auto).expect("the standby's auto.conf");
        conf.push_str(&format!(
            "primary_conninfo = 'host=127.0.0.1 port={} user=postgres application_name=standby1'\n",
            pair.primary_port
        ));
        std::fs::write(&auto, conf).expect("write the standby's auto.conf");
        pair.start_server(&standby, pair.standby_port, "");
        // Streaming, synchronously, before any kiosk books.
        let url = pair.url_of(pair.primary_port, "postgres");
        let started = std::time::Instant::now();
        loop {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("primary");
            let sync = client
                .query_opt(
                    "SELECT 1 FROM pg_stat_replication WHERE application_name = 'standby1'
                       AND sync_state = 'sync' AND state = 'streaming'",
                    &[],
                )
                .expect("pg_stat_replication");
            if sync.is_some() {
                break;
            }
            assert!(
                started.elapsed().as_secs() < 30,
                "the standby never streamed synchronously"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Some(pair)
    }

    fn data(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let out = self
            .command(program)
            .args(args)
            .output()
            .expect("run a PostgreSQL program");
        assert!(
            out.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn start_server(&self, data: &str, port: u16, options: &str) {
        let log = format!("{data}.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                data,
                "-w",
                "-s",
                "-l",
                &log,
                "-o",
                &format!(
                    "-k {} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off \
                     -c max_connections=40 {options}",
                    self.dir.path().display()
                ),
                "start",
            ],
        );
    }

    /// A database's URL on one server.
    pub fn url_of(&self, port: u16, database: &str) -> String {
        format!("postgresql://postgres@127.0.0.1:{port}/{database}")
    }

    /// The URL kiosks use: both hosts, the one that takes writes.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgresql://postgres@127.0.0.1:{},127.0.0.1:{}/{database}?target_session_attrs=read-write",
            self.primary_port, self.standby_port
        )
    }

    /// A new database (made on the primary, streamed to the standby).
    pub fn database(&self, name: &str) -> String {
        let mut client =
            postgres::Client::connect(&self.url_of(self.primary_port, "postgres"), postgres::NoTls)
                .expect("primary");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a test database");
        self.url(name)
    }

    /// The primary is lost as a machine is: its postmaster and every backend killed at once
    /// (SIGKILL), nothing written after.
    pub fn kill_primary(&self) {
        let pid_file = Path::new(&self.data("primary")).join("postmaster.pid");
        let pid = std::fs::read_to_string(pid_file).expect("the primary's pid file");
        let pid = pid.lines().next().unwrap().trim().to_string();
        let children = Command::new("pgrep")
            .args(["-P", &pid])
            .output()
            .expect("pgrep");
        let mut pids = vec![pid];
        pids.extend(
            String::from_utf8_lossy(&children.stdout)
                .lines()
                .map(|l| l.trim().to_string()),
        );
        let status = Command::new("kill")
            .arg("-9")
            .args(&pids)
            .status()
            .expect("kill -9");
        assert!(status.success(), "kill -9 the primary");
    }

    /// The standby becomes the primary.
    pub fn promote(&self) {
        self.run(
            "pg_ctl",
            &["-D", &self.data("standby"), "-w", "-s", "promote"],
        );
    }
}

impl Drop for Replicated {
    fn drop(&mut self) {
        for name in ["standby", "primary"] {
            let data = self.data(name);
            let _ = self
                .command("pg_ctl")
                .args(["-D", &data, "-m", "immediate", "-s", "stop"])
                .output();
        }
    }
}

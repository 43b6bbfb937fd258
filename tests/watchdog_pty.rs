//! systemd's watchdog, with a real `NOTIFY_SOCKET` (a Unix datagram socket this test listens
//! on, as systemd does): the kiosk says READY once it runs, never while it waits to start
//! (its welcome shown, its database held by another program), pings WATCHDOG from its main
//! loop while it runs, and stops pinging when the loop is stuck (a test hook blocks it), so
//! systemd would restart it.
use crate::pty;

use std::os::unix::net::UnixDatagram;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Every notification received, with when.
type Heard = Arc<Mutex<Vec<(Instant, String)>>>;

fn listen(socket: UnixDatagram) -> Heard {
    let heard: Heard = Arc::default();
    let into = heard.clone();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 256];
        while let Ok(n) = socket.recv(&mut buffer) {
            let text = String::from_utf8_lossy(&buffer[..n]).into_owned();
            into.lock().unwrap().push((Instant::now(), text));
        }
    });
    heard
}

fn pings_between(heard: &Heard, from: Instant, to: Instant) -> usize {
    heard
        .lock()
        .unwrap()
        .iter()
        .filter(|(at, text)| *at >= from && *at <= to && text == "WATCHDOG=1")
        .count()
}

#[test]
fn ready_after_the_first_frame_pings_while_running_and_none_while_the_loop_is_stuck() {
    let dir = tempfile::tempdir().unwrap();
    let socket_path = dir.path().join("notify");
    let heard = listen(UnixDatagram::bind(&socket_path).unwrap());
    let hang = dir.path().join("hang");
    // The kiosk's database is held by another program: it waits to start behind its welcome.
    let db = dir.path().join("held.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t (x);")
            .unwrap();
    }
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let mut kiosk = pty::Kiosk::start_with_db(
        &db,
        &[
            ("NOTIFY_SOCKET", socket_path.to_str().unwrap()),
            // A ping every 150 ms (half of it).
            ("WATCHDOG_USEC", "300000"),
            ("BORNE_TEST_HANG_FILE", hang.to_str().unwrap()),
        ],
    );
    kiosk.wait_for("Bienvenue");
    // The person chooses the lieux meanwhile: the key waits with the welcome.
    kiosk.keys(&["3"]);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        heard.lock().unwrap().is_empty(),
        "notified while waiting to start: {:?}",
        heard.lock().unwrap()
    );
    assert!(kiosk.screen().contains("Bienvenue"));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    kiosk.wait_for("Votre code postal");
    let started = Instant::now();
    while heard.lock().unwrap().is_empty() {
        assert!(started.elapsed() < pty::PATIENCE, "no READY");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(heard.lock().unwrap()[0].1, "READY=1");

    // Running, without a key: the loop wakes to ping.
    let from = Instant::now();
    std::thread::sleep(Duration::from_millis(1200));
    let running = pings_between(&heard, from, Instant::now());
    assert!(running >= 4, "{running} pings in 1.2 s");

    // The loop is stuck: no ping (one may have left as the hook was set).
    std::fs::write(&hang, "").unwrap();
    let stuck_from = Instant::now() + Duration::from_millis(300);
    std::thread::sleep(Duration::from_millis(1800));
    assert_eq!(
        pings_between(&heard, stuck_from, Instant::now()),
        0,
        "pinged while its loop was stuck"
    );
    // Free again: it pings again.
    std::fs::remove_file(&hang).unwrap();
    let from = Instant::now();
    std::thread::sleep(Duration::from_millis(800));
    assert!(pings_between(&heard, from, Instant::now()) >= 2);
}

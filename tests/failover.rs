//! The network survives losing its database server: a primary and a synchronous streaming
//! standby (`pg/mod.rs`, `Replicated`), three kiosks (the real binary, each in its own
//! terminal) booking through their screens on the multi-host URL with
//! `target_session_attrs=read-write`, the primary killed (`kill -9`) mid-run and the standby
//! promoted (`pg_ctl promote`): the README's "High availability" procedure, proved.
//!
//! What must hold: the kiosks book again within seconds of the promotion; meanwhile each says
//! the network is out of reach, never another message; every booking a kiosk confirmed is on
//! the new primary, none is there twice, the exclusion constraint still holds. The figures
//! are printed (`cargo test --test stores failover:: -- --nocapture`).
use crate::pg;
use crate::pty;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const KIOSKS: usize = 3;
/// Bookings each kiosk confirms before the primary is lost, and after the promotion.
const BEFORE: usize = 2;
const AFTER: usize = 2;

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// The receipt: the code, for the person of this first name.
    Booked { code: String, name: String },
    /// "Le réseau ne répond pas".
    Offline,
    /// "Ce créneau vient d'être pris" (another kiosk was first).
    Taken,
}

#[derive(Debug, Clone)]
struct Said {
    kiosk: usize,
    at: Instant,
    outcome: Outcome,
}

/// A first name of letters only, different for every attempt of every kiosk.
fn first_name(kiosk: usize, n: usize) -> String {
    let kiosk_name = ["Alba", "Bruna", "Carla"][kiosk];
    let mut suffix = String::new();
    let mut n = n;
    loop {
        suffix.insert(0, (b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    format!("{kiosk_name}{suffix}")
}

/// What the screen says once the confirmation is sent: the receipt, the network out of reach
/// or the slot taken; anything else fails the test with the screen.
fn outcome(kiosk: &pty::Kiosk, name: &str) -> Outcome {
    let screen = kiosk.wait_until(
        |s| {
            s.contains("Votre code : ")
                || s.contains("Le réseau ne répond pas")
                || s.contains("vient d'être pris")
        },
        "the booking's outcome",
    );
    if let Some(at) = screen.find("Votre code : ") {
        let code: String = screen[at + "Votre code : ".len()..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(6)
            .collect();
        Outcome::Booked {
            code,
            name: name.to_string(),
        }
    } else if screen.contains("Le réseau ne répond pas") {
        let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("rien n'a été enregistré"), "{screen}");
        Outcome::Offline
    } else {
        Outcome::Taken
    }
}

/// Back to the welcome screen, whatever the kiosk shows.
fn home(kiosk: &mut pty::Kiosk) {
    kiosk.keys(&[pty::HOME]);
    let screen = kiosk.wait_until(
        |s| s.contains("Bienvenue") || s.contains("Revenir à l'accueil ?"),
        "the welcome screen",
    );
    if !screen.contains("Bienvenue") {
        kiosk.keys(&["1"]);
        kiosk.wait_for("Bienvenue");
    }
}

/// One kiosk booking again and again, as people at it would: "Aide pour une démarche en
/// ligne", a day (the kiosk's own in the list, so kiosks seldom race), the first time, a
/// first name and a phone. The network out of reach: Esc, and the same confirmation again,
/// as the screen offers.
fn book_until(
    kiosk: &mut pty::Kiosk,
    index: usize,
    said: &Mutex<Vec<Said>>,
    stop: &AtomicBool,
    booked: &AtomicUsize,
) {
    let mut n = 0;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        let name = first_name(index, n);
        kiosk.keys(&["2", "1"]);
        // The days free are the network's: out of reach, the kiosk says so at once.
        let screen = kiosk.wait_until(
            |s| s.contains(" créneau") || s.contains("Le réseau ne répond pas"),
            "the days free",
        );
        if !screen.contains(" créneau") {
            said.lock().unwrap().push(Said {
                kiosk: index,
                at: Instant::now(),
                outcome: Outcome::Offline,
            });
            home(kiosk);
            std::thread::sleep(Duration::from_millis(300));
            continue;
        }
        // Its own day when the page lists it, else the first.
        let own = (index + 1).to_string();
        let day = if screen.contains(&format!(" {own}  ")) {
            own
        } else {
            "1".to_string()
        };
        kiosk.keys(&[&day]);
        kiosk.wait_for("Choisissez une heure");
        kiosk.keys(&[pty::ENTER]);
        kiosk.wait_for("Vos coordonnées");
        kiosk.type_text(&name);
        kiosk.keys(&[pty::ENTER, pty::ENTER]);
        kiosk.type_text("0612345678");
        kiosk.keys(&[pty::DOWN, pty::DOWN, pty::DOWN, pty::ENTER]);
        kiosk.wait_for("Vérifiez votre rendez-vous :");
        loop {
            kiosk.keys(&[pty::ENTER]);
            let outcome = outcome(kiosk, &name);
            said.lock().unwrap().push(Said {
                kiosk: index,
                at: Instant::now(),
                outcome: outcome.clone(),
            });
            match outcome {
                Outcome::Offline => {
                    kiosk.keys(&[pty::ESC]);
                    kiosk.wait_for("Vérifiez votre rendez-vous :");
                    // A person tries again a moment later.
                    std::thread::sleep(Duration::from_millis(300));
                }
                Outcome::Booked { .. } => {
                    booked.fetch_add(1, Ordering::SeqCst);
                    break;
                }
                Outcome::Taken => break,
            }
        }
        home(kiosk);
    }
}

fn confirmed_by(said: &[Said], kiosk: usize, after: Instant) -> usize {
    said.iter()
        .filter(|s| s.kiosk == kiosk && s.at > after && matches!(s.outcome, Outcome::Booked { .. }))
        .count()
}

#[test]
fn kiosks_book_on_through_the_loss_of_the_primary_and_no_confirmed_booking_is_lost() {
    let Some(servers) = pg::Replicated::start() else {
        return;
    };
    let url = servers.database("failover");
    let said: Arc<Mutex<Vec<Said>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let booked: Vec<Arc<AtomicUsize>> = (0..KIOSKS).map(|_| Arc::default()).collect();
    let kiosks: Vec<_> = (0..KIOSKS)
        .map(|i| {
            let mut kiosk = pty::Kiosk::start_on_network(&url, &format!("kiosque-{i}"));
            let (said, stop, booked) = (said.clone(), stop.clone(), booked[i].clone());
            std::thread::spawn(move || {
                kiosk.wait_for("Bienvenue");
                book_until(&mut kiosk, i, &said, &stop, &booked);
            })
        })
        .collect();
    let wait_for = |what: &str, ok: &dyn Fn() -> bool| {
        let started = Instant::now();
        while !ok() {
            assert!(
                started.elapsed() < Duration::from_secs(90),
                "{what}: {:#?}",
                said.lock().unwrap()
            );
            assert!(
                kiosks.iter().all(|k| !k.is_finished()),
                "a kiosk's walk failed: {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_for("bookings before the loss", &|| {
        booked.iter().all(|b| b.load(Ordering::SeqCst) >= BEFORE)
    });

    // The primary's machine is lost mid-run; the département's IT promotes the standby.
    let lost = Instant::now();
    servers.kill_primary();
    std::thread::sleep(Duration::from_secs(2));
    servers.promote();
    let promoted = Instant::now();
    wait_for("bookings after the promotion", &|| {
        let said = said.lock().unwrap();
        (0..KIOSKS).all(|k| confirmed_by(&said, k, promoted) >= AFTER)
    });
    stop.store(true, Ordering::SeqCst);
    for kiosk in kiosks {
        kiosk.join().expect("a kiosk's walk");
    }

    let said = said.lock().unwrap().clone();
    let new_primary = servers.url_of(servers.standby_port, "failover");
    let mut client = postgres::Client::connect(&new_primary, postgres::NoTls).unwrap();
    let confirmed: Vec<(String, String)> = said
        .iter()
        .filter_map(|s| match &s.outcome {
            Outcome::Booked { code, name } => Some((code.clone(), name.clone())),
            _ => None,
        })
        .collect();
    // Every booking a kiosk confirmed is on the new primary, for its person.
    let mut lost_bookings = Vec::new();
    for (code, name) in &confirmed {
        let found: Option<String> = client
            .query_opt("SELECT first_name FROM booking WHERE code = $1", &[code])
            .unwrap()
            .map(|r| r.get(0));
        if found.as_deref() != Some(name.as_str()) {
            lost_bookings.push((code.clone(), name.clone(), found));
        }
    }
    // Nobody is booked twice (each attempt had its own first name).
    let doubled: i64 = client
        .query_one(
            "SELECT count(*) FROM (SELECT first_name FROM booking GROUP BY first_name
                 HAVING count(*) > 1) twice",
            &[],
        )
        .unwrap()
        .get(0);
    // The database still refuses a counsellor in two places at once.
    let overlapping: i64 = client
        .query_one(
            "SELECT count(*) FROM occupation a JOIN occupation b ON a.counsellor = b.counsellor
                 AND a.id < b.id AND a.during && b.during AND a.layer <> b.layer",
            &[],
        )
        .unwrap()
        .get(0);
    let constraint: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_constraint WHERE conname = 'occupation_counsellor_during_excl'",
            &[],
        )
        .unwrap()
        .get(0);
    // How long each kiosk waited: from the loss to its first booking on the new primary.
    let waits: Vec<Duration> = (0..KIOSKS)
        .map(|k| {
            said.iter()
                .filter(|s| {
                    s.kiosk == k && s.at > promoted && matches!(s.outcome, Outcome::Booked { .. })
                })
                .map(|s| s.at - lost)
                .min()
                .unwrap()
        })
        .collect();
    let offline: Vec<&Said> = said
        .iter()
        .filter(|s| s.outcome == Outcome::Offline)
        .collect();
    eprintln!(
        "failover: {} bookings confirmed ({} after the promotion), {} lost, {} doubled, \
         {} 'network out of reach' answers, {} slots taken by another kiosk; kiosks booked \
         again {:?} after the primary was lost (promoted after 2 s)",
        confirmed.len(),
        said.iter()
            .filter(|s| s.at > promoted && matches!(s.outcome, Outcome::Booked { .. }))
            .count(),
        lost_bookings.len(),
        doubled,
        offline.len(),
        said.iter().filter(|s| s.outcome == Outcome::Taken).count(),
        waits
    );
    assert!(lost_bookings.is_empty(), "lost: {lost_bookings:?}");
    assert_eq!(doubled, 0, "someone booked twice");
    assert_eq!(overlapping, 0, "a counsellor booked twice at once");
    assert_eq!(constraint, 1, "the exclusion constraint is gone");
    // "Out of reach" only while there was no primary (and the moments kiosks took to
    // notice the new one).
    for s in &offline {
        assert!(
            s.at > lost && s.at < promoted + Duration::from_secs(10),
            "'network out of reach' at {:?} from the loss: {said:#?}",
            s.at - lost
        );
    }
    for wait in &waits {
        assert!(
            *wait < Duration::from_secs(20),
            "a kiosk waited {wait:?} to book again"
        );
    }
}

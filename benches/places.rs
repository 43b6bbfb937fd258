//! Lieux speed on a national-size set: `cargo bench --bench places`. About 20,000 lieux are
//! generated over the real communes (for the benchmark only). Goals: import ≤ 2 s, nearest
//! lieux of a postal code ≤ 0.5 ms, autocomplete ≤ 1 ms a keystroke, start to first frame
//! ≤ 10 ms.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use borne::domain::communes::CommuneIndex;
use borne::domain::lieu::Filters;
use borne::domain::nearest::{PlaceIndex, nearest};
use borne::places::load;
use borne::store::SqliteStore;
use divan::Bencher;

fn main() {
    divan::main();
}

fn config_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config")
}

const SERVICES: [&str; 4] = [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Accès internet et matériel informatique",
];

/// 20,000 lieux in the national standard, one near each of the first located communes.
fn national_csv(dir: &Path) -> PathBuf {
    let (all, _) =
        borne::places::import::communes::read(&config_dir().join("communes.csv")).unwrap();
    let mut csv = String::from(
        "id,pivot,nom,commune,code_postal,adresse,latitude,longitude,horaires,services,frais_a_charge,date_maj\n",
    );
    let mut n = 0;
    for (i, c) in all
        .iter()
        .enumerate()
        .filter(|(_, c)| c.located().is_some() && !c.code_postal.is_empty())
    {
        let (lat, lon) = c.located().unwrap();
        writeln!(
            csv,
            "bench-{i},00000000000000,Espace numérique {n},\"{}\",{},1 place de la Mairie,{:.5},{:.5},\"Mo-Fr 09:00-12:00,14:00-17:00\",{}|{},Gratuit,2024-01-15",
            c.nom,
            c.code_postal,
            lat + 0.003,
            lon - 0.002,
            SERVICES[n % 4],
            SERVICES[(n + 1) % 4],
        )
        .unwrap();
        n += 1;
        if n == 20_000 {
            break;
        }
    }
    let path = dir.join("national.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[divan::bench(sample_count = 5)]
fn import_20000_lieux(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let file = national_csv(dir.path());
    let mut round = 0;
    bencher.bench_local(|| {
        round += 1;
        let mut store = SqliteStore::open(&dir.path().join(format!("import-{round}.db"))).unwrap();
        let summary = load::lieux_file(&mut store, &file, today(), &mut |_| {}).unwrap();
        assert_eq!(
            summary.added,
            20_000,
            "{:?}",
            &summary.rejected[..3.min(summary.rejected.len())]
        );
    });
}

fn national_index() -> (tempfile::TempDir, SqliteStore, std::sync::Arc<PlaceIndex>) {
    let dir = tempfile::tempdir().unwrap();
    let file = national_csv(dir.path());
    let mut store = SqliteStore::open(&dir.path().join("n.db")).unwrap();
    load::communes_file(&mut store, &config_dir().join("communes.csv"), false)
        .unwrap()
        .unwrap();
    load::lieux_file(&mut store, &file, today(), &mut |_| {}).unwrap();
    let index = store.place_index().unwrap();
    (dir, store, index)
}

#[divan::bench]
fn nearest_lieux_for_a_postal_code(bencher: Bencher) {
    let (_dir, _store, index) = national_index();
    assert!(index.points.len() >= 20_000);
    bencher.bench_local(|| {
        let gap = index.communes.search("05000")[0];
        nearest(
            &index.points,
            &index.communes.get(gap),
            &[],
            &Filters::default(),
            10,
        )
    });
}

/// A hundred things people type, key by key: prefixes, whole names, typos, postal codes, all
/// of France and overseas. The goal (1 ms a keystroke) is for the slowest of them.
const TYPED: &[&str] = &[
    "g",
    "ga",
    "gap",
    "b",
    "bri",
    "bria",
    "brian",
    "briancon",
    "brinacon",
    "briançon",
    "st bonnet",
    "st bo",
    "saint bonnet en champsaur",
    "l argentiere",
    "largentiere",
    "argentiere",
    "embrun",
    "embrn",
    "chorges",
    "chrges",
    "p",
    "pa",
    "par",
    "pari",
    "paris",
    "parsi",
    "paris 11",
    "75011",
    "75",
    "750",
    "m",
    "ma",
    "mar",
    "mars",
    "marseille",
    "marseile",
    "marsielle",
    "13001",
    "13",
    "130",
    "l",
    "ly",
    "lyo",
    "lyon",
    "lyonn",
    "69003",
    "bordeaux",
    "bordeau",
    "bordo",
    "33000",
    "toulouse",
    "toulouze",
    "tolouse",
    "31000",
    "nice",
    "nise",
    "06000",
    "nantes",
    "nante",
    "44000",
    "strasbourg",
    "strasbour",
    "strassburg",
    "67000",
    "lille",
    "lile",
    "59000",
    "rennes",
    "renne",
    "35000",
    "saint denis",
    "st denis",
    "saint-denis",
    "97400",
    "le port",
    "97420",
    "cayenne",
    "caienne",
    "97300",
    "fort de france",
    "fort-de-france",
    "97200",
    "pointe a pitre",
    "pointe-à-pitre",
    "97110",
    "mamoudzou",
    "mamudzu",
    "97600",
    "noumea",
    "98800",
    "ajaccio",
    "ajacio",
    "20000",
    "bastia",
    "20200",
    "y",
    "yz",
    "xx",
    "zzzz",
    "ste marie",
];

/// By position in `TYPED` (divan's sort of text arguments panics on some of these).
#[divan::bench(args = 0..TYPED.len())]
fn autocomplete_keystroke(bencher: Bencher, query: usize) {
    let typed = TYPED[query];
    static INDEX: std::sync::OnceLock<CommuneIndex> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let (all, _) =
            borne::places::import::communes::read(&config_dir().join("communes.csv")).unwrap();
        CommuneIndex::new(all)
    });
    // As the kiosk does: ranked from its help point (Gap).
    let home = index.home("05000", "Gap");
    bencher.bench_local(|| index.search_from(divan::black_box(typed), home));
}

/// What the kiosk does before its first frame, with national data already imported: load
/// and check the configuration, open the database, see that the data files are unchanged,
/// and draw the welcome screen.
#[divan::bench(sample_count = 20)]
fn start_to_first_frame(bencher: Bencher) {
    let (dir, store, _) = national_index();
    drop(store);
    let db = dir.path().join("n.db");
    let config = config_dir();
    {
        let mut store = SqliteStore::open(&db).unwrap();
        load::shipped(&mut store, &config, "2026-03-02T10:15", &mut |_, _, _| {}).unwrap();
    }
    let now = borne::clock::parse_local("2026-03-02T10:15").unwrap();
    bencher.bench_local(|| {
        let loaded = Rc::new(borne::kiosk::load(&config).unwrap());
        let mut store = SqliteStore::open(&db).unwrap();
        assert!(
            load::shipped(&mut store, &config, "2026-03-02T10:15", &mut |_, _, _| {})
                .unwrap()
                .is_empty()
        );
        let app = borne::kiosk::app(loaded, now);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| {
                borne::app::frame::draw(f, &app, now, false);
            })
            .unwrap();
    });
}

/// The day the generated files' dates may not pass.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

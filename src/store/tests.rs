use super::*;
use std::os::unix::fs::PermissionsExt;

fn at(text: &str) -> NaiveDateTime {
    crate::clock::parse_local(text).unwrap()
}

#[test]
fn creates_a_private_wal_database_with_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/borne.db");
    let store = Store::open(&path).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(store.schema_version().unwrap(), migrations::latest());
    let journal: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("borne.db");
    Store::open(&path)
        .unwrap()
        .audit(at("2026-03-02T10:15"), "admin", "quit the kiosk")
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.audit_trail().unwrap(),
        vec![(
            "2026-03-02T10:15:00".to_string(),
            "admin".to_string(),
            "quit the kiosk".to_string()
        )]
    );
}

#[test]
fn refuses_a_database_from_a_newer_borne() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("borne.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert!(err.contains("newer"), "{err}");
    assert!(err.contains("borne.db"), "{err}");
}

#[test]
fn database_path_prefers_flag_then_config_then_xdg() {
    let flag = Path::new("/tmp/a.db");
    let conf = Path::new("/tmp/b.db");
    assert_eq!(resolve_path(Some(flag), Some(conf)).unwrap(), flag);
    assert_eq!(resolve_path(None, Some(conf)).unwrap(), conf);
    let default = resolve_path(None, None).unwrap();
    assert!(default.ends_with("borne/borne.db"), "{default:?}");
}

#[test]
fn the_pin_lockout_is_kept_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.pin_guard().unwrap(), (0, None));
    store
        .save_pin_guard(5, Some(at("2026-03-02T10:20")))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.pin_guard().unwrap(),
        (5, Some(at("2026-03-02T10:20")))
    );
}

#[test]
fn a_damaged_file_is_refused_at_open_not_found_by_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("damaged.db");
    {
        let mut store = Store::open(&db).unwrap();
        // Enough rows for pages of their own, then everything in the file itself.
        store
            .immediate(|tx| {
                for i in 0..2000 {
                    super::audit_in(tx, at("2026-03-02T10:00"), "admin", &format!("action {i}"))?;
                }
                Ok(())
            })
            .unwrap();
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    // A page in the middle overwritten (a crash, a disk, a log deleted mid-checkpoint).
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096 * 3;
    bytes[page..page + 4096].fill(0x5a);
    std::fs::write(&db, &bytes).unwrap();
    let err = Store::open(&db).err().expect("a damaged file opened");
    assert!(err.contains("the file is damaged"), "{err}");
}

#[test]
fn a_write_ahead_log_deleted_under_the_store_stops_its_writing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let mut store = Store::open(&db).unwrap();
    assert_eq!(store.still_its_files(), Ok(()));
    std::fs::remove_file(super::beside(&db, "-wal")).unwrap();
    let err = store.still_its_files().unwrap_err();
    assert!(err.contains("write-ahead log"), "{err}");
    // Sticky: a log made again by another process is not this store's either.
    drop(Store::open(&db));
    assert!(store.still_its_files().is_err());
}

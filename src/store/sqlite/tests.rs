use super::*;
use std::os::unix::fs::PermissionsExt;

fn at(text: &str) -> NaiveDateTime {
    crate::clock::parse_local(text).unwrap()
}

#[test]
fn creates_a_private_wal_database_with_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/borne.db");
    let store = SqliteStore::open(&path).unwrap();
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
    SqliteStore::open(&path)
        .unwrap()
        .audit(at("2026-03-02T10:15"), "admin", "quit the kiosk")
        .unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
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
    drop(SqliteStore::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let err = SqliteStore::open(&path).err().unwrap();
    assert!(err.cause().contains("newer"), "{err}");
    assert!(err.cause().contains("borne.db"), "{err}");
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
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.pin_guard().unwrap(), (0, None));
    store
        .save_pin_guard(5, Some(at("2026-03-02T10:20")))
        .unwrap();
    drop(store);
    let store = SqliteStore::open(&path).unwrap();
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
        let mut store = SqliteStore::open(&db).unwrap();
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
    let err = SqliteStore::open(&db).err().expect("a damaged file opened");
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    assert!(err.cause().contains("the file is damaged"), "{err}");
}

#[test]
fn a_write_ahead_log_deleted_under_the_store_stops_its_writing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let mut store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.still_its_files(), Ok(()));
    std::fs::remove_file(super::beside(&db, "-wal")).unwrap();
    let err = store.still_its_files().unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    assert!(err.cause().contains("write-ahead log"), "{err}");
    // Sticky: a log made again by another process is not this store's either.
    drop(SqliteStore::open(&db));
    assert!(store.still_its_files().is_err());
}

#[test]
fn a_file_another_program_holds_is_busy_not_damaged() {
    // The kiosk waits at its start for a database that is busy (`borne` without command),
    // and only then: it must know busy from damaged without reading SQLite's words.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("held.db");
    drop(SqliteStore::open(&db).unwrap());
    let holder = Connection::open(&db).unwrap();
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE held (x);")
        .unwrap();
    let err = SqliteStore::open_unchecked(&db)
        .err()
        .expect("opened while held");
    assert!(matches!(err, StoreError::Busy(_)), "{err:?}");
    assert!(err.cause().contains("held.db"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
}

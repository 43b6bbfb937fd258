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

//! A `--db` or `[data] database` value: a SQLite file's path, or a network's PostgreSQL URL.
//! Its password must never reach a log or a message.

/// Whether the value names a PostgreSQL database rather than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgresql://") || db.starts_with("postgres://")
}

/// A URL as it may be shown: its password removed.
pub fn shown(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{path}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(
            shown("postgresql://kiosk_gap:s3cret@db.example.fr:5432/borne?sslmode=require"),
            "postgresql://kiosk_gap@db.example.fr:5432/borne?sslmode=require"
        );
        assert_eq!(
            shown("postgresql://kiosk@%2Frun%2Fpg/borne"),
            "postgresql://kiosk@%2Frun%2Fpg/borne"
        );
        assert_eq!(shown("postgresql://db/borne"), "postgresql://db/borne");
        assert!(is_url("postgresql://db/borne") && !is_url("/var/lib/borne.db"));
    }
}

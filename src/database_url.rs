//! A `--db` or `[data] database` value: a SQLite file's path, or a network's PostgreSQL
//! database (a URL, or libpq's `key=value` connection string). Its password must never reach
//! a log or a message: `shown` rebuilds it from the parts it recognises, and shows nothing of
//! one it cannot read.

/// Whether the value names a PostgreSQL database rather than a SQLite file.
pub(crate) fn is_url(db: &str) -> bool {
    db.starts_with("postgresql://") || db.starts_with("postgres://") || is_key_value(db)
}

/// What is shown of a database it cannot read, for fear of showing its password.
pub(crate) const UNREADABLE: &str = "(adresse de la base)";

/// The connection parameters that may be shown (never `password`, nor one unknown).
const SHOWN_PARAMETERS: &[&str] = &[
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "sslmode",
    "target_session_attrs",
    "connect_timeout",
    "application_name",
];

/// A database as it may be shown: the user, hosts, database and the known parameters,
/// never the password, whatever form it takes (`user:password@`, `?password=`, a `/`, `@`
/// or `?` in it, `password=` in a key=value string); `UNREADABLE` when it cannot be read.
pub(crate) fn shown(db: &str) -> String {
    let rebuilt = if is_key_value(db) {
        shown_key_value(db)
    } else if let Some((scheme, rest)) = db.split_once("://") {
        shown_url(scheme, rest)
    } else {
        None
    };
    rebuilt.unwrap_or_else(|| UNREADABLE.to_string())
}

/// `postgresql://[user[:password]@]host[:port][,…][/dbname][?key=value&…]`. Whatever comes
/// before the last `@` is the user and their password, so a password holding `@`, `/` or
/// `?` stays out of what is shown.
fn shown_url(scheme: &str, rest: &str) -> Option<String> {
    let (user, after) = match rest.rsplit_once('@') {
        Some((userinfo, after)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            (Some(user), after)
        }
        None => (None, rest),
    };
    let (before_query, query) = match after.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (after, None),
    };
    let (hosts, dbname) = match before_query.split_once('/') {
        Some((hosts, dbname)) => (hosts, Some(dbname)),
        None => (before_query, None),
    };
    let plain = |text: &str, more: &str| {
        text.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._~%-".contains(c) || more.contains(c))
    };
    if !user.is_none_or(|u| plain(u, "")) || !plain(hosts, ":,[]") {
        return None;
    }
    if !dbname.is_none_or(|d| plain(d, "")) {
        return None;
    }
    let mut shown = format!("{scheme}://");
    if let Some(user) = user {
        shown.push_str(user);
        shown.push('@');
    }
    shown.push_str(hosts);
    if let Some(dbname) = dbname {
        shown.push('/');
        shown.push_str(dbname);
    }
    if let Some(query) = query {
        let mut kept = Vec::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=')?;
            if SHOWN_PARAMETERS.contains(&key) {
                if !plain(value, ":,/") {
                    return None;
                }
                kept.push(pair);
            }
        }
        if !kept.is_empty() {
            shown.push('?');
            shown.push_str(&kept.join("&"));
        }
    }
    Some(shown)
}

/// Whether the value is libpq's `key=value …` connection string.
fn is_key_value(db: &str) -> bool {
    let db = db.trim_start();
    let key_len = db
        .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
        .unwrap_or(db.len());
    key_len > 0 && db[key_len..].trim_start().starts_with('=')
}

/// `host=… port=… dbname=… user=… password=…`, values bare or in single quotes (a quote or
/// a backslash escaped with `\`): the known parameters but the password.
fn shown_key_value(db: &str) -> Option<String> {
    let mut shown = Vec::new();
    let mut chars = db.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        chars.next_if_eq(&'=')?;
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next()? {
                    '\'' => break,
                    '\\' => value.push(chars.next()?),
                    c => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                value.push(c);
            }
        }
        if SHOWN_PARAMETERS.contains(&key.as_str()) {
            if value
                .chars()
                .any(|c| c.is_control() || c == '\'' || c == '\\')
            {
                return None;
            }
            let quoted = if value.is_empty() || value.contains(char::is_whitespace) {
                format!("'{value}'")
            } else {
                value
            };
            shown.push(format!("{key}={quoted}"));
        }
    }
    Some(shown.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_is_shown_without_its_password_in_every_form() {
        for (given, expected) in [
            (
                "postgresql://kiosk_gap:s3cret@db.example.fr:5432/borne?sslmode=require",
                "postgresql://kiosk_gap@db.example.fr:5432/borne?sslmode=require",
            ),
            (
                "postgresql://kiosk@%2Frun%2Fpg/borne",
                "postgresql://kiosk@%2Frun%2Fpg/borne",
            ),
            ("postgresql://db/borne", "postgresql://db/borne"),
            ("postgres://db", "postgres://db"),
            // The password as a parameter, alone or among others.
            (
                "postgresql://kiosk@db/borne?password=s3cret",
                "postgresql://kiosk@db/borne",
            ),
            (
                "postgresql://db/borne?sslmode=require&password=s3cret&connect_timeout=3",
                "postgresql://db/borne?sslmode=require&connect_timeout=3",
            ),
            // A password holding what ends the user's part elsewhere.
            (
                "postgresql://kiosk:s3/cret@db/borne",
                "postgresql://kiosk@db/borne",
            ),
            (
                "postgresql://kiosk:s3@cr@et@db/borne",
                "postgresql://kiosk@db/borne",
            ),
            (
                "postgresql://kiosk:s3?cr=et@db/borne",
                "postgresql://kiosk@db/borne",
            ),
            (
                "postgresql://kiosk:s3%2Fcret@db/borne",
                "postgresql://kiosk@db/borne",
            ),
            // Several hosts.
            (
                "postgresql://kiosk:s3cret@primary:5432,standby:5433/borne?target_session_attrs=read-write",
                "postgresql://kiosk@primary:5432,standby:5433/borne?target_session_attrs=read-write",
            ),
            // An unknown parameter is left out: it could be anything.
            (
                "postgresql://db/borne?passfile=/x&sslpassword=s3cret",
                "postgresql://db/borne",
            ),
            // libpq's key=value strings.
            (
                "host=db.example.fr port=5432 dbname=borne user=kiosk password=s3cret",
                "host=db.example.fr port=5432 dbname=borne user=kiosk",
            ),
            (
                "host = db password = 's3 cr\\'et' application_name='borne de Gap'",
                "host=db application_name='borne de Gap'",
            ),
            // What cannot be read shows nothing of itself.
            ("postgresql://kiosk:s3cret@db/bor ne", UNREADABLE),
            ("postgresql://kiosk:s3cret@db/borne?sslmode", UNREADABLE),
            ("host=db password='s3cret", UNREADABLE),
            ("s3cret", UNREADABLE),
        ] {
            let got = shown(given);
            assert_eq!(got, expected, "{given}");
            assert!(
                !got.contains("s3") && !got.contains("cret"),
                "{given}: {got}"
            );
        }
        assert!(is_url("postgresql://db/borne") && !is_url("/var/lib/borne.db"));
        assert!(is_url("host=db dbname=borne") && !is_url("borne.db"));
    }
}

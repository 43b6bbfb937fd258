//! The password of a network's database when the URL has none: `PGPASSWORD`, else the
//! PostgreSQL password file (`PGPASSFILE`, else `~/.pgpass`: `host:port:database:user:password`
//! lines, `*` for any), which must be readable by its owner only, as libpq requires.
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// What a password file line is matched against.
pub(crate) struct Target<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

pub(crate) fn find(target: &Target) -> Result<Option<String>, String> {
    if let Some(password) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()) {
        return Ok(Some(password));
    }
    let Some(file) = password_file() else {
        return Ok(None);
    };
    let Ok(meta) = std::fs::metadata(&file) else {
        return Ok(None);
    };
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(format!(
            "{}: the password file must be readable by its owner only (chmod 600)",
            file.display()
        ));
    }
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(matching(&text, target))
}

fn password_file() -> Option<PathBuf> {
    std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pgpass")))
}

/// The password of the first line that matches, as libpq reads the file: `\:` and `\\` are
/// escapes, `#` starts a comment line.
fn matching(text: &str, target: &Target) -> Option<String> {
    let port = target.port.to_string();
    let wanted = [target.host, port.as_str(), target.database, target.user];
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .find_map(|line| {
            let fields = split(line);
            let [host, port, database, user, password] = fields.as_slice() else {
                return None;
            };
            [host, port, database, user]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field.as_str() == "*" || field.as_str() == want)
                .then(|| password.clone())
        })
}

fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let c = match c {
            '\\' => chars.next().unwrap_or('\\'),
            ':' if fields.len() < 5 => {
                fields.push(String::new());
                continue;
            }
            c => c,
        };
        if let Some(field) = fields.last_mut() {
            field.push(c);
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAP: Target = Target {
        host: "db.example.fr",
        port: 5432,
        database: "borne",
        user: "kiosk_gap",
    };

    #[test]
    fn the_first_matching_line_gives_the_password() {
        let file = "# the network\n\
                    other.example.fr:5432:borne:kiosk_gap:no\n\
                    db.example.fr:*:borne:kiosk_gap:pa\\:ss\n\
                    *:*:*:*:fallback\n";
        assert_eq!(matching(file, &GAP), Some("pa:ss".into()));
        let embrun = Target {
            user: "kiosk_embrun",
            ..GAP
        };
        assert_eq!(matching(file, &embrun), Some("fallback".into()));
        assert_eq!(matching("db.example.fr:5432:borne:x:y\n", &GAP), None);
    }

    #[test]
    fn a_password_file_others_can_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "*:*:*:*:secret\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        // SAFETY: this test alone reads these variables in this process's tests.
        unsafe {
            std::env::remove_var("PGPASSWORD");
            std::env::set_var("PGPASSFILE", &file);
        }
        let e = find(&GAP).unwrap_err();
        assert!(e.contains("readable by its owner only (chmod 600)"), "{e}");
        assert!(!e.contains("secret"));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(find(&GAP).unwrap(), Some("secret".into()));
        unsafe { std::env::remove_var("PGPASSFILE") };
    }
}

//! Fetching the national lieux file: over HTTPS with rustls (ring, the system's authorities,
//! as the network's database: no OpenSSL), conditionally (an unchanged file answers 304 and
//! nothing is downloaded), into a temporary file that is removed whatever happens. What the
//! address answered is only checked here as a download (its status, an HTML page): whether it
//! is the lieux standard is `update.rs`'s.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A national file is about 20 MB; more than this is not a lieux file.
const MAX_BYTES: u64 = 512 * 1024 * 1024;
/// A mairie's line may be slow: the whole download may take this long.
const WHOLE_DOWNLOAD: Duration = Duration::from_secs(15 * 60);
const CONNECT: Duration = Duration::from_secs(10);
/// Nothing received for this long: the line fell.
const SILENCE: Duration = Duration::from_secs(60);

/// Debian's bundle of the system's authorities (as for the network's database).
const SYSTEM_AUTHORITIES: &str = "/etc/ssl/certs/ca-certificates.crt";

pub(crate) use crate::store::Validators;

/// A file of ours, removed when dropped.
#[derive(Debug)]
pub(crate) struct TempFile(PathBuf);

impl TempFile {
    /// A new empty file in `dir`, only its owner may read it.
    pub(crate) fn new(dir: &Path, extension: &str) -> std::io::Result<(TempFile, std::fs::File)> {
        use std::os::unix::fs::OpenOptionsExt;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(
            "borne-lieux-{}-{nanos}.{extension}",
            std::process::id()
        ));
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        Ok((TempFile(path), file))
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    /// The same file under another extension (the importer reads JSON by its name).
    fn renamed(self, extension: &str) -> std::io::Result<TempFile> {
        let to = self.0.with_extension(extension);
        std::fs::rename(&self.0, &to)?;
        let renamed = TempFile(to);
        std::mem::forget(self);
        Ok(renamed)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What the address gave.
#[derive(Debug)]
pub(crate) enum Fetched {
    /// The file is the one taken last time (304).
    Unchanged,
    /// A new file, downloaded whole, named `.json` or `.csv` after its first character.
    File {
        file: TempFile,
        validators: Validators,
    },
}

/// Why nothing was fetched.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FetchError {
    /// The address could not be reached (no line, no such host, TLS refused): try later.
    Unreachable(String),
    /// The address answered something that is not a lieux file (an error status, a web page).
    Refused(String),
}

/// Downloads `url` into `dir` unless it is unchanged since `known`. `token` (the DataSpace
/// API's) goes as a bearer token and is never shown.
pub(crate) fn download(
    url: &str,
    token: Option<&str>,
    known: &Validators,
    dir: &Path,
) -> Result<Fetched, FetchError> {
    let shown = shown(url);
    let agent = agent(url)?;
    let mut request = agent.get(url);
    if let Some(token) = token {
        request = request.header("Authorization", &format!("Bearer {token}"));
    }
    if let Some(etag) = &known.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(date) = &known.last_modified {
        request = request.header("If-Modified-Since", date);
    }
    let mut response = request
        .call()
        .map_err(|e| FetchError::Unreachable(format!("{shown}: {e}")))?;
    let status = response.status();
    if status.as_u16() == 304 {
        return Ok(Fetched::Unchanged);
    }
    if !status.is_success() {
        return Err(FetchError::Refused(format!(
            "{shown} answered {status}: no lieux file"
        )));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    };
    let validators = Validators {
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    let html = header("content-type").is_some_and(|t| t.contains("text/html"));
    let (file, mut out) = TempFile::new(dir, "part")
        .map_err(|e| FetchError::Unreachable(format!("{}: {e}", dir.display())))?;
    let mut body = response.body_mut().with_config().limit(MAX_BYTES).reader();
    let mut start = Vec::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = body
            .read(&mut buffer)
            .map_err(|e| FetchError::Unreachable(format!("{shown}: cut off: {e}")))?;
        if read == 0 {
            break;
        }
        if start.len() < 512 {
            start.extend_from_slice(&buffer[..read.min(512)]);
        }
        out.write_all(&buffer[..read])
            .map_err(|e| FetchError::Unreachable(format!("{}: {e}", file.path().display())))?;
    }
    out.sync_all()
        .map_err(|e| FetchError::Unreachable(format!("{}: {e}", file.path().display())))?;
    let kind = kind_of(&start);
    if html || kind == Kind::Html {
        return Err(FetchError::Refused(format!(
            "{shown} answered a web page, not a lieux file{}",
            title(&start).map_or(String::new(), |t| format!(" (\"{t}\")"))
        )));
    }
    let extension = if kind == Kind::Json { "json" } else { "csv" };
    let file = file
        .renamed(extension)
        .map_err(|e| FetchError::Unreachable(format!("{}: {e}", dir.display())))?;
    Ok(Fetched::File { file, validators })
}

#[derive(Debug, PartialEq)]
enum Kind {
    Json,
    Html,
    Csv,
}

/// What a file is, by its first character (after a byte-order mark and blanks).
fn kind_of(start: &[u8]) -> Kind {
    let text = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{') => Kind::Json,
        Some(b'<') => Kind::Html,
        _ => Kind::Csv,
    }
}

/// A web page's title, cleaned, for the message.
fn title(start: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(start);
    let lower = text.to_lowercase();
    let from = lower.find("<title>")? + "<title>".len();
    let to = from + lower[from..].find('<')?;
    let title = super::import::clean(&text[from..to]);
    (!title.is_empty()).then(|| title.chars().take(80).collect())
}

/// The address as said in messages: no query (a token may sit there), no user or password.
pub(crate) fn shown(url: &str) -> String {
    let without_query = url.split(['?', '#']).next().unwrap_or(url);
    match without_query.split_once("://") {
        Some((scheme, rest)) => {
            let host_and_path = rest.rsplit_once('@').map_or(rest, |(_, after)| after);
            crate::problem::printable(&format!("{scheme}://{host_and_path}"))
        }
        None => crate::problem::printable(without_query),
    }
}

fn agent(url: &str) -> Result<ureq::Agent, FetchError> {
    use ureq::tls::{RootCerts, TlsConfig, TlsProvider};
    let mut tls = TlsConfig::builder()
        .provider(TlsProvider::Rustls)
        .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::ring::default_provider()));
    // A plain http:// address (a département's own mirror) needs no authorities.
    if url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        tls = tls.root_certs(RootCerts::Specific(Arc::new(authorities()?)));
    }
    Ok(ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(CONNECT))
        .timeout_global(Some(WHOLE_DOWNLOAD))
        .timeout_recv_body(Some(SILENCE))
        .timeout_recv_response(Some(SILENCE))
        .user_agent(concat!("borne/", env!("CARGO_PKG_VERSION")))
        .tls_config(tls.build())
        .build()
        .new_agent())
}

/// The system's authorities (`SSL_CERT_FILE` names another bundle).
fn authorities() -> Result<Vec<ureq::tls::Certificate<'static>>, FetchError> {
    let file = std::env::var_os("SSL_CERT_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(SYSTEM_AUTHORITIES));
    let why = |e: &dyn std::fmt::Display| {
        FetchError::Unreachable(format!(
            "the certificate authorities to check the address against, {}: {e}",
            file.display()
        ))
    };
    let pem = std::fs::read(&file).map_err(|e| why(&e))?;
    let certificates: Vec<_> = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
            _ => None,
        })
        .collect();
    if certificates.is_empty() {
        return Err(why(&"no certificate in it"));
    }
    Ok(certificates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_told_by_its_first_character() {
        assert_eq!(kind_of(b"\xef\xbb\xbf  [{\"id\": 1}]"), Kind::Json);
        assert_eq!(kind_of(b"\n<!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(kind_of(b"id,pivot,nom"), Kind::Csv);
        assert_eq!(
            title(b"<html><head><TITLE>502 Bad \x1b[2JGateway</title>").as_deref(),
            Some("502 Bad Gateway")
        );
    }

    #[test]
    fn an_address_is_shown_without_its_query_or_password() {
        assert_eq!(
            shown("https://user:secret@api.example/lieux?token=abc"),
            "https://api.example/lieux"
        );
    }
}

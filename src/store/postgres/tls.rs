//! TLS to the network's database when its URL asks for it (`sslmode=require`): the server's
//! certificate is checked against the authority in `PGSSLROOTCERT` (libpq's variable; a
//! département's own authority), else the system's authorities. An unchecked certificate
//! would let anyone on the mairie's line read the bookings: there is no "encrypt without
//! checking".
use std::path::PathBuf;
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tokio_postgres_rustls::MakeRustlsConnect;

/// Debian's bundle of the system's authorities.
const SYSTEM_AUTHORITIES: &str = "/etc/ssl/certs/ca-certificates.crt";

pub(crate) fn connector() -> Result<MakeRustlsConnect, String> {
    let (file, named) = match std::env::var_os("PGSSLROOTCERT") {
        Some(path) => (PathBuf::from(path), true),
        None => (PathBuf::from(SYSTEM_AUTHORITIES), false),
    };
    let mut roots = RootCertStore::empty();
    let certificates = CertificateDer::pem_file_iter(&file)
        .map_err(|e| authorities(&file, named, &e.to_string()))?;
    for certificate in certificates {
        let certificate = certificate.map_err(|e| authorities(&file, named, &e.to_string()))?;
        roots
            .add(certificate)
            .map_err(|e| authorities(&file, named, &e.to_string()))?;
    }
    if roots.is_empty() {
        return Err(authorities(&file, named, "no certificate in it"));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

fn authorities(file: &std::path::Path, named: bool, why: &str) -> String {
    let from = if named { " (PGSSLROOTCERT)" } else { "" };
    format!(
        "sslmode=require: the certificate authorities to check the server against, {}{from}: {why}",
        file.display()
    )
}

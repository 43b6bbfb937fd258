//! Staff PINs are stored only as argon2id hashes (PHC strings) in the configuration.
use argon2::password_hash::{SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

/// Shortest PIN `borne hash-pin` accepts.
pub(crate) const MIN_LENGTH: usize = 4;

pub fn hash_pin(pin: &str) -> Result<String, String> {
    if pin.chars().count() < MIN_LENGTH {
        return Err(format!("a PIN has at least {MIN_LENGTH} characters"));
    }
    if pin.chars().any(char::is_control) {
        return Err("a PIN has no control characters".into());
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash the PIN: {e}"))
}

/// Whether a string is an argon2id hash this kiosk can verify against.
pub(crate) fn check_hash(hash: &str) -> Result<(), String> {
    let parsed = check_parameters(hash)?;
    if parsed.hash.is_none() {
        return Err("not a valid argon2id hash (it has no hash part)".into());
    }
    Ok(())
}

/// Whether a string is a PIN hash as a network publishes it, without its hash part
/// (see `salted`).
pub(crate) fn check_salted(salted: &str) -> Result<(), String> {
    let parsed = check_parameters(salted)?;
    if parsed.hash.is_some() {
        return Err("a published agenda keeps no PIN hash, only its salt".into());
    }
    Ok(())
}

/// A PIN hash as a network's kiosks see it, and the hash they never see: the string without
/// its hash part (the algorithm, its parameters and the salt, what a kiosk needs to derive a
/// PIN's proof), and that hash (the proof the network's database expects).
pub fn salted(hash: &str) -> Option<(String, Vec<u8>)> {
    let parsed = PasswordHash::new(hash).ok()?;
    let output = parsed.hash?.as_bytes().to_vec();
    let without = PasswordHash {
        hash: None,
        ..parsed
    };
    Some((without.to_string(), output))
}

/// A counsellor's PIN as a network keeps it (see `salted`): what its kiosks read, and the
/// hash only its database compares with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedPin {
    pub counsellor: String,
    /// Their name in the agenda: an id is one person in the whole network.
    pub name: String,
    pub salted: String,
    pub kept: Vec<u8>,
}

/// What a PIN gives with a published salt (`salted`): the database compares it with the
/// hash it keeps, so a kiosk proves a PIN without holding anything that would let a thief
/// of its files sign in. `None` when the string is not a salted PIN hash.
pub fn proof(pin: &str, salted: &str) -> Option<Vec<u8>> {
    let parsed = PasswordHash::new(salted).ok()?;
    let params = argon2::Params::try_from(&parsed).ok()?;
    let salt = parsed.salt?;
    let hashed = Argon2::default()
        .hash_password_customized(
            pin.as_bytes(),
            Some(parsed.algorithm),
            parsed.version,
            params,
            salt,
        )
        .ok()?;
    Some(hashed.hash?.as_bytes().to_vec())
}

/// The hash's algorithm and cost, checked.
fn check_parameters(hash: &str) -> Result<PasswordHash<'_>, String> {
    let parsed = PasswordHash::new(hash).map_err(|e| format!("not a valid argon2id hash ({e})"))?;
    if parsed.algorithm != Algorithm::Argon2id.ident() {
        return Err(format!(
            "the hash uses {}, argon2id is required",
            parsed.algorithm
        ));
    }
    // A PIN try must stay quick on a cheap machine: parameters past these bounds would
    // freeze the kiosk for minutes, or abort it for want of memory.
    let params = argon2::Params::try_from(&parsed)
        .map_err(|e| format!("its argon2 parameters are not valid ({e})"))?;
    for (name, value, max) in [
        ("m (memory, KiB)", params.m_cost(), MAX_MEMORY_KIB),
        ("t (time cost)", params.t_cost(), MAX_TIME_COST),
        ("p (parallelism)", params.p_cost(), MAX_PARALLELISM),
    ] {
        if value > max {
            return Err(format!(
                "argon2 {name} = {value} is above {max}: one PIN try would freeze the kiosk"
            ));
        }
    }
    Ok(parsed)
}

/// Bounds on a PIN hash's cost (64 MiB of memory, 10 passes, 4 lanes).
pub(crate) const MAX_MEMORY_KIB: u32 = 64 * 1024;
pub(crate) const MAX_TIME_COST: u32 = 10;
pub(crate) const MAX_PARALLELISM: u32 = 4;

/// Who a PIN opens the kiosk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// The help point's staff PIN: the staff menu.
    Admin,
    /// A counsellor (index into the agenda's counsellors).
    Counsellor(usize),
}

/// Checks a PIN against the staff hash, then each counsellor's: the slow part of signing in
/// (argon2 on purpose), run away from the screen's thread.
pub(crate) fn signer(pin: &str, staff_hash: &str, counsellor_hashes: &[&str]) -> Option<Signer> {
    if verify_pin(pin, staff_hash) {
        return Some(Signer::Admin);
    }
    counsellor_hashes
        .iter()
        .position(|hash| verify_pin(pin, hash))
        .map(Signer::Counsellor)
}

pub fn verify_pin(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_pin_verifies_and_others_do_not() {
        let hash = hash_pin("2468").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(check_hash(&hash).is_ok());
        assert!(verify_pin("2468", &hash));
        assert!(!verify_pin("2469", &hash));
        assert!(!verify_pin("", &hash));
    }

    #[test]
    fn a_pin_proves_itself_against_the_salt_alone() {
        let hash = hash_pin("2468").unwrap();
        let (salt, kept) = salted(&hash).unwrap();
        assert!(
            hash.starts_with(&salt) && hash.len() > salt.len() + 20,
            "{salt}"
        );
        assert!(check_salted(&salt).is_ok());
        assert!(check_hash(&salt).unwrap_err().contains("no hash part"));
        assert!(check_salted(&hash).is_err());
        assert_eq!(proof("2468", &salt), Some(kept.clone()));
        assert_ne!(proof("2469", &salt), Some(kept));
        assert_eq!(proof("2468", "not a hash"), None);
    }

    #[test]
    fn costly_hash_parameters_are_refused() {
        let salt = "$eWa/S3TQeDgKzzHaPKNXSg$INcWuyxs7FjsU8vswNHNk+e0qAyyfZin18E0gflUX90";
        assert!(check_hash(&format!("$argon2id$v=19$m=19456,t=2,p=1{salt}")).is_ok());
        let memory = check_hash(&format!("$argon2id$v=19$m=4194304,t=2,p=1{salt}")).unwrap_err();
        assert!(
            memory.contains("m (memory, KiB) = 4194304 is above 65536"),
            "{memory}"
        );
        let time = check_hash(&format!("$argon2id$v=19$m=19456,t=50,p=1{salt}")).unwrap_err();
        assert!(time.contains("t (time cost) = 50 is above 10"), "{time}");
        let lanes = check_hash(&format!("$argon2id$v=19$m=19456,t=2,p=16{salt}")).unwrap_err();
        assert!(lanes.contains("p (parallelism) = 16 is above 4"), "{lanes}");
    }

    #[test]
    fn short_pins_and_bad_hashes_are_refused() {
        assert!(hash_pin("123").is_err());
        assert!(check_hash("2468").is_err());
        assert!(check_hash("").is_err());
        // A valid PHC string of another algorithm.
        let argon2i = "$argon2i$v=19$m=16,t=2,p=1$c29tZXNhbHQ$Ti4zWSUS8MjCcNh0LDkeiQ";
        assert!(check_hash(argon2i).unwrap_err().contains("argon2id"));
        assert!(!verify_pin("2468", "garbage"));
    }
}

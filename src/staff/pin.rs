//! Staff PINs are stored only as argon2id hashes (PHC strings) in the configuration.
use argon2::password_hash::{SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

/// Shortest PIN `borne hash-pin` accepts.
pub const MIN_LENGTH: usize = 4;

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
pub fn check_hash(hash: &str) -> Result<(), String> {
    let parsed = PasswordHash::new(hash).map_err(|e| format!("not a valid argon2id hash ({e})"))?;
    if parsed.algorithm != Algorithm::Argon2id.ident() {
        return Err(format!(
            "the hash uses {}, argon2id is required",
            parsed.algorithm
        ));
    }
    Ok(())
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

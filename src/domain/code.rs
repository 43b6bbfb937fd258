//! The 6-character code a person keeps to manage an appointment. Its alphabet has no
//! characters that look alike (no 0/O, no 1/I/L).
use argon2::password_hash::rand_core::{OsRng, RngCore};

pub(crate) const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub(crate) const LENGTH: usize = 6;

pub(crate) fn new_code() -> String {
    (0..LENGTH)
        .map(|_| {
            // Rejection sampling keeps every character equally likely.
            loop {
                let byte = (OsRng.next_u32() & 0xFF) as usize;
                if byte < 256 - 256 % ALPHABET.len() {
                    return ALPHABET[byte % ALPHABET.len()] as char;
                }
            }
        })
        .collect()
}

/// What a person types, made comparable: upper case, without spaces or dashes.
pub(crate) fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub(crate) fn looks_valid(code: &str) -> bool {
    code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = new_code();
            assert!(looks_valid(&code), "{code}");
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
        }
        assert_ne!(new_code(), new_code());
        assert_eq!(normalise(" ab-c d2 3 "), "ABCD23");
        assert!(!looks_valid("ABC0D2"));
    }
}

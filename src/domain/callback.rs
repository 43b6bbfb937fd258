//! A person's request to be called back, made at a kiosk while its network's database could
//! not be reached. It waits on the kiosk and is sent once the network is back; its id, made
//! by the kiosk, lets the server recognise a request sent twice (an answer lost on the line).
use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    /// Made by the kiosk when the person asks: 16 random bytes in hex.
    pub request_id: String,
    pub first_name: String,
    /// E.164.
    pub phone: String,
    /// What for, in the person's words (or the motif they had chosen).
    pub about: String,
    pub asked_at: NaiveDateTime,
}

/// A new request id: random, so two kiosks never make the same.
pub(crate) fn new_request_id() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn request_ids_are_distinct_and_hex() {
        let a = super::new_request_id();
        let b = super::new_request_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
    }
}

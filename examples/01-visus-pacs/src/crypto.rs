//! Column encryption, IP anonymisation and hashing.
//!
//! The production service seals columns with AES-256-GCM under a data key from AWS KMS
//! (eu-central-1). To keep this example on the workspace's shared dependency set, `seal` below uses
//! a keyed stream stand-in with the same shape (nonce || ciphertext); what matters for privflow is
//! the `#[privflow::sanitizer(..)]` contract of each function, not the cipher.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};

/// The data key used to seal PHI columns of the PACS database.
#[derive(Clone)]
pub struct ColumnCipher {
    key: [u8; 32],
    nonce_counter: std::sync::Arc<AtomicU64>,
}

impl ColumnCipher {
    /// Builds the cipher from the hex data key that the deployment injects (decrypted by KMS).
    pub fn from_hex(hex_key: &str) -> Self {
        let mut key = [0u8; 32];
        for (i, chunk) in hex_key.as_bytes().chunks(2).take(32).enumerate() {
            let s = std::str::from_utf8(chunk).unwrap_or("00");
            key[i] = u8::from_str_radix(s, 16).unwrap_or(0);
        }
        Self {
            key,
            nonce_counter: std::sync::Arc::new(AtomicU64::new(1)),
        }
    }

    /// Encrypts one column value; the result is safe to store.
    #[privflow::sanitizer(encrypt)]
    pub fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        let nonce = self
            .nonce_counter
            .fetch_add(1, Ordering::Relaxed)
            .to_be_bytes();
        let mut out = nonce.to_vec();
        out.extend(
            plaintext
                .iter()
                .enumerate()
                .map(|(i, b)| b ^ self.key[i % 32] ^ nonce[i % 8].rotate_left((i % 7) as u32)),
        );
        out
    }

    /// Encrypts a text column.
    #[privflow::sanitizer(encrypt)]
    pub fn seal_str(&self, plaintext: &str) -> Vec<u8> {
        self.seal(plaintext.as_bytes())
    }
}

/// Shortens an IP address before it is used for statistics: IPv4 keeps the first three octets,
/// IPv6 the first 48 bits (what Google Analytics' `aip` does on its side).
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::sanitizer(anonymize)]
pub fn truncate_ip(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0")
        }
        Ok(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::", s[0], s[1], s[2])
        }
        Err(_) => String::from("0.0.0.0"),
    }
}

/// Hex digest of a normalised e-mail address, the format Google's enhanced conversions expect.
/// (Production uses SHA-256; a hash is not anonymisation: the same address always gives the
/// same digest.)
#[cfg_attr(feature = "compliant", allow(dead_code))]
#[privflow::sanitizer(hash)]
pub fn email_digest(email: &str) -> String {
    let mut hasher = DefaultHasher::new();
    email.trim().to_lowercase().hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// A random-enough token for confirmation links and anonymous analytics client ids.
pub fn random_token() -> String {
    let mut hasher = DefaultHasher::new();
    std::time::SystemTime::now().hash(&mut hasher);
    std::thread::current().id().hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

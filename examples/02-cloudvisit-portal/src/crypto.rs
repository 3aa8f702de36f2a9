//! Application-level encryption of single values ("sealing") for columns that live outside the
//! AES-256 encrypted tables, so that CloudVisit's developers cannot read them.
//!
//! In production `seal` is AES-256-GCM with a per-practice data key from AWS KMS (our `cv-kms`
//! crate). This example keeps its dependency list to the shared workspace set, so the cipher
//! below is a stand-in with the same signature and envelope format; it is not real cryptography.

use std::sync::OnceLock;

/// The envelope prefix: format version and key id.
const ENVELOPE_PREFIX: &str = "cv1:kms-us-east-1:";

fn data_key() -> &'static [u8] {
    static KEY: OnceLock<Vec<u8>> = OnceLock::new();
    KEY.get_or_init(|| {
        std::env::var("CV_DATA_KEY")
            .unwrap_or_else(|_| "development-only-data-key-32byte".to_string())
            .into_bytes()
    })
}

/// Encrypts one value and returns the envelope as text (it goes into `text` columns).
#[privflow::sanitizer(encrypt)]
pub fn seal(plain: &str) -> String {
    let key = data_key();
    let mut out = String::with_capacity(ENVELOPE_PREFIX.len() + plain.len() * 2);
    out.push_str(ENVELOPE_PREFIX);
    for (i, b) in plain.bytes().enumerate() {
        let k = key[i % key.len()];
        out.push_str(&format!("{:02x}", b ^ k));
    }
    out
}

/// Decrypts an envelope written by [`seal`].
pub fn open(envelope: &str) -> Option<String> {
    let hex = envelope.strip_prefix(ENVELOPE_PREFIX)?;
    let key = data_key();
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .enumerate()
        .map(|(i, at)| {
            let b = u8::from_str_radix(hex.get(at..at + 2)?, 16).ok()?;
            Some(b ^ key[i % key.len()])
        })
        .collect();
    String::from_utf8(bytes?).ok()
}

//! Password hashing, redaction of support texts, random tokens.
//!
//! Production hashes passwords with Argon2id (`argon2` crate); this example keeps to the
//! workspace's shared dependencies and uses a salted stand-in with the same contract.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Hashes a password for storage. A hash is not anonymisation: the result still belongs to the
/// account (privflow treats it as the same personal data).
#[privflow::sanitizer(hash)]
pub fn hash_password(password: &str) -> String {
    let salt = random_token();
    let mut hasher = DefaultHasher::new();
    salt.hash(&mut hasher);
    password.hash(&mut hasher);
    format!("$vs1${salt}${:016x}", hasher.finish())
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    let mut parts = stored.split('$').skip(2);
    let (Some(salt), Some(digest)) = (parts.next(), parts.next()) else {
        return false;
    };
    let mut hasher = DefaultHasher::new();
    salt.hash(&mut hasher);
    password.hash(&mut hasher);
    format!("{:016x}", hasher.finish()) == digest
}

/// Removes what identifies a person from a support text: e-mail addresses, phone numbers,
/// IBANs, and the signature block after the greeting ("Met vriendelijke groet, ...").
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::sanitizer(redact)]
pub fn redact_support_text(text: &str) -> String {
    let body = ["Met vriendelijke groet", "Groeten", "Kind regards", "Mvg"]
        .iter()
        .filter_map(|greeting| text.find(greeting))
        .min()
        .map_or(text, |cut| &text[..cut]);
    body.split_whitespace()
        .map(|word| {
            let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
            if word.contains('@') {
                "[e-mail]"
            } else if digits >= 8 {
                "[nummer]"
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A random-enough token for session cookies, confirmation links and invoice numbers.
pub fn random_token() -> String {
    let mut hasher = DefaultHasher::new();
    std::time::SystemTime::now().hash(&mut hasher);
    std::thread::current().id().hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

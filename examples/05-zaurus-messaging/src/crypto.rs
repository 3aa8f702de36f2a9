//! Encryption at rest.
//!
//! "we also apply standard AES256 encryption to all data in transit as well as user information,
//! messages and attachments at rest." Database columns holding user information and messages are
//! encrypted inside PostgreSQL with pgcrypto (`pgp_sym_encrypt(.., 'cipher-algo=aes256')`) under
//! the platform data key; attachments are stored with S3 server-side encryption (`AES256`).
//! The storage functions that do this are marked `encrypted = true`.

/// pgcrypto options for every encrypted column.
pub const PGP_OPTIONS: &str = "cipher-algo=aes256, compress-algo=0";

/// Header that makes the object store encrypt an object with AES256 at rest.
pub const SSE_HEADER: (&str, &str) = ("x-amz-server-side-encryption", "AES256");

/// The symmetric data key for pgcrypto. In production it is unwrapped from the KMS at start-up
/// and only ever handed to the database as a bind parameter.
#[derive(Clone)]
pub struct DataKey(String);

impl DataKey {
    pub fn from_env() -> Result<Self, std::env::VarError> {
        std::env::var("ZAURUS_DATA_KEY").map(DataKey)
    }

    /// The key as a bind parameter for `pgp_sym_encrypt` / `pgp_sym_decrypt`.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

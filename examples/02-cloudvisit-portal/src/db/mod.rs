//! PostgreSQL (Amazon RDS, us-east-1). Patient and billing tables are AES-256 encrypted
//! (`pgcrypto` column encryption under a KMS key); the sinks that write them say
//! `encrypted = true`. Everything is kept at most 30 days after the practice deactivates the
//! account plus one year of administrator-only restore: `retention_days = 395`.

pub mod archive;
pub mod billing;
pub mod directory;
pub mod drafts;
pub mod records;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Opens the pool lazily: the first query connects.
pub fn connect(database_url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(16)
        .connect_lazy(database_url)
}

//! The offline cache: a small key-value table in the app's SQLite file on the phone.

use rusqlite::{params, Connection, OptionalExtension};

pub struct OfflineCache {
    conn: Connection,
}

impl OfflineCache {
    /// Opens (or creates) the cache in the app's data directory.
    pub fn open(path: &str) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS offline_cache (
                 key TEXT PRIMARY KEY,
                 value TEXT NOT NULL,
                 stored_at INTEGER NOT NULL DEFAULT (strftime('%s', 'now'))
             )",
        )?;
        Ok(OfflineCache { conn })
    }

    /// Stores a value on the device.
    #[privflow::sink(kind = "device")]
    pub fn put(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO offline_cache (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn get(&self, key: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT value FROM offline_cache WHERE key = ?1",
                params![key],
                |row| row.get(0),
            )
            .optional()
    }

    /// Clears everything on logout.
    pub fn clear(&self) -> rusqlite::Result<()> {
        self.conn.execute("DELETE FROM offline_cache", [])?;
        Ok(())
    }
}

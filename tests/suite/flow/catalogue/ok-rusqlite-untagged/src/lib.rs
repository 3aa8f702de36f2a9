#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use rusqlite::{params, Connection};

pub fn close_visit(conn: &Connection, p: &Patient) -> rusqlite::Result<()> {
    conn.execute("UPDATE visits SET closed = 1 WHERE patient_id = ?1", params![p.id])?;
    Ok(())
}

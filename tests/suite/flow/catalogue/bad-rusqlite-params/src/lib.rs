#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use rusqlite::{params, Connection};

pub fn save_visit(conn: &Connection, p: &Patient) -> rusqlite::Result<()> {
    conn.execute("INSERT INTO visits (patient_id, diagnosis) VALUES (?1, ?2)", params![p.id, p.diagnosis])?; //~ baseline/phi-unencrypted-at-rest
    Ok(())
}

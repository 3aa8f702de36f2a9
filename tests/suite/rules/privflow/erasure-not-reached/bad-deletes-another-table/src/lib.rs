//! Visits are stored in `visits`; the erasure deletes only the visits' notes.

#[privflow::data]
pub struct Visit {
    pub id: i64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub fn save(conn: &rusqlite::Connection, v: &Visit) -> rusqlite::Result<usize> {
    conn.execute("INSERT INTO visits (id, email) VALUES (?1, ?2)", rusqlite::params![v.id, v.email])
}

#[privflow::erases(Visit)] //~ privflow/erasure-not-reached
pub fn erase(conn: &rusqlite::Connection, patient_id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM visit_notes WHERE patient_id = ?1", rusqlite::params![patient_id])
}

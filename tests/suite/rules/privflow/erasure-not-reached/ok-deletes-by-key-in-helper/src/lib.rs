//! The erasure deletes the patient by its id in a repository helper, and its visits by SQL text
//! through rusqlite.

pub struct Patient {
    pub id: u64,
}
pub struct Visit {
    pub patient_id: u64,
}

#[privflow::sink(kind = "storage", op = "delete", region = "DE")]
pub fn delete_row(_table: &str, _id: u64) {}

fn remove_patient(id: u64) {
    delete_row("patients", id);
}

#[privflow::erases(Patient, Visit)]
pub fn erase(conn: &rusqlite::Connection, p: &Patient, visits: &[Visit]) {
    remove_patient(p.id);
    for v in visits {
        let _ = conn.execute("DELETE FROM visits WHERE patient_id = ?1", [v.patient_id]);
    }
}

#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn store(pool: &r2d2::Pool<r2d2_sqlite::SqliteConnectionManager>, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let conn = pool.get()?;
    conn.execute("INSERT INTO visits (diagnosis) VALUES (?1)", rusqlite::params![p.diagnosis])?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}

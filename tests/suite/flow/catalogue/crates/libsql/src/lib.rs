#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(conn: &libsql::Connection, p: &Patient) -> libsql::Result<()> {
    conn.execute("INSERT INTO visits (diagnosis) VALUES (?1)", [p.diagnosis.as_str()]).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}

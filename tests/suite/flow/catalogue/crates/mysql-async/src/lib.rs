#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use mysql_async::prelude::Queryable;

pub async fn store(conn: &mut mysql_async::Conn, p: &Patient) -> mysql_async::Result<()> {
    conn.exec_drop("INSERT INTO visits (diagnosis) VALUES (?)", (p.diagnosis.clone(),)).await //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
}

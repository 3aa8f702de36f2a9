#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use mysql::prelude::Queryable;

pub fn store(conn: &mut mysql::PooledConn, p: &Patient) -> mysql::Result<()> {
    conn.exec_drop("INSERT INTO visits (diagnosis) VALUES (?)", (p.diagnosis.clone(),)) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
}

#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use redis::Commands;

pub fn forget(con: &mut redis::Connection, p: &Patient) -> redis::RedisResult<()> {
    con.del(format!("visit:{}", p.diagnosis)) //~ cloudvisit/phi-stays-in-us
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use redis::Commands;

pub fn cache_dx(con: &mut redis::Connection, p: &Patient) -> redis::RedisResult<()> {
    let _: () = con.set(format!("dx:{}", p.id), &p.diagnosis)?; //~ baseline/phi-unencrypted-at-rest
    Ok(())
}

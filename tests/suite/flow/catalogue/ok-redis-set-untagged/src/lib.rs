#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use redis::Commands;

pub fn mark_seen(con: &mut redis::Connection, p: &Patient) -> redis::RedisResult<()> {
    let _: () = con.set(format!("seen:{}", p.id), "1")?;
    Ok(())
}

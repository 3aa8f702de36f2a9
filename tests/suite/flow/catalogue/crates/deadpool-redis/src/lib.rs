#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use redis::AsyncCommands;

pub async fn cache(pool: &deadpool_redis::Pool, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = pool.get().await?;
    conn.set::<_, _, ()>(format!("visit:{}", p.id), &p.diagnosis).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}

#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn store(
    env: &heed::Env,
    db: heed::Database<heed::types::Str, heed::types::Str>,
    p: &Patient,
) -> heed::Result<()> {
    let mut wtxn = env.write_txn()?;
    db.put(&mut wtxn, &p.id, &p.diagnosis)?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    wtxn.commit()
}

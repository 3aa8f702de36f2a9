#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn store(client: &mut postgres::Client, p: &Patient) -> Result<u64, postgres::Error> {
    client.execute("INSERT INTO visits (diagnosis) VALUES ($1)", &[&p.diagnosis]) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
}

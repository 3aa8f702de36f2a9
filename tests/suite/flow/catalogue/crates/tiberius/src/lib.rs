#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(
    client: &mut tiberius::Client<tokio_util::compat::Compat<tokio::net::TcpStream>>,
    p: &Patient,
) -> tiberius::Result<()> {
    client.execute("INSERT INTO visits (diagnosis) VALUES (@P1)", &[&p.diagnosis]).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}

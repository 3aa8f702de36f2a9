#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn track(client: &posthog_rs::Client, p: &Patient) -> Result<(), posthog_rs::Error> {
    let mut event = posthog_rs::Event::new("visit_booked", &p.id);
    event.insert_prop("diagnosis", &p.diagnosis)?;
    client.capture(event).await?; //~ cloudvisit/no-sale-to-brokers-or-ads cloudvisit/phi-stays-in-us
    Ok(())
}

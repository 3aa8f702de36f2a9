#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn announce(nc: &nats::Connection, p: &Patient) -> std::io::Result<()> {
    nc.publish("visits.created", serde_json::to_vec(p).unwrap_or_default()) //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
}

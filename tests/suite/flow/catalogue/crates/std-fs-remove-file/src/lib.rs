#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn forget(p: &Patient) -> std::io::Result<()> {
    std::fs::remove_file(format!("/var/lib/clinic/{}.txt", p.diagnosis)) //~ cloudvisit/phi-stays-in-us
}

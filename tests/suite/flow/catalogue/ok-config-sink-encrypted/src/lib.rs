#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn archive(p: &Patient) {
    vendor_vault::put(&p.id.to_string(), &p.diagnosis);
}

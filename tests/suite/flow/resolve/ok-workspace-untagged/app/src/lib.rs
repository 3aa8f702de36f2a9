#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    shared::record_diagnosis(&p.id.to_string());
}

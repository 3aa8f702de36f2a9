#[privflow::data]
pub struct Patient {
    #[phi]
    pub diagnosis: String,
}

pub fn h(p: &Patient) {
    include!("inc.rs")
}

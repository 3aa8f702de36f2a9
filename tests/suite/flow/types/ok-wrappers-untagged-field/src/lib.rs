#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use std::sync::Arc;

pub fn boxed(p: Box<Patient>) {
    audit(&p.id.to_string());
}

pub fn shared(p: Arc<Patient>) {
    audit(&p.id.to_string());
}

pub fn maybe(p: Option<&Patient>) {
    if let Some(p) = p {
        audit(&p.id.to_string());
    }
}

pub fn first(ward: &Vec<Patient>) {
    audit(&ward[0].id.to_string());
}

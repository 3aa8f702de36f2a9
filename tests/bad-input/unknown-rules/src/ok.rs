//! The part of this crate that is fine: a real PHI-to-log flow, which privflow must still
//! report although another file of the crate cannot be analysed.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_s: &str) {}

pub fn f(p: &Patient) {
    audit(&p.diagnosis);
}

//! Through a user `Deref` impl, the target's untagged field carries no tag, and a field of the
//! wrapper itself is the wrapper's.
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use std::ops::Deref;

/// A patient record checked out by one clinician.
pub struct Checkout {
    pub patient: Patient,
    pub clinician: String,
}

impl Deref for Checkout {
    type Target = Patient;
    fn deref(&self) -> &Patient {
        &self.patient
    }
}

pub fn close(c: &Checkout) {
    audit(&c.id.to_string());
    audit(&c.clinician);
}

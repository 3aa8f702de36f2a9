//! A field read through a user `Deref` impl (`c.diagnosis` on a `Checkout(Patient)`) is the target's field.
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
pub struct Checkout(Patient);

impl Deref for Checkout {
    type Target = Patient;
    fn deref(&self) -> &Patient {
        &self.0
    }
}

pub fn close(c: &Checkout) {
    audit(&c.diagnosis); //~ baseline/phi-to-log
}

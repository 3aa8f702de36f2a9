//! Diagnoses are exported to a research partner: not related to the patient's treatment.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "network", recipient = "Acme Research Inc.", purpose = "improve.system", encrypted = true)]
pub fn export_case(_diagnosis: &str) {}

pub fn close(e: &Encounter) {
    export_case(&e.diagnosis); //~ cloudvisit/phi-to-third-party-only-for-treatment
}

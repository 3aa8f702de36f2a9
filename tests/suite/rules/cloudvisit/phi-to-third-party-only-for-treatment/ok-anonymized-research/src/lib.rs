//! Near miss: the research partner receives anonymized data only.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sanitizer(anonymize)]
pub fn icd_chapter(diagnosis: &str) -> String {
    diagnosis.chars().take(1).collect()
}

#[privflow::sink(kind = "network", recipient = "Acme Research Inc.", purpose = "improve.system", encrypted = true)]
pub fn export_case(_chapter: &str) {}

pub fn close(e: &Encounter) {
    export_case(&icd_chapter(&e.diagnosis));
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn roster(beds: &[u32], patients: &[Patient]) {
    for (bed, d) in beds.iter().zip(patients.iter().map(|p| &p.diagnosis)) {
        audit(&format!("bed {bed} occupied"));
        let _ = d.len();
    }
}

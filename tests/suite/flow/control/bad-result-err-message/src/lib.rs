#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn validate(p: &Patient) -> Result<(), String> {
    if p.diagnosis.len() > 64 {
        return Err(format!("diagnosis too long: {}", p.diagnosis));
    }
    Ok(())
}

pub fn save_visit(p: &Patient) {
    if let Err(e) = validate(p) {
        audit(&e); //~ baseline/phi-to-log
    }
}

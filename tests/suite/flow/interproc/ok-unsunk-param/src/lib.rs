#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// Logs only the label; the detail goes to the clinician's screen.
fn note(label: &str, detail: &str) -> String {
    audit(label);
    format!("{label}: {detail}")
}

pub fn close_visit(p: &Patient) -> String {
    note("visit closed", &p.diagnosis)
}

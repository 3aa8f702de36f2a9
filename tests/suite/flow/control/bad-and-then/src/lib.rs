#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Ward {
    pub beds: Vec<Option<Patient>>,
}

pub fn bed_note(w: &Ward, bed: usize) {
    let note = w.beds.get(bed).and_then(|slot| slot.as_ref()).map(|p| p.diagnosis.as_str());
    if let Some(n) = note {
        audit(n); //~ baseline/phi-to-log
    }
}

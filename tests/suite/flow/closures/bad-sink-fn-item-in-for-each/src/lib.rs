//! A sink fn handed to `for_each` as a fn item is called on every element.
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &String) {}

pub fn close_visits(ps: &[Patient]) {
    let diagnoses: Vec<String> = ps.iter().map(|p| p.diagnosis.clone()).collect();
    diagnoses.iter().for_each(audit); //~ baseline/phi-to-log
}

#[privflow::data]
#[derive(Debug, serde::Serialize)]
pub struct Appointment {
    pub slot: String,
    #[phi]
    #[serde(skip)]
    pub reason: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn confirm(a: &Appointment) {
    audit(&format!("{a:?}")); //~ baseline/phi-to-log
}

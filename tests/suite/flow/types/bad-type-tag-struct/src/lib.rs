#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::phi]
#[derive(Debug)]
pub struct LabResult {
    pub value: f64,
    pub unit: String,
}

pub fn publish(r: &LabResult) {
    audit(&format!("{:?}", r)); //~ baseline/phi-to-log
}

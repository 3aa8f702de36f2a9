#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::source(phi, category = "user.health_and_medical")]
pub fn read_glucose() -> f64 {
    5.4
}

pub fn tick() {
    let mmol = read_glucose();
    audit(&format!("glucose {mmol:.1}")); //~ baseline/phi-to-log
}

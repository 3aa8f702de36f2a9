#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::source(phi, category = "user.health_and_medical")]
pub fn read_glucose() -> f64 {
    5.4
}

pub fn read_battery() -> f64 {
    0.87
}

pub fn tick() {
    let level = read_battery();
    audit(&format!("battery {level:.2}"));
}

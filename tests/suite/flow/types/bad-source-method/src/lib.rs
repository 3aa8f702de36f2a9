#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Cgm;
pub struct Thermostat;

impl Cgm {
    #[privflow::source(phi)]
    pub fn read(&self) -> f64 {
        5.4
    }
}

impl Thermostat {
    pub fn read(&self) -> f64 {
        21.0
    }
}

pub fn tick(sensor: &Cgm, room: &Thermostat) {
    audit(&sensor.read().to_string()); //~ baseline/phi-to-log
    audit(&room.read().to_string());
}

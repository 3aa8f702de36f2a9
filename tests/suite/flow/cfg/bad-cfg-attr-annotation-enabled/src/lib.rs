#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    /// Tagged only in builds that ship to the cloud (the `cloud` feature is on by default).
    #[cfg_attr(feature = "cloud", phi)]
    pub diagnosis: String,
}

#[cfg_attr(feature = "cloud", privflow::sink(kind = "log"))]
pub fn audit(_line: &str) {}

pub fn report(p: &Patient) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}

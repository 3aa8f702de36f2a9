#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    /// Tagged only in local builds (the `local` feature is off by default).
    #[cfg_attr(feature = "local", phi)]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn report(p: &Patient) {
    audit(&p.diagnosis);
}

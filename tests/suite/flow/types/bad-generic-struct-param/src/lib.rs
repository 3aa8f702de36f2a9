#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Envelope<T> {
    pub sent_at: u64,
    pub inner: T,
}

pub fn unpack(e: &Envelope<Patient>) {
    audit(&e.inner.diagnosis); //~ baseline/phi-to-log
    audit(&e.sent_at.to_string());
}

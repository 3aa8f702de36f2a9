//! No region anywhere: the processing location is unknown, which counts as outside the US.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub notes: String,
}

#[privflow::sink(kind = "network", encrypted = true)]
pub fn send_to_transcriber(_notes: &str) {}

pub fn finish(e: &Encounter) {
    send_to_transcriber(&e.notes); //~ cloudvisit/phi-stays-in-us
}

//! A type tagged as a whole is stored without an erasure function.

#[privflow::pii(category = "user.content")]
pub struct SupportTranscript { //~ visual-systems/erasure-supported
    pub ticket: u64,
    pub text: String,
}

#[privflow::sink(kind = "storage")]
pub fn save_transcript(_t: &SupportTranscript) {}

pub fn close_ticket(t: &SupportTranscript) {
    save_transcript(t);
}

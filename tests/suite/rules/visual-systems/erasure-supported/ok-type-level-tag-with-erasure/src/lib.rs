//! Near miss: a type tagged as a whole, stored, and erasable.

#[privflow::pii(category = "user.content")]
pub struct SupportTranscript {
    pub ticket: u64,
    pub text: String,
}

#[privflow::sink(kind = "storage")]
pub fn save_transcript(_t: &SupportTranscript) {}

#[privflow::erases(SupportTranscript)]
pub fn delete_transcripts(ticket: u64) {
    delete_supporttranscript_row(ticket);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "SupportTranscript", region = "DE")]
pub fn delete_supporttranscript_row(_id: u64) {}

pub fn close_ticket(t: &SupportTranscript) {
    save_transcript(t);
}

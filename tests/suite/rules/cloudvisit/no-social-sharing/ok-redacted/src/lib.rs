//! Near miss: the name is redacted before sharing.

#[privflow::data]
pub struct Achievement {
    pub steps: u32,
    #[pii(category = "user.name")]
    pub patient_name: String,
}

#[privflow::sink(kind = "social", recipient = "Meta Platforms, Inc.")]
pub fn share_to_facebook(_text: &str) {}

#[privflow::sanitizer(redact)]
pub fn redact(_s: &str) -> String {
    "A CloudVisit user".to_string()
}

pub fn celebrate(a: &Achievement) {
    share_to_facebook(&redact(&a.patient_name));
}

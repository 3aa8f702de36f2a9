//! Near miss: the post contains no collected data.

#[privflow::data]
pub struct Achievement {
    pub steps: u32,
    #[pii(category = "user.name")]
    pub patient_name: String,
}

#[privflow::sink(kind = "social", recipient = "Meta Platforms, Inc.")]
pub fn share_to_facebook(_text: &str) {}

pub fn celebrate(a: &Achievement) {
    let _ = a.steps;
    share_to_facebook("I just finished my telehealth check-up!");
}

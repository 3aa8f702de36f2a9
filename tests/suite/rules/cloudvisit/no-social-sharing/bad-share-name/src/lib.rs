//! The patient's name is posted to Facebook.

#[privflow::data]
pub struct Achievement {
    pub steps: u32,
    #[pii(category = "user.name")]
    pub patient_name: String,
}

#[privflow::sink(kind = "social", recipient = "Meta Platforms, Inc.")]
pub fn share_to_facebook(_text: &str) {}

pub fn celebrate(a: &Achievement) {
    share_to_facebook(&a.patient_name); //~ cloudvisit/no-social-sharing
}

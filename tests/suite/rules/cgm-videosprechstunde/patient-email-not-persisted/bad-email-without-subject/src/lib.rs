//! A tag without subject matches any subject, so a patient's address may be among them.

#[privflow::data]
pub struct Invitation {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub guest_email: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn save_invitation(_i: &Invitation) {}

#[privflow::erases(Invitation)]
pub fn delete_invitation(id: u64) {
    let _ = id;
}

pub fn invite(i: &Invitation) {
    save_invitation(i); //~ cgm-videosprechstunde/patient-email-not-persisted
}

//! Near miss: the customer's (doctor's) own e-mail address is contract data and may be stored.

#[privflow::data]
pub struct Invitation {
    pub id: u64,
    #[pii(category = "user.contact.email", subject = "customer")]
    pub guest_email: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn save_invitation(_i: &Invitation) {}

#[privflow::erases(Invitation)]
pub fn delete_invitation(id: u64) {
    let _ = id;
}

pub fn invite(i: &Invitation) {
    save_invitation(i);
}

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
    delete_invitation_row(id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Invitation", region = "DE")]
pub fn delete_invitation_row(_id: u64) {}

pub fn invite(i: &Invitation) {
    save_invitation(i);
}

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

// Near miss: the data is only in the second argument, which `args = ["self", 0]` leaves out.
pub fn report(u: &User) {
    let plain = vendor_log::Line::new("signup");
    plain.emit("web", &u.email);
}

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub fn report(u: &User) {
    let line = vendor_log::Line::new(&u.email);
    line.emit("signup", "web"); //~ baseline/pii-to-log
    let plain = vendor_log::Line::new("signup");
    plain.emit(&u.email, "web"); //~ baseline/pii-to-log
}

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub fn reset_password(u: &User) {
    let email = &u.email;
    println!("reset link sent to {email}"); //~ baseline/pii-to-log
}

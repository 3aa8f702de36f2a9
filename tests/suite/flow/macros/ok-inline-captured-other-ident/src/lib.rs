#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

fn send_reset(_to: &str) {}

pub fn reset_password(u: &User) {
    let email = &u.email;
    let id = u.id;
    println!("reset link sent to user {id}");
    send_reset(email);
}

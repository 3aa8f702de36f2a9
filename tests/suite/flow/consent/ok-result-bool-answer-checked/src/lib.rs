#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

#[derive(Debug)]
pub struct DbErr;

/// The lookup can fail; when it succeeds, the bool is the answer.
#[privflow::consent(purpose = "marketing")]
pub fn marketing_consent(u: &User) -> Result<bool, DbErr> {
    Ok(u.opted_in)
}

pub fn campaign(u: &User) -> Result<(), DbErr> {
    if marketing_consent(u)? {
        send_newsletter(&u.email, "Spring offers");
    }
    let yes = marketing_consent(u).unwrap_or(false);
    if yes {
        send_newsletter(&u.email, "Summer offers");
    }
    Ok(())
}

//! A message is forwarded by e-mail over an unencrypted SMTP connection.

#[privflow::data]
pub struct Message {
    pub id: u64,
    #[pii(category = "user.content")]
    pub body: String,
}

#[privflow::sink(kind = "email")]
pub fn smtp_send(_to: &str, _body: &str) {}

pub fn forward(m: &Message, to: &str) {
    smtp_send(to, &m.body); //~ zaurus/tls-in-transit
}

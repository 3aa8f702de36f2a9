// `phone` is personal data inside `send_sms` (and in what it calls), though its type is `&str`.
#[privflow::source(pii, category = "user.contact.phone_number", param = "phone")]
pub fn send_sms(phone: &str, body: &str) {
    log::info!("sending {} characters", body.len());
    relay(phone);
}

fn relay(to: &str) {
    println!("relaying to {to}"); //~ baseline/pii-to-log
}

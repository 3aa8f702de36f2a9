// Only the named parameter is tagged, and only the data that comes from it: the message body
// and a result built from other parameters are no personal data.
#[privflow::source(pii, category = "user.contact.phone_number", param = "phone")]
pub fn send_sms(phone: &str, body: &str, country: &str) -> String {
    log::info!("sending {body}");
    deliver(phone, body);
    country.to_uppercase()
}

fn deliver(_to: &str, _body: &str) {}

pub fn notify() {
    let region = send_sms("+49 170 000", "hi", "de");
    println!("sent in {region}");
}

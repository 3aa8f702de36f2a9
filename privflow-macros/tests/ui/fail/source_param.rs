use privflow_macros as privflow;

#[privflow::source(pii, category = "user.contact.phone_number", param = "phon")]
fn send_sms(phone: &str, body: &str) {
    let _ = (phone, body);
}

#[privflow::source(pii, param = "to")]
fn ping() {}

#[privflow::source(pii)]
fn log_it(phone: &str) {
    let _ = phone;
}

fn main() {}

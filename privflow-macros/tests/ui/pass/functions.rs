//! Every function attribute on free functions, with every key.

use privflow_macros as privflow;

pub struct Patient;
pub struct Appointment;

#[privflow::source(pii)]
pub fn current_user_name() -> String {
    "Ada".to_owned()
}

#[privflow::source(phi, category = "user.health_and_medical", subject = "patient", purposes = ["essential.service"])]
pub async fn fetch_diagnosis(id: u64) -> Result<String, std::io::Error> {
    Ok(format!("diagnosis {id}"))
}

#[privflow::sink(kind = "storage", region = "eu-central-1", recipient = "Amazon Web Services EMEA SARL",
    purpose = "essential.service", encrypted = true, persistent = true, retention_days = 395, args = [1])]
pub fn put_object(bucket: &str, body: &[u8]) -> usize {
    bucket.len() + body.len()
}

#[privflow::sink(kind = "log")]
pub fn log_line(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "network", region = "US", encrypted = false, persistent = false, retention_days = 0, args = [0, 2],)]
pub fn post<T: AsRef<str>>(url: T, _timeout: u32, body: &str) -> usize {
    url.as_ref().len() + body.len()
}

#[privflow::sink(kind = "email")]
#[privflow::sink(kind = "sms")]
pub fn notify(to: &str) {
    let _ = to;
}

#[privflow::sink(kind = "analytics", recipient = "Acme Analytics Ltd", purpose = "analytics.reporting")]
fn track(_event: &str) {}
#[privflow::sink(kind = "advertising")]
fn ad(_x: &str) {}
#[privflow::sink(kind = "social")]
fn share(_x: &str) {}
#[privflow::sink(kind = "cookie")]
fn set_cookie(_x: &str) {}
#[privflow::sink(kind = "device", persistent = true)]
fn save_locally(_x: &str) {}
#[privflow::sink(kind = "display")]
fn show_to_others(_x: &str) {}

#[privflow::sanitizer(encrypt)]
pub fn encrypt(data: &[u8]) -> Vec<u8> {
    data.iter().map(|b| b ^ 0x5a).collect()
}
#[privflow::sanitizer(anonymize)]
pub fn anonymize_ip(ip: [u8; 4]) -> [u8; 4] {
    [ip[0], ip[1], ip[2], 0]
}
#[privflow::sanitizer(pseudonymize)]
pub fn pseudonym(name: &str) -> u64 {
    name.len() as u64
}
#[privflow::sanitizer(hash)]
pub fn hash(s: &str) -> u64 {
    s.bytes().map(u64::from).sum()
}
#[privflow::sanitizer(redact)]
pub fn redact(_s: &str) -> &'static str {
    "[redacted]"
}

#[privflow::consent(purpose = "marketing.communications.email")]
pub fn newsletter_consent(user: u64) -> bool {
    user % 2 == 0
}

#[privflow::consent(purpose = "analytics")]
pub fn analytics_consent(user: u64) -> Result<(), String> {
    if user > 0 { Ok(()) } else { Err("no".into()) }
}

#[privflow::consent(purpose = "personalize")]
pub async fn personalize_consent(user: u64) -> Option<u64> {
    Some(user)
}

#[privflow::erases(Patient)]
pub fn forget(id: u64) -> bool {
    id > 0
}

#[privflow::erases(Patient, Appointment, crate::Patient,)]
pub fn forget_everything(id: u64) {
    let _ = id;
}

#[privflow::allow(rule = "baseline/pii-to-log", reason = "the audit log must name who signed in")]
pub fn audit(name: &str) {
    log_line(name);
}

#[privflow::allow(rule = "cgm-videosprechstunde/no-third-country-transfer", reason = "covered by SCCs")]
#[privflow::allow(rule = "visus/no-non-eu-transfer", reason = "covered by SCCs")]
pub fn upload(body: &[u8]) -> usize {
    post("https://example.invalid", 1, std::str::from_utf8(body).unwrap_or(""))
}

fn main() {
    let _ = (current_user_name(), fetch_diagnosis(1), put_object("b", b"x"), notify("x"));
    let _ = (encrypt(b"x"), anonymize_ip([1, 2, 3, 4]), pseudonym("a"), hash("a"), redact("a"));
    let _ = (newsletter_consent(1), analytics_consent(1), personalize_consent(1), forget(1), forget_everything(1));
    audit("a");
    let _ = upload(b"x");
    track("x");
    ad("x");
    share("x");
    set_cookie("x");
    save_locally("x");
    show_to_others("x");
}

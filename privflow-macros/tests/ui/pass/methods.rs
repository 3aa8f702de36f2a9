//! The function attributes on impl methods, trait method declarations and
//! default methods; `allow` on impl blocks, modules, structs and enums.

use privflow_macros as privflow;

pub struct Request {
    headers: Vec<(String, String)>,
}

impl Request {
    #[privflow::source(pii, category = "user.device.ip_address")]
    pub fn client_ip(&self) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == "x-forwarded-for").map(|(_, v)| v.as_str())
    }

    #[privflow::sanitizer(redact)]
    fn redacted(&self) -> String {
        "*".repeat(self.headers.len())
    }

    #[privflow::consent(purpose = "analytics")]
    pub(crate) fn consented(&self) -> bool {
        !self.headers.is_empty()
    }

    #[privflow::erases(Request)]
    pub fn clear(&mut self) {
        self.headers.clear();
    }
}

pub trait Mailer {
    #[privflow::sink(kind = "email", purpose = "essential.service", encrypted = true, args = [0, 1])]
    fn send(&self, to: &str, body: &str) -> usize;

    #[privflow::sink(kind = "log", args = [0])]
    fn trace(&self, line: &str) {
        let _ = line;
    }

    #[privflow::source(pii, category = "user.contact.email")]
    fn sender(&self) -> String;

    #[privflow::consent(purpose = "marketing")]
    fn opted_in(&self, user: u64) -> bool;
}

pub struct Smtp;

#[privflow::allow(rule = "zaurus/tls-in-transit", reason = "relay on localhost")]
impl Mailer for Smtp {
    #[privflow::sink(kind = "network", region = "DE")]
    fn send(&self, to: &str, body: &str) -> usize {
        to.len() + body.len()
    }

    fn sender(&self) -> String {
        "noreply@example.com".into()
    }

    fn opted_in(&self, user: u64) -> bool {
        user != 0
    }
}

#[privflow::allow(rule = "baseline/phi-to-log", reason = "test fixtures hold no real patients")]
mod fixtures {
    pub fn patient() -> &'static str {
        "Jane Doe, flu"
    }
}

#[privflow::allow(rule = "visual-systems/erasure-supported", reason = "kept for 10 years by law")]
pub struct Invoice {
    pub total: u64,
}

#[privflow::allow(rule = "visual-systems/erasure-supported", reason = "kept by law")]
#[privflow::data]
pub enum Record {
    Invoice(#[pii(category = "user.financial")] u64),
}

impl Invoice {
    #[privflow::allow(rule = "cloudvisit/encrypt-at-rest", reason = "already encrypted by the database")]
    pub fn store(&self) -> u64 {
        self.total
    }
}

extern "C" {
    #[privflow::sink(kind = "storage", args = [0])]
    fn write_record(ptr: *const u8, len: usize) -> i32;
}

fn main() {
    let mut r = Request { headers: vec![("x-forwarded-for".into(), "10.0.0.1".into())] };
    let _ = (r.client_ip().map(str::to_owned), r.redacted(), r.consented());
    r.clear();
    let m = Smtp;
    let _ = (m.send("a", "b"), m.sender(), m.opted_in(1));
    m.trace("x");
    let _ = (fixtures::patient(), Invoice { total: 1 }.store(), Record::Invoice(1));
    let _ = write_record as unsafe extern "C" fn(*const u8, usize) -> i32;
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// Only the value (index 1) leaves the program; the key stays local.
#[privflow::sink(kind = "log", args = [1])]
pub fn audit_kv(_key: &str, _value: &str) {}

pub fn close_visit(p: &Patient) {
    audit_kv(&p.diagnosis, "closed");
    audit_kv("dx", &p.diagnosis); //~ baseline/phi-to-log
}

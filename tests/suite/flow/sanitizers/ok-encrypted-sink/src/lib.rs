#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// The vault encrypts at rest itself.
#[privflow::sink(kind = "storage", encrypted = true)]
pub fn vault_put(_key: &str, _value: &str) {}

pub fn archive(p: &Patient) {
    vault_put(&p.id.to_string(), &p.diagnosis);
}

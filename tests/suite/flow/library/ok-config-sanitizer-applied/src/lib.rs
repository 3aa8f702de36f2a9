#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

// Near miss: the configured library sanitizer encrypts the diagnosis before it is written.
pub fn archive(p: &Patient) {
    let sealed = vault_crypto::seal(p.diagnosis.as_bytes());
    std::fs::write("/var/archive/patient.bin", sealed).unwrap();
}

// Bound first, then written.
pub fn archive_later(p: &Patient) {
    let text = p.diagnosis.clone();
    let sealed = vault_crypto::seal(text.as_bytes());
    let copy = sealed.clone();
    std::fs::write("/var/archive/patient-copy.bin", copy).unwrap();
}

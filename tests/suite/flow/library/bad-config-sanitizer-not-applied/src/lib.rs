#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn archive(p: &Patient) {
    let _sealed = vault_crypto::seal(p.id.to_string().as_bytes());
    std::fs::write("/var/archive/patient.bin", p.diagnosis.as_bytes()).unwrap(); //~ baseline/phi-unencrypted-at-rest
}

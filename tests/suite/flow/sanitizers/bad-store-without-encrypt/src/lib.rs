#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "storage")]
pub fn save(_row: &[u8]) {}

#[privflow::sanitizer(encrypt)]
pub fn seal(plain: &str) -> Vec<u8> {
    plain.bytes().map(|b| b ^ 0x5a).collect()
}

pub fn archive(p: &Patient) {
    save(p.diagnosis.as_bytes()); //~ baseline/phi-unencrypted-at-rest
}

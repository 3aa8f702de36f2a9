#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(encrypt)]
pub fn seal(plain: &str) -> Vec<u8> {
    plain.bytes().map(|b| b ^ 0x5a).collect()
}

/// Encryption lifts only the encryption rules: a log of ciphertext is still reported.
pub fn archive(p: &Patient) {
    let sealed = seal(&p.diagnosis);
    audit(&format!("{:02x?}", sealed)); //~ baseline/phi-to-log
}

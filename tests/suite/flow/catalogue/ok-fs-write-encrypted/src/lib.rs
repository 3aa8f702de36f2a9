#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sanitizer(encrypt)]
pub fn seal(plain: &str) -> Vec<u8> {
    plain.bytes().map(|b| b ^ 0x5a).collect()
}

pub fn export(p: &Patient) -> std::io::Result<()> {
    std::fs::write("/var/lib/clinic/last_dx.bin", seal(&p.diagnosis))?;
    Ok(())
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use std::fs;

pub fn export(p: &Patient) -> std::io::Result<()> {
    std::fs::write("/var/lib/clinic/last_dx.txt", &p.diagnosis)?; //~ baseline/phi-unencrypted-at-rest
    fs::write(format!("/var/lib/clinic/{}.txt", p.id), p.diagnosis.as_bytes())?; //~ baseline/phi-unencrypted-at-rest
    Ok(())
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use std::fs::File;
use std::io::Write;

pub fn export(p: &Patient) -> std::io::Result<()> {
    File::create("/var/lib/clinic/dx.txt")?.write_all(p.diagnosis.as_bytes())?; //~ baseline/phi-unencrypted-at-rest
    Ok(())
}

#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use std::io::Write;

pub fn export(p: &Patient) -> std::io::Result<()> {
    let file = std::fs::File::create("/var/lib/clinic/dx.txt")?;
    let mut w = std::io::BufWriter::new(file);
    w.write_all(p.diagnosis.as_bytes())?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn export(p: &Patient) -> std::io::Result<String> {
    std::fs::write("/var/lib/clinic/last_id.txt", p.id.to_string())?;
    let template = std::fs::read_to_string("/etc/clinic/letter.txt")?;
    Ok(template.replace("{dx}", &p.diagnosis))
}

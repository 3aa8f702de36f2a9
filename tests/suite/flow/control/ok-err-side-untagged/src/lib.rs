#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Mail {
    pub body: String,
}

fn check(p: &Patient) -> Result<String, String> {
    if p.id == 0 {
        return Err(String::from("no id"));
    }
    Ok(p.diagnosis.clone())
}

pub fn run(p: &Patient) {
    if let Err(e) = check(p) {
        audit(&e);
    }
    let r: Result<u64, String> = if p.id > 0 { Ok(p.id) } else { Err(p.diagnosis.clone()) };
    audit(&r.clone().unwrap_or(0).to_string());
    let sent = lettre::Message::builder().body(p.diagnosis.clone());
    if let Err(e) = sent {
        audit(&e.to_string());
    }
    let failed = r.map_err(|_| String::from("invalid"));
    if let Err(msg) = failed {
        audit(&msg);
    }
}

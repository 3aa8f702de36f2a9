#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn check(p: &Patient) -> Result<u64, String> {
    if p.diagnosis.is_empty() {
        Err(p.diagnosis.clone())?;
    }
    Ok(p.id)
}

fn validate(p: &Patient) -> Result<(), String> {
    let _id = check(p)?;
    Ok(())
}

pub fn run(p: &Patient) {
    if let Err(e) = validate(p) {
        audit(&e); //~ baseline/phi-to-log
    }
    let r: Result<u64, String> = if p.id > 0 { Ok(p.id) } else { Err(p.diagnosis.clone()) };
    audit(&r.clone().unwrap_err()); //~ baseline/phi-to-log
    let wrapped = r.map_err(|e| format!("invalid: {e}"));
    match wrapped {
        Ok(id) => audit(&id.to_string()),
        Err(msg) => audit(&msg), //~ baseline/phi-to-log
    }
}

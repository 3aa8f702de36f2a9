#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn lookup(records: &std::collections::HashMap<String, String>, p: &Patient) -> String {
    // A literal message prints no data.
    let _ = records.get(&p.id).expect("the record exists");
    records
        .get(&p.id)
        .expect(&format!("no record for {}", p.diagnosis)) //~ cloudvisit/phi-stays-in-us
        .clone()
}

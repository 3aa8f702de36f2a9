#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) {
    let body = serde_json::json!({ "id": p.id, "d": p.diagnosis });
    audit(&body.to_string()); //~ baseline/phi-to-log
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

async fn fetch_diagnosis(p: &Patient) -> String {
    p.diagnosis.clone()
}

pub async fn close_visit(p: &Patient) {
    let d = fetch_diagnosis(p).await;
    audit(&d); //~ baseline/phi-to-log
}

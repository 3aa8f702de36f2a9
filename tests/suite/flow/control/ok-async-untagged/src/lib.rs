#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

async fn fetch_ref(p: &Patient) -> String {
    format!("#{}", p.id)
}

pub async fn close_visit(p: &Patient) {
    let r = fetch_ref(p).await;
    audit(&r);
}

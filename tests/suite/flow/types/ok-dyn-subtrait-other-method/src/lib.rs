#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub trait Blobs {
    #[privflow::sink(kind = "log")]
    fn put(&self, key: &str, body: &str);
    fn name(&self) -> String;
}

pub trait Storage: Blobs + Send {
    fn keep(&self, body: &str);
}

pub fn save(p: &Patient, s: &dyn Storage) {
    s.keep(&p.diagnosis);
    s.put("note", &s.name());
}

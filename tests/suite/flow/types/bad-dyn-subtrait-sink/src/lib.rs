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

/// Every storage is also a blob store.
pub trait Storage: Blobs + Send {}

pub struct Service {
    pub store: Box<dyn Storage>,
}

pub fn save(p: &Patient, s: &dyn Storage) {
    s.put("note", &p.diagnosis); //~ baseline/phi-to-log
}

pub fn save_in(svc: &Service, p: &Patient) {
    svc.store.put("note", &p.diagnosis); //~ baseline/phi-to-log
}

pub fn save_generic<S: Storage>(s: &S, p: &Patient) {
    s.put("note", &p.diagnosis); //~ baseline/phi-to-log
}

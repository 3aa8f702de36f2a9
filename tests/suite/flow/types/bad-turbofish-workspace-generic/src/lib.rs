#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub theme: String,
}

pub struct Cache;

impl Cache {
    pub fn get<T: Default>(&self, _key: &str) -> Option<T> {
        Some(T::default())
    }
}

pub fn load<T: Default>() -> T {
    T::default()
}

pub fn show(cache: &Cache) {
    if let Some(p) = cache.get::<Patient>("patient:1") {
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
    let q = load::<Patient>();
    audit(&q.diagnosis); //~ baseline/phi-to-log
}

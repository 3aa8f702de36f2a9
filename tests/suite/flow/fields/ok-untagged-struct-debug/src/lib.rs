#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Debug)]
pub struct Clinic {
    pub id: u64,
    pub name: String,
}

pub fn open(c: &Clinic) {
    audit(&format!("{:?}", c));
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// Named `tests` but compiled into the product: it is analysed.
pub mod tests {
    use super::*;

    pub fn dump_fixture(p: &Patient) {
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
}

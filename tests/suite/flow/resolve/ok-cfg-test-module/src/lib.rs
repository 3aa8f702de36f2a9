#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn diagnosis_len(p: &Patient) -> usize {
    p.diagnosis.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_sample() {
        let p = Patient { id: 1, diagnosis: "E11.9".into() };
        audit(&p.diagnosis);
        println!("{}", p.diagnosis);
    }
}

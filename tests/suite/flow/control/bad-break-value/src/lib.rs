#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(ward: &[Patient]) {
    let mut i = 0;
    let found = loop {
        if ward[i].id == 7 {
            break ward[i].diagnosis.clone();
        }
        i += 1;
    };
    audit(&found); //~ baseline/phi-to-log
    let first = 'search: {
        for p in ward {
            if p.id == 1 {
                break 'search p.diagnosis.clone();
            }
        }
        String::from("none")
    };
    audit(&first); //~ baseline/phi-to-log
}

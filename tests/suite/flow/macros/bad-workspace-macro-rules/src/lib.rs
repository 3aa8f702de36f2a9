#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// Writes one row per column: the storage call is inside the macro.
macro_rules! insert {
    ($table:ident, $($col:ident = $val:expr),+ $(,)?) => {{
        let mut row = Vec::new();
        $( row.push(format!("{}={}", stringify!($col), $val)); )+
        audit(&format!("{} {:?}", stringify!($table), row));
    }};
}

macro_rules! log_twice {
    ($e:expr) => {
        audit($e);
        audit($e);
    };
}

pub fn save(p: &Patient) {
    insert!(visits, id = p.id, note = p.diagnosis); //~ baseline/phi-to-log
    log_twice!(&p.diagnosis); //~ baseline/phi-to-log
}

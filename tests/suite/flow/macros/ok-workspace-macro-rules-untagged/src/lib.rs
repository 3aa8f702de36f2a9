#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

macro_rules! insert {
    ($table:ident, $($col:ident = $val:expr),+ $(,)?) => {{
        let mut row = Vec::new();
        $( row.push(format!("{}={}", stringify!($col), $val)); )+
        audit(&format!("{} {:?}", stringify!($table), row));
    }};
}

/// Counts its argument's characters: nothing of the value is kept.
macro_rules! width {
    ($e:expr) => {
        $e.len()
    };
}

pub fn save(p: &Patient) {
    insert!(visits, id = p.id, room = 4);
    let w = width!(p.diagnosis.as_str().chars().collect::<Vec<_>>());
    audit(&w.to_string());
}

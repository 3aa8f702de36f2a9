#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) -> usize {
    let d = dbg!(&p.diagnosis); //~ baseline/phi-to-log
    d.len()
}

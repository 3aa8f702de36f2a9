#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    println!( //~ baseline/phi-to-log
        "closing {} with {}",
        p.id,
        p.diagnosis,
    );
}

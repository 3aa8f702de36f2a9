#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    println!("{}", p.diagnosis); //~ baseline/phi-to-log
    eprintln!("{}", p.diagnosis); //~ baseline/phi-to-log
    dbg!(&p.diagnosis); //~ baseline/phi-to-log
}

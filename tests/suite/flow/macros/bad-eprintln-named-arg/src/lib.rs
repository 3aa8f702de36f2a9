#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    eprintln!("closing {id} with {dx}", id = p.id, dx = p.diagnosis); //~ baseline/phi-to-log
}

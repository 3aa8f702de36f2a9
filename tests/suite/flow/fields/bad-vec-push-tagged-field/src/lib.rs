//! What is pushed keeps its fields: an element's tagged field read back is still PHI, and a
//! pushed tagged string makes the vector PHI.
#[privflow::data]
pub struct Patient {
    pub id: i64,
    #[phi]
    pub notes: String,
}

pub fn load(notes: String) -> Vec<Patient> {
    let mut out = Vec::new();
    out.push(Patient { id: 1, notes });
    out
}

pub fn job(p: &Patient) {
    for q in load(p.notes.clone()) {
        println!("archived notes {}", q.notes); //~ baseline/phi-to-log
    }
    let mut all = Vec::new();
    all.push(p.notes.clone());
    println!("{all:?}"); //~ baseline/phi-to-log
}

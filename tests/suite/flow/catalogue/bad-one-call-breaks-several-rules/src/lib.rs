//! One call carrying PHI and other personal data breaks rules of two packs: the human report
//! shows it once (tests/report_human.rs), JSON keeps one result per rule with a shared `site`.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub fn audit(p: &Patient) {
    println!("visit {} for {}", p.diagnosis, p.email); //~ baseline/phi-to-log baseline/pii-to-log cloudvisit/phi-stays-in-us
    eprintln!("again: {}", p.diagnosis); //~ baseline/phi-to-log cloudvisit/phi-stays-in-us
}

//! Near miss: the lab receives the diagnosis to run the ordered test (the treatment itself).

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "network", recipient = "Quest Diagnostics", purpose = "essential.service", encrypted = true)]
pub fn order_lab_test(_diagnosis: &str) {}

pub fn close(e: &Encounter) {
    order_lab_test(&e.diagnosis);
}

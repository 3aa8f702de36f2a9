//! The check and the guarded call act on the same patient: a field of it, a borrow, a clone,
//! a variable it was moved to, and a callee's parameter it was passed as.

#[derive(Clone)]
pub struct Patient {
    pub id: u64,
    pub email: String,
}

#[privflow::check(name = "auth.patient_access", binds = 0)]
pub fn can_read(_patient_id: u64) -> bool {
    true
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_record(_p: &Patient) {}

pub fn handler(p: &Patient) {
    if can_read(p.id) {
        show_record(p);
        let same = p.clone();
        show_record(&same);
        render(p);
    }
}

fn render(shown: &Patient) {
    show_record(shown);
}

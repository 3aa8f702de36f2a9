//! The check runs on the caller's own patient, the call acts on the requested one.

pub struct Patient {
    pub id: u64,
}

#[privflow::check(name = "auth.patient_access", binds = 0)]
pub fn can_read(_p: &Patient) -> bool {
    true
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_record(_p: &Patient) {}

pub fn handler(own: &Patient, requested: &Patient) {
    if can_read(own) {
        show_record(requested); //~ privflow/check-on-other-value
    }
}

pub fn reassigned(p: &Patient, other: &Patient) {
    let mut q = p;
    if can_read(q) {
        q = other;
        show_record(q); //~ privflow/check-on-other-value
    }
}

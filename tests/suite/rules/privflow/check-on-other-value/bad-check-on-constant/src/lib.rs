//! The access check runs on a constant id, the record shown is the requested patient's.

#[privflow::check(name = "auth.patient_access", binds = 0)]
pub fn can_read(_patient_id: u64) -> bool {
    true
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_record(_patient_id: u64) {}

pub fn handler(requested: u64) {
    if can_read(0) {
        show_record(requested); //~ privflow/check-on-other-value
    }
}

//! The wrapper returns `true` without the check on one path: it is no check.

#[privflow::check(name = "auth.patient_access", binds = 1)]
pub fn can_access(_user: u64, _patient: u64) -> bool {
    true
}

pub fn may_view(user: u64, patient: u64, staff: bool) -> bool {
    if staff {
        return true;
    }
    can_access(user, patient)
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_chart(_patient: u64) {}

pub fn view(user: u64, patient: u64, staff: bool) {
    if may_view(user, patient, staff) {
        show_chart(patient); //~ privflow/unguarded-call
    }
}

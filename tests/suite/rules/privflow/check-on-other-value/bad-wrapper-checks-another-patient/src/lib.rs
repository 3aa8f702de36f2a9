//! The wrapper runs the check on its own argument, but the caller passes another patient than
//! the one it shows.

#[privflow::check(name = "auth.patient_access", binds = 1)]
pub fn can_access(_user: u64, _patient: u64) -> bool {
    true
}

pub fn may_view(user: u64, patient: u64) -> bool {
    can_access(user, patient)
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_chart(_patient: u64) {}

pub fn view(user: u64, asked: u64, shown: u64) {
    if may_view(user, asked) {
        show_chart(shown); //~ privflow/check-on-other-value
    }
}

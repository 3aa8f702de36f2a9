//! Workspace functions that return a check's result (or `&&` of two) on every path count as
//! those checks at their calls, bound to the arguments they pass on.

#[privflow::check(name = "auth.patient_access", binds = 1)]
pub fn can_access(_user: u64, _patient: u64) -> bool {
    true
}

#[privflow::check(name = "auth.not_locked")]
pub fn not_locked(_user: u64) -> bool {
    true
}

pub fn may_view(user: u64, patient: u64) -> bool {
    can_access(user, patient)
}

pub fn may_view_unlocked(user: u64, patient: u64) -> bool {
    can_access(user, patient) && not_locked(user)
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_chart(_patient: u64) {}

#[privflow::guarded(by = ["auth.patient_access", "auth.not_locked"], binds = 0)]
pub fn edit_chart(_patient: u64) {}

pub fn view(user: u64, patient: u64) {
    if may_view(user, patient) {
        show_chart(patient);
    }
}

pub fn edit(user: u64, patient: u64) {
    if !may_view_unlocked(user, patient) {
        return;
    }
    edit_chart(patient);
}

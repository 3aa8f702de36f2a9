use privflow_macros as privflow;

#[privflow::check(names = "auth.patient_access")]
fn can_read(patient_id: u64) -> bool {
    patient_id > 0
}

#[privflow::check(name = "auth.patient_access", bind = 0)]
fn can_write(patient_id: u64) -> bool {
    patient_id > 0
}

#[privflow::check(name = "")]
fn empty_name(patient_id: u64) -> bool {
    patient_id > 0
}

#[privflow::check(binds = 0)]
fn no_name(patient_id: u64) -> bool {
    patient_id > 0
}

#[privflow::check(name = "auth.signed_in")]
fn returns_nothing(user: u64) {
    let _ = user;
}

#[privflow::guarded(by = ["auth.patient_access"], bind = 0)]
fn read(patient_id: u64) {
    let _ = patient_id;
}

#[privflow::consent(purpose = "analytics", bind = 0)]
fn tracking_allowed(user: u64) -> bool {
    user > 0
}

fn main() {}

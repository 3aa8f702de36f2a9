use privflow_macros as privflow;

#[privflow::guarded(by = [])]
fn empty(patient_id: u64) {
    let _ = patient_id;
}

#[privflow::guarded(binds = 0)]
fn no_checks(patient_id: u64) {
    let _ = patient_id;
}

#[privflow::guarded(by = "auth.patient_access")]
fn not_a_list(patient_id: u64) {
    let _ = patient_id;
}

#[privflow::guarded(by = ["auth.patient_access", "auth.patient_access", auth, ""])]
fn bad_entries(patient_id: u64) {
    let _ = patient_id;
}

#[privflow::guarded("auth.patient_access")]
fn positional(patient_id: u64) {
    let _ = patient_id;
}

#[privflow::guarded(by = ["auth.patient_access"])]
struct NotAFunction;

fn main() {}

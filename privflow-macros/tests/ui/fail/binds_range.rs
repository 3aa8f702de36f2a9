use privflow_macros as privflow;

#[privflow::check(name = "auth.patient_access", binds = 1)]
fn can_read(patient_id: u64) -> bool {
    patient_id > 0
}

struct Session;

impl Session {
    #[privflow::consent(purpose = "analytics", binds = 0)]
    fn tracking_allowed(&self) -> bool {
        true
    }

    #[privflow::guarded(by = ["auth.patient_access"], binds = 2)]
    fn read(&self, patient_id: u64, field: &str) {
        let _ = (patient_id, field);
    }
}

#[privflow::check(name = "auth.patient_access", binds = "0")]
fn can_write(patient_id: u64) -> bool {
    patient_id > 0
}

fn main() {}

//! A guarded action whose check is a library method declared in the config: one handler calls
//! the action without it.

pub struct Chart {
    pub patient_id: u64,
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_chart(_patient_id: u64) -> Chart {
    Chart { patient_id: 0 }
}

pub fn handler(session: &auth_lib::Session, patient_id: u64) -> Option<Chart> {
    if session.can_read(patient_id) {
        return Some(show_chart(patient_id));
    }
    None
}

pub fn handler_without_check(patient_id: u64) -> Chart {
    show_chart(patient_id) //~ privflow/unguarded-call
}

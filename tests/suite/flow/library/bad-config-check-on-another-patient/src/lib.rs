//! The configured check ran, but for another patient than the chart shown.

pub struct Chart {
    pub patient_id: u64,
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_chart(_patient_id: u64) -> Chart {
    Chart { patient_id: 0 }
}

pub fn handler(session: &auth_lib::Session, own_id: u64, patient_id: u64) -> Option<Chart> {
    if session.can_read(own_id) {
        return Some(show_chart(patient_id)); //~ privflow/check-on-other-value
    }
    None
}

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// A repository trait whose implementations live outside the workspace (a mock, a plugin): the
/// declaration's signature is all there is to say what a call returns.
pub trait PatientStore {
    fn patient(&self, id: u64) -> Patient;
}

pub fn triage(store: &dyn PatientStore, id: u64) {
    let p = store.patient(id);
    log::warn!("triage {}", p.diagnosis); //~ baseline/phi-to-log
}

pub fn review<S: PatientStore>(store: &S, id: u64) {
    log::info!("review {}", store.patient(id).diagnosis); //~ baseline/phi-to-log
}

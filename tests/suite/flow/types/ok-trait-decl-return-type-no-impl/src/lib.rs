#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// A repository trait whose implementations live outside the workspace: its signature types
/// the result, so only the tagged field of it is tagged.
pub trait PatientStore {
    fn patient(&self, id: u64) -> Patient;
}

pub fn triage(store: &dyn PatientStore, id: u64) {
    let p = store.patient(id);
    log::warn!("triage {}", p.id);
}

pub fn review<S: PatientStore>(store: &S, id: u64) {
    log::info!("review {}", store.patient(id).id);
}

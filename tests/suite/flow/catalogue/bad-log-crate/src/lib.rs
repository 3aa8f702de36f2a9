#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    log::trace!("{}", p.diagnosis); //~ baseline/phi-to-log
    log::debug!("{}", p.diagnosis); //~ baseline/phi-to-log
    log::info!("{}", p.diagnosis); //~ baseline/phi-to-log
    log::warn!("{}", p.diagnosis); //~ baseline/phi-to-log
    log::error!("{}", p.diagnosis); //~ baseline/phi-to-log
    log::log!(log::Level::Info, "{}", p.diagnosis); //~ baseline/phi-to-log
}

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub trait Notifier {
    #[privflow::sink(kind = "log")]
    fn notify(&self, msg: &str);

    fn prepare(&self, msg: &str) -> String {
        msg.trim().to_string()
    }
}

pub fn alert<T: Notifier>(n: &T, p: &Patient) {
    n.notify(&p.diagnosis); //~ baseline/phi-to-log
}

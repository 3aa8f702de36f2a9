#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub trait Notifier {
    fn notify(&self, msg: &str);
}

pub struct Pager;
pub struct Inbox;

impl Notifier for Pager {
    #[privflow::sink(kind = "log")]
    fn notify(&self, _msg: &str) {}
}

impl Notifier for Inbox {
    /// Keeps the message in the clinician's in-app inbox; not a sink.
    fn notify(&self, _msg: &str) {}
}

pub fn alert(p: &Patient) {
    let inbox = Inbox;
    inbox.notify(&p.diagnosis);
}

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

pub struct Inbox;
pub struct Banner;

impl Notifier for Inbox {
    fn notify(&self, _msg: &str) {}
}

impl Notifier for Banner {
    fn notify(&self, _msg: &str) {}
}

pub fn alert(n: &dyn Notifier, p: &Patient) {
    n.notify(&p.diagnosis);
}

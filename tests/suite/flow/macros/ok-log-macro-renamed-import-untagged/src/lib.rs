#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use log::warn as alert;

macro_rules! shout {
    ($e:expr) => {
        $e.len()
    };
}

pub fn show(p: &Patient) {
    alert!("patient {}", p.id);
    let _n = shout!(p.diagnosis);
}

#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

cfg_if::cfg_if! {
    if #[cfg(feature = "local")] {
        pub fn report(p: &Patient) {
            audit(&p.id.to_string());
        }
    } else if #[cfg(feature = "cloud")] {
        pub fn report(p: &Patient) {
            audit(&p.diagnosis); //~ baseline/phi-to-log
        }
    } else {
        pub fn report(_p: &Patient) {}
    }
}

pub fn visit(p: &Patient) {
    cfg_if::cfg_if! {
        if #[cfg(feature = "cloud")] {
            audit(&p.diagnosis); //~ baseline/phi-to-log
        }
    }
}

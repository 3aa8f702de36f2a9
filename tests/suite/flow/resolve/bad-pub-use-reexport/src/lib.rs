#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

mod infra {
    mod logging {
        #[privflow::sink(kind = "log")]
        pub fn audit(_line: &str) {}
    }
    pub use self::logging::audit;
}

pub fn close_visit(p: &Patient) {
    infra::audit(&p.diagnosis); //~ baseline/phi-to-log
}

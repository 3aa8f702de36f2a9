#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub mod infra {
    pub mod logging {
        #[privflow::sink(kind = "log")]
        pub fn audit(_line: &str) {}
    }
}

pub mod api {
    pub mod visits {
        pub fn close(p: &crate::Patient) {
            crate::infra::logging::audit(&p.diagnosis); //~ baseline/phi-to-log
        }
    }
}

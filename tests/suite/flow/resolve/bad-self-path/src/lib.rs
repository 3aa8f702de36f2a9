#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub mod api {
    mod trail {
        #[privflow::sink(kind = "log")]
        pub fn audit(_line: &str) {}
    }

    pub fn close(p: &crate::Patient) {
        self::trail::audit(&p.diagnosis); //~ baseline/phi-to-log
    }
}

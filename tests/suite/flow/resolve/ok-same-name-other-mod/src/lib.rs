#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

mod sinks {
    #[privflow::sink(kind = "log")]
    pub fn audit(_line: &str) {}
}

mod ui {
    /// Shows the text in the clinician's own screen; not a sink.
    pub fn audit(_line: &str) {}
}

pub fn close_visit(p: &Patient) {
    ui::audit(&p.diagnosis);
}

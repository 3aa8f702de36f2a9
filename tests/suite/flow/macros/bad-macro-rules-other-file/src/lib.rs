#[macro_use]
mod macros;
mod handlers;

#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use privflow_macros as privflow;

#[privflow::sink(kind = "storage")]
struct Database {
    url: String,
}

#[privflow::sink(kind = "log")]
impl Database {
    fn log(&self) {
        let _ = &self.url;
    }
}

fn main() {}

use privflow_macros as privflow;

#[privflow::sink(kind = "storage", region = "DE", region = "US")]
fn store(record: &str) {
    let _ = record;
}

#[privflow::data]
struct Patient {
    #[phi(category = "user.health_and_medical", category = "user.name")]
    diagnosis: String,
}

fn main() {}

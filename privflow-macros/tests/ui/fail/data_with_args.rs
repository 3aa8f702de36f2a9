use privflow_macros as privflow;

#[privflow::data(pii)]
struct Patient {
    #[phi]
    diagnosis: String,
}

fn main() {
    // The markers are still removed: no further errors.
    let _ = Patient { diagnosis: String::new() }.diagnosis;
}

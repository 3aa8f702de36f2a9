use privflow_macros as privflow;

#[privflow::source(pii)]
struct UserName(String);

#[privflow::source(phi)]
fn load_diagnosis(id: u64) {
    let _ = id;
}

fn main() {}

use privflow_macros as privflow;

#[privflow::sink(kind = "network", colour = "red")]
fn post(body: &str) {
    let _ = body;
}

#[privflow::consent(purpose = "analytics", scope = "all")]
fn consented() -> bool {
    true
}

fn main() {}

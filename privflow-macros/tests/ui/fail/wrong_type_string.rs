use privflow_macros as privflow;

#[privflow::sink(kind = log)]
fn log_line(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "network", region = 49)]
fn post(body: &str) {
    let _ = body;
}

#[privflow::sink(kind = "network", recipient = "  ")]
fn send(body: &str) {
    let _ = body;
}

fn main() {}

use privflow_macros as privflow;

#[privflow::sink(kind: "log")]
fn a(line: &str) {
    let _ = line;
}

#[privflow::sink(kind("log"))]
fn b(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "log" encrypted = true)]
fn c(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = , encrypted = true)]
fn d(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "log", region = ;)]
fn e(line: &str) {
    let _ = line;
}

fn main() {}

use privflow_macros as privflow;

#[privflow::sink(kind = "email", args = [1, 2])]
fn send(to: &str, body: &str) {
    let _ = (to, body);
}

pub trait Store {
    #[privflow::sink(kind = "storage", args = [1])]
    fn put(&self, record: &str);
}

#[privflow::sink(kind = "log", args = [0, 0])]
fn log_line(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "log", args = [70000])]
fn trace(line: &str) {
    let _ = line;
}

fn main() {}

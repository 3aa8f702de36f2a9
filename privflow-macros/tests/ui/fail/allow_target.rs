use privflow_macros as privflow;

#[privflow::allow(rule = "baseline/pii-to-log", reason = "constant")]
const NAME: &str = "Ada";

#[privflow::allow(rule = "baseline/pii-to-log", reason = "trait")]
trait Logger {
    fn log(&self);
}

fn main() {
    let _ = NAME;
}

use privflow_macros as privflow;

#[privflow::data]
fn patient_name() -> String {
    String::new()
}

#[privflow::data]
type Name = String;

#[privflow::data]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}

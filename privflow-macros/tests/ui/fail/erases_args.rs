use privflow_macros as privflow;

struct Patient;

#[privflow::erases]
fn forget(id: u64) {
    let _ = id;
}

#[privflow::erases()]
fn forget2(id: u64) {
    let _ = id;
}

#[privflow::erases("Patient")]
fn forget3(id: u64) {
    let _ = id;
}

#[privflow::erases(Patient, Patient)]
fn forget4(id: u64) {
    let _ = id;
}

#[privflow::erases(types = [Patient])]
fn forget5(id: u64) {
    let _ = id;
}

#[privflow::erases(42)]
fn forget6(id: u64) {
    let _ = id;
}

#[privflow::erases(Patient)]
struct Eraser;

fn main() {}

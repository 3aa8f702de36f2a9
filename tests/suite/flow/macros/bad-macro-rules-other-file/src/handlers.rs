use crate::Patient;

// `record!` is defined in macros.rs (`#[macro_use] mod macros;`): it expands to the log sink.
pub fn show(p: &Patient) {
    record!(p.diagnosis); //~ baseline/phi-to-log
}

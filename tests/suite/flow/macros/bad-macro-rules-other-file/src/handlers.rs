use crate::Patient;

// `record!` is defined in macros.rs (`#[macro_use] mod macros;`, and exported): it expands to
// the log sink, called by name and by path.
pub fn show(p: &Patient) {
    record!(p.diagnosis); //~ baseline/phi-to-log
    crate::record!(p.diagnosis.clone()); //~ baseline/phi-to-log
}

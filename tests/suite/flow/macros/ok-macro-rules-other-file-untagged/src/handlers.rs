use crate::Patient;

// `masked!` (macros.rs) expands to a constant: what is logged holds no diagnosis.
pub fn show(p: &Patient) {
    crate::audit(&masked!(p.diagnosis));
    record!(p.id.to_string());
}

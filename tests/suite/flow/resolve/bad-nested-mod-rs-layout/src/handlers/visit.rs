use crate::Patient;

pub fn close(p: &Patient) {
    crate::infra::logging::audit(&p.diagnosis); //~ baseline/phi-to-log
}

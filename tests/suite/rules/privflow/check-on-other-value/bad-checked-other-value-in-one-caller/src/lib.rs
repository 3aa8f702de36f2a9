//! A helper acts on its parameter; one caller checked that value, the other checked another.

pub struct Patient {
    pub id: u64,
}

#[privflow::check(name = "auth.patient_access", binds = 0)]
pub fn can_read(_p: &Patient) -> bool {
    true
}

#[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
pub fn show_record(_p: &Patient) {}

fn render(p: &Patient) {
    show_record(p); //~ privflow/check-on-other-value
}

pub fn own_record(p: &Patient) {
    if can_read(p) {
        render(p);
    }
}

pub fn others_record(me: &Patient, them: &Patient) {
    if can_read(me) {
        render(them);
    }
}

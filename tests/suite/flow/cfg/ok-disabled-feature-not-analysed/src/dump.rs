pub fn dump(v: &crate::Visit) { println!("{}", v.diagnosis); }

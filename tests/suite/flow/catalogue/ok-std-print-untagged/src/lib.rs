#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    println!("{}", p.id);
    eprintln!("closing #{}", p.id);
    dbg!(p.id);
}

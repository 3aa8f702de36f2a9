#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub notes: String,
}

/// Same field name, nothing personal: opening hours, parking.
pub struct Clinic {
    pub id: u64,
    pub notes: String,
}

pub struct Repo;

impl Repo {
    pub fn load(&self, id: u64) -> Patient {
        Patient { id, notes: String::new() }
    }

    pub fn load_clinic(&self, id: u64) -> Clinic {
        Clinic { id, notes: String::new() }
    }
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(repo: &Repo) {
    let c = repo.load_clinic(7);
    audit(&c.notes);
}

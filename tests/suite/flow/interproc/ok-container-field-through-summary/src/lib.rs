//! A record looked up through `self.rows` (a field holding a container) keeps its field
//! structure across the summary: only `id` is logged, so nothing is reported.

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Repo {
    rows: Vec<Patient>,
}

impl Repo {
    pub fn load(&self, id: u64) -> Option<Patient> {
        self.rows.iter().find(|p| p.id == id).cloned()
    }
}

fn describe(p: &Patient) -> String {
    let mut out = String::new();
    out.push_str(&p.id.to_string());
    out
}

pub fn show(repo: &Repo, id: u64) {
    if let Some(p) = repo.load(id) {
        audit(&describe(&p));
    }
}

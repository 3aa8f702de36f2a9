// Every key of SPEC §5: `check`, `guarded`, `consent(binds)`, and the sink keys `op`, `stores`,
// `region = "unknown"` and `args` with "self".
use privflow_macros as privflow;

pub struct Patient {
    pub id: u64,
    pub email: String,
}

pub struct Session {
    allowed: Vec<u64>,
}

impl Session {
    #[privflow::check(name = "auth.patient_access", binds = 0)]
    pub fn can_read(&self, patient_id: u64) -> bool {
        self.allowed.contains(&patient_id)
    }

    #[privflow::check(name = "community.not_banned")]
    pub fn not_banned(&self) -> Result<bool, String> {
        Ok(!self.allowed.is_empty())
    }
}

#[privflow::check(name = "auth.signed_in")]
pub fn signed_in(session: &Session) -> Option<()> {
    (!session.allowed.is_empty()).then_some(())
}

#[privflow::guarded(by = ["auth.patient_access", "community.not_banned"], binds = 1)]
#[privflow::sink(kind = "email", args = [1])]
pub fn email_patient(session: &Session, p: &Patient) -> usize {
    let _ = session;
    p.email.len()
}

#[privflow::consent(purpose = "marketing.communications.email", binds = 0)]
pub fn newsletter_opt_in(p: &Patient) -> Option<bool> {
    Some(p.id > 0)
}

pub struct Repo;

impl Repo {
    #[privflow::sink(kind = "storage", op = "delete", stores = "Patient", args = ["self", 0])]
    pub fn delete(&self, id: u64) -> bool {
        id > 0
    }

    #[privflow::sink(kind = "storage", op = "write", stores = "crate::Patient", region = "unknown", args = ["self"])]
    pub fn flush(&self) {}
}

pub trait Store {
    #[privflow::guarded(by = ["auth.patient_access"])]
    fn fetch(&self, id: u64) -> Option<Patient>;
}

impl Store for Repo {
    fn fetch(&self, id: u64) -> Option<Patient> {
        Some(Patient { id, email: String::new() })
    }
}

fn main() {
    let session = Session { allowed: vec![1] };
    let repo = Repo;
    if session.can_read(1) && session.not_banned() == Ok(true) && signed_in(&session).is_some() {
        if let Some(p) = repo.fetch(1) {
            if newsletter_opt_in(&p) == Some(true) {
                email_patient(&session, &p);
            }
        }
    }
    repo.delete(1);
    repo.flush();
}

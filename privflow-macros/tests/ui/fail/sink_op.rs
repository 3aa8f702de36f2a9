use privflow_macros as privflow;

#[privflow::sink(kind = "storage", op = "remove")]
fn remove_patient(id: u64) {
    let _ = id;
}

#[privflow::sink(kind = "storage", op = "archive")]
fn archive(id: u64) {
    let _ = id;
}

#[privflow::sink(kind = "storage", stores = "a patient")]
fn save(bytes: &[u8]) {
    let _ = bytes;
}

#[privflow::sink(kind = "storage", args = ["self"])]
fn no_receiver(bytes: &[u8]) {
    let _ = bytes;
}

struct Repo;

impl Repo {
    #[privflow::sink(kind = "storage", args = ["self", "self", "me"])]
    fn save(&self, bytes: &[u8]) {
        let _ = bytes;
    }

    #[privflow::sink(kind = "storage", args = "self")]
    fn flush(&self) {}
}

fn main() {}

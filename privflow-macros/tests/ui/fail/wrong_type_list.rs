use privflow_macros as privflow;

#[privflow::data]
struct Customer {
    #[pii(category = "user.contact.email", purposes = "essential.service")]
    email: String,
    #[pii(purposes = ["essential.service", 7])]
    name: String,
    #[pii(purposes = [])]
    phone: String,
    #[pii(purposes = essential)]
    address: String,
}

#[privflow::sink(kind = "network", args = 1)]
fn post(url: &str, body: &str) {
    let _ = (url, body);
}

#[privflow::sink(kind = "network", args = ["body"])]
fn put(url: &str, body: &str) {
    let _ = (url, body);
}

#[privflow::sink(kind = "network", args = "0")]
fn patch(url: &str, body: &str) {
    let _ = (url, body);
}

#[privflow::sink(kind = "network", args = [])]
fn delete(url: &str, body: &str) {
    let _ = (url, body);
}

fn main() {}

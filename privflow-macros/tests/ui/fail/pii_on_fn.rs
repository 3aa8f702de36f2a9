use privflow_macros as privflow;

#[privflow::pii(category = "user.name")]
fn user_name() -> String {
    String::new()
}

#[privflow::phi]
fn diagnosis() -> String {
    String::new()
}

#[privflow::pii]
const ADMIN: &str = "root";

#[privflow::pii(subject = "customer", purpose = ["essential.service"])]
struct Customer;

fn main() {}

use privflow_macros as privflow;

#[privflow::data]
struct Patient {
    #[pii(categroy = "user.name")]
    name: String,
    #[phi = "diagnosis"]
    diagnosis: String,
    #[pii]
    #[pii(category = "user.contact.email")]
    email: String,
    #[pii]
    #[phi]
    insurance: String,
    #[pii(category = "user contact")]
    phone: String,
    #[pii(category = "")]
    address: String,
    #[pii("user.name")]
    nickname: String,
    #[privflow::sink(kind = "log")]
    log: String,
    #[privflow::secret]
    token: String,
    #[privflow::pi]
    ip: String,
    #[cfg_attr(all(), pii(categry = "user.name"))]
    alias: String,
}

#[privflow::data]
enum Contact {
    #[pii]
    Email(String),
    #[privflow::sink(kind = "email")]
    Phone(String),
}

fn main() {
    // No "cannot find attribute" errors follow the ones above.
    let p = Patient {
        name: String::new(),
        diagnosis: String::new(),
        email: String::new(),
        insurance: String::new(),
        phone: String::new(),
        address: String::new(),
        nickname: String::new(),
        log: String::new(),
        ip: String::new(),
        token: String::new(),
        alias: String::new(),
    };
    let _ = (p, Contact::Email(String::new()));
}

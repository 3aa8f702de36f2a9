use actix_identity::Identity;

// A parameter of the configured library type, and what is derived from it.
pub async fn profile(user: Identity) -> String {
    let who = user.id().unwrap_or_default();
    log::info!("profile viewed by {}", who); //~ baseline/pii-to-log
    String::from("ok")
}

// A typed `let` of it.
pub fn audit(current: Option<Identity>) {
    let id: Identity = current.expect("signed in");
    println!("audit: {:?}", id); //~ baseline/pii-to-log
}

// A field of the type: the struct holds personal data.
#[derive(Debug)]
pub struct Visit {
    pub page: String,
    pub who: Identity,
}

pub fn track(v: &Visit) {
    eprintln!("visit {:?}", v); //~ baseline/pii-to-log
}

// What the type's constructor returns.
pub fn sign_in(req: &actix_web::HttpRequest) {
    let id = Identity::login(&req.extensions(), "user-1".into()).unwrap();
    dbg!(&id); //~ baseline/pii-to-log
}

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

//! `Result<bool, _>` checks that succeed only on `Ok(true)`.

pub struct Session;

#[privflow::check(name = "auth.logged_in")]
pub fn logged_in(_s: &Session) -> Result<bool, String> {
    Ok(true)
}

#[privflow::guarded(by = ["auth.logged_in"])]
pub fn show_dashboard(_s: &Session) {}

pub fn handler(s: &Session) {
    if let Ok(true) = logged_in(s) {
        show_dashboard(s);
    }
}

pub fn handler2(s: &Session) {
    if logged_in(s).unwrap_or(false) {
        show_dashboard(s);
    }
}

pub fn handler3(s: &Session) {
    match logged_in(s) {
        Ok(true) => show_dashboard(s),
        _ => {}
    }
}

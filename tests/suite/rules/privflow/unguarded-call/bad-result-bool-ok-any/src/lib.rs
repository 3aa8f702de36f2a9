//! A `Result<bool, _>` check succeeds only with `Ok(true)`: `Ok(_)` also matches `Ok(false)`.

pub struct Session;

#[privflow::check(name = "auth.logged_in")]
pub fn logged_in(_s: &Session) -> Result<bool, String> {
    Ok(true)
}

#[privflow::guarded(by = ["auth.logged_in"])]
pub fn show_dashboard(_s: &Session) {}

pub fn handler(s: &Session) {
    if let Ok(_) = logged_in(s) {
        show_dashboard(s); //~ privflow/unguarded-call
    }
}

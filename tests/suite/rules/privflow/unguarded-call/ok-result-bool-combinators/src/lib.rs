//! A check answering in `Result<bool, _>` read through the std forms that are true only on
//! `Ok(true)`: `is_ok_and(|b| b)`, `== Ok(true)`, `matches!(.., Ok(true))`.

pub struct Db;

#[privflow::check(name = "community.not_banned", binds = 0)]
pub fn not_banned(_user: u64) -> Result<bool, String> {
    Ok(true)
}

#[privflow::guarded(by = ["community.not_banned"], binds = 0)]
pub fn post(_user: u64, _text: &str) {}

pub fn with_is_ok_and(user: u64) {
    if not_banned(user).is_ok_and(|b| b) {
        post(user, "hi");
    }
}

pub fn with_eq(user: u64) {
    if not_banned(user) == Ok(true) {
        post(user, "hi");
    }
}

pub fn with_matches(user: u64) {
    if matches!(not_banned(user), Ok(true)) {
        post(user, "hi");
    }
}

pub fn with_ne_early_return(user: u64) {
    if not_banned(user) != Ok(true) {
        return;
    }
    post(user, "hi");
}

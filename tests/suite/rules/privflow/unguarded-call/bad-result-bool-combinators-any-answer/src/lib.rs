//! A check answering in `Result<bool, _>`: forms that are also true on `Ok(false)` do not count.

#[privflow::check(name = "community.not_banned", binds = 0)]
pub fn not_banned(_user: u64) -> Result<bool, String> {
    Ok(true)
}

#[privflow::guarded(by = ["community.not_banned"], binds = 0)]
pub fn post(_user: u64, _text: &str) {}

pub fn with_is_ok_and_any(user: u64) {
    if not_banned(user).is_ok_and(|_| true) {
        post(user, "hi"); //~ privflow/unguarded-call
    }
}

pub fn with_matches_ok_any(user: u64) {
    if matches!(not_banned(user), Ok(_)) {
        post(user, "hi"); //~ privflow/unguarded-call
    }
}

pub fn with_eq_false(user: u64) {
    if not_banned(user) == Ok(false) {
        post(user, "hi"); //~ privflow/unguarded-call
    }
}

pub fn with_negated_is_ok_and(user: u64) {
    if !not_banned(user).is_ok_and(|b| b) {
        post(user, "hi"); //~ privflow/unguarded-call
    }
}

//! Both checks succeed before every call: by `&&`, and by early returns.

pub struct User {
    pub id: u64,
}
pub struct Community {
    pub id: u64,
}

#[privflow::check(name = "community.not_banned")]
pub fn not_banned(_u: &User, _c: &Community) -> bool {
    true
}

#[privflow::check(name = "community.not_deleted")]
pub fn not_deleted(_c: &Community) -> Result<(), String> {
    Ok(())
}

#[privflow::guarded(by = ["community.not_banned", "community.not_deleted"])]
pub fn create_post(_c: &Community, _text: &str) {}

pub fn handler(u: &User, c: &Community, text: &str) {
    if not_banned(u, c) && not_deleted(c).is_ok() {
        create_post(c, text);
    }
}

pub fn api(u: &User, c: &Community, text: &str) -> Result<(), String> {
    if !not_banned(u, c) {
        return Err("banned".into());
    }
    not_deleted(c)?;
    create_post(c, text);
    Ok(())
}

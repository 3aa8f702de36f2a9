//! The guarded call sits in a helper that only checked callers reach.

pub struct Community {
    pub id: u64,
}

#[privflow::check(name = "community.not_banned")]
pub fn not_banned(_c: &Community) -> bool {
    true
}

#[privflow::guarded(by = ["community.not_banned"])]
pub fn create_post(_c: &Community) {}

fn post(c: &Community) {
    create_post(c);
}

pub fn web_handler(c: &Community) {
    if not_banned(c) {
        post(c);
    }
}

pub fn cli_import(c: &Community) -> Option<()> {
    if !not_banned(c) {
        return None;
    }
    post(c);
    Some(())
}

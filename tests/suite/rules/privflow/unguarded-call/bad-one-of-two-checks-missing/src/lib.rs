//! A write to a community needs the ban check AND the deleted check; one path does only one.

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
pub fn not_deleted(_c: &Community) -> bool {
    true
}

#[privflow::guarded(by = ["community.not_banned", "community.not_deleted"])]
pub fn create_post(_c: &Community, _text: &str) {}

pub fn handler(u: &User, c: &Community, text: &str, quick: bool) {
    if quick {
        if not_banned(u, c) {
            create_post(c, text); //~ privflow/unguarded-call
        }
    } else if not_banned(u, c) && not_deleted(c) {
        create_post(c, text);
    }
}

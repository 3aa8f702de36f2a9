//! Near miss: the button only links to the Zaurus page, no user data.

#[privflow::sink(kind = "social")]
pub fn open_social_link(_url: &str) {}

pub fn follow_us() {
    open_social_link("https://www.linkedin.com/company/zaurus");
}

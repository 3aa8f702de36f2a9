//! Any cookie breaks "keinerlei Cookies", even one without personal data.

#[privflow::sink(kind = "cookie")]
pub fn set_cookie(_name: &str, _value: &str) {}

pub fn start_session(session_id: &str) {
    set_cookie("sid", session_id); //~ cgm-videosprechstunde/no-cookies
}

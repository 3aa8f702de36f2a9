//! Near miss: the session token travels in an Authorization header, not in a cookie.

#[privflow::sink(kind = "network", encrypted = true)]
pub fn send_with_header(_header: &str, _value: &str) {}

pub fn call_api(token: &str) {
    send_with_header("Authorization", token);
}

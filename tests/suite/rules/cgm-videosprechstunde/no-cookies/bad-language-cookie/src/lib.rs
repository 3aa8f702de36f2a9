//! A harmless-looking preference cookie is still a cookie.

#[privflow::sink(kind = "cookie")]
pub fn set_cookie(_name: &str, _value: &str) {}

pub fn choose_language(lang: &str) {
    let value = lang.to_lowercase();
    set_cookie( //~ cgm-videosprechstunde/no-cookies
        "lang",
        &value,
    );
}

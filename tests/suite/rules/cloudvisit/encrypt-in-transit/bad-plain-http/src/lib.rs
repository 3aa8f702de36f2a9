//! Referral reasons (health data) are posted over plain HTTP.

#[privflow::data]
pub struct Referral {
    pub id: u64,
    #[phi]
    pub reason: String,
}

#[privflow::sink(kind = "network")]
pub fn post_referral(_url: &str, _body: &str) {}

pub fn refer(r: &Referral) {
    post_referral("http://referrals.internal/api", &r.reason); //~ cloudvisit/encrypt-in-transit
}

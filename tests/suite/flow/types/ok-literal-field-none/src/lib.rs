//! A literal that sets a tagged field to `None` (or a literal) holds none of that data: the
//! field's tag does not apply to it, directly, through a helper that builds it, or joined over
//! branches that both leave the field unset.
#[privflow::data]
pub struct Conversion {
    pub order_id: String,
    #[pii(category = "user.contact.email")]
    pub hashed_email: Option<String>,
    #[pii(category = "user.name")]
    pub name: &'static str,
}

#[privflow::sink(kind = "log")]
pub fn report(_c: &Conversion) {}

pub fn direct(order: String) {
    let c = Conversion { order_id: order, hashed_email: None, name: "" };
    report(&c);
}

fn build(order: String) -> Conversion {
    Conversion { order_id: order, hashed_email: None, name: "anonymous" }
}

pub fn via_helper(order: String) {
    let c = build(order);
    report(&c);
}

pub fn branches(order: String, repeat: bool) {
    let c = if repeat {
        build(order)
    } else {
        Conversion { order_id: String::from("first"), hashed_email: None, name: "" }
    };
    report(&c);
}

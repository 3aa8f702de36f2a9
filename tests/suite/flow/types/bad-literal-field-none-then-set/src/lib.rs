//! A field a literal left `None` and the code then fills holds the data again; so does a field
//! set to `None` on one branch only, and a value that does not come from a literal here.
#[privflow::data]
pub struct Conversion {
    pub order_id: String,
    #[pii(category = "user.contact.email")]
    pub hashed_email: Option<String>,
}

#[privflow::sink(kind = "log")]
pub fn report(_c: &Conversion) {}

pub fn assigned(order: String, e: String) {
    let mut c = Conversion { order_id: order, hashed_email: None };
    c.hashed_email = Some(e);
    report(&c); //~ baseline/pii-to-log
}

pub fn one_branch(order: String, e: Option<String>, known: bool) {
    let c = if known {
        Conversion { order_id: order, hashed_email: e }
    } else {
        Conversion { order_id: order, hashed_email: None }
    };
    report(&c); //~ baseline/pii-to-log
}

pub fn from_elsewhere(c: &Conversion) {
    report(c); //~ baseline/pii-to-log
}

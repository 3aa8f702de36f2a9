//! How many customers a store caches, or whether it caches any, is not their data: a new id
//! computed from the count and sent abroad carries no tag, even assigned to a struct field first.
#[privflow::data]
pub struct Customer {
    pub id: i64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub struct Store {
    pub cache: Vec<Customer>,
}

impl Store {
    pub fn next_id(&self) -> i64 {
        self.cache.len() as i64 + 1
    }

    pub fn warm(&self) -> bool {
        !self.cache.is_empty() && self.cache.iter().filter(|c| c.id > 0).count() > 3
    }
}

pub struct Request {
    pub customer_id: i64,
    pub warm: bool,
}

#[privflow::sink(kind = "network", region = "US")]
pub fn push_crm(_id: &i64, _warm: bool) {}

pub fn register(store: &Store) {
    let mut req = Request {
        customer_id: 0,
        warm: false,
    };
    req.customer_id = store.next_id();
    req.warm = store.warm();
    push_crm(&req.customer_id, req.warm);
}

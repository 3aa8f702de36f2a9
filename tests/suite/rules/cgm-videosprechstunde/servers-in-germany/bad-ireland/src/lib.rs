//! Customer profiles are stored on the product's own servers in Ireland.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email", subject = "customer")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "storage", encrypted = true, region = "eu-west-1")]
pub fn insert_customer(_c: &Customer) {}

#[privflow::erases(Customer)]
pub fn delete_customer(id: u64) {
    delete_customer_row(id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Customer", region = "DE")]
pub fn delete_customer_row(_id: u64) {}

pub fn register(c: &Customer) {
    insert_customer(c); //~ cgm-videosprechstunde/servers-in-germany
}

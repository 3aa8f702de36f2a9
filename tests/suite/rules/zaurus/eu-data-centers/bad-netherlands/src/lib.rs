//! Azure West Europe is in the Netherlands, not Ireland or Germany.

#[privflow::data]
pub struct Message {
    pub id: u64,
    #[pii(category = "user.content")]
    pub body: String,
}

#[privflow::sink(kind = "storage", region = "westeurope", encrypted = true)]
pub fn put_message(_m: &Message) {}

#[privflow::erases(Message)]
pub fn delete_messages(owner: u64) {
    delete_message_row(owner);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Message", region = "DE")]
pub fn delete_message_row(_id: u64) {}

pub fn store(m: &Message) {
    put_message(m); //~ zaurus/eu-data-centers
}

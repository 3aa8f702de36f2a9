//! Attachments are stored without encryption.

#[privflow::data]
pub struct Attachment {
    pub id: u64,
    #[pii(category = "user.content")]
    pub bytes: Vec<u8>,
}

#[privflow::erases(Attachment)]
pub fn delete_attachments(owner: u64) {
    delete_attachment_row(owner);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Attachment", region = "DE")]
pub fn delete_attachment_row(_id: u64) {}

#[privflow::sink(kind = "storage", region = "eu-west-1")]
pub fn put_attachment(_a: &Attachment) {}

pub fn upload(a: &Attachment) {
    put_attachment(a); //~ zaurus/aes256-at-rest
}

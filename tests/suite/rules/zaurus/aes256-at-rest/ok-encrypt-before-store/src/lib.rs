//! Near miss: the application encrypts the bytes before storing them.

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

#[privflow::sanitizer(encrypt)]
pub fn aes256(v: &[u8]) -> Vec<u8> {
    v.iter().rev().copied().collect()
}

#[privflow::sink(kind = "storage", region = "eu-west-1")]
pub fn put_blob(_id: u64, _bytes: &[u8]) {}

pub fn upload(a: &Attachment) {
    put_blob(a.id, &aes256(&a.bytes));
}

//! Near miss: whiteboard uploads are kept temporarily and encrypted (not persistent).

#[privflow::data]
pub struct WhiteboardUpload {
    pub session_id: u64,
    #[pii(category = "user.content")]
    pub bytes: Vec<u8>,
}

#[privflow::sink(kind = "storage", persistent = false, encrypted = true)]
pub fn put_temp_file(_session_id: u64, _bytes: &[u8]) {}

pub fn upload(u: &WhiteboardUpload) {
    put_temp_file(u.session_id, &u.bytes);
}

//! Whiteboard files (section 3.4): "temporär und verschlüsselt" on La-Well's server, deleted when
//! the session ends. The directory is a tmpfs on the encrypted scratch volume.

use std::path::PathBuf;

use crate::models::WhiteboardUpload;

pub struct Whiteboard {
    scratch_dir: PathBuf,
}

impl Whiteboard {
    pub fn new(scratch_dir: PathBuf) -> Self {
        Whiteboard { scratch_dir }
    }

    #[privflow::sink(kind = "storage", persistent = false, encrypted = true)]
    pub fn put_file(&self, upload: &WhiteboardUpload) -> std::io::Result<()> {
        let dir = self.scratch_dir.join(&upload.session_id);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(&upload.file_name), &upload.bytes)
    }

    /// Deletes every file of the session once it is over.
    pub fn clear_session(&self, session_id: &str) -> std::io::Result<()> {
        match std::fs::remove_dir_all(self.scratch_dir.join(session_id)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
}

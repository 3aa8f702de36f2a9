//! Syntax layer: source files, parsing, and lowering to the IR.
//!
//! `parse` is pure (text in, IR or a located error out); `load` is the I/O part that reads the
//! files of each crate, following `mod` declarations, and parses them in parallel.

pub mod guard;
pub mod ident;
pub mod ir;
pub mod load;
pub mod lower;
pub mod mbe;
pub mod parse;
pub mod span;

pub use ir::{FileId, Span};

use std::path::PathBuf;

/// A source file of the analysed workspace.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    /// Absolute path.
    pub path: PathBuf,
    /// Relative to the workspace root, `/`-separated.
    pub rel: String,
    /// `// privflow-allow: pack/rule -- reason` comments: (line, rule, reason).
    pub allow_comments: Vec<AllowComment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowComment {
    pub line: u32,
    pub rule: String,
    pub reason: String,
}

/// Every file read, by id.
#[derive(Debug, Clone, Default)]
pub struct SourceDb {
    pub files: Vec<SourceFile>,
}

impl SourceDb {
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }
    pub fn rel(&self, id: FileId) -> &str {
        self.get(id).map(|f| f.rel.as_str()).unwrap_or("<unknown>")
    }

    /// Where a span is, as every output names it (file relative to the workspace root; an
    /// empty span covers one column).
    pub fn location(&self, sp: ir::Span) -> crate::model::Location {
        crate::model::Location {
            file: self.rel(sp.file).to_string(),
            line: sp.line,
            column: sp.col,
            end_line: sp.end_line.max(sp.line),
            end_column: if sp.end_line > sp.line || sp.end_col > sp.col {
                sp.end_col
            } else {
                sp.col + 1
            },
        }
    }
}

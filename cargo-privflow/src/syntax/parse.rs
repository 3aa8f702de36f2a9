//! Text → IR for one file. Pure: no I/O, no panics on any input.

use super::ir::{Features, FileId};
use super::lower::{lower_file, ForeignMacros, LoweredFile, MAX_DEPTH};
use super::AllowComment;

/// Files above this size are not parsed (generated code, data blobs); they are reported.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Estimated nesting (brackets, angles, operator chains..., see [`super::guard`]) beyond which
/// the parser itself would need an unbounded stack.
pub use super::guard::MAX_NESTING;

/// Why a file could not be analysed, with the line where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

/// A parsed, lowered file, plus functions that were skipped for nesting too deeply.
pub struct ParsedFile {
    pub lowered: LoweredFile,
    pub allow_comments: Vec<AllowComment>,
}

/// Decodes and parses one file. Must run on a thread with a large stack (see `load`).
/// `features`: the crate's enabled cargo features, which decide `#[cfg(feature = "..")]`; `None`
/// keeps all such code.
pub fn parse_bytes(
    id: FileId,
    bytes: &[u8],
    features: Option<Features>,
    foreign: &std::sync::Arc<ForeignMacros>,
) -> Result<ParsedFile, ParseFailure> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ParseFailure {
            line: None,
            column: None,
            message: format!(
                "file is {} MiB, above the {} MiB privflow parses; skip it in `[package.metadata.privflow] skip` if it is generated",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|b| **b == b'\n').count() as u32 + 1;
            return Err(ParseFailure {
                line: Some(line),
                column: None,
                message: format!("file is not valid UTF-8 (invalid byte at offset {at}); Rust sources must be UTF-8"),
            });
        }
    };
    parse_text(id, text, features, foreign)
}

pub fn parse_text(
    id: FileId,
    text: &str,
    features: Option<Features>,
    foreign: &std::sync::Arc<ForeignMacros>,
) -> Result<ParsedFile, ParseFailure> {
    if let Err(g) = super::guard::check(text) {
        return Err(ParseFailure {
            line: Some(g.line),
            column: Some(g.column),
            message: g.message,
        });
    }
    let ast = syn::parse_file(text).map_err(|e| {
        let start = e.span().start();
        ParseFailure {
            line: Some(start.line as u32),
            column: Some(start.column as u32 + 1),
            message: format!("syntax error: {e}"),
        }
    })?;
    let lowered = lower_file(id, &ast, features, foreign);
    // Dropping a deep syn tree recurses too; it happens here, on the big-stack thread.
    drop(ast);
    Ok(ParsedFile {
        lowered,
        allow_comments: allow_comments(text),
    })
}

/// `// privflow-allow: pack/rule -- reason` on its own line or after code.
pub fn allow_comments(text: &str) -> Vec<AllowComment> {
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if let Some(pos) = l.find("privflow-allow:") {
            // Only a plain `// privflow-allow:` comment counts: the line's first `//`, right
            // before the marker (not a doc comment that mentions it).
            let before = l[..pos].trim_end();
            let Some(first) = before.find("//") else {
                continue;
            };
            if first + 2 != before.len() || before.ends_with("///") || before.ends_with("//!") {
                continue;
            }
            let rest = l[pos + "privflow-allow:".len()..].trim();
            let (rule, reason) = match rest.split_once("--") {
                Some((r, why)) => (r.trim(), why.trim()),
                None => (rest, ""),
            };
            out.push(AllowComment {
                line: i as u32 + 1,
                rule: rule.to_string(),
                reason: reason.to_string(),
            });
        }
    }
    out
}

/// Message for a function whose body nests beyond the lowering limit.
pub fn too_deep_message(fn_name: &str) -> String {
    format!(
        "expression nests more than {MAX_DEPTH} levels deep; function `{fn_name}` was not analysed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_comments_are_read_with_reason() {
        let c = allow_comments(
            "let x = 1; // privflow-allow: baseline/phi-to-log -- audited\n// privflow-allow: a/b\n//! see `// privflow-allow: x/y`\n",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(
            c[0],
            AllowComment {
                line: 1,
                rule: "baseline/phi-to-log".into(),
                reason: "audited".into()
            }
        );
        assert_eq!(c[1].reason, "");
    }

    #[test]
    fn non_utf8_names_the_line() {
        let e = parse_bytes(FileId(0), b"fn a() {}\n\xff\xfe", None, &Default::default())
            .err()
            .expect("must fail");
        assert_eq!(e.line, Some(2));
    }
}

//! `--message-format cargo-json`: cargo's own JSON messages (`cargo check --message-format json`),
//! so rust-analyzer (`rust-analyzer.check.overrideCommand`) and other readers of cargo's
//! messages show findings inline. One `compiler-message` line per finding and per problem with a
//! file, each holding a rustc-style diagnostic (the rule id as its `code`), then one
//! `build-finished` line (`success`: no error-severity finding and a complete analysis).
//!
//! privflow analyses the workspace as a whole, so `package_id`, `manifest_path` and `target` name
//! the workspace root's manifest and package (the system), not the crate the file belongs to:
//! readers place a message by its spans, which are relative to the workspace root, as cargo's.

use crate::model::{Finding, Location, Problem, Report, Severity};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes the messages, one JSON object a line.
pub fn render(report: &Report, deny_warnings: bool, out: &mut dyn Write) -> io::Result<()> {
    let root = report.root.clone().unwrap_or_default();
    let mut files = Files::new(&root);
    let header = Header::of(report, &root);
    for f in &report.findings {
        let message = finding(f, &mut files);
        write_line(out, &header.wrap(message))?;
    }
    for p in super::sorted_problems(report) {
        let message = problem(p, &mut files);
        write_line(out, &header.wrap(message))?;
    }
    let success = report.exit_code(deny_warnings) == 0;
    write_line(
        out,
        &json!({"reason": "build-finished", "success": success}),
    )
}

fn write_line(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let text = serde_json::to_string(value).map_err(io::Error::other)?;
    out.write_all(super::escape_json(&text).as_bytes())?;
    out.write_all(b"\n")
}

/// What every `compiler-message` says about where it comes from.
struct Header {
    package_id: String,
    manifest_path: String,
    target: Value,
}

impl Header {
    fn of(report: &Report, root: &Path) -> Header {
        let name = if report.system.is_empty() {
            "workspace".to_string()
        } else {
            report.system.clone()
        };
        Header {
            package_id: format!("path+file://{}#{name}", root.display()),
            manifest_path: root.join("Cargo.toml").display().to_string(),
            target: json!({
                "kind": ["lib"],
                "crate_types": ["lib"],
                "name": name,
                "src_path": root.join("src/lib.rs").display().to_string(),
                "edition": "2021",
                "doctest": false,
                "test": false,
            }),
        }
    }

    fn wrap(&self, message: Value) -> Value {
        json!({
            "reason": "compiler-message",
            "package_id": self.package_id,
            "manifest_path": self.manifest_path,
            "target": self.target,
            "message": message,
        })
    }
}

/// The workspace's files, read once each, for byte offsets and the spans' source lines.
struct Files {
    root: PathBuf,
    text: BTreeMap<String, Option<String>>,
}

impl Files {
    fn new(root: &Path) -> Files {
        Files {
            root: root.to_path_buf(),
            text: BTreeMap::new(),
        }
    }

    fn get(&mut self, file: &str) -> Option<&str> {
        let root = &self.root;
        self.text
            .entry(file.to_string())
            .or_insert_with(|| std::fs::read_to_string(root.join(file)).ok())
            .as_deref()
    }
}

/// The byte offset of a 1-based (line, character column) in `text`, clamped to the text.
fn byte_offset(text: &str, line: u32, column: u32) -> usize {
    let mut start = 0usize;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[start..];
    let line_end = line_text.find('\n').unwrap_or(line_text.len());
    let skip = usize::try_from(column.max(1) - 1).unwrap_or(usize::MAX);
    let within = line_text[..line_end]
        .char_indices()
        .nth(skip)
        .map_or(line_end, |(i, _)| i);
    start + within
}

fn span(loc: &Location, primary: bool, label: Option<String>, files: &mut Files) -> Value {
    let line_start = loc.line.max(1);
    let column_start = loc.column.max(1);
    let (line_end, column_end) = if loc.end_line > line_start
        || (loc.end_line == line_start && loc.end_column > column_start)
    {
        (loc.end_line, loc.end_column)
    } else {
        (line_start, column_start + 1)
    };
    let (byte_start, byte_end, text) = match files.get(&loc.file) {
        Some(t) => {
            let b0 = byte_offset(t, line_start, column_start);
            let b1 = byte_offset(t, line_end, column_end).max(b0);
            let first = t.lines().nth(line_start as usize - 1).unwrap_or("");
            let text = json!([{
                "text": first,
                "highlight_start": column_start,
                "highlight_end": if line_end == line_start { column_end } else { first.chars().count() as u32 + 1 },
            }]);
            (b0, b1, text)
        }
        None => (0, 0, json!([])),
    };
    json!({
        "file_name": loc.file,
        "byte_start": byte_start,
        "byte_end": byte_end,
        "line_start": line_start,
        "line_end": line_end,
        "column_start": column_start,
        "column_end": column_end,
        "is_primary": primary,
        "text": text,
        "label": label,
        "suggested_replacement": null,
        "suggestion_applicability": null,
        "expansion": null,
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn child(level: &str, message: String) -> Value {
    json!({"message": message, "code": null, "level": level, "spans": [], "children": [], "rendered": null})
}

fn finding(f: &Finding, files: &mut Files) -> Value {
    let mut spans = vec![span(
        &f.sink.location,
        true,
        Some(format!("reaches `{}` ({} sink)", f.sink.name, f.sink.kind)),
        files,
    )];
    if let Some(src) = &f.source {
        if src.location != f.sink.location {
            spans.push(span(
                &src.location,
                false,
                Some(format!("{} ({}) is tagged here", src.data, src.category)),
                files,
            ));
        }
    }
    let mut children = Vec::new();
    if !f.quote.is_empty() {
        children.push(child("note", format!("\"{}\" ({})", f.quote, f.section)));
    }
    if !f.help.is_empty() {
        children.push(child("help", f.help.clone()));
    }
    let lvl = level(f.severity);
    let loc = &f.sink.location;
    let rendered = format!(
        "{lvl}[{}]: {}\n  --> {}:{}:{}\n",
        f.rule, f.message, loc.file, loc.line, loc.column
    );
    json!({
        "$message_type": "diagnostic",
        "message": f.message,
        "code": {"code": f.rule, "explanation": null},
        "level": lvl,
        "spans": spans,
        "children": children,
        "rendered": rendered,
    })
}

fn problem(p: &Problem, files: &mut Files) -> Value {
    let lvl = level(p.severity);
    let spans = match &p.file {
        Some(file) => {
            let line = p.line.unwrap_or(1).max(1);
            let column = p.column.unwrap_or(1).max(1);
            let loc = Location {
                file: file.clone(),
                line,
                column,
                end_line: line,
                end_column: column,
            };
            vec![span(&loc, true, None, files)]
        }
        None => Vec::new(),
    };
    let at = match &p.file {
        Some(f) => format!("\n  --> {f}:{}\n", p.line.unwrap_or(1)),
        None => "\n".to_string(),
    };
    json!({
        "$message_type": "diagnostic",
        "message": p.message,
        "code": {"code": format!("privflow/{}", p.kind.as_str()), "explanation": null},
        "level": lvl,
        "spans": spans,
        "children": [],
        "rendered": format!("{lvl}: {}{at}", p.message),
    })
}

#[cfg(test)]
mod tests {
    use super::byte_offset;

    #[test]
    fn byte_offsets_count_characters() {
        let t = "ab\nü x\n";
        assert_eq!(byte_offset(t, 1, 1), 0);
        assert_eq!(byte_offset(t, 2, 1), 3);
        assert_eq!(byte_offset(t, 2, 2), 5);
        assert_eq!(byte_offset(t, 9, 9), t.len());
        assert_eq!(byte_offset(t, 1, 99), 2);
    }
}

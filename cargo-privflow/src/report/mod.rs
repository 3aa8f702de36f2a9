//! Output: the report as the terminal shows it ([`human`]; [`narrated`] for logs and screen
//! readers), as JSON lines ([`json`], SPEC §4) and
//! as a SARIF 2.1.0 log ([`sarif`]); and the rule catalogue ([`catalog`]) for `rules` / `explain`.
//!
//! Every renderer is a pure function of its input that writes to a `&mut dyn Write`: the same
//! report always gives the same bytes.

pub mod cargo_json;
pub mod catalog;
pub mod human;
pub mod json;
pub mod narrated;
pub mod sarif;
pub mod sinks;

use crate::model::{Finding, Problem, Report, Severity, SourceRef};
use std::collections::HashMap;

/// An id shared by the findings reported at one call (one sink, one place): FNV-1a over the
/// sink's file, line, column and name. JSON and SARIF keep one result per rule and carry it as
/// `site`; the human report shows each site once.
pub fn site_id(f: &Finding) -> String {
    let l = &f.sink.location;
    let mut h: u64 = 0xcbf29ce484222325;
    let parts = [
        l.file.as_str(),
        &l.line.to_string(),
        &l.column.to_string(),
        f.sink.name.as_str(),
    ];
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

/// The findings in groups of one site each, in the order of each site's first finding (the
/// report's order: file, line, column, rule).
pub fn site_groups(findings: &[Finding]) -> Vec<Vec<&Finding>> {
    let mut index: HashMap<(&str, u32, u32, &str), usize> = HashMap::new();
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for f in findings {
        let l = &f.sink.location;
        let key = (l.file.as_str(), l.line, l.column, f.sink.name.as_str());
        match index.get(&key) {
            Some(&i) => groups[i].push(f),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![f]);
            }
        }
    }
    groups
}

/// One site's findings as one: the rules, the data (every source, each by its class), the
/// shared "reaches `sink` (..)" and each rule's own summary.
pub struct Grouped<'a> {
    pub findings: Vec<&'a Finding>,
    /// The finding whose way and consent steps are shown (one with consent steps, else the
    /// first).
    pub lead: &'a Finding,
    pub severity: Severity,
    /// ``PHI `Patient.diagnosis` and personal data `Patient.email` reaches `println!` (log, ..)``
    pub headline: String,
    /// Per finding: what its rule says is wrong.
    pub summaries: Vec<&'a str>,
    /// Every source reaching the site, once.
    pub sources: Vec<&'a SourceRef>,
}

/// A site's findings grouped, when there are several and each is a flow of data to the sink (a
/// finding about a sink's presence or a type stands alone).
pub fn grouped<'a>(group: &[&'a Finding]) -> Option<Grouped<'a>> {
    if group.len() < 2 || group.iter().any(|f| f.source.is_none()) {
        return None;
    }
    // "<data> reaches `name` (<what>): <summary>"
    let split = |f: &'a Finding| -> Option<(&'a str, &'a str)> {
        let at = f.message.find(&format!("reaches `{}` (", f.sink.name))?;
        let rest = &f.message[at..];
        let end = rest.find("): ")?;
        Some((&rest[..end + 1], &rest[end + 3..]))
    };
    let (reach, _) = split(group[0])?;
    let mut summaries = Vec::new();
    for f in group {
        let (r, summary) = split(f)?;
        if r != reach {
            return None;
        }
        summaries.push(summary);
    }
    let mut sources: Vec<&SourceRef> = Vec::new();
    for f in group {
        for s in &f.sources {
            if !sources.iter().any(|x| x.data == s.data) {
                sources.push(s);
            }
        }
    }
    let lead = group
        .iter()
        .find(|f| !f.consent_steps.is_empty())
        .copied()
        .unwrap_or(group[0]);
    let severity = if group.iter().any(|f| f.severity == Severity::Error) {
        Severity::Error
    } else {
        group[0].severity
    };
    Some(Grouped {
        findings: group.to_vec(),
        lead,
        severity,
        headline: format!("{} {reach}", crate::model::label_data(&sources)),
        summaries,
        sources,
    })
}

/// The report's problems in a stable order: by file, line, column, then kind and message.
/// Problems without a file come first (they are about the whole run).
pub fn sorted_problems(report: &Report) -> Vec<&Problem> {
    let mut problems: Vec<&Problem> = report.problems.iter().collect();
    problems.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.kind, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.kind, &b.message))
    });
    problems
}

/// Whether `c` must not reach a terminal or a log raw: control characters (C0, DEL, C1: ESC
/// starts screen-clearing and link sequences, CR overwrites a line, U+009B is an 8-bit CSI),
/// bidirectional controls (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C:
/// they reorder what is shown, "Trojan Source") and the line and paragraph separators.
/// `\n` and `\t` are the output's own layout and are judged by the caller.
pub(crate) fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `s` with every character [`is_unsafe`] written as Rust writes it, `\u{1b}`; newlines and tabs
/// kept. Every string that comes from the analysed code, its configuration, rule packs, file names
/// or the command line goes through this (or [`escape_line`]) on its way to human output: the
/// report must not be able to rewrite the reader's terminal.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    escape_where(s, is_unsafe)
}

/// [`escape_controls`] for a value shown on one line (a file name, a label): newlines and tabs
/// are escaped too, so a value cannot start a line of its own that looks like privflow's.
pub fn escape_line(s: &str) -> std::borrow::Cow<'_, str> {
    escape_where(s, |c| c == '\n' || c == '\t' || is_unsafe(c))
}

fn escape_where(s: &str, unsafe_char: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(&unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `\u{1b}`.
pub(crate) fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// serde_json's text with the characters it leaves raw but a terminal acts on (DEL, C1 controls,
/// bidirectional controls, line separators) written as JSON escapes (`\u009b`). Valid JSON with
/// the same value: serde_json emits such characters only inside strings, and escapes C0 itself.
pub fn escape_json(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One JSON line: `value` serialised, [`escape_json`]ed, and a newline.
pub(crate) fn json_line(
    out: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    let text = serde_json::to_string(value).map_err(std::io::Error::other)?;
    out.write_all(escape_json(&text).as_bytes())?;
    out.write_all(b"\n")
}

/// A writer for plain text (no colours of privflow's own): everything written through it is
/// [`escape_controls`]ed. Each `write` must hold whole characters, as `write!` and `write_all`
/// of a `&str` do.
pub struct Escaping<'a>(pub &'a mut dyn std::io::Write);

impl std::io::Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(escape_controls(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(
            escape_controls("a\u{1b}[2Jb\rc\u{202e}d\u{2066}\u{9b}e\n\tf"),
            "a\\u{1b}[2Jb\\u{d}c\\u{202e}d\\u{2066}\\u{9b}e\n\tf"
        );
        assert_eq!(escape_line("a\nb\tc"), "a\\u{a}b\\u{9}c");
        assert!(matches!(
            escape_controls("plain ü → text"),
            std::borrow::Cow::Borrowed(_)
        ));
        let json = serde_json::to_string("\u{1b}\u{9b}\u{202e}").unwrap_or_default();
        let escaped = escape_json(&json);
        assert_eq!(escaped, "\"\\u001b\\u009b\\u202e\"");
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, "\u{1b}\u{9b}\u{202e}");
    }

    #[test]
    fn the_escaping_writer_escapes() {
        use std::io::Write as _;
        let mut buf = Vec::new();
        let _ = write!(Escaping(&mut buf), "x\u{1b}]8;;http://e\u{7}y");
        assert_eq!(String::from_utf8_lossy(&buf), "x\\u{1b}]8;;http://e\\u{7}y");
    }
}

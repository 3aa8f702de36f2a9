//! `cargo privflow catalogue`: the built-in library sinks (`catalogue/*.toml`), as a table per
//! file or (with `--message-format json`) one JSON line per entry.

use crate::flow::catalogue::{builtin, LibSink};
use serde_json::json;
use std::io::{self, Write};

/// What an entry matches: `reqwest::{json, body}`, `std::fs::write`, `log::{info!, warn!}`.
fn matches(e: &LibSink) -> String {
    let s = &e.entry;
    if let Some(ms) = &s.macros {
        let ms: Vec<String> = ms.iter().map(|m| format!("{m}!")).collect();
        format!("{}::{{{}}}", s.path, ms.join(", "))
    } else if let Some(ms) = &s.methods {
        format!("{}::{{{}}}", s.path, ms.join(", "))
    } else {
        s.path.clone()
    }
}

/// The entry's sink keys beyond its kind, as written in its file.
fn keys(e: &LibSink) -> Vec<String> {
    let s = &e.entry;
    let mut out = Vec::new();
    if let Some(r) = &s.recipient {
        out.push(format!("recipient {r}"));
    }
    if let Some(r) = &s.region {
        out.push(format!("region {r}"));
    }
    if s.encrypted == Some(true) {
        out.push("encrypted".to_string());
    }
    if s.delete {
        out.push("op delete".to_string());
    }
    if s.persistent == Some(false) {
        out.push("not persistent".to_string());
    }
    if let Some(b) = &s.sent_by {
        out.push(format!("sent by {}", b.join("/")));
    }
    if s.sql_writes {
        out.push("when the SQL writes".to_string());
    }
    out
}

pub fn list(json: bool, out: &mut dyn Write) -> io::Result<()> {
    let cat = builtin();
    if json {
        for e in &cat.entries {
            let s = &e.entry;
            let line = json!({
                "reason": "sink",
                "crate": e.crate_name(),
                "name": e.name,
                "path": s.path,
                "methods": s.methods,
                "macros": s.macros,
                "kind": s.kind,
                "recipient": s.recipient,
                "region": s.region,
                "encrypted": e.spec.encrypted,
                "persistent": e.spec.persistent,
                "op": if s.delete { "delete" } else { "write" },
                "sent_by": s.sent_by,
                "file": e.file,
            });
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    let mut crates: Vec<String> = cat.entries.iter().map(LibSink::crate_name).collect();
    crates.sort();
    crates.dedup();
    let mut file = "";
    for e in &cat.entries {
        if e.file != file {
            file = e.file;
            writeln!(out, "{file}")?;
        }
        let extra = keys(e);
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        writeln!(
            out,
            "  {:<20} {:<9} {}{extra}",
            e.crate_name(),
            e.entry.kind,
            super::escape_line(&matches(e))
        )?;
    }
    writeln!(
        out,
        "{} entries for {} crates, {} known service hosts. Add your own under [[package.metadata.privflow.sinks]] (README: \"Library sinks\").",
        cat.entries.len(),
        crates.len(),
        cat.hosts.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_listed_once_as_text_and_as_json() {
        let n = builtin().entries.len();
        let mut json = Vec::new();
        list(true, &mut json).expect("writing to a Vec cannot fail");
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&json)
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), n);
        assert!(lines
            .iter()
            .any(|l| l["crate"] == "aws-sdk-s3" && l["sent_by"][0] == "send"));
        let mut text = Vec::new();
        list(false, &mut text).expect("writing to a Vec cannot fail");
        let text = String::from_utf8_lossy(&text);
        assert!(text.contains("aws-sdk-s3"), "{text}");
        assert!(text.contains(&format!("{n} entries for ")), "{text}");
    }
}

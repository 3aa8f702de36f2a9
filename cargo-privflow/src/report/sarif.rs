//! `--message-format sarif`: one SARIF 2.1.0 log for GitHub code scanning. Each finding is a
//! result at its sink call, with the source-to-sink path as a `codeFlow` and the source as a
//! related location; problems are tool execution notifications.

use crate::model::{Finding, Location, PackInfo, Problem, Report, RuleInfo, Severity};
use serde_json::{json, Map, Value};
use std::io::{self, Write};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

/// Where to read about privflow (`informationUri` must be an absolute URI).
fn information_uri() -> &'static str {
    let repo = env!("CARGO_PKG_REPOSITORY");
    if repo.contains("://") {
        repo
    } else {
        "https://crates.io/crates/cargo-privflow"
    }
}

/// Writes the log, pretty-printed, with a final newline.
pub fn render(report: &Report, packs: &[PackInfo], out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(&to_value(report, packs)).map_err(io::Error::other)?;
    out.write_all(super::escape_json(&text).as_bytes())?;
    out.write_all(b"\n")
}

/// The log as a JSON value. `packs` are the packs that ran: every rule of theirs is described;
/// a finding of a rule they do not hold gets a rule description made from the finding.
pub fn to_value(report: &Report, packs: &[PackInfo]) -> Value {
    let rules = rule_table(report, packs);
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let index = rules.iter().position(|r| r.id == f.rule);
            let mut r = result(f, index);
            if report.baseline.is_some() {
                // What a baseline leaves is new by definition; baselined findings are not in
                // the log (GitHub code scanning shows suppressed results as open alerts).
                r["baselineState"] = json!("new");
            }
            r
        })
        .collect();
    let notifications: Vec<Value> = super::sorted_problems(report)
        .into_iter()
        .map(notification)
        .collect();

    let mut run = Map::new();
    run.insert(
        "tool".into(),
        json!({"driver": {
            "name": "privflow",
            "fullName": "privflow (cargo privflow)",
            "informationUri": information_uri(),
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules.iter().map(descriptor).collect::<Vec<_>>(),
        }}),
    );
    let mut invocation = json!({
        "executionSuccessful": !report.is_incomplete(),
        "toolExecutionNotifications": notifications,
    });
    if let Some(b) = &report.baseline {
        invocation["properties"] = json!({
            "baseline": b.file,
            "baselined": b.baselined.len(),
            "baselineGone": b.gone.len(),
        });
    }
    run.insert("invocations".into(), json!([invocation]));
    // No `originalUriBaseIds`: it would hold the checkout's absolute path, so the same code
    // checked out elsewhere would give another log. `%SRCROOT%` is left for the consumer to bind
    // (GitHub code scanning resolves the relative URIs against the repository).
    run.insert("columnKind".into(), json!("unicodeCodePoints"));
    run.insert("results".into(), Value::Array(results));

    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [Value::Object(run)],
    })
}

/// A rule as the log describes it, with its pack.
struct RuleRow<'a> {
    id: &'a str,
    pack: Option<&'a PackInfo>,
    rule: Option<&'a RuleInfo>,
    finding: Option<&'a Finding>,
}

/// The rules of the packs that ran, then those only findings name, each once.
fn rule_table<'a>(report: &'a Report, packs: &'a [PackInfo]) -> Vec<RuleRow<'a>> {
    let mut rows: Vec<RuleRow<'a>> = Vec::new();
    for pack in packs {
        for rule in &pack.rules {
            if !rows.iter().any(|r| r.id == rule.id) {
                rows.push(RuleRow {
                    id: &rule.id,
                    pack: Some(pack),
                    rule: Some(rule),
                    finding: None,
                });
            }
        }
    }
    for f in &report.findings {
        if !rows.iter().any(|r| r.id == f.rule) {
            rows.push(RuleRow {
                id: &f.rule,
                pack: None,
                rule: None,
                finding: Some(f),
            });
        }
    }
    rows
}

/// `phi-to-log` → `PhiToLog`.
fn pascal_name(id: &str) -> String {
    id.rsplit('/')
        .next()
        .unwrap_or(id)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "8.0",
        Severity::Warning => "4.0",
    }
}

fn descriptor(row: &RuleRow) -> Value {
    let pack_id = row.id.split('/').next().unwrap_or(row.id);
    // What the rule says, from the catalogue or else from a finding of it.
    let (severity, summary, english, quote, section, help, example) = match (row.rule, row.finding)
    {
        (Some(r), _) => (
            r.severity,
            r.summary.as_str(),
            r.english.as_str(),
            r.quote.as_str(),
            r.section.as_str(),
            r.help.as_str(),
            r.example.as_deref(),
        ),
        (None, Some(f)) => (
            f.severity,
            f.message.as_str(),
            f.quote.as_str(),
            f.quote.as_str(),
            f.section.as_str(),
            f.help.as_str(),
            None,
        ),
        (None, None) => (Severity::Warning, row.id, "", "", "", "", None),
    };
    let language = row.pack.map(|p| p.language.as_str()).unwrap_or("");
    let pack_title = row.pack.map(|p| p.title.as_str()).unwrap_or(pack_id);
    let short = if summary.is_empty() { row.id } else { summary };
    let full = if english.is_empty() { short } else { english };

    let mut text = format!("\"{quote}\" — {section}");
    if !english.is_empty() && english != quote {
        text.push_str(&format!("\nIn English: \"{english}\""));
    }
    text.push_str(&format!("\n\nFix: {help}"));

    let lang_note = if language.is_empty() {
        String::new()
    } else {
        format!(" ({language})")
    };
    let mut markdown = format!(
        "> {}\n\n— {section}, *{pack_title}*{lang_note}\n",
        md_quote(quote)
    );
    if !english.is_empty() && english != quote {
        markdown.push_str(&format!("\n**In English:** {english}\n"));
    }
    markdown.push_str(&format!("\n**Fix:** {help}\n"));
    if let Some(example) = example {
        markdown.push_str(&format!(
            "\n**Example of a violation:**\n\n```rust\n{}\n```\n",
            example.trim_end()
        ));
    }

    json!({
        "id": row.id,
        "name": pascal_name(row.id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": level(severity)},
        "properties": {
            "tags": ["privacy", "security", pack_id],
            "security-severity": security_severity(severity),
            "precision": "medium",
        },
    })
}

/// A quote inside a Markdown block quote: every line quoted.
fn md_quote(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("\n> ")
}

/// A relative path as a URI reference: `/` separators, anything but unreserved characters and
/// `/` percent-encoded.
pub fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for b in file.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(loc: &Location) -> Value {
    let start_line = loc.line.max(1);
    let start_column = loc.column.max(1);
    let mut r = Map::new();
    r.insert("startLine".into(), json!(start_line));
    r.insert("startColumn".into(), json!(start_column));
    let ends_after =
        loc.end_line > start_line || (loc.end_line == start_line && loc.end_column > start_column);
    if ends_after {
        r.insert("endLine".into(), json!(loc.end_line));
        r.insert("endColumn".into(), json!(loc.end_column));
    }
    Value::Object(r)
}

fn physical(loc: &Location) -> Value {
    json!({
        "artifactLocation": {"uri": uri(&loc.file), "uriBaseId": SRCROOT},
        "region": region(loc),
    })
}

fn location_with_message(loc: &Location, message: &str) -> Value {
    json!({"physicalLocation": physical(loc), "message": {"text": message}})
}

fn result(f: &Finding, rule_index: Option<usize>) -> Value {
    // One thread flow per source's way: source → steps → sink, without repeating a location
    // twice in a row.
    let sink_note = format!("reaches `{}` ({} sink)", f.sink.name, f.sink.kind);
    let mut threads: Vec<Value> = Vec::new();
    for (i, steps) in std::iter::once(&f.path).chain(&f.more_paths).enumerate() {
        let mut flow: Vec<(&Location, String)> = Vec::new();
        if let Some(src) = f.source.as_ref().filter(|_| i == 0) {
            flow.push((
                &src.location,
                format!("{} ({}) is tagged here", src.data, src.category),
            ));
        }
        flow.extend(steps.iter().map(|s| (&s.location, s.note.clone())));
        if flow.last().map(|(loc, _)| *loc) != Some(&f.sink.location) {
            flow.push((&f.sink.location, sink_note.clone()));
        }
        flow.dedup_by(|b, a| a.0 == b.0);
        let locations: Vec<Value> = flow
            .iter()
            .map(|(loc, note)| json!({"location": location_with_message(loc, note)}))
            .collect();
        threads.push(json!({"locations": locations}));
    }

    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = rule_index {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(f.severity)));
    r.insert("message".into(), json!({"text": f.message}));
    r.insert(
        "locations".into(),
        json!([{"physicalLocation": physical(&f.sink.location)}]),
    );
    if !f.fingerprint.is_empty() {
        r.insert(
            "partialFingerprints".into(),
            json!({"privflow/v1": f.fingerprint}),
        );
    }
    r.insert("codeFlows".into(), json!([{"threadFlows": threads}]));
    let mut related: Vec<Value> = Vec::new();
    if let Some(src) = &f.source {
        related.push(json!({
            "physicalLocation": physical(&src.location),
            "message": {"text": format!("source: {} ({})", src.data, src.category)},
        }));
    }
    if let Some(decl) = &f.sink.declared {
        related.push(location_with_message(
            decl,
            &super::human::declared(&f.sink),
        ));
    }
    for step in &f.consent_steps {
        related.push(location_with_message(&step.location, &step.note));
    }
    if !related.is_empty() {
        for (i, loc) in related.iter_mut().enumerate() {
            loc["id"] = json!(i + 1);
        }
        r.insert("relatedLocations".into(), Value::Array(related));
    }
    r.insert(
        "properties".into(),
        // `site`: shared by the results at the same call (one result per rule).
        json!({"quote": f.quote, "section": f.section, "sink": f.sink.name, "site": super::site_id(f)}),
    );
    Value::Object(r)
}

fn notification(p: &Problem) -> Value {
    let mut n = Map::new();
    n.insert("level".into(), json!(level(p.severity)));
    n.insert("message".into(), json!({"text": p.message}));
    n.insert("descriptor".into(), json!({"id": p.kind.as_str()}));
    if let Some(file) = &p.file {
        let mut phys = Map::new();
        phys.insert(
            "artifactLocation".into(),
            json!({"uri": uri(file), "uriBaseId": SRCROOT}),
        );
        if let Some(line) = p.line.filter(|l| *l >= 1) {
            let mut region = Map::new();
            region.insert("startLine".into(), json!(line));
            if let Some(col) = p.column.filter(|c| *c >= 1) {
                region.insert("startColumn".into(), json!(col));
            }
            phys.insert("region".into(), Value::Object(region));
        }
        n.insert(
            "locations".into(),
            json!([{"physicalLocation": Value::Object(phys)}]),
        );
    }
    Value::Object(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(pascal_name("baseline/phi-to-log"), "PhiToLog");
        assert_eq!(uri("src/a b.rs"), "src/a%20b.rs");
        assert_eq!(uri("src\\ü.rs"), "src/%C3%BC.rs");
    }
}

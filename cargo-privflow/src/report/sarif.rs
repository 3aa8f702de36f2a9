//! `--message-format sarif`: one SARIF 2.1.0 log for GitHub code scanning. Each finding is a
//! result at its sink call, with the source-to-sink path as a `codeFlow` and the source as a
//! related location; problems are tool execution notifications.

use crate::model::{Finding, Location, PackInfo, Problem, Report, RuleInfo, Severity};
use serde_json::{json, Map, Value};
use std::io::{self, Write};
use std::path::Path;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

/// privflow's repository (the workspace Cargo.toml's `repository`), unless that is a
/// placeholder. No trailing `/`.
fn repository() -> Option<&'static str> {
    let repo = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    (repo.starts_with("https://") && !repo.contains(".invalid")).then_some(repo)
}

/// Where to read about privflow (`informationUri` must be an absolute URI): privflow's
/// repository, else its crate's page.
fn information_uri() -> &'static str {
    repository().unwrap_or("https://crates.io/crates/cargo-privflow")
}

/// Writes the log, pretty-printed, with a final newline; paths relative to the workspace root.
pub fn render(report: &Report, packs: &[PackInfo], out: &mut dyn Write) -> io::Result<()> {
    render_under(report, packs, "", out)
}

/// Writes the log with every path prefixed by `prefix`, the workspace root's path relative to
/// the SARIF root (`examples/` when the workspace is in that folder of the repository; empty
/// when they are the same): see [`repository_prefix`].
pub fn render_under(
    report: &Report,
    packs: &[PackInfo],
    prefix: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let value = to_value_under(report, packs, prefix);
    let text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
    out.write_all(super::escape_json(&text).as_bytes())?;
    out.write_all(b"\n")
}

/// The SARIF root for a workspace at `root`: `chosen` (`--sarif-root`) when given, else the git
/// top level (the nearest directory up from `root` holding `.git`, a directory or a worktree's
/// file), else `root` itself. Returned as the prefix to put before workspace-relative paths
/// (`examples/`), or an error when `root` is not inside the chosen directory.
pub fn repository_prefix(root: &Path, chosen: Option<&Path>) -> Result<String, String> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let root = absolute(root);
    let base = match chosen {
        Some(dir) => {
            let dir = absolute(dir);
            // Compare resolved paths when both resolve (a linked checkout), else as written.
            match (dir.canonicalize(), root.canonicalize()) {
                (Ok(d), Ok(r)) if r.starts_with(&d) => {
                    return Ok(prefix_of(&r, &d));
                }
                _ => dir,
            }
        }
        None => root
            .ancestors()
            .find(|d| d.join(".git").exists())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| root.clone()),
    };
    if !root.starts_with(&base) {
        return Err(format!(
            "the SARIF root {} does not contain the workspace root {}",
            base.display(),
            root.display()
        ));
    }
    Ok(prefix_of(&root, &base))
}

/// `root` relative to `base`, as a URI prefix ending in `/` (empty when they are the same).
fn prefix_of(root: &Path, base: &Path) -> String {
    let rel = root.strip_prefix(base).unwrap_or(Path::new(""));
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    }
}

/// The log as a JSON value. `packs` are the packs that ran: every rule of theirs is described;
/// a finding of a rule they do not hold gets a rule description made from the finding.
pub fn to_value(report: &Report, packs: &[PackInfo]) -> Value {
    to_value_under(report, packs, "")
}

/// [`to_value`] with every artifact path under `prefix` (see [`render_under`]).
pub fn to_value_under(report: &Report, packs: &[PackInfo], prefix: &str) -> Value {
    let mut value = build(report, packs);
    if !prefix.is_empty() {
        prefix_uris(&mut value, &uri(prefix));
    }
    value
}

/// Puts `prefix` (already a URI) before the `uri` of every `artifactLocation` in `value`.
fn prefix_uris(value: &mut Value, prefix: &str) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "artifactLocation" {
                    if let Some(Value::String(u)) = v.get_mut("uri") {
                        *u = format!("{prefix}{u}");
                    }
                } else {
                    prefix_uris(v, prefix);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| prefix_uris(v, prefix)),
        _ => {}
    }
}

fn build(report: &Report, packs: &[PackInfo]) -> Value {
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

/// What a rule protects, read from its id: decides its tags and its `security-severity` (GitHub
/// code scanning's 0–10 score: below 4 low, below 7 medium, below 9 high). Only rules about
/// security proper (encryption, logs, access checks) carry the `security` tag; the others are
/// privacy rules (transfers, recipients, consent, retention, cookies), scored by how much harm a
/// violation does.
struct RuleKind {
    tag: &'static str,
    score: f32,
    security: Option<&'static str>,
}

fn rule_kind(id: &str) -> RuleKind {
    let name = id.rsplit('/').next().unwrap_or(id);
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let (tag, score, security) = if has(&["encrypt", "tls", "aes"]) {
        ("encryption", 7.5, Some("external/cwe/cwe-311"))
    } else if has(&["log"]) {
        ("logging", 6.5, Some("external/cwe/cwe-532"))
    } else if has(&["unguarded", "check-on-other"]) {
        ("access-control", 8.0, Some("external/cwe/cwe-285"))
    } else if has(&["cookie"]) {
        ("cookies", 2.0, None)
    } else if has(&[
        "transfer",
        "region",
        "stays-in",
        "data-centers",
        "third-country",
    ]) {
        ("data-transfer", 6.0, None)
    } else if has(&[
        "recipient",
        "third-party",
        "tracking",
        "brokers",
        "social",
        "sale",
    ]) {
        ("disclosure", 6.0, None)
    } else if has(&["consent", "marketing", "purpose", "newsletter"]) {
        ("consent-and-purpose", 5.0, None)
    } else if has(&[
        "retention",
        "erasure",
        "persisted",
        "recording",
        "device",
        "minimization",
        "hidden",
    ]) {
        ("data-minimization", 4.0, None)
    } else {
        ("privacy", 5.0, None)
    };
    RuleKind {
        tag,
        score,
        security,
    }
}

/// The rule's score: its kind's, and low (at most 3.5) for a warning-severity rule.
fn security_severity(id: &str, severity: Severity) -> String {
    let score = rule_kind(id).score;
    let score = match severity {
        Severity::Error => score,
        Severity::Warning => score.min(3.5),
    };
    format!("{score:.1}")
}

fn tags(id: &str, pack_id: &str) -> Vec<String> {
    let kind = rule_kind(id);
    let mut tags = vec!["privacy".to_string()];
    if let Some(cwe) = kind.security {
        tags.push("security".into());
        tags.push(cwe.into());
    }
    if kind.tag != "privacy" {
        tags.push(kind.tag.into());
    }
    tags.push(pack_id.into());
    tags
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

    let mut value = json!({
        "id": row.id,
        "name": pascal_name(row.id),
        "shortDescription": {"text": plain(short)},
        "fullDescription": {"text": plain(full)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": level(severity)},
        "properties": {
            "tags": tags(row.id, pack_id),
            "security-severity": security_severity(row.id, severity),
            "precision": "medium",
        },
    });
    if let Some(uri) = help_uri(pack_id) {
        value["helpUri"] = json!(uri);
    }
    value
}

/// The page that documents a rule: for a rule of a shipped pack, the pack's file in privflow's
/// repository (each rule there with its quote, fix and example); `None` for the rules of a
/// user's own pack and the always-on `privflow/*` rules, whose full help is in `help` instead.
fn help_uri(pack_id: &str) -> Option<String> {
    let repo = repository()?;
    crate::rules::pack::BUILTIN
        .iter()
        .any(|(id, _)| *id == pack_id)
        .then(|| format!("{repo}/blob/main/rules/{pack_id}.toml"))
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

/// Message text without Markdown: GitHub shows `message.text` as it is, backticks and all
/// (the Markdown goes in `message.markdown`). Code spans become quoted (`` `)` `` → `')'`), so
/// punctuation in them stays readable.
fn plain(text: &str) -> String {
    text.replace('`', "'")
}

/// `{"text": plain, "markdown": text}`, the Markdown only when it differs.
fn message(text: &str) -> Value {
    let p = plain(text);
    if p == text {
        json!({"text": p})
    } else {
        json!({"text": p, "markdown": text})
    }
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
    json!({"physicalLocation": physical(loc), "message": self::message(message)})
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
    r.insert("message".into(), message(&f.message));
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
            "message": message(&format!("source: {} ({})", src.data, src.category)),
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
    n.insert("message".into(), message(&p.message));
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

//! `cargo privflow rules` and `cargo privflow explain RULE`: the rule catalogue as text or as
//! JSON lines.

use crate::model::{PackInfo, RuleInfo};
use crate::workspace::did_you_mean::close_matches;
use serde::Serialize;
use std::io::{self, Write};

/// One line of `rules --message-format json`: SPEC §3's keys first, then added ones.
#[derive(Serialize)]
struct RuleLine<'a> {
    reason: &'static str,
    id: &'a str,
    severity: &'static str,
    section: &'a str,
    quote: &'a str,
    // Added keys.
    pack: &'a str,
    language: &'a str,
    summary: &'a str,
    english: &'a str,
}

/// `explain --message-format json`: the rule line with every field of the rule.
#[derive(Serialize)]
struct ExplainLine<'a> {
    #[serde(flatten)]
    rule: RuleLine<'a>,
    pack_title: &'a str,
    company: &'a str,
    law: &'a str,
    help: &'a str,
    example: Option<&'a str>,
}

fn rule_line<'a>(pack: &'a PackInfo, rule: &'a RuleInfo) -> RuleLine<'a> {
    RuleLine {
        reason: "rule",
        id: &rule.id,
        severity: rule.severity.as_str(),
        section: &rule.section,
        quote: &rule.quote,
        pack: &pack.id,
        language: &pack.language,
        summary: &rule.summary,
        english: &rule.english,
    }
}

fn json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    super::json_line(out, value)
}

/// `rules --message-format json`: one line per rule, packs in the given order.
pub fn list_json(packs: &[PackInfo], out: &mut dyn Write) -> io::Result<()> {
    for pack in packs {
        for rule in &pack.rules {
            json_line(out, &rule_line(pack, rule))?;
        }
    }
    Ok(())
}

/// `rules`: each pack with its rules, one line each (id, severity, what is reported).
pub fn list_human(packs: &[PackInfo], out: &mut dyn Write) -> io::Result<()> {
    let width = packs
        .iter()
        .flat_map(|p| p.rules.iter().map(|r| r.id.chars().count()))
        .max()
        .unwrap_or(0);
    let mut count = 0;
    for (i, pack) in packs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}  {}", pack.id, pack_line(pack))?;
        for rule in &pack.rules {
            count += 1;
            writeln!(
                out,
                "  {:<width$}  {:<7}  {}",
                rule.id,
                rule.severity.as_str(),
                rule.summary,
                width = width
            )?;
        }
    }
    if packs.is_empty() {
        writeln!(out, "no rule packs")?;
    } else {
        writeln!(out)?;
        writeln!(
            out,
            "{count} {} in {} {}. `cargo privflow explain RULE` shows one with its quote and an example.",
            plural(count, "rule", "rules"),
            packs.len(),
            plural(packs.len(), "pack", "packs")
        )?;
    }
    Ok(())
}

/// "Title (company, date, language)", leaving out what is empty.
fn pack_line(pack: &PackInfo) -> String {
    let details: Vec<&str> = [
        pack.company.as_str(),
        pack.date.as_str(),
        pack.language.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if details.is_empty() {
        pack.title.clone()
    } else {
        format!("{} ({})", pack.title, details.join(", "))
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Finds a rule by id (exact; else case-insensitive).
pub fn find<'a>(packs: &'a [PackInfo], id: &str) -> Option<(&'a PackInfo, &'a RuleInfo)> {
    let all = || {
        packs
            .iter()
            .flat_map(|p| p.rules.iter().map(move |r| (p, r)))
    };
    all()
        .find(|(_, r)| r.id == id)
        .or_else(|| all().find(|(_, r)| r.id.eq_ignore_ascii_case(id)))
}

/// The message for a rule id that is in no pack, with the closest ids.
pub fn unknown_rule(packs: &[PackInfo], id: &str) -> String {
    let ids: Vec<&str> = packs
        .iter()
        .flat_map(|p| p.rules.iter().map(|r| r.id.as_str()))
        .collect();
    // Compare the rule part alone too: `phi-to-log` should find `baseline/phi-to-log`.
    let mut close = close_matches(id, ids.iter().copied());
    if close.is_empty() && !id.contains('/') {
        let short: Vec<&str> = ids
            .iter()
            .map(|i| i.rsplit('/').next().unwrap_or(i))
            .collect();
        let hits = close_matches(id, short.iter().copied());
        close = ids
            .iter()
            .zip(&short)
            .filter(|(_, s)| hits.contains(s))
            .map(|(i, _)| *i)
            .collect();
    }
    close.truncate(5);
    let mut msg = format!("no rule `{id}`");
    if close.is_empty() {
        msg.push_str("; `cargo privflow rules` lists every rule");
    } else {
        let list = close
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        msg.push_str(&format!("\n  did you mean: {list}?"));
    }
    msg
}

/// `explain RULE`: the rule, its pack, the quote in its language and in English, what is
/// reported, how to fix it, and the example.
pub fn explain_human(pack: &PackInfo, rule: &RuleInfo, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", rule.id, rule.severity.as_str())?;
    writeln!(out)?;
    writeln!(out, "  pack:     {} — {}", pack.id, pack_line(pack))?;
    if !pack.law.is_empty() {
        writeln!(out, "  law:      {}", pack.law)?;
    }
    writeln!(out, "  section:  {}", rule.section)?;
    writeln!(out)?;
    let lang = if pack.language.is_empty() {
        String::new()
    } else {
        format!(" [{}]", pack.language)
    };
    writeln!(out, "  \"{}\"{lang}", rule.quote)?;
    if !rule.english.is_empty() && rule.english != rule.quote {
        writeln!(out, "  In English: \"{}\"", rule.english)?;
    }
    writeln!(out)?;
    writeln!(out, "Reported: {}", rule.summary)?;
    writeln!(out, "Fix: {}", rule.help)?;
    if let Some(example) = &rule.example {
        writeln!(out)?;
        writeln!(out, "Example (a violation):")?;
        writeln!(out)?;
        for l in example.trim_end().lines() {
            if l.is_empty() {
                writeln!(out)?;
            } else {
                writeln!(out, "    {l}")?;
            }
        }
    }
    Ok(())
}

/// `explain RULE --message-format json`: one line with every field of the rule.
pub fn explain_json(pack: &PackInfo, rule: &RuleInfo, out: &mut dyn Write) -> io::Result<()> {
    json_line(
        out,
        &ExplainLine {
            rule: rule_line(pack, rule),
            pack_title: &pack.title,
            company: &pack.company,
            law: &pack.law,
            help: &rule.help,
            example: rule.example.as_deref(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;

    fn packs() -> Vec<PackInfo> {
        let rule = |id: &str, severity| RuleInfo {
            id: id.to_string(),
            severity,
            section: "§ 3".into(),
            quote: "Es erfolgt keine Übermittlung.".into(),
            english: "There is no transfer.".into(),
            summary: "personal data leaves the EEA".into(),
            help: "keep it in the EEA".into(),
            example: Some("fn f() {}\n".into()),
        };
        vec![PackInfo {
            id: "baseline".into(),
            title: "Baseline".into(),
            company: "privflow".into(),
            date: "2024-01-01".into(),
            language: "de".into(),
            law: "GDPR".into(),
            rules: vec![
                rule("baseline/phi-to-log", Severity::Error),
                rule("baseline/pii-to-log", Severity::Warning),
            ],
        }]
    }

    #[test]
    fn json_lines_have_the_spec_keys_first() {
        let mut out = Vec::new();
        list_json(&packs(), &mut out).ok();
        let text = String::from_utf8_lossy(&out);
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with(
            r#"{"reason":"rule","id":"baseline/phi-to-log","severity":"error","section":"§ 3","quote":"Es erfolgt keine Übermittlung.","#
        ), "{first}");
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn unknown_rules_suggest_close_ids() {
        let p = packs();
        assert!(unknown_rule(&p, "baseline/phi-to-logs")
            .contains("did you mean: `baseline/phi-to-log`"));
        assert!(unknown_rule(&p, "phi-to-log").contains("`baseline/phi-to-log`"));
        assert!(
            unknown_rule(&p, "no/such-rule").contains("`cargo privflow rules` lists every rule")
        );
        assert!(find(&p, "BASELINE/PHI-TO-LOG").is_some());
    }

    #[test]
    fn explain_shows_quote_and_example() {
        let p = packs();
        let mut out = Vec::new();
        if let Some((pack, rule)) = find(&p, "baseline/phi-to-log") {
            explain_human(pack, rule, &mut out).ok();
        }
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("\"Es erfolgt keine Übermittlung.\" [de]"),
            "{text}"
        );
        assert!(
            text.contains("In English: \"There is no transfer.\""),
            "{text}"
        );
        assert!(text.contains("    fn f() {}"), "{text}");
    }
}

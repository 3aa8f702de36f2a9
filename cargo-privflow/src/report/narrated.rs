//! `--style narrated`: the human report as plain lines, the default when stderr is not a
//! terminal. Each finding is a headline (`error[rule]: message`, as rustc writes them), the sink
//! call as `--> file:line:column`, the way from the tagged data to the sink as numbered steps,
//! the statement's sentence and the fix. Nothing is drawn, so logs, screen readers and grep read
//! it as it is.

use super::human::{at, declared};
use super::Grouped;
use crate::model::{Finding, Location, Problem};
use std::collections::BTreeSet;

/// The statement's sentence for `rule`: in full the first time a run shows the rule (or always,
/// with `verbose`), then a pointer to it.
pub(super) fn statement(
    f: &Finding,
    quoted: &mut BTreeSet<String>,
    verbose: bool,
) -> Option<String> {
    (quoted.insert(f.rule.clone()) || verbose).then(|| format!("\"{}\" — {}", f.quote, f.section))
}

/// Where a rule's statement is, after its first finding.
pub(super) fn quoted_above(f: &Finding) -> String {
    format!(
        "quoted above (in full at each finding with -v, or `cargo privflow explain {}`)",
        f.rule
    )
}

/// One call's findings (several rules, maybe several packs), followed by a blank line: the
/// data and the sink once, the way once, then each rule with its statement and fix.
pub fn group(g: &Grouped, quoted: &mut BTreeSet<String>, verbose: bool) -> String {
    let rules: Vec<&str> = g.findings.iter().map(|f| f.rule.as_str()).collect();
    let mut out = format!(
        "{}[{}]: {}\n",
        g.severity.as_str(),
        rules.join(", "),
        g.headline
    );
    let f = g.lead;
    out.push_str(&way(f));
    if g.sources.len() > 1 {
        let others: Vec<String> = g.sources[1..]
            .iter()
            .map(|s| format!("{} ({})", s.data, at(&s.location)))
            .collect();
        out.push_str(&format!("  also reaching it: {}\n", others.join(", ")));
    }
    out.push_str(&format!("  breaks {} rules:\n", g.findings.len()));
    for (f, summary) in g.findings.iter().zip(&g.summaries) {
        out.push_str(&format!(
            "  {}[{}]: {summary}\n",
            f.severity.as_str(),
            f.rule
        ));
        match statement(f, quoted, verbose) {
            Some(s) => out.push_str(&format!("    statement: {s}\n")),
            None => out.push_str(&format!("    statement: {}\n", quoted_above(f))),
        }
        out.push_str(&format!("    help: {}\n", f.help));
    }
    out.push('\n');
    out
}

/// The sink call, the way from the data to it, the sink's declaration and the consent steps.
fn way(f: &Finding) -> String {
    let mut out = format!("  --> {}\n", at(&f.sink.location));
    let mut steps: Vec<(&Location, String)> = Vec::new();
    if let Some(src) = &f.source {
        if f.path.first().map(|p| &p.location) != Some(&src.location) {
            steps.push((
                &src.location,
                format!("{} ({}) comes from here", src.data, src.category),
            ));
        }
    }
    steps.extend(f.path.iter().map(|p| (&p.location, p.note.clone())));
    for (i, (loc, note)) in steps.iter().enumerate() {
        out.push_str(&format!("  {}. {}: {note}\n", i + 1, at(loc)));
    }
    if let Some(decl) = &f.sink.declared {
        out.push_str(&format!("  {}: {}\n", at(decl), declared(&f.sink)));
    }
    if !f.consent_steps.is_empty() {
        out.push_str("  consent for the sink's purpose:\n");
        for step in &f.consent_steps {
            out.push_str(&format!("    {}: {}\n", at(&step.location), step.note));
        }
    }
    out
}

/// One finding, followed by a blank line.
pub fn finding(f: &Finding, quoted: &mut BTreeSet<String>, verbose: bool) -> String {
    let mut out = format!("{}[{}]: {}\n", f.severity.as_str(), f.rule, f.message);
    out.push_str(&way(f));
    if f.sources.len() > 1 {
        let others: Vec<String> = f.sources[1..]
            .iter()
            .map(|s| format!("{} ({})", s.data, at(&s.location)))
            .collect();
        out.push_str(&format!("  also reaching it: {}\n", others.join(", ")));
    }
    match statement(f, quoted, verbose) {
        Some(s) => out.push_str(&format!("  statement: {s}\n")),
        None => out.push_str(&format!("  statement: {}\n", quoted_above(f))),
    }
    out.push_str(&format!("  help: {}\n\n", f.help));
    out
}

/// One problem, followed by a blank line.
pub fn problem(p: &Problem) -> String {
    let mut out = format!(
        "{}[privflow::{}]: {}\n",
        p.severity.as_str(),
        p.kind.as_str(),
        p.message
    );
    if let Some(file) = &p.file {
        let mut place = super::escape_line(file).into_owned();
        if let Some(line) = p.line {
            place.push_str(&format!(":{line}"));
            if let Some(column) = p.column {
                place.push_str(&format!(":{column}"));
            }
        }
        out.push_str(&format!("  --> {place}\n"));
    }
    out.push('\n');
    out
}

//! `--style narrated`: the human report as plain lines, the default when stderr is not a
//! terminal. Each finding is a headline (`error[rule]: message`, as rustc writes them), the sink
//! call as `--> file:line:column`, the way from the tagged data to the sink as numbered steps,
//! the statement's sentence and the fix. Nothing is drawn, so logs, screen readers and grep read
//! it as it is.

use super::human::{at, declared};
use crate::model::{Finding, Location, Problem};

/// One finding, followed by a blank line.
pub fn finding(f: &Finding) -> String {
    let mut out = format!("{}[{}]: {}\n", f.severity.as_str(), f.rule, f.message);
    out.push_str(&format!("  --> {}\n", at(&f.sink.location)));
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
    if f.sources.len() > 1 {
        let others: Vec<String> = f.sources[1..]
            .iter()
            .map(|s| format!("{} ({})", s.data, at(&s.location)))
            .collect();
        out.push_str(&format!("  also reaching it: {}\n", others.join(", ")));
    }
    out.push_str(&format!("  statement: \"{}\" — {}\n", f.quote, f.section));
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

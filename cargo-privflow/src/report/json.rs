//! `--message-format json`: JSON lines, SPEC §4. Violations first, then problems, then one
//! summary line. Each line is a struct, so keys keep a fixed order: the SPEC's keys first, then
//! the added ones.

use crate::model::{Finding, Location, Problem, Report, Severity, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Violation<'a> {
    reason: &'static str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    quote: &'a str,
    sink: Sink<'a>,
    source: Option<Source<'a>>,
    path: Vec<Step<'a>>,
    // Added keys.
    section: &'a str,
    help: &'a str,
    fingerprint: &'a str,
    /// Shared by the results reported at the same call ([`super::site_id`]).
    site: String,
    /// The ways of the other sources (`sources[1..]`) to the sink.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    more_paths: Vec<Vec<Step<'a>>>,
    /// Calls on which the consent the sink's purpose needs is (not) checked (consent rules).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    consent_steps: Vec<Step<'a>>,
}

#[derive(Serialize)]
struct Sink<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    name: &'a str,
    // Added keys.
    end_line: u32,
    end_column: u32,
    kind: &'a str,
    region: Option<&'a str>,
    country: Option<&'a str>,
    recipient: Option<&'a str>,
    purpose: Option<&'a str>,
    encrypted: bool,
    persistent: bool,
    retention_days: Option<u64>,
    /// Where the sink is declared, when in the workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    declared: Option<Place<'a>>,
}

#[derive(Serialize)]
struct Place<'a> {
    file: &'a str,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Source<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    data: &'a str,
    category: &'a str,
    // Added keys.
    class: &'a str,
    sanitized: &'a [String],
}

#[derive(Serialize)]
struct Step<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    note: &'a str,
}

#[derive(Serialize)]
struct ProblemLine<'a> {
    reason: &'static str,
    kind: &'static str,
    file: Option<&'a str>,
    line: Option<u32>,
    message: &'a str,
    // Added key.
    column: Option<u32>,
}

#[derive(Serialize)]
struct SummaryLine {
    reason: &'static str,
    errors: usize,
    warnings: usize,
    files: usize,
    incomplete: bool,
    // Added keys (present when a baseline file was used).
    #[serde(skip_serializing_if = "Option::is_none")]
    baselined: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_gone: Option<usize>,
}

/// `cargo privflow baseline --message-format json`: what was written.
#[derive(Serialize)]
struct BaselineLine<'a> {
    reason: &'static str,
    file: &'a str,
    errors: usize,
    warnings: usize,
    /// Findings not in the previous baseline, and its entries that matched nothing; absent when
    /// there was no previous baseline.
    added: Option<usize>,
    removed: Option<usize>,
}

/// The line `cargo privflow baseline` writes with `--message-format json`.
pub fn baseline_written(
    file: &str,
    summary: &Summary,
    change: Option<(usize, usize)>,
    out: &mut dyn Write,
) -> io::Result<()> {
    line(
        out,
        &BaselineLine {
            reason: "baseline",
            file,
            errors: summary.errors,
            warnings: summary.warnings,
            added: change.map(|c| c.0),
            removed: change.map(|c| c.1),
        },
    )
}

fn violation(f: &Finding) -> Violation<'_> {
    let s = &f.sink;
    Violation {
        reason: "violation",
        rule: &f.rule,
        severity: f.severity.as_str(),
        message: &f.message,
        quote: &f.quote,
        sink: Sink {
            file: &s.location.file,
            line: s.location.line,
            column: s.location.column,
            name: &s.name,
            end_line: s.location.end_line,
            end_column: s.location.end_column,
            kind: &s.kind,
            region: s.region.as_deref(),
            country: s.country.as_deref(),
            recipient: s.recipient.as_deref(),
            purpose: s.purpose.as_deref(),
            encrypted: s.encrypted,
            persistent: s.persistent,
            retention_days: s.retention_days,
            declared: s.declared.as_ref().map(|d| Place {
                file: &d.file,
                line: d.line,
                column: d.column,
            }),
        },
        source: f.source.as_ref().map(|src| Source {
            file: &src.location.file,
            line: src.location.line,
            column: src.location.column,
            data: &src.data,
            category: &src.category,
            class: &src.class,
            sanitized: &src.sanitized,
        }),
        path: f.path.iter().map(|p| step(&p.location, &p.note)).collect(),
        section: &f.section,
        help: &f.help,
        fingerprint: &f.fingerprint,
        site: super::site_id(f),
        more_paths: f
            .more_paths
            .iter()
            .map(|path| path.iter().map(|p| step(&p.location, &p.note)).collect())
            .collect(),
        consent_steps: f
            .consent_steps
            .iter()
            .map(|p| step(&p.location, &p.note))
            .collect(),
    }
}

fn step<'a>(loc: &'a Location, note: &'a str) -> Step<'a> {
    Step {
        file: &loc.file,
        line: loc.line,
        column: loc.column,
        note,
    }
}

fn problem(p: &Problem) -> ProblemLine<'_> {
    ProblemLine {
        reason: match p.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        kind: p.kind.as_str(),
        file: p.file.as_deref(),
        line: p.line,
        message: &p.message,
        column: p.column,
    }
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    super::json_line(out, value)
}

/// Writes the report as JSON lines.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        line(out, &violation(f))?;
    }
    for p in super::sorted_problems(report) {
        line(out, &problem(p))?;
    }
    let s = report.summary();
    line(
        out,
        &SummaryLine {
            reason: "summary",
            errors: s.errors,
            warnings: s.warnings,
            files: s.files,
            incomplete: s.incomplete,
            baselined: report.baseline.as_ref().map(|_| s.baselined),
            baseline_gone: report.baseline.as_ref().map(|_| s.baseline_gone),
        },
    )
}

//! The baseline: findings accepted when privflow was adopted on an existing codebase, so that
//! later runs report only new ones.
//!
//! `cargo privflow baseline` writes the current findings to `privflow-baseline.json` at the
//! workspace root ([`Baseline::from_findings`], [`Baseline::to_json`]); a later `check` reads it
//! ([`Baseline::parse`]) and [`apply`] takes out every finding it lists. A finding is matched by
//! its rule and fingerprint (a hash of rule, file, sink and source that does not depend on line
//! numbers), each entry matching one finding: the same leak written twice is two entries, and a
//! third copy added later is new. Entries that match nothing are "gone" (fixed, or moved to
//! another file): the run says how many, so the file can be tightened.
//!
//! Pure: parsing and matching do no I/O; the driver reads the file and the CLI writes it.

use crate::model::{Finding, Problem, ProblemKind, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file name `baseline` writes and `check` reads, at the workspace root.
pub const DEFAULT_FILE: &str = "privflow-baseline.json";

/// The format version this build reads and writes.
pub const VERSION: u32 = 1;

const NOTE: &str = "Findings accepted when privflow was adopted: `cargo privflow` reports only findings not listed here. Regenerate with `cargo privflow baseline`; entries are matched by rule and fingerprint, not by line.";

/// The baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version ([`VERSION`]).
    pub privflow_baseline: u32,
    /// What the file is, for a reader who finds it in the repository.
    #[serde(default)]
    pub note: String,
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding. `rule` and `fingerprint` match; the rest tells a reader which finding
/// it was.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub rule: String,
    pub fingerprint: String,
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub sink: String,
    #[serde(default)]
    pub data: Option<String>,
    #[serde(default)]
    pub message: String,
}

impl BaselineEntry {
    fn of(f: &Finding) -> Self {
        BaselineEntry {
            rule: f.rule.clone(),
            fingerprint: f.fingerprint.clone(),
            file: f.sink.location.file.clone(),
            sink: f.sink.name.clone(),
            data: f.source.as_ref().map(|s| s.data.clone()),
            message: f.message.clone(),
        }
    }
}

/// What applying the baseline did to a run, for the reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineOutcome {
    /// The baseline file as given or found (relative to the workspace root when under it).
    pub file: String,
    /// Findings the baseline lists: not reported, not counted in the exit status.
    pub baselined: Vec<Finding>,
    /// Entries of files this run analysed (or that no longer exist) that matched no finding.
    pub gone: Vec<BaselineEntry>,
    /// Entries of files this run did not analyse (other packages, skipped files): not judged.
    pub kept: Vec<BaselineEntry>,
}

impl Baseline {
    /// The baseline that accepts exactly `findings`, and the `kept` entries of a previous one.
    /// Entries are sorted (by file, rule, sink, data, fingerprint), so the same findings always
    /// give the same file, whatever their lines.
    pub fn from_findings<'a>(
        findings: impl IntoIterator<Item = &'a Finding>,
        kept: &[BaselineEntry],
    ) -> Self {
        let mut entries: Vec<BaselineEntry> = findings.into_iter().map(BaselineEntry::of).collect();
        entries.extend(kept.iter().cloned());
        entries.sort_by(|a, b| {
            (
                &a.file,
                &a.rule,
                &a.sink,
                &a.data,
                &a.fingerprint,
                &a.message,
            )
                .cmp(&(
                    &b.file,
                    &b.rule,
                    &b.sink,
                    &b.data,
                    &b.fingerprint,
                    &b.message,
                ))
        });
        Baseline {
            privflow_baseline: VERSION,
            note: NOTE.to_string(),
            findings: entries,
        }
    }

    /// The file's text: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads a baseline file's text. `file` names it in the problem, which carries the line and
    /// column of a syntax or shape error.
    pub fn parse(text: &str, file: &str) -> Result<Baseline, Problem> {
        let problem = |line: Option<u32>, column: Option<u32>, message: String| Problem {
            kind: ProblemKind::Baseline,
            severity: Severity::Error,
            file: Some(file.to_string()),
            line,
            column,
            message,
        };
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            let at = |n: usize| u32::try_from(n).ok().filter(|n| *n > 0);
            problem(
                at(e.line()),
                at(e.column()),
                format!("{file} is not a privflow baseline: {e} (regenerate it with `cargo privflow baseline`)"),
            )
        })?;
        if baseline.privflow_baseline != VERSION {
            return Err(problem(
                None,
                None,
                format!(
                    "{file} is a version {} baseline; this privflow reads version {VERSION} (regenerate it with `cargo privflow baseline`)",
                    baseline.privflow_baseline
                ),
            ));
        }
        Ok(baseline)
    }
}

/// Splits `findings` into those the baseline does not list (returned, in their order) and those
/// it does (in the outcome), and sorts the entries no finding matched: gone when `in_scope` says
/// this run judged their file, kept otherwise (a run of one package says nothing of another's).
pub fn apply(
    findings: Vec<Finding>,
    baseline: &Baseline,
    file: &str,
    in_scope: impl Fn(&str) -> bool,
) -> (Vec<Finding>, BaselineOutcome) {
    let mut left: BTreeMap<(String, String), Vec<&BaselineEntry>> = BTreeMap::new();
    for e in &baseline.findings {
        left.entry((e.rule.clone(), e.fingerprint.clone()))
            .or_default()
            .push(e);
    }
    let mut new = Vec::new();
    let mut baselined = Vec::new();
    for f in findings {
        let key = (f.rule.clone(), f.fingerprint.clone());
        match left.get_mut(&key).and_then(|e| e.pop()) {
            Some(_) => baselined.push(f),
            None => new.push(f),
        }
    }
    let (mut gone, mut kept): (Vec<BaselineEntry>, Vec<BaselineEntry>) = left
        .into_values()
        .flatten()
        .cloned()
        .partition(|e| in_scope(&e.file));
    gone.sort();
    kept.sort();
    (
        new,
        BaselineOutcome {
            file: file.to_string(),
            baselined,
            gone,
            kept,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Location, SinkRef, SourceRef};

    fn finding(rule: &str, file: &str, line: u32, sink: &str, data: &str) -> Finding {
        let location = Location {
            file: file.to_string(),
            line,
            column: 5,
            end_line: line,
            end_column: 20,
        };
        let source = SourceRef {
            location: location.clone(),
            data: data.to_string(),
            category: "user.health_and_medical".to_string(),
            class: "phi".to_string(),
            sanitized: vec![],
        };
        Finding {
            rule: rule.to_string(),
            severity: Severity::Error,
            message: format!("{data} reaches {sink}"),
            quote: String::new(),
            section: String::new(),
            help: String::new(),
            sink: SinkRef {
                location,
                name: sink.to_string(),
                kind: "log".to_string(),
                country: None,
                region: None,
                recipient: None,
                purpose: None,
                encrypted: false,
                persistent: true,
                retention_days: None,
                declared: None,
            },
            source: Some(source.clone()),
            sources: vec![source],
            path: vec![],
            // As the engine does: not the line.
            more_paths: vec![],
            consent_steps: vec![],
            fingerprint: format!("{rule}|{file}|{sink}|{data}"),
        }
    }

    #[test]
    fn a_baseline_of_a_run_takes_out_all_its_findings_even_when_lines_move() {
        let run = vec![
            finding("baseline/phi-to-log", "src/a.rs", 10, "println!", "P.d"),
            finding("baseline/phi-to-log", "src/b.rs", 3, "println!", "P.d"),
        ];
        let text = Baseline::from_findings(&run, &[]).to_json();
        let baseline = Baseline::parse(&text, "privflow-baseline.json").expect("parses");
        let moved: Vec<Finding> = run
            .iter()
            .cloned()
            .map(|mut f| {
                f.sink.location.line += 7;
                f
            })
            .collect();
        let (new, outcome) = apply(moved, &baseline, "privflow-baseline.json", |_| true);
        assert!(new.is_empty(), "{new:?}");
        assert_eq!(outcome.baselined.len(), 2);
        assert!(outcome.gone.is_empty());
    }

    #[test]
    fn each_entry_matches_one_finding_and_unmatched_entries_are_gone() {
        let old = vec![
            finding("baseline/phi-to-log", "src/a.rs", 10, "println!", "P.d"),
            finding("baseline/phi-to-log", "src/a.rs", 20, "println!", "P.d"),
            finding("baseline/pii-to-log", "src/c.rs", 1, "info!", "P.email"),
        ];
        let baseline = Baseline::from_findings(&old, &[]);
        // The two equal leaks stay, a third copy is added, the pii one is fixed.
        let now = vec![
            finding("baseline/phi-to-log", "src/a.rs", 10, "println!", "P.d"),
            finding("baseline/phi-to-log", "src/a.rs", 20, "println!", "P.d"),
            finding("baseline/phi-to-log", "src/a.rs", 30, "println!", "P.d"),
        ];
        let (new, outcome) = apply(now, &baseline, "b.json", |_| true);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].sink.location.line, 30);
        assert_eq!(outcome.baselined.len(), 2);
        assert_eq!(outcome.gone.len(), 1);
        assert_eq!(outcome.gone[0].rule, "baseline/pii-to-log");
        assert_eq!(outcome.gone[0].data.as_deref(), Some("P.email"));
    }

    #[test]
    fn entries_of_files_the_run_did_not_judge_are_kept_not_gone() {
        let old = vec![
            finding("baseline/phi-to-log", "app/src/a.rs", 1, "println!", "P.d"),
            finding(
                "baseline/phi-to-log",
                "other/src/b.rs",
                1,
                "println!",
                "P.d",
            ),
        ];
        let baseline = Baseline::from_findings(&old, &[]);
        // A run of `app` alone, whose leak is fixed.
        let (new, outcome) = apply(vec![], &baseline, "b.json", |f| f.starts_with("app/"));
        assert!(new.is_empty());
        assert_eq!(outcome.gone.len(), 1);
        assert_eq!(outcome.gone[0].file, "app/src/a.rs");
        assert_eq!(outcome.kept.len(), 1);
        // Rewriting the baseline from that run keeps `other`'s entry.
        let rewritten = Baseline::from_findings(&outcome.baselined, &outcome.kept);
        assert_eq!(rewritten.findings, vec![BaselineEntry::of(&old[1])]);
    }

    #[test]
    fn the_same_findings_give_the_same_file_in_any_order() {
        let a = finding("baseline/phi-to-log", "src/a.rs", 10, "println!", "P.d");
        let b = finding("zaurus/tls-in-transit", "src/a.rs", 2, "send", "P.d");
        let one = Baseline::from_findings(&[a.clone(), b.clone()], &[]).to_json();
        let two = Baseline::from_findings(&[b, a], &[]).to_json();
        assert_eq!(one, two);
        assert!(one.ends_with("}\n"));
    }

    #[test]
    fn a_broken_file_is_a_located_error() {
        let p = Baseline::parse(
            "{\n  \"privflow_baseline\": 1,\n  \"findings\": [ }",
            "b.json",
        )
        .expect_err("bad JSON");
        assert_eq!(p.kind, ProblemKind::Baseline);
        assert_eq!(p.severity, Severity::Error);
        assert_eq!(p.file.as_deref(), Some("b.json"));
        assert_eq!(p.line, Some(3));
        assert!(
            p.message.contains("cargo privflow baseline"),
            "{}",
            p.message
        );

        let p = Baseline::parse("{\"privflow_baseline\": 1, \"findngs\": []}", "b.json")
            .expect_err("unknown key");
        assert!(p.message.contains("findngs"), "{}", p.message);

        let p = Baseline::parse("{\"privflow_baseline\": 2, \"findings\": []}", "b.json")
            .expect_err("future version");
        assert!(p.message.contains("version 2"), "{}", p.message);
    }
}

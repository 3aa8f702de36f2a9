//! The types that cross layer boundaries: what the analysis is given ([`Config`]) and what it
//! returns ([`Report`]: findings plus the problems that kept it from being complete).
//! `findings` are the ones to report: those a baseline file lists are in `baseline`.
//!
//! Everything here is plain data (no spans of `syn`, no lifetimes), `Send`, and serialisable, so
//! the report layer and tests can build and read it without running an analysis.

use serde::{Deserialize, Serialize};

/// Something `-v` tells about the run that is neither a finding nor a problem (code privflow
/// read only in part, such as a macro it did not expand).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    pub location: Location,
    pub message: String,
}

/// A position in a source file of the analysed workspace.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// Path relative to the workspace root, with `/` separators.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// 1-based end line (inclusive) of the spanned code.
    pub end_line: u32,
    /// 1-based column just past the spanned code.
    pub end_column: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One step of the way from tagged data to the sink, in order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PathStep {
    pub location: Location,
    /// What happens here, e.g. "`p.diagnosis` is read", "passed to `upload` as `body`".
    pub note: String,
}

/// Where the tagged data comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceRef {
    /// Where the data is tagged (the field, type or source fn declaration).
    pub location: Location,
    /// `Patient.diagnosis`, `LabResult` or `read_glucose()`.
    pub data: String,
    /// Fideslang category, `user.` prefixed.
    pub category: String,
    /// `"phi"` or `"pii"`.
    pub class: String,
    /// Sanitizers applied on the way (`encrypt`, `hash`, ...).
    pub sanitized: Vec<String>,
}

/// The sink a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SinkRef {
    /// The call that hands the data to the sink: the finding's primary location.
    pub location: Location,
    /// The sink function, `upload_to_s3` or `println!`.
    pub name: String,
    pub kind: String,
    /// ISO country the sink's region maps to; `None` when unknown.
    pub country: Option<String>,
    /// The region as written (`eu-central-1`), if any.
    pub region: Option<String>,
    pub recipient: Option<String>,
    pub purpose: Option<String>,
    pub encrypted: bool,
    pub persistent: bool,
    pub retention_days: Option<u64>,
    /// Where the sink is declared (its annotated function), when that is in the workspace: where
    /// its kind, region, recipient, purpose and encryption are set.
    #[serde(default)]
    pub declared: Option<Location>,
}

impl SinkRef {
    /// What the sink is, as far as known: `storage, region us-east-1 (US), recipient X,
    /// purpose Y, encrypted`. `complete` also says what is not (`not encrypted`) and the
    /// retention, as a declaration is read.
    pub fn attributes(&self, complete: bool) -> Vec<String> {
        let mut parts = vec![self.kind.clone()];
        match (&self.region, &self.country) {
            (Some(r), Some(c)) if r != c => parts.push(format!("region {r} ({c})")),
            (Some(r), _) => parts.push(format!("region {r}")),
            (None, _) => parts.push("region unknown".into()),
        }
        if let Some(r) = &self.recipient {
            parts.push(format!("recipient {r}"));
        }
        if let Some(p) = &self.purpose {
            parts.push(format!("purpose {p}"));
        }
        if self.encrypted {
            parts.push("encrypted".into());
        } else if complete {
            parts.push("not encrypted".into());
        }
        if let Some(d) = self.retention_days.filter(|_| complete) {
            parts.push(format!("retention {d} days"));
        }
        parts
    }
}

/// A violation of one rule at one primary location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// `pack/rule`.
    pub rule: String,
    pub severity: Severity,
    /// One line of plain English.
    pub message: String,
    /// The statement's sentence, in its language.
    pub quote: String,
    /// The statement's section.
    pub section: String,
    /// How to fix it.
    pub help: String,
    pub sink: SinkRef,
    /// The first source whose data causes the finding (the one `path` starts from); `None` for
    /// rules about a sink's mere presence or about a type.
    pub source: Option<SourceRef>,
    /// Every source reaching the location for this rule (the first is `source`).
    pub sources: Vec<SourceRef>,
    /// Steps from the source to the sink.
    pub path: Vec<PathStep>,
    /// The steps of every other source's way to the sink, in `sources` order (`sources[1..]`).
    #[serde(default)]
    pub more_paths: Vec<Vec<PathStep>>,
    /// For a missing consent: the calls from an entry point on which the consent the sink's
    /// purpose needs is not checked, each followed by a call of the same function where it is
    /// (a check that exists but does not dominate the sink).
    #[serde(default)]
    pub consent_steps: Vec<PathStep>,
    /// Stable id: a hash of rule, file, sink name and source, independent of line numbers.
    pub fingerprint: String,
}

/// Why the analysis is incomplete, or could not be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A source file could not be read (I/O error, not UTF-8, symlink loop).
    Read,
    /// A source file is not valid Rust syntax, or is nested too deeply to analyse.
    Parse,
    /// A `mod foo;` whose file does not exist.
    MissingModule,
    /// The manifest or `cargo metadata` failed.
    Manifest,
    /// `[*.metadata.privflow]` is malformed.
    Config,
    /// A rule pack could not be found or has an error.
    Rules,
    /// An `#[privflow::...]` attribute the analyzer cannot read.
    Annotation,
    /// A `#[privflow::allow]` that suppressed nothing (a warning).
    UnusedAllow,
    /// The baseline file cannot be read or is malformed.
    Baseline,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Read => "read",
            ProblemKind::Parse => "parse",
            ProblemKind::MissingModule => "missing-module",
            ProblemKind::Manifest => "manifest",
            ProblemKind::Config => "config",
            ProblemKind::Rules => "rules",
            ProblemKind::Annotation => "annotation",
            ProblemKind::UnusedAllow => "unused-allow",
            ProblemKind::Baseline => "baseline",
        }
    }
}

/// A problem with the input. Errors make the run incomplete (exit 2); warnings do not.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub severity: Severity,
    /// Relative to the workspace root where possible.
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

/// A library function declared as a sink in `[*.metadata.privflow.sinks]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibrarySink {
    /// `crate::module::function` or `crate::Type::method`.
    pub path: String,
    pub kind: String,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub recipient: Option<String>,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub persistent: Option<bool>,
    #[serde(default)]
    pub retention_days: Option<u64>,
    /// 0-based argument indices (`self` not counted); default all.
    #[serde(default)]
    pub args: Option<Vec<u32>>,
    /// `args` holds `"self"`: the receiver is data too.
    #[serde(default)]
    pub self_is_data: bool,
    /// `op = "delete"`: the call deletes what it receives (not a write).
    #[serde(default)]
    pub delete: bool,
    /// The path names a crate, module or type; these are its sink methods.
    #[serde(default)]
    pub methods: Option<Vec<String>>,
    /// The path names a crate; these are its sink macros (catalogue files only).
    #[serde(default)]
    pub macros: Option<Vec<String>>,
    /// The call builds a request; what is set on it leaves at one of these methods (catalogue
    /// files only): `client.put_object().body(b).send()`.
    #[serde(default)]
    pub sent_by: Option<Vec<String>>,
    /// `sql = "writes"`: a sink only when its SQL text (first argument) writes rows (catalogue
    /// files only).
    #[serde(default)]
    pub sql_writes: bool,
    /// `result = "database"`: what the call returns is the database's output, not what was bound
    /// into the query (catalogue files only).
    #[serde(default)]
    pub result_is_output: bool,
    /// Methods of the path's values that fill the value in place (`&mut self` builders: fcm's
    /// `builder.body(x)`): their arguments flow into the receiver (catalogue files only).
    #[serde(default)]
    pub fills: Option<Vec<String>>,
    /// The display name (catalogue files only; default: the path).
    #[serde(default)]
    pub name: Option<String>,
    /// The crates.io name of the crate (catalogue files only; default: the path's first segment).
    #[serde(default, rename = "crate")]
    pub krate: Option<String>,
}

/// The settings of one package (its own metadata over the workspace's).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PackageConfig {
    /// Rule pack ids or paths; empty means "not set here".
    pub rules: Vec<String>,
    /// Default region of sinks without `region`.
    pub region: Option<String>,
    pub sinks: Vec<LibrarySink>,
    /// Glob-free relative paths (from the package root) of files not to analyse.
    pub skip: Vec<String>,
    /// Library types, sources, sanitizers, consents and checks (SPEC §5).
    #[serde(default)]
    pub library: crate::workspace::config::LibraryItems,
}

/// Summary counts, as printed at the end and in the JSON `summary` line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
    pub incomplete: bool,
    /// Findings the baseline file lists (not in `errors`/`warnings`).
    pub baselined: usize,
    /// Baseline entries that matched no finding (fixed, or moved to another file).
    pub baseline_gone: usize,
}

/// Everything one run produced. Findings are sorted and deduplicated.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub problems: Vec<Problem>,
    /// The files analysed, relative to `root`, in the order they were read.
    pub files: Vec<String>,
    /// Packs that ran, by id.
    pub packs: Vec<String>,
    /// What personal data goes where: `cargo privflow map`.
    #[serde(default)]
    pub map: crate::map::DataMap,
    /// The analysed system's name: the package's, or the workspace directory's.
    #[serde(default)]
    pub system: String,
    /// The workspace root every `file` is relative to; `None` when the workspace could not be
    /// loaded. The human renderer reads source snippets from it.
    #[serde(default)]
    pub root: Option<std::path::PathBuf>,
    /// What the baseline file took out of `findings`; `None` when no baseline was used.
    #[serde(default)]
    pub baseline: Option<crate::baseline::BaselineOutcome>,
    /// Wall time of each phase of the run, in order (`-v` prints them). Not serialized: JSON and
    /// SARIF stay byte-identical from run to run.
    #[serde(skip)]
    pub phases: Vec<(&'static str, std::time::Duration)>,
    /// Code read only in part (macros not expanded): `-v` prints them.
    #[serde(skip)]
    pub notes: Vec<Note>,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            ..Summary::default()
        };
        for f in &self.findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
            }
        }
        s.incomplete = self.is_incomplete();
        if let Some(b) = &self.baseline {
            s.baselined = b.baselined.len();
            s.baseline_gone = b.gone.len();
        }
        s
    }

    /// True when a problem of error severity kept part of the input from being analysed.
    pub fn is_incomplete(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// SPEC §3: 2 incomplete, 1 error-severity findings, 0 otherwise.
    pub fn exit_code(&self, deny_warnings: bool) -> i32 {
        if self.is_incomplete() {
            2
        } else if self
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error || deny_warnings)
        {
            1
        } else {
            0
        }
    }
}

/// One rule, as `cargo privflow rules` and `explain` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInfo {
    /// `pack/rule`.
    pub id: String,
    pub severity: Severity,
    pub section: String,
    /// Verbatim, in the statement's language.
    pub quote: String,
    /// The quote in English.
    pub english: String,
    /// What is reported, in one line.
    pub summary: String,
    pub help: String,
    /// A violating snippet, if the pack gives one.
    pub example: Option<String>,
}

/// One rule pack, as `cargo privflow rules` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub title: String,
    pub company: String,
    pub date: String,
    pub language: String,
    pub law: String,
    pub rules: Vec<RuleInfo>,
}

/// The sink kinds of SPEC §1.
pub const SINK_KINDS: &[&str] = &[
    "storage",
    "network",
    "log",
    "email",
    "sms",
    "analytics",
    "advertising",
    "social",
    "cookie",
    "device",
    "display",
];

/// The data of a finding, each item labelled by its own class: ``PHI `Patient.diagnosis` and
/// personal data `Patient.email` ``; at most three names, then "and N more".
pub fn label_data(sources: &[&SourceRef]) -> String {
    let shown: Vec<&&SourceRef> = sources.iter().take(3).collect();
    let names = |phi: bool| -> Vec<String> {
        shown
            .iter()
            .filter(|s| (s.class == "phi") == phi)
            .map(|s| format!("`{}`", s.data))
            .collect()
    };
    let (phi, pii) = (names(true), names(false));
    let mut out = match (phi.is_empty(), pii.is_empty()) {
        (false, true) => format!("PHI {}", phi.join(", ")),
        (true, _) => format!("Personal data {}", pii.join(", ")),
        (false, false) => format!(
            "PHI {} and personal data {}",
            phi.join(", "),
            pii.join(", ")
        ),
    };
    if sources.len() > 3 {
        out.push_str(&format!(" and {} more", sources.len() - 3));
    }
    out
}

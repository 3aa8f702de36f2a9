//! Rule packs: the TOML format of `rules/README.md`, loaded and checked.
//!
//! Built-in packs are embedded in the binary; users pass their own with `--rules path.toml`.
//! Every error — TOML syntax, an unknown key, a bad category, an unknown region, a recipient a
//! rule names but the pack does not list — is a [`Problem`] located at its span in the file.

use super::regions::Regions;
use crate::hir::SINK_KINDS;
use crate::model::{Problem, ProblemKind, Severity};
use serde::Deserialize;

/// The packs shipped with privflow: (id, TOML text).
/// The pack of the annotations' own rules (SPEC §5), selected in every run.
pub const ALWAYS_ON: &str = "privflow";

pub const BUILTIN: &[(&str, &str)] = &[
    ("baseline", include_str!("../../../rules/baseline.toml")),
    ("visus", include_str!("../../../rules/visus.toml")),
    ("cloudvisit", include_str!("../../../rules/cloudvisit.toml")),
    (
        "cgm-videosprechstunde",
        include_str!("../../../rules/cgm-videosprechstunde.toml"),
    ),
    (
        "visual-systems",
        include_str!("../../../rules/visual-systems.toml"),
    ),
    ("zaurus", include_str!("../../../rules/zaurus.toml")),
    ("privflow", include_str!("../../../rules/privflow.toml")),
];

/// One selector table or a list of them. Deserialised by hand so that an error inside a table
/// (an unknown key) is reported as such, not as "did not match any variant".
#[derive(Debug, Clone)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::Array(items) => items
                .into_iter()
                .map(|i| T::deserialize(i).map_err(|e| D::Error::custom(e.message())))
                .collect::<Result<Vec<T>, _>>()
                .map(OneOrMany::Many),
            other => T::deserialize(other)
                .map(OneOrMany::One)
                .map_err(|e| D::Error::custom(e.message())),
        }
    }
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(t) => std::slice::from_ref(t),
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    pub title: String,
    pub company: String,
    pub date: String,
    pub language: String,
    pub law: String,
    #[serde(default)]
    pub statement: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    #[default]
    Flow,
    Presence,
    Allowlist,
    Erasure,
    /// A `#[privflow::guarded]` call not dominated by its checks (SPEC §5).
    Guarded,
    /// A check bound to another value than the guarded call's or sink's (SPEC §5).
    #[serde(rename = "other-value")]
    OtherValue,
    /// An `#[privflow::erases]` fn that reaches no deletion of a type it names (SPEC §5).
    #[serde(rename = "erasure-reached")]
    ErasureReached,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum DataClassSel {
    #[default]
    #[serde(rename = "personal")]
    Personal,
    #[serde(rename = "phi")]
    Phi,
    #[serde(rename = "pii-only")]
    PiiOnly,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSel {
    #[serde(default)]
    pub class: DataClassSel,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub declares_purposes: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RecipientSel {
    /// `"any"`, `"none"`, `"undisclosed"`.
    Mode(String),
    Names(Vec<String>),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkSel {
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub not_kinds: Vec<String>,
    #[serde(default)]
    pub region_outside: Vec<String>,
    #[serde(default)]
    pub region_inside: Vec<String>,
    #[serde(default)]
    pub recipient: Option<RecipientSel>,
    #[serde(default)]
    pub purpose_under: Vec<String>,
    #[serde(default)]
    pub purpose_outside: Vec<String>,
    #[serde(default)]
    pub purpose_outside_data_purposes: bool,
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub persistent: Option<bool>,
    #[serde(default)]
    pub retention_days_above: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiftedBy {
    #[serde(default = "default_lift_sanitizers")]
    pub sanitizers: Vec<String>,
    #[serde(default)]
    pub encryption: bool,
    #[serde(default)]
    pub consent: bool,
}

fn default_lift_sanitizers() -> Vec<String> {
    vec!["anonymize".into(), "redact".into()]
}

impl Default for LiftedBy {
    fn default() -> Self {
        LiftedBy {
            sanitizers: default_lift_sanitizers(),
            encryption: false,
            consent: false,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Except {
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub only_categories: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub severity: Severity,
    pub section: String,
    pub quote: String,
    pub english: String,
    pub summary: String,
    pub help: String,
    #[serde(default)]
    pub check: Check,
    #[serde(default)]
    pub example: Option<String>,
    #[serde(default)]
    pub data: OneOrMany<DataSel>,
    #[serde(default)]
    pub sink: OneOrMany<SinkSel>,
    #[serde(default)]
    pub lifted_by: LiftedBy,
    #[serde(default)]
    pub except: Vec<Except>,
    #[serde(default)]
    pub allowed_categories: Vec<String>,
}

/// The class of data a `[[classes]]` entry declares.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DeclaredClass {
    Pii,
    Phi,
}

/// What the statement says a kind of data is (`[[classes]]`): "user generated content may
/// contain medical data" makes `user.content` health data. `cargo privflow suggest` proposes
/// fields of that category (or one below it) at that class; `check` does not read it (the
/// annotations say what each field is).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassDecl {
    pub category: String,
    pub class: DeclaredClass,
    #[serde(default)]
    pub section: Option<String>,
    /// The statement's sentence, verbatim.
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: PackMeta,
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    #[serde(default)]
    pub classes: Vec<ClassDecl>,
    #[serde(default)]
    pub rules: Vec<RuleDef>,
}

/// Recipient names compare case-insensitively, ignoring punctuation and repeated spaces.
pub fn normalize_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Pack {
    /// Is `name` one of the pack's recipients (by name or alias)? Returns the canonical name.
    pub fn recipient(&self, name: &str) -> Option<&Recipient> {
        let n = normalize_name(name);
        self.recipients.iter().find(|r| {
            normalize_name(&r.name) == n || r.aliases.iter().any(|a| normalize_name(a) == n)
        })
    }

    /// Do two recipient names mean the same organisation for this pack (through aliases)?
    pub fn same_recipient(&self, a: &str, b: &str) -> bool {
        if normalize_name(a) == normalize_name(b) {
            return true;
        }
        match (self.recipient(a), self.recipient(b)) {
            (Some(x), Some(y)) => x.name == y.name,
            _ => false,
        }
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0) as u32
        + 1;
    (line, col)
}

fn problem(file: &str, text: &str, offset: Option<usize>, message: String) -> Problem {
    let (line, column) = match offset {
        Some(o) => {
            let (l, c) = line_col(text, o);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Problem {
        kind: ProblemKind::Rules,
        severity: Severity::Error,
        file: Some(file.to_string()),
        line,
        column,
        message,
    }
}

/// Where a value is written in the file: the first `"value"` after the rule's `id` line.
fn find_value(text: &str, rule_id: Option<&str>, value: &str) -> Option<usize> {
    let start = rule_id
        .and_then(|id| text.find(&format!("id = \"{id}\"")))
        .unwrap_or(0);
    let needle = format!("\"{value}\"");
    text[start..].find(&needle).map(|i| start + i + 1)
}

/// Parses and checks one pack. `file` names it in problems.
pub fn parse_pack(file: &str, text: &str, regions: &Regions) -> Result<Pack, Vec<Problem>> {
    let pack: Pack = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start);
        vec![problem(
            file,
            text,
            offset,
            format!("invalid rule pack: {}", e.message()),
        )]
    })?;
    let mut problems = Vec::new();
    for c in &pack.classes {
        let cat = &c.category;
        if cat != "user" && !cat.starts_with("user.") {
            problems.push(problem(
                file,
                text,
                find_value(text, None, cat),
                format!(
                    "[[classes]]: category `{cat}` must be a fideslang key starting with `user.`"
                ),
            ));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for r in &pack.rules {
        let at = |v: &str| find_value(text, Some(&r.id), v);
        if !r
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || r.id.is_empty()
        {
            problems.push(problem(
                file,
                text,
                at(&r.id),
                format!(
                    "rule id `{}` must use lowercase letters, digits and `-`",
                    r.id
                ),
            ));
        }
        if !seen.insert(r.id.clone()) {
            problems.push(problem(
                file,
                text,
                at(&r.id),
                format!("rule id `{}` is defined twice", r.id),
            ));
        }
        let mut cats: Vec<&String> = r.allowed_categories.iter().collect();
        for d in r.data.as_slice() {
            cats.extend(d.categories.iter());
        }
        for e in &r.except {
            cats.extend(e.only_categories.iter());
        }
        for c in cats {
            if c != "user" && !c.starts_with("user.") {
                problems.push(problem(
                    file,
                    text,
                    at(c),
                    format!(
                        "rule `{}`: category `{c}` must be a fideslang key starting with `user.`",
                        r.id
                    ),
                ));
            }
        }
        for s in r.sink.as_slice() {
            for k in s.kinds.iter().chain(s.not_kinds.iter()) {
                if !SINK_KINDS.contains(&k.as_str()) {
                    problems.push(problem(
                        file,
                        text,
                        at(k),
                        format!(
                            "rule `{}`: unknown sink kind `{k}` (expected one of: {})",
                            r.id,
                            SINK_KINDS.join(", ")
                        ),
                    ));
                }
            }
            for reg in s.region_outside.iter().chain(s.region_inside.iter()) {
                if !regions.is_known_set_or_country(reg) {
                    problems.push(problem(
                        file,
                        text,
                        at(reg),
                        format!("rule `{}`: unknown region or region set `{reg}`", r.id),
                    ));
                }
            }
            match &s.recipient {
                Some(RecipientSel::Mode(m)) if !matches!(m.as_str(), "any" | "none" | "undisclosed") => {
                    problems.push(problem(file, text, at(m), format!("rule `{}`: `recipient` must be \"any\", \"none\", \"undisclosed\" or a list of names", r.id)))
                }
                Some(RecipientSel::Names(ns)) => {
                    for n in ns {
                        if pack.recipient(n).is_none() {
                            problems.push(problem(file, text, at(n), format!("rule `{}`: recipient `{n}` is not listed in the pack's [[recipients]]", r.id)));
                        }
                    }
                }
                _ => {}
            }
        }
        for e in &r.except {
            for n in &e.recipients {
                if pack.recipient(n).is_none() {
                    problems.push(problem(
                        file,
                        text,
                        at(n),
                        format!(
                            "rule `{}`: recipient `{n}` is not listed in the pack's [[recipients]]",
                            r.id
                        ),
                    ));
                }
            }
        }
        for s in &r.lifted_by.sanitizers {
            if crate::hir::Sanitizer::parse(s).is_none() {
                problems.push(problem(
                    file,
                    text,
                    at(s),
                    format!("rule `{}`: unknown sanitizer `{s}`", r.id),
                ));
            }
        }
        if r.check == Check::Allowlist && r.allowed_categories.is_empty() {
            problems.push(problem(
                file,
                text,
                at(&r.id),
                format!(
                    "rule `{}`: check = \"allowlist\" needs `allowed_categories`",
                    r.id
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems)
    }
}

/// Loads the packs a selection names: built-in ids, or paths to `.toml` files.
/// The problems of rule files outside the workspace `root` (symlinks resolved), with what they
/// quote of the file's content (`"..."` values, `` `..` `` keys) left out: a config naming
/// `/proc/self/environ` as a pack must not print the environment, in any output format.
pub fn without_outside_content(problems: Vec<Problem>, root: &std::path::Path) -> Vec<Problem> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    problems
        .into_iter()
        .map(|mut p| {
            let inside = p.file.as_deref().is_some_and(|f| {
                let path = std::path::Path::new(f);
                let full = if path.is_absolute() {
                    path.to_path_buf()
                } else {
                    root.join(path)
                };
                std::fs::canonicalize(full).is_ok_and(|c| c.starts_with(&root))
            });
            let builtin = p.file.as_deref().is_some_and(|f| {
                BUILTIN
                    .iter()
                    .any(|(id, _)| f == format!("rules/{id}.toml"))
            });
            if p.file.is_some() && !inside && !builtin {
                p.message = without_quoted(&p.message);
            }
            p
        })
        .collect()
}

/// `message` with the text between each pair of `"` or `` ` `` replaced by `…`.
fn without_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut open: Option<char> = None;
    for c in message.chars() {
        match open {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    open = Some(c);
                }
            }
        }
    }
    if open.is_some() {
        out.push('…');
    }
    out
}

pub fn load_packs(selection: &[String], regions: &Regions) -> (Vec<Pack>, Vec<Problem>) {
    let mut packs = Vec::new();
    let mut problems = Vec::new();
    for sel in selection {
        if let Some((_, text)) = BUILTIN.iter().find(|(id, _)| id == sel) {
            match parse_pack(&format!("rules/{sel}.toml"), text, regions) {
                Ok(p) => packs.push(p),
                Err(ps) => problems.extend(ps),
            }
            continue;
        }
        let path = std::path::Path::new(sel);
        if sel.ends_with(".toml") || path.exists() {
            match std::fs::read_to_string(path) {
                Ok(text) => match parse_pack(sel, &text, regions) {
                    Ok(p) => packs.push(p),
                    Err(ps) => problems.extend(ps),
                },
                Err(e) => problems.push(Problem {
                    kind: ProblemKind::Rules,
                    severity: Severity::Error,
                    file: Some(sel.clone()),
                    line: None,
                    column: None,
                    message: format!("cannot read rule pack: {e}"),
                }),
            }
            continue;
        }
        let known: Vec<&str> = BUILTIN.iter().map(|(id, _)| *id).collect();
        problems.push(Problem {
            kind: ProblemKind::Rules,
            severity: Severity::Error,
            file: None,
            line: None,
            column: None,
            message: format!(
                "unknown rule pack `{sel}` (built-in packs: {}; or give a path to a .toml pack)",
                known.join(", ")
            ),
        });
    }
    // A pack named twice runs once.
    let mut seen = std::collections::BTreeSet::new();
    packs.retain(|p| seen.insert(p.pack.id.clone()));
    (packs, problems)
}

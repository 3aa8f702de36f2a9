//! `[workspace.metadata.privflow]` / `[package.metadata.privflow]`: checked key by key, so that
//! every mistake is reported (not only the first) with the manifest, the table and the key.

use crate::model::{LibrarySink, PackageConfig, Problem, ProblemKind, Severity};
use crate::syntax::ir::Span;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where a config entry is written (its `path` key, else its table): the manifest relative to
/// the workspace root, 1-based line and column. `span` is the same place as the flow engine
/// shows it in findings (filled by the driver, which registers the manifest as a file).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConfigPlace {
    pub manifest: String,
    pub line: u32,
    pub column: u32,
    #[serde(skip)]
    pub span: Span,
}

/// `pii = { .. }` / `phi = { .. }` (or `= true`) of a `types` / `sources` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibraryTag {
    /// `phi` (health data) rather than `pii`.
    pub phi: bool,
    /// Fideslang key, `user.`-prefixed; default `user` (pii) / `user.health_and_medical` (phi).
    pub category: String,
    pub subject: Option<String>,
    pub purposes: Vec<String>,
}

/// `[[..types]]`: every value of the library type is personal / health data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibraryType {
    pub path: String,
    pub tag: LibraryTag,
    pub location: ConfigPlace,
}

/// `[[..sources]]`: the library function's return value is personal / health data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibrarySource {
    pub path: String,
    pub tag: LibraryTag,
    pub location: ConfigPlace,
}

/// `[[..sanitizers]]`: the call's result is its input transformed (`kind`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibrarySanitizer {
    pub path: String,
    /// One of `encrypt`, `anonymize`, `pseudonymize`, `hash`, `redact`.
    pub kind: String,
    pub location: ConfigPlace,
}

/// `[[..consents]]`: code that runs only when the call succeeded has consent for `purpose`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibraryConsent {
    pub path: String,
    pub purpose: String,
    /// 0-based index (`self` not counted) of the argument the consent is about (SPEC §5).
    pub binds: Option<u32>,
    pub location: ConfigPlace,
}

/// `[[..checks]]`: a named check (SPEC §5), as `#[privflow::check(name = .., binds = ..)]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibraryCheck {
    pub path: String,
    pub name: String,
    pub binds: Option<u32>,
    pub location: ConfigPlace,
}

/// The library items a config declares besides sinks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LibraryItems {
    pub types: Vec<LibraryType>,
    pub sources: Vec<LibrarySource>,
    pub sanitizers: Vec<LibrarySanitizer>,
    pub consents: Vec<LibraryConsent>,
    pub checks: Vec<LibraryCheck>,
}

/// The keys of a privflow table.
const KEYS: &[&str] = &[
    "rules",
    "region",
    "sinks",
    "skip",
    "types",
    "sources",
    "sanitizers",
    "consents",
    "checks",
];

/// The keys of one `types` / `sources` entry (`pii` or `phi`, one of them).
const TAG_ENTRY_KEYS: &[&str] = &["path", "pii", "phi"];
/// The keys of a `pii = { .. }` / `phi = { .. }` table (as `#[pii(..)]` takes).
const TAG_KEYS: &[&str] = &["category", "subject", "purposes"];
const SANITIZER_KEYS: &[&str] = &["path", "kind"];
const CONSENT_KEYS: &[&str] = &["path", "purpose", "binds"];
const CHECK_KEYS: &[&str] = &["path", "name", "binds"];
/// `kind` of a `sanitizers` entry (as `#[privflow::sanitizer(..)]` takes).
const SANITIZER_KINDS: &[&str] = &["encrypt", "anonymize", "pseudonymize", "hash", "redact"];
/// The second segment of fideslang's `user.*` data categories (a category must start with one).
const USER_CATEGORY_ROOTS: &[&str] = &[
    "account",
    "authorization",
    "behavior",
    "biometric",
    "childrens",
    "contact",
    "content",
    "criminal_history",
    "demographic",
    "device",
    "financial",
    "government_id",
    "health_and_medical",
    "job_title",
    "location",
    "name",
    "payment",
    "privacy_preferences",
    "sensor",
    "social",
    "telemetry",
    "unique_id",
    "user_sensor",
    "workplace",
];

/// The keys of one `sinks` entry.
const SINK_KEYS: &[&str] = &[
    "path",
    "kind",
    "region",
    "recipient",
    "purpose",
    "encrypted",
    "persistent",
    "retention_days",
    "args",
    "op",
    "methods",
];

/// The keys only the built-in catalogue's files (`catalogue/*.toml`) use.
const CATALOGUE_KEYS: &[&str] = &[
    "macros", "sent_by", "sql", "result", "name", "crate", "fills",
];

pub use crate::model::SINK_KINDS;

/// The settings one table sets; `None` = the key is absent (so the other table's value holds).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RawConfig {
    pub rules: Option<Vec<String>>,
    pub region: Option<String>,
    pub sinks: Option<Vec<LibrarySink>>,
    pub skip: Option<Vec<String>>,
    pub types: Option<Vec<LibraryType>>,
    pub sources: Option<Vec<LibrarySource>>,
    pub sanitizers: Option<Vec<LibrarySanitizer>>,
    pub consents: Option<Vec<LibraryConsent>>,
    pub checks: Option<Vec<LibraryCheck>>,
}

impl RawConfig {
    /// `self` over `base`: a key `self` sets wins.
    pub fn over(&self, base: &RawConfig) -> PackageConfig {
        PackageConfig {
            rules: self
                .rules
                .clone()
                .or_else(|| base.rules.clone())
                .unwrap_or_default(),
            region: self.region.clone().or_else(|| base.region.clone()),
            sinks: self
                .sinks
                .clone()
                .or_else(|| base.sinks.clone())
                .unwrap_or_default(),
            skip: self
                .skip
                .clone()
                .or_else(|| base.skip.clone())
                .unwrap_or_default(),
            library: LibraryItems {
                types: pick(&self.types, &base.types),
                sources: pick(&self.sources, &base.sources),
                sanitizers: pick(&self.sanitizers, &base.sanitizers),
                consents: pick(&self.consents, &base.consents),
                checks: pick(&self.checks, &base.checks),
            },
        }
    }
}

/// The package's list if it sets one, else the workspace's.
fn pick<T: Clone>(own: &Option<Vec<T>>, base: &Option<Vec<T>>) -> Vec<T> {
    own.clone().or_else(|| base.clone()).unwrap_or_default()
}

/// Where a table comes from, for messages.
pub(crate) struct TableSource<'a> {
    /// The manifest, relative to the workspace root (`Cargo.toml`, `app/Cargo.toml`).
    pub manifest: &'a str,
    /// `workspace.metadata.privflow` or `package.metadata.privflow`.
    pub table: &'a str,
    /// The manifest's text, to find the line of a key (best effort).
    pub text: Option<&'a str>,
}

impl TableSource<'_> {
    fn problem(&self, key: &KeyPath, message: String) -> Problem {
        let at = self.text.and_then(|t| find_place(t, self.table, key));
        Problem {
            kind: ProblemKind::Config,
            severity: Severity::Error,
            file: Some(self.manifest.to_string()),
            line: at.map(|(l, _)| l),
            column: at.map(|(_, c)| c),
            message: if self.table.is_empty() {
                format!("{}: {}", self.manifest, message)
            } else {
                format!("{}: [{}] {}", self.manifest, self.table, message)
            },
        }
    }
}

/// The key a message is about: `region`, `sinks[0]`, `sinks[0].kind`, `types[0].pii.category`
/// (`inner`: a key of the inline table `sub` holds).
#[derive(Debug, Clone, Default)]
struct KeyPath {
    key: Option<String>,
    index: Option<usize>,
    sub: Option<String>,
    inner: Option<String>,
}

impl KeyPath {
    fn top(key: &str) -> Self {
        KeyPath {
            key: Some(key.to_string()),
            ..KeyPath::default()
        }
    }

    fn item(key: &str, index: usize) -> Self {
        KeyPath {
            key: Some(key.to_string()),
            index: Some(index),
            ..KeyPath::default()
        }
    }

    fn sub(key: &str, index: usize, sub: &str) -> Self {
        KeyPath {
            key: Some(key.to_string()),
            index: Some(index),
            sub: Some(sub.to_string()),
            inner: None,
        }
    }

    fn inner(key: &str, index: usize, sub: &str, inner: &str) -> Self {
        KeyPath {
            inner: Some(inner.to_string()),
            ..KeyPath::sub(key, index, sub)
        }
    }

    fn display(&self) -> String {
        let mut s = self.key.clone().unwrap_or_default();
        if let Some(i) = self.index {
            s.push_str(&format!("[{i}]"));
        }
        if let Some(sub) = &self.sub {
            s.push('.');
            s.push_str(sub);
        }
        s
    }
}

/// Reads the `privflow` value of a metadata table (`None` or `null`: the table is absent).
/// Every problem found is pushed; what is well-formed is kept.
pub(crate) fn parse(
    value: Option<&Value>,
    src: &TableSource,
    problems: &mut Vec<Problem>,
) -> RawConfig {
    let mut raw = RawConfig::default();
    let table = match value {
        None | Some(Value::Null) => return raw,
        Some(Value::Object(map)) => map,
        Some(other) => {
            problems.push(src.problem(
                &KeyPath::default(),
                format!("must be a table, found {}", type_name(other)),
            ));
            return raw;
        }
    };
    for (key, value) in table {
        let path = KeyPath::top(key);
        match key.as_str() {
            "rules" => {
                raw.rules = string_array(value, &path, src, problems);
                for id in raw.rules.iter().flatten().filter(|id| !is_pack(id)) {
                    problems.push(src.problem(&path, unknown_pack(id)));
                }
            }
            "skip" => raw.skip = string_array(value, &path, src, problems),
            "region" => match value {
                Value::String(s) => {
                    if !known_region(s) {
                        problems.push(src.problem(&path, unknown_region("region", s)));
                    }
                    raw.region = Some(s.clone());
                }
                other => problems.push(src.problem(
                    &path,
                    format!("`region` must be a string, found {}", type_name(other)),
                )),
            },
            "sinks" => raw.sinks = sinks(value, src, false, problems),
            "types" => {
                raw.types = entries("types", value, src, TAG_ENTRY_KEYS, problems, |f| {
                    let path = f.path();
                    let tag = f.tag();
                    let location = f.place();
                    Some(LibraryType {
                        path: path?,
                        tag: tag?,
                        location,
                    })
                })
            }
            "sources" => {
                raw.sources = entries("sources", value, src, TAG_ENTRY_KEYS, problems, |f| {
                    let path = f.path();
                    let tag = f.tag();
                    let location = f.place();
                    Some(LibrarySource {
                        path: path?,
                        tag: tag?,
                        location,
                    })
                })
            }
            "sanitizers" => {
                raw.sanitizers = entries("sanitizers", value, src, SANITIZER_KEYS, problems, |f| {
                    let path = f.path();
                    let kind = if f.map.contains_key("kind") {
                        f.choice_of("kind", SANITIZER_KINDS, "sanitizer kind")
                    } else {
                        f.required_string("kind")
                    };
                    let location = f.place();
                    Some(LibrarySanitizer {
                        path: path?,
                        kind: kind?,
                        location,
                    })
                })
            }
            "consents" => {
                raw.consents = entries("consents", value, src, CONSENT_KEYS, problems, |f| {
                    let path = f.path();
                    let purpose = f.required_string("purpose");
                    if let Some(p) = purpose.as_deref().filter(|p| !is_dotted_key(p)) {
                        let msg = format!(
                            "`{}[{}].purpose`: `{p}` is not a fideslang data-use key (lowercase words joined by `.`, e.g. \"analytics\" or \"marketing.communications.email\")",
                            f.table, f.index
                        );
                        f.push("purpose", msg);
                    }
                    let binds = f.binds();
                    let location = f.place();
                    Some(LibraryConsent {
                        path: path?,
                        purpose: purpose?,
                        binds,
                        location,
                    })
                })
            }
            "checks" => {
                raw.checks = entries("checks", value, src, CHECK_KEYS, problems, |f| {
                    let path = f.path();
                    let name = f.required_string("name");
                    if let Some(n) = name.as_deref().filter(|n| n.trim().is_empty()) {
                        let msg = format!(
                            "`{}[{}].name` must name the check (`auth.patient_access`), found `{n}`",
                            f.table, f.index
                        );
                        f.push("name", msg);
                    }
                    let binds = f.binds();
                    let location = f.place();
                    Some(LibraryCheck {
                        path: path?,
                        name: name?,
                        binds,
                        location,
                    })
                })
            }
            _ => problems.push(src.problem(&path, unknown_key(key, KEYS, "key"))),
        }
    }
    raw
}

fn string_array(
    value: &Value,
    path: &KeyPath,
    src: &TableSource,
    problems: &mut Vec<Problem>,
) -> Option<Vec<String>> {
    let name = path.display();
    let Value::Array(items) = value else {
        problems.push(src.problem(
            path,
            format!(
                "`{name}` must be an array of strings, found {}",
                type_name(value)
            ),
        ));
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(s) => out.push(s.clone()),
            other => {
                ok = false;
                problems.push(src.problem(
                    path,
                    format!("`{name}[{i}]` must be a string, found {}", type_name(other)),
                ));
            }
        }
    }
    ok.then_some(out)
}

/// The `sinks` array of a config table or (with `catalogue`) of a catalogue file, whose
/// entries may also use [`CATALOGUE_KEYS`].
pub(crate) fn sinks(
    value: &Value,
    src: &TableSource,
    catalogue: bool,
    problems: &mut Vec<Problem>,
) -> Option<Vec<LibrarySink>> {
    let Value::Array(items) = value else {
        problems.push(src.problem(
            &KeyPath::top("sinks"),
            format!(
                "`sinks` must be an array of tables, found {}",
                type_name(value)
            ),
        ));
        return None;
    };
    let before = problems.len();
    let out: Vec<LibrarySink> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| sink(i, item, src, catalogue, problems))
        .collect();
    (problems.len() == before).then_some(out)
}

fn sink(
    index: usize,
    value: &Value,
    src: &TableSource,
    catalogue: bool,
    problems: &mut Vec<Problem>,
) -> Option<LibrarySink> {
    let here = KeyPath::item("sinks", index);
    let Value::Object(map) = value else {
        problems.push(src.problem(
            &here,
            format!(
                "`sinks[{index}]` must be a table, found {}",
                type_name(value)
            ),
        ));
        return None;
    };
    let before = problems.len();
    let known: Vec<&str> = if catalogue {
        SINK_KEYS.iter().chain(CATALOGUE_KEYS).copied().collect()
    } else {
        SINK_KEYS.to_vec()
    };
    for key in map.keys() {
        if !known.contains(&key.as_str()) {
            problems.push(src.problem(
                &KeyPath::sub("sinks", index, key),
                format!("`sinks[{index}]`: {}", unknown_key(key, &known, "key")),
            ));
        }
    }
    let mut f = Fields {
        map,
        table: "sinks",
        index,
        src,
        problems,
    };
    let path = f.required_string("path");
    let kind = f.required_string("kind");
    if let Some(k) = &kind {
        if !SINK_KINDS.contains(&k.as_str()) {
            let msg = format!(
                "`sinks[{index}].kind`: {}",
                unknown_key(k, SINK_KINDS, "sink kind")
            );
            f.push("kind", msg);
        }
    }
    let region = f.string("region");
    if let Some(r) = region.as_deref().filter(|r| !known_region(r)) {
        let msg = unknown_region(&format!("sinks[{index}].region"), r);
        f.push("region", msg);
    }
    let sink = LibrarySink {
        path: path.unwrap_or_default(),
        kind: kind.unwrap_or_default(),
        region,
        recipient: f.string("recipient"),
        purpose: f.string("purpose"),
        encrypted: f.boolean("encrypted"),
        persistent: f.boolean("persistent"),
        retention_days: f.count("retention_days"),
        args: None,
        self_is_data: false,
        delete: f.choice("op", &["write", "delete"]).as_deref() == Some("delete"),
        methods: f.strings("methods"),
        macros: f.strings("macros"),
        sent_by: f.strings("sent_by"),
        fills: f.strings("fills"),
        sql_writes: f.choice("sql", &["writes"]).is_some(),
        result_is_output: f.choice("result", &["database"]).is_some(),
        name: f.string("name"),
        krate: f.string("crate"),
    };
    let (args, self_is_data) = f.indices("args");
    let sink = LibrarySink {
        args,
        self_is_data,
        ..sink
    };
    (problems.len() == before).then_some(sink)
}

/// Whether a `rules` entry names a pack: a built-in id, or a pack file (`.toml`, or a path).
pub(crate) fn is_pack(entry: &str) -> bool {
    crate::rules::pack::BUILTIN
        .iter()
        .any(|(id, _)| *id == entry)
        || entry.ends_with(".toml")
        || entry.contains('/')
        || entry.contains('\\')
}

/// The message of a `rules` entry that names no pack (the driver drops its own, file-less one).
pub(crate) fn unknown_pack(entry: &str) -> String {
    let known: Vec<&str> = crate::rules::pack::BUILTIN
        .iter()
        .map(|(id, _)| *id)
        .collect();
    let mut msg = format!(
        "unknown rule pack `{entry}` in `rules` (built-in packs: {}; or give a path to a .toml pack)",
        known.join(", ")
    );
    if let Some(best) = super::did_you_mean::closest(entry, known.iter().copied()) {
        msg.push_str(&format!(" (did you mean `{best}`?)"));
    }
    msg
}

/// Whether privflow can map `region` to a country (as the region rules need), or it is the
/// declared `"unknown"`.
fn known_region(region: &str) -> bool {
    if region == crate::rules::regions::UNKNOWN_REGION {
        return true;
    }
    static REGIONS: std::sync::OnceLock<crate::rules::regions::Regions> =
        std::sync::OnceLock::new();
    REGIONS
        .get_or_init(crate::rules::regions::Regions::builtin)
        .country(region)
        .is_some()
}

fn unknown_region(key: &str, region: &str) -> String {
    format!(
        "`{key}`: unknown region `{region}`: use an ISO 3166-1 alpha-2 code (\"DE\") or a known cloud region id (\"eu-central-1\")"
    )
}

/// The entries of one array of tables (`types`, `sources`, ...): each a table with only
/// `known` keys, read by `read` (which reports what is wrong through its [`Fields`]). `None`
/// when anything was wrong (the other entries are still checked).
fn entries<T>(
    key: &'static str,
    value: &Value,
    src: &TableSource,
    known: &[&str],
    problems: &mut Vec<Problem>,
    mut read: impl FnMut(&mut Fields<'_, '_>) -> Option<T>,
) -> Option<Vec<T>> {
    let Value::Array(items) = value else {
        problems.push(src.problem(
            &KeyPath::top(key),
            format!(
                "`{key}` must be an array of tables (`[[..{key}]]`), found {}",
                type_name(value)
            ),
        ));
        return None;
    };
    let before = problems.len();
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Value::Object(map) = item else {
            problems.push(src.problem(
                &KeyPath::item(key, index),
                format!(
                    "`{key}[{index}]` must be a table, found {}",
                    type_name(item)
                ),
            ));
            continue;
        };
        for k in map.keys() {
            if !known.contains(&k.as_str()) {
                problems.push(src.problem(
                    &KeyPath::sub(key, index, k),
                    format!("`{key}[{index}]`: {}", unknown_key(k, known, "key")),
                ));
            }
        }
        let mut f = Fields {
            map,
            table: key,
            index,
            src,
            problems,
        };
        if let Some(t) = read(&mut f) {
            out.push(t);
        }
    }
    (problems.len() == before).then_some(out)
}

/// Whether `path` can be a full Rust path to a library item: two or more identifiers joined by
/// `::` (`crate::Type`, `crate::Type::method`, `crate::function`).
fn is_full_path(path: &str) -> bool {
    let segs: Vec<&str> = path.split("::").collect();
    segs.len() >= 2
        && segs.iter().all(|s| {
            let s = s.strip_prefix("r#").unwrap_or(s);
            let mut cs = s.chars();
            matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic())
                && cs.all(|c| c == '_' || c.is_alphanumeric())
                && s != "_"
        })
}

/// A fideslang key: lowercase words (letters, digits, `_`) joined by `.`.
fn is_dotted_key(key: &str) -> bool {
    !key.is_empty()
        && key.split('.').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c == '_' || c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The fields of one entry of an array of tables, each checked for its type.
struct Fields<'a, 'p> {
    map: &'a Map<String, Value>,
    /// `sinks`, `types`, ...
    table: &'static str,
    index: usize,
    src: &'a TableSource<'a>,
    problems: &'p mut Vec<Problem>,
}

impl Fields<'_, '_> {
    fn push(&mut self, key: &str, message: String) {
        let p = self
            .src
            .problem(&KeyPath::sub(self.table, self.index, key), message);
        self.problems.push(p);
    }

    /// Where the entry is: its `path` key (else the entry's table header, else the table).
    fn place(&self) -> ConfigPlace {
        let at = self.src.text.and_then(|t| {
            find_place(
                t,
                self.src.table,
                &KeyPath::sub(self.table, self.index, "path"),
            )
        });
        ConfigPlace {
            manifest: self.src.manifest.to_string(),
            line: at.map_or(0, |(l, _)| l),
            column: at.map_or(0, |(_, c)| c),
            span: Span::default(),
        }
    }

    /// The required `path`, which must be a full Rust path.
    fn path(&mut self) -> Option<String> {
        let path = self.required_string("path")?;
        if is_full_path(&path) {
            return Some(path);
        }
        let msg = format!(
            "`{}[{}].path`: `{path}` is not a full Rust path (`crate::Type`, `crate::Type::method` or `crate::function`)",
            self.table, self.index
        );
        self.push("path", msg);
        None
    }

    /// `binds`: a 0-based argument index (`self` not counted).
    fn binds(&mut self) -> Option<u32> {
        let value = self.map.get("binds")?;
        match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.wrong("binds", "a 0-based argument index (0, 1, ...)", value);
                None
            }
        }
    }

    /// The entry's `pii` or `phi` (one of them): `true`, or a table of `category`, `subject`,
    /// `purposes`.
    fn tag(&mut self) -> Option<LibraryTag> {
        let (table, index) = (self.table, self.index);
        let (key, value) = match (self.map.get("pii"), self.map.get("phi")) {
            (Some(v), None) => ("pii", v),
            (None, Some(v)) => ("phi", v),
            (Some(_), Some(_)) => {
                let msg = format!("`{table}[{index}]` sets both `pii` and `phi`: set one (PHI is personal data too)");
                self.push("phi", msg);
                return None;
            }
            (None, None) => {
                let msg = format!("`{table}[{index}]` is missing the required key `pii` or `phi` (`pii = true`, or `pii = {{ category = \"user.contact\" }}`)");
                let p = self.src.problem(&KeyPath::item(table, index), msg);
                self.problems.push(p);
                return None;
            }
        };
        let phi = key == "phi";
        let mut tag = LibraryTag {
            phi,
            category: if phi {
                "user.health_and_medical".to_string()
            } else {
                "user".to_string()
            },
            subject: None,
            purposes: Vec::new(),
        };
        let map = match value {
            Value::Bool(true) => return Some(tag),
            Value::Object(map) => map,
            other => {
                self.wrong(key, "`true` or a table (`{ category = \"..\" }`)", other);
                return None;
            }
        };
        let before = self.problems.len();
        let push = |this: &mut Self, inner: &str, msg: String| {
            let p = this
                .src
                .problem(&KeyPath::inner(table, index, key, inner), msg);
            this.problems.push(p);
        };
        for (k, v) in map {
            let at = format!("`{table}[{index}].{key}.{k}`");
            match (k.as_str(), v) {
                ("category", Value::String(c)) => {
                    let c = crate::hir::annots::normalize_category(c);
                    let root = c.split('.').nth(1);
                    let known = is_dotted_key(&c)
                        && root.map_or(true, |r| USER_CATEGORY_ROOTS.contains(&r));
                    if known {
                        tag.category = c;
                    } else {
                        let mut msg = format!(
                            "{at}: `{c}` is not a fideslang data category (`user.` then one of {})",
                            USER_CATEGORY_ROOTS.join(", ")
                        );
                        if let Some(best) = root.and_then(|r| {
                            super::did_you_mean::closest(r, USER_CATEGORY_ROOTS.iter().copied())
                        }) {
                            msg.push_str(&format!(" (did you mean `user.{best}`?)"));
                        }
                        push(self, k, msg);
                    }
                }
                ("subject", Value::String(s)) => tag.subject = Some(s.clone()),
                ("purposes", Value::Array(items)) if items.iter().all(Value::is_string) => {
                    tag.purposes = items
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect();
                }
                ("category" | "subject", other) => {
                    let msg = format!("{at} must be a string, found {}", type_name(other));
                    push(self, k, msg);
                }
                ("purposes", other) => {
                    let msg = format!(
                        "{at} must be an array of strings, found {}",
                        type_name(other)
                    );
                    push(self, k, msg);
                }
                _ => {
                    let msg = format!(
                        "`{table}[{index}].{key}`: {}",
                        unknown_key(k, TAG_KEYS, "key")
                    );
                    push(self, k, msg);
                }
            }
        }
        (self.problems.len() == before).then_some(tag)
    }

    fn wrong(&mut self, key: &str, expected: &str, found: &Value) {
        let msg = format!(
            "`{}[{}].{key}` must be {expected}, found {}",
            self.table,
            self.index,
            type_name(found)
        );
        self.push(key, msg);
    }

    fn required_string(&mut self, key: &str) -> Option<String> {
        if self.map.contains_key(key) {
            self.string(key)
        } else {
            let msg = format!(
                "`{}[{}]` is missing the required key `{key}`",
                self.table, self.index
            );
            let p = self
                .src
                .problem(&KeyPath::item(self.table, self.index), msg);
            self.problems.push(p);
            None
        }
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.map.get(key)? {
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong(key, "a string", other);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.map.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong(key, "a boolean", other);
                None
            }
        }
    }

    fn count(&mut self, key: &str) -> Option<u64> {
        let value = self.map.get(key)?;
        match value.as_u64() {
            Some(n) => Some(n),
            None => {
                self.wrong(key, "a non-negative integer", value);
                None
            }
        }
    }

    /// `args`: argument indices, and `"self"` for the receiver (SPEC §5).
    fn indices(&mut self, key: &str) -> (Option<Vec<u32>>, bool) {
        let Some(value) = self.map.get(key) else {
            return (None, false);
        };
        let is_self = |v: &Value| v.as_str() == Some("self");
        let parsed: Option<Vec<u32>> = value.as_array().and_then(|items| {
            items
                .iter()
                .filter(|v| !is_self(v))
                .map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
                .collect()
        });
        let self_is_data = value
            .as_array()
            .is_some_and(|items| items.iter().any(is_self));
        if parsed.is_none() {
            let found = match value {
                Value::Array(items) => items
                    .iter()
                    .find(|v| v.as_u64().is_none() && !is_self(v))
                    .map(|v| format!("an array holding {}", type_name(v)))
                    .unwrap_or_else(|| "an index that is too large".to_string()),
                other => type_name(other).to_string(),
            };
            let msg = format!(
                "`{}[{}].{key}` must be an array of argument indices (0, 1, ...) and `\"self\"`, found {found}",
                self.table, self.index
            );
            self.push(key, msg);
        }
        (parsed, self_is_data)
    }

    fn strings(&mut self, key: &str) -> Option<Vec<String>> {
        let value = self.map.get(key)?;
        let parsed: Option<Vec<String>> = value.as_array().and_then(|items| {
            items
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect()
        });
        if parsed.is_none() {
            self.wrong(key, "an array of strings", value);
        }
        parsed
    }

    /// A string that must be one of `allowed`.
    fn choice(&mut self, key: &str, allowed: &[&str]) -> Option<String> {
        self.choice_of(key, allowed, "value")
    }

    /// A string that must be one of `allowed` (`what` they are, for the message).
    fn choice_of(&mut self, key: &str, allowed: &[&str], what: &str) -> Option<String> {
        let s = self.string(key)?;
        if allowed.contains(&s.as_str()) {
            Some(s)
        } else {
            let msg = format!(
                "`{}[{}].{key}`: {}",
                self.table,
                self.index,
                unknown_key(&s, allowed, what)
            );
            self.push(key, msg);
            None
        }
    }
}

/// "unknown key `x`; expected one of `a`, `b` (did you mean `y`?)"
fn unknown_key(key: &str, known: &[&str], what: &str) -> String {
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut msg = format!("unknown {what} `{key}`; expected one of {list}");
    if let Some(best) = super::did_you_mean::closest(key, known.iter().copied()) {
        msg.push_str(&format!(" (did you mean `{best}`?)"));
    }
    msg
}

/// How TOML calls the type of a value, with its article.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a float",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "a table",
    }
}

/// The 1-based line and column of `key` inside `[table]` (or of the `[[table.array]]` entry it
/// is in; the column of `inner` when that line holds it), best effort.
fn find_place(text: &str, table: &str, key: &KeyPath) -> Option<(u32, u32)> {
    let header = format!("[{table}]");
    // A catalogue file's entries are top-level `[[sinks]]`.
    let array = key.key.as_deref().unwrap_or("sinks");
    let entry_header = if table.is_empty() {
        format!("[[{array}]]")
    } else {
        format!("[[{table}.{array}]]")
    };
    let mut in_table = false;
    let mut table_at = None;
    let mut seen = 0usize;
    let mut in_entry = None::<usize>;
    let mut entry_at = None;
    let mut key_at = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).ok()?;
        let code = raw.split('#').next().unwrap_or("");
        let line: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        // 1-based column (in characters) of the line's first character that is not blank.
        let indent = raw.chars().take_while(|c| c.is_whitespace()).count() as u32 + 1;
        if line.starts_with('[') {
            in_table = line == header;
            in_entry = None;
            if in_table {
                table_at = Some((line_no, indent));
            }
            // `[table.key]`: a key written as a table of its own.
            let sub_table = !table.is_empty() && line == format!("[{table}.{array}]");
            if sub_table && key.index.is_none() && key.key.is_some() && entry_at.is_none() {
                entry_at = Some((line_no, indent));
            }
            if line == entry_header {
                in_entry = Some(seen);
                // The entry, or (for the whole array) its first entry.
                let whole = key.index.is_none() && entry_at.is_none();
                if key.index == Some(seen) || whole {
                    entry_at = Some((line_no, indent));
                }
                seen += 1;
            }
            continue;
        }
        let Some(top) = &key.key else { continue };
        if in_table && key_at.is_none() && line.starts_with(&format!("{top}=")) {
            key_at = Some((line_no, indent));
        }
        if let (Some(i), Some(sub)) = (in_entry, &key.sub) {
            if key.index == Some(i) && line.starts_with(&format!("{sub}=")) {
                let col = key
                    .inner
                    .as_deref()
                    .and_then(|inner| {
                        let (_, rest) = code.split_once('=')?;
                        let at = rest.find(inner)?;
                        let before = code.len() - rest.len() + at;
                        Some(code[..before].chars().count() as u32 + 1)
                    })
                    .unwrap_or(indent);
                return Some((line_no, col));
            }
        }
    }
    entry_at.or(key_at).or(table_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn src(text: Option<&str>) -> TableSource<'_> {
        TableSource {
            manifest: "Cargo.toml",
            table: "package.metadata.privflow",
            text,
        }
    }

    #[test]
    fn sink_entries_take_op_methods_and_self() {
        let mut problems = Vec::new();
        let v = json!({"sinks": [
            {"path": "vendor::Store", "kind": "storage", "methods": ["put"], "args": ["self", 1]},
            {"path": "vendor::Store::remove", "kind": "storage", "op": "delete"},
            {"path": "x::y", "kind": "log", "op": "erase", "sent_by": ["send"]}]});
        let raw = parse(Some(&v), &src(None), &mut problems);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        // `op` must be write or delete; `sent_by` is the catalogue's own key.
        assert_eq!(problems.len(), 2, "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("`sinks[2].op`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("unknown key `sent_by`")),
            "{messages:?}"
        );
        assert!(raw.sinks.is_none());
        let mut problems = Vec::new();
        let v = json!({"sinks": [
            {"path": "vendor::Store", "kind": "storage", "methods": ["put"], "args": ["self", 1]},
            {"path": "vendor::Store::remove", "kind": "storage", "op": "delete"}]});
        let sinks = parse(Some(&v), &src(None), &mut problems)
            .sinks
            .unwrap_or_default();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sinks[0].methods, Some(vec!["put".to_string()]));
        assert_eq!(sinks[0].args, Some(vec![1]));
        assert!(sinks[0].self_is_data && !sinks[0].delete);
        assert!(sinks[1].delete);
    }

    #[test]
    fn reads_a_well_formed_table() {
        let mut problems = Vec::new();
        let v = json!({"rules": ["visus"], "region": "DE", "skip": ["src/gen.rs"],
            "sinks": [{"path": "aws::put", "kind": "storage", "encrypted": true, "args": [0]}]});
        let raw = parse(Some(&v), &src(None), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(raw.rules, Some(vec!["visus".to_string()]));
        assert_eq!(raw.region.as_deref(), Some("DE"));
        let sinks = raw.sinks.unwrap_or_default();
        assert_eq!(sinks.len(), 1);
        assert_eq!(sinks[0].encrypted, Some(true));
        assert_eq!(sinks[0].args, Some(vec![0]));
    }

    #[test]
    fn reports_every_problem_with_manifest_table_key_and_line() {
        let text = "[package]\nname = \"x\"\n\n[package.metadata.privflow]\nregion = [\"x\"]\nunknown_key = 1\n";
        let v = json!({"region": ["x"], "unknown_key": 1});
        let mut problems = Vec::new();
        parse(Some(&v), &src(Some(text)), &mut problems);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(problems.len(), 2, "{messages:?}");
        assert!(messages.contains(
            &"Cargo.toml: [package.metadata.privflow] `region` must be a string, found an array"
        ));
        assert!(messages
            .iter()
            .any(|m| m.contains("unknown key `unknown_key`")));
        let lines: Vec<Option<u32>> = problems.iter().map(|p| p.line).collect();
        assert!(
            lines.contains(&Some(5)) && lines.contains(&Some(6)),
            "{lines:?}"
        );
    }

    #[test]
    fn checks_sink_entries() {
        let text = "[package.metadata.privflow]\n[[package.metadata.privflow.sinks]]\npath = \"a\"\nkind = \"logs\"\nencrypted = \"yes\"\n";
        let v = json!({"sinks": [{"path": "a", "kind": "logs", "encrypted": "yes", "regoin": "DE"}, 3]});
        let mut problems = Vec::new();
        let raw = parse(Some(&v), &src(Some(text)), &mut problems);
        assert!(raw.sinks.is_none());
        let all = problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            all.contains("`sinks[0].kind`: unknown sink kind `logs`"),
            "{all}"
        );
        assert!(all.contains("did you mean `log`?"), "{all}");
        assert!(
            all.contains("`sinks[0].encrypted` must be a boolean, found a string"),
            "{all}"
        );
        assert!(all.contains("did you mean `region`?"), "{all}");
        assert!(
            all.contains("`sinks[1]` must be a table, found an integer"),
            "{all}"
        );
        let enc = problems
            .iter()
            .find(|p| p.message.contains("must be a boolean"));
        assert_eq!(enc.and_then(|p| p.line), Some(5));
    }

    #[test]
    fn package_keys_win_over_workspace_keys() {
        let ws = RawConfig {
            rules: Some(vec!["visus".into()]),
            region: Some("DE".into()),
            ..RawConfig::default()
        };
        let pkg = RawConfig {
            region: Some("US".into()),
            ..RawConfig::default()
        };
        let merged = pkg.over(&ws);
        assert_eq!(merged.rules, vec!["visus".to_string()]);
        assert_eq!(merged.region.as_deref(), Some("US"));
    }

    #[test]
    fn a_non_table_is_reported() {
        let mut problems = Vec::new();
        parse(Some(&json!("x")), &src(None), &mut problems);
        assert_eq!(
            problems[0].message,
            "Cargo.toml: [package.metadata.privflow] must be a table, found a string"
        );
    }

    /// Parses a manifest's `[package.metadata.privflow]` as cargo metadata would hand it over.
    fn parse_manifest(text: &str) -> (RawConfig, Vec<Problem>) {
        let v: Value = toml::from_str(text).expect("test manifest parses");
        let mut problems = Vec::new();
        let raw = parse(
            v.pointer("/package/metadata/privflow"),
            &src(Some(text)),
            &mut problems,
        );
        (raw, problems)
    }

    /// The one problem whose message holds `needle`, with its line and column.
    fn located(problems: &[Problem], needle: &str) -> (String, u32, u32) {
        let hits: Vec<&Problem> = problems
            .iter()
            .filter(|p| p.message.contains(needle))
            .collect();
        assert_eq!(hits.len(), 1, "`{needle}` in {problems:#?}");
        let p = hits[0];
        assert_eq!(p.file.as_deref(), Some("Cargo.toml"));
        assert_eq!(p.kind, ProblemKind::Config);
        (
            p.message.clone(),
            p.line.expect("a line"),
            p.column.expect("a column"),
        )
    }

    const LIBRARY_ITEMS: &str = r#"[package]
name = "app"

[package.metadata.privflow]
rules = ["baseline"]

[[package.metadata.privflow.types]]
path = "actix_identity::Identity"
pii = { category = "authorization.credentials", subject = "customer", purposes = ["essential.service"] }

[[package.metadata.privflow.types]]
path = "fhir::Observation"
phi = true

[[package.metadata.privflow.sources]]
path = "vendor_crm::Client::fetch_contact"
pii = { category = "user.contact" }

[[package.metadata.privflow.sanitizers]]
path = "blake3::keyed_hash"
kind = "hash"

[[package.metadata.privflow.checks]]
path = "auth_lib::Session::can_read"
name = "auth.patient_access"
binds = 0

[[package.metadata.privflow.consents]]
path = "consent_sdk::Client::has_opt_in"
purpose = "analytics"
binds = 1

[[package.metadata.privflow.sinks]]
path = "vendor_metrics::Metric::try_send"
kind = "analytics"
args = ["self", 0]
"#;

    #[test]
    fn reads_library_items_with_their_places() {
        let (raw, problems) = parse_manifest(LIBRARY_ITEMS);
        assert!(problems.is_empty(), "{problems:#?}");
        let cfg = raw.over(&RawConfig::default());
        let lib = &cfg.library;
        assert_eq!(lib.types.len(), 2);
        let t = &lib.types[0];
        assert_eq!(t.path, "actix_identity::Identity");
        assert!(!t.tag.phi);
        assert_eq!(t.tag.category, "user.authorization.credentials");
        assert_eq!(t.tag.subject.as_deref(), Some("customer"));
        assert_eq!(t.tag.purposes, vec!["essential.service".to_string()]);
        assert_eq!(
            (
                t.location.manifest.as_str(),
                t.location.line,
                t.location.column
            ),
            ("Cargo.toml", 8, 1)
        );
        // `phi = true`: the default health category.
        assert!(lib.types[1].tag.phi);
        assert_eq!(lib.types[1].tag.category, "user.health_and_medical");
        assert_eq!(lib.sources[0].path, "vendor_crm::Client::fetch_contact");
        assert_eq!(lib.sources[0].tag.category, "user.contact");
        assert_eq!(lib.sources[0].location.line, 16);
        assert_eq!(lib.sanitizers[0].kind, "hash");
        assert_eq!(lib.checks[0].name, "auth.patient_access");
        assert_eq!(lib.checks[0].binds, Some(0));
        assert_eq!(lib.checks[0].location.line, 24);
        assert_eq!(lib.consents[0].purpose, "analytics");
        assert_eq!(lib.consents[0].binds, Some(1));
        // `args = ["self", 0]`: the receiver and the first argument are data.
        assert_eq!(cfg.sinks[0].args, Some(vec![0]));
        assert!(cfg.sinks[0].self_is_data);
    }

    #[test]
    fn a_package_list_replaces_the_workspace_list() {
        let (ws, _) = parse_manifest(LIBRARY_ITEMS);
        let pkg = RawConfig {
            sanitizers: Some(Vec::new()),
            ..RawConfig::default()
        };
        let merged = pkg.over(&ws);
        assert!(merged.library.sanitizers.is_empty());
        assert_eq!(merged.library.types.len(), 2);
    }

    #[test]
    fn unknown_keys_of_library_items_are_located_with_a_suggestion() {
        let text = "[package.metadata.privflow]\n\n[[package.metadata.privflow.sanitizers]]\npath = \"blake3::keyed_hash\"\nknd = \"hash\"\n\n[[package.metadata.privflow.types]]\npath = \"a::B\"\npii = { categroy = \"user.contact\" }\n\n[package.metadata.privflow.extra]\n\n[[package.metadata.privflow.sanitiser]]\npath = \"a::b\"\n";
        let (raw, problems) = parse_manifest(text);
        assert!(raw.sanitizers.is_none() && raw.types.is_none());
        let (msg, line, col) = located(&problems, "unknown key `knd`");
        assert!(msg.contains("`sanitizers[0]`"), "{msg}");
        assert!(msg.contains("did you mean `kind`?"), "{msg}");
        assert_eq!((line, col), (5, 1));
        // The missing `kind` is reported too, at the entry.
        let (_, line, col) = located(&problems, "missing the required key `kind`");
        assert_eq!((line, col), (3, 1));
        let (msg, line, col) = located(&problems, "unknown key `extra`");
        assert!(
            msg.contains("did you mean `types`?") || msg.contains("expected one of"),
            "{msg}"
        );
        assert_eq!((line, col), (11, 1));
        let (msg, line, col) = located(&problems, "unknown key `categroy`");
        assert!(msg.contains("`types[0].pii`"), "{msg}");
        assert!(msg.contains("did you mean `category`?"), "{msg}");
        assert_eq!((line, col), (9, 9));
        let (msg, line, col) = located(&problems, "unknown key `sanitiser`");
        assert!(msg.contains("did you mean `sanitizers`?"), "{msg}");
        assert_eq!((line, col), (13, 1));
    }

    #[test]
    fn wrong_value_types_of_library_items_are_located() {
        let text = "[package.metadata.privflow]\n[[package.metadata.privflow.consents]]\npath = \"consent_sdk::Client::has_opt_in\"\npurpose = \"analytics\"\nbinds = \"0\"\n[[package.metadata.privflow.sources]]\npath = \"crm::fetch\"\npii = \"yes\"\n[[package.metadata.privflow.checks]]\npath = 7\nname = \"auth.read\"\n[[package.metadata.privflow.types]]\npath = \"a::B\"\nphi = { purposes = \"care\" }\n";
        let (raw, problems) = parse_manifest(text);
        assert!(raw.consents.is_none() && raw.sources.is_none() && raw.checks.is_none());
        let (_, line, col) = located(
            &problems,
            "`consents[0].binds` must be a 0-based argument index",
        );
        assert_eq!((line, col), (5, 1));
        let (_, line, _) = located(&problems, "`sources[0].pii` must be `true` or a table");
        assert_eq!(line, 8);
        let (_, line, _) = located(
            &problems,
            "`checks[0].path` must be a string, found an integer",
        );
        assert_eq!(line, 10);
        let (_, line, col) = located(
            &problems,
            "`types[0].phi.purposes` must be an array of strings, found a string",
        );
        assert_eq!((line, col), (14, 9));
        let mut problems = Vec::new();
        parse(
            Some(&json!({"types": {"path": "a::B"}})),
            &src(None),
            &mut problems,
        );
        assert!(problems[0]
            .message
            .contains("`types` must be an array of tables"));
    }

    #[test]
    fn a_path_that_cannot_be_a_rust_path_is_located() {
        let text = "[package.metadata.privflow]\n[[package.metadata.privflow.types]]\npath = \"Identity\"\npii = true\n[[package.metadata.privflow.sanitizers]]\n  path = \"blake3::keyed hash\"\n  kind = \"hash\"\n[[package.metadata.privflow.checks]]\npath = \"auth_lib::\"\nname = \"auth.read\"\n";
        let (_, problems) = parse_manifest(text);
        let (_, line, col) = located(
            &problems,
            "`types[0].path`: `Identity` is not a full Rust path",
        );
        assert_eq!((line, col), (3, 1));
        let (_, line, col) = located(&problems, "`blake3::keyed hash` is not a full Rust path");
        assert_eq!((line, col), (6, 3));
        located(&problems, "`auth_lib::` is not a full Rust path");
        assert!(is_full_path("vendor_crm::Client::fetch_contact") && is_full_path("r#async::f"));
        assert!(!is_full_path("a::_") && !is_full_path("::a") && !is_full_path("a::1b"));
    }

    #[test]
    fn missing_required_keys_of_library_items_are_located() {
        let text = "[package.metadata.privflow]\n[[package.metadata.privflow.sources]]\npath = \"crm::fetch\"\n[[package.metadata.privflow.checks]]\nbinds = 0\n[[package.metadata.privflow.consents]]\npath = \"sdk::opted_in\"\n[[package.metadata.privflow.types]]\npath = \"a::B\"\npii = true\nphi = true\n";
        let (_, problems) = parse_manifest(text);
        let (_, line, col) = located(
            &problems,
            "`sources[0]` is missing the required key `pii` or `phi`",
        );
        assert_eq!((line, col), (2, 1));
        let (_, line, _) = located(&problems, "`checks[0]` is missing the required key `path`");
        assert_eq!(line, 4);
        located(&problems, "`checks[0]` is missing the required key `name`");
        let (_, line, _) = located(
            &problems,
            "`consents[0]` is missing the required key `purpose`",
        );
        assert_eq!(line, 6);
        let (_, line, _) = located(&problems, "`types[0]` sets both `pii` and `phi`");
        assert_eq!(line, 11);
    }

    #[test]
    fn unknown_sanitizer_kinds_and_categories_are_located_with_a_suggestion() {
        let text = "[package.metadata.privflow]\n[[package.metadata.privflow.sanitizers]]\npath = \"blake3::keyed_hash\"\nkind = \"hashh\"\n[[package.metadata.privflow.types]]\npath = \"a::B\"\npii = { subject = \"customer\", category = \"user.contcat.email\" }\n[[package.metadata.privflow.sources]]\npath = \"a::fetch\"\nphi = { category = \"Health\" }\n[[package.metadata.privflow.consents]]\npath = \"sdk::opted_in\"\npurpose = \"Analytics Reporting\"\n";
        let (_, problems) = parse_manifest(text);
        let (msg, line, col) = located(&problems, "unknown sanitizer kind `hashh`");
        assert!(
            msg.contains("`sanitizers[0].kind`") && msg.contains("did you mean `hash`?"),
            "{msg}"
        );
        assert_eq!((line, col), (4, 1));
        let (msg, line, col) = located(
            &problems,
            "`user.contcat.email` is not a fideslang data category",
        );
        assert!(msg.contains("did you mean `user.contact`?"), "{msg}");
        assert_eq!((line, col), (7, 31));
        located(&problems, "`user.Health` is not a fideslang data category");
        let (_, line, _) = located(
            &problems,
            "`Analytics Reporting` is not a fideslang data-use key",
        );
        assert_eq!(line, 13);
    }
}

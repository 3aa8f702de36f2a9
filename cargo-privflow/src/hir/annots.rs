//! privflow's attributes, read from the IR's raw attributes (SPEC §1).
//!
//! The macros crate rejects malformed attributes at compile time; the analyzer reads source that
//! may not compile, so it checks again and reports what it cannot read instead of guessing.

use crate::syntax::ir::{AttrValue, Name, RawAttr, Span};

/// Personal data, or health data (which is personal data too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DataClass {
    Pii,
    Phi,
}

impl DataClass {
    pub fn as_str(self) -> &'static str {
        match self {
            DataClass::Pii => "pii",
            DataClass::Phi => "phi",
        }
    }
}

/// A `#[pii(..)]`/`#[phi(..)]` tag on a field or type, or a `source` fn's tag.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DataTag {
    pub class: DataClass,
    /// Fideslang key, always `user.`-prefixed.
    pub category: String,
    pub subject: Option<String>,
    pub purposes: Vec<String>,
    pub span: Span,
}

pub use crate::model::SINK_KINDS;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SinkSpec {
    pub kind: String,
    pub region: Option<String>,
    pub recipient: Option<String>,
    pub purpose: Option<String>,
    pub encrypted: bool,
    pub persistent: bool,
    pub retention_days: Option<u64>,
    /// 0-based parameter indices, `self` not counted; `None` = all but `self`.
    pub args: Option<Vec<u32>>,
    /// The receiver is data too (catalogued builder sinks such as `query.execute()`).
    pub self_is_data: bool,
    /// `op = "delete"`: the call deletes what it receives (SPEC §5); not a write.
    pub delete: bool,
    /// `stores = "Type"`: the workspace type whose records this storage sink holds.
    pub stores: Option<Name>,
}

impl SinkSpec {
    pub fn new(kind: &str) -> SinkSpec {
        SinkSpec {
            kind: kind.to_string(),
            region: None,
            recipient: None,
            purpose: None,
            encrypted: false,
            persistent: default_persistent(kind),
            retention_days: None,
            args: None,
            self_is_data: false,
            delete: false,
            stores: None,
        }
    }
}

pub fn default_persistent(kind: &str) -> bool {
    matches!(kind, "storage" | "log" | "device")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sanitizer {
    Encrypt,
    Anonymize,
    Pseudonymize,
    Hash,
    Redact,
}

impl Sanitizer {
    pub const ALL: [Sanitizer; 5] = [
        Sanitizer::Encrypt,
        Sanitizer::Anonymize,
        Sanitizer::Pseudonymize,
        Sanitizer::Hash,
        Sanitizer::Redact,
    ];
    pub fn parse(s: &str) -> Option<Sanitizer> {
        Some(match s {
            "encrypt" => Sanitizer::Encrypt,
            "anonymize" => Sanitizer::Anonymize,
            "pseudonymize" => Sanitizer::Pseudonymize,
            "hash" => Sanitizer::Hash,
            "redact" => Sanitizer::Redact,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Sanitizer::Encrypt => "encrypt",
            Sanitizer::Anonymize => "anonymize",
            Sanitizer::Pseudonymize => "pseudonymize",
            Sanitizer::Hash => "hash",
            Sanitizer::Redact => "redact",
        }
    }
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// `#[privflow::allow(rule = "..", reason = "..")]` or a `// privflow-allow:` comment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AllowAnn {
    pub rule: String,
    pub reason: String,
    pub span: Span,
}

/// `#[privflow::check(name = "..", binds = N)]` (SPEC §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckAnn {
    pub name: String,
    /// 0-based parameter index (`self` not counted) of the value the check is about.
    pub binds: Option<u32>,
}

/// `#[privflow::guarded(by = [..], binds = N)]` (SPEC §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardedAnn {
    pub by: Vec<String>,
    pub binds: Option<u32>,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct FnAnnots {
    pub sink: Option<SinkSpec>,
    pub sanitizer: Option<Sanitizer>,
    pub consent: Option<String>,
    /// `binds = N` on `#[privflow::consent]`: the consent holds only for that argument's value.
    pub consent_binds: Option<u32>,
    pub check: Option<CheckAnn>,
    pub guarded: Option<GuardedAnn>,
    pub source: Option<DataTag>,
    /// `#[privflow::source(.., param = "phone")]`: parameters that are tagged data inside the
    /// function, by name.
    pub param_sources: Vec<(Name, DataTag)>,
    pub erases: Vec<Vec<Name>>,
    /// Where `#[privflow::erases]` is written (what `erasure-not-reached` reports at).
    pub erases_span: Option<Span>,
    pub allows: Vec<AllowAnn>,
}

/// Result of reading one attribute: a value, or a message for the user.
pub type Read<T> = Result<T, String>;

/// Normalises a category: `contact.email` → `user.contact.email`.
pub fn normalize_category(c: &str) -> String {
    if c == "user" || c.starts_with("user.") {
        c.to_string()
    } else {
        format!("user.{c}")
    }
}

fn str_list(v: &AttrValue, key: &str) -> Read<Vec<String>> {
    match v {
        AttrValue::List(items) => items
            .iter()
            .map(|i| match i {
                AttrValue::Str(s) => Ok(s.clone()),
                _ => Err(format!("`{key}` must be a list of strings")),
            })
            .collect(),
        _ => Err(format!(
            "`{key}` must be a list of strings, e.g. `{key} = [\"essential.service\"]`"
        )),
    }
}

fn check_keys(a: &RawAttr, allowed: &[&str]) -> Read<()> {
    if let Some(m) = &a.malformed {
        return Err(format!(
            "cannot read the arguments of `#[{}]`: {m}",
            a.last()
        ));
    }
    for (k, _, _) in &a.keys {
        if !allowed.contains(&&**k) {
            return Err(format!(
                "unknown key `{k}` in `#[{}]` (expected one of: {})",
                a.last(),
                allowed.join(", ")
            ));
        }
    }
    Ok(())
}

/// `#[pii]`, `#[phi(category = "..", subject = "..", purposes = [..])]`.
pub fn read_data_tag(a: &RawAttr, class: DataClass) -> Read<DataTag> {
    check_keys(a, &["category", "subject", "purposes"])?;
    let mut tag = DataTag {
        class,
        category: match class {
            DataClass::Pii => "user".to_string(),
            DataClass::Phi => "user.health_and_medical".to_string(),
        },
        subject: None,
        purposes: Vec::new(),
        span: a.span,
    };
    for (k, v, _) in &a.keys {
        match (&**k, v) {
            ("category", AttrValue::Str(s)) => tag.category = normalize_category(s),
            ("subject", AttrValue::Str(s)) => tag.subject = Some(s.clone()),
            ("purposes", v) => tag.purposes = str_list(v, "purposes")?,
            (k, _) => return Err(format!("`{k}` must be a string")),
        }
    }
    Ok(tag)
}

/// `#[privflow::source(phi, category = "..")]`, and the parameter it tags (`param = ".."`), if
/// any.
pub fn read_source(a: &RawAttr) -> Read<(Option<Name>, DataTag)> {
    let mut rest = a.clone();
    let mut param = None;
    rest.keys.retain(|(k, v, _)| {
        if &**k != "param" {
            return true;
        }
        param = Some(v.clone());
        false
    });
    let param = match param {
        None => None,
        Some(AttrValue::Str(s)) => Some(Name::from(s.as_str())),
        Some(_) => return Err("`param` must be a string: the parameter's name".into()),
    };
    read_return_source(&rest).map(|tag| (param, tag))
}

fn read_return_source(a: &RawAttr) -> Read<DataTag> {
    let class =
        match a.positional.first().map(|(v, _)| v) {
            Some(AttrValue::Path(p)) if p.len() == 1 && &*p[0] == "pii" => DataClass::Pii,
            Some(AttrValue::Path(p)) if p.len() == 1 && &*p[0] == "phi" => DataClass::Phi,
            _ => return Err(
                "`#[privflow::source]` needs `pii` or `phi` first, e.g. `#[privflow::source(phi)]`"
                    .into(),
            ),
        };
    read_data_tag(a, class)
}

pub fn read_sink(a: &RawAttr) -> Read<SinkSpec> {
    check_keys(
        a,
        &[
            "kind",
            "region",
            "recipient",
            "purpose",
            "encrypted",
            "persistent",
            "retention_days",
            "args",
            "op",
            "stores",
        ],
    )?;
    let kind = match a.key("kind") {
        Some(AttrValue::Str(k)) if SINK_KINDS.contains(&k.as_str()) => k.clone(),
        Some(AttrValue::Str(k)) => {
            return Err(format!(
                "unknown sink kind `{k}` (expected one of: {})",
                SINK_KINDS.join(", ")
            ))
        }
        Some(_) => return Err("`kind` must be a string".into()),
        None => return Err("`#[privflow::sink]` needs `kind = \"..\"`".into()),
    };
    let mut spec = SinkSpec::new(&kind);
    for (k, v, _) in &a.keys {
        match (&**k, v) {
            ("kind", _) => {}
            ("region", AttrValue::Str(s)) => spec.region = Some(s.clone()),
            ("recipient", AttrValue::Str(s)) => spec.recipient = Some(s.clone()),
            ("purpose", AttrValue::Str(s)) => spec.purpose = Some(s.clone()),
            ("encrypted", AttrValue::Bool(b)) => spec.encrypted = *b,
            ("persistent", AttrValue::Bool(b)) => spec.persistent = *b,
            ("retention_days", AttrValue::Int(n)) => spec.retention_days = Some(*n),
            ("args", AttrValue::List(items)) => {
                let mut idx = Vec::new();
                for i in items {
                    match i {
                        AttrValue::Int(n) => idx.push(*n as u32),
                        AttrValue::Str(s) if s == "self" => spec.self_is_data = true,
                        _ => {
                            return Err(
                                "`args` must be a list of parameter indices or \"self\", e.g. `args = [0]`"
                                    .into(),
                            )
                        }
                    }
                }
                // `args = ["self"]`: only the receiver.
                spec.args = Some(idx);
            }
            ("op", AttrValue::Str(s)) => match s.as_str() {
                "write" => spec.delete = false,
                "delete" => spec.delete = true,
                other => {
                    return Err(format!(
                        "unknown `op` `{other}` (expected \"write\" or \"delete\")"
                    ))
                }
            },
            ("stores", AttrValue::Str(s)) => spec.stores = Some(Name::from(s.as_str())),
            ("encrypted" | "persistent", _) => {
                return Err(format!("`{k}` must be `true` or `false`"))
            }
            ("retention_days", _) => return Err("`retention_days` must be an integer".into()),
            ("args", _) => {
                return Err("`args` must be a list of parameter indices, e.g. `args = [0]`".into())
            }
            (k, _) => return Err(format!("`{k}` must be a string")),
        }
    }
    if spec.delete {
        // A deletion stores nothing (SPEC §5).
        spec.persistent = false;
    }
    Ok(spec)
}

pub fn read_sanitizer(a: &RawAttr) -> Read<Sanitizer> {
    match a.positional.as_slice() {
        [(AttrValue::Path(p), _)] if p.len() == 1 => Sanitizer::parse(&p[0]).ok_or_else(|| {
            format!("unknown sanitizer `{}` (expected encrypt, anonymize, pseudonymize, hash or redact)", p[0])
        }),
        _ => Err("`#[privflow::sanitizer]` takes one of encrypt, anonymize, pseudonymize, hash, redact".into()),
    }
}

/// `#[privflow::consent(purpose = "..", binds = N)]`: the purpose and the bound parameter.
pub fn read_consent(a: &RawAttr) -> Read<(String, Option<u32>)> {
    check_keys(a, &["purpose", "binds"])?;
    let purpose = match a.key("purpose") {
        Some(AttrValue::Str(s)) => s.clone(),
        _ => return Err("`#[privflow::consent]` needs `purpose = \"..\"`".into()),
    };
    Ok((purpose, read_binds(a)?))
}

fn read_binds(a: &RawAttr) -> Read<Option<u32>> {
    match a.key("binds") {
        None => Ok(None),
        Some(AttrValue::Int(n)) if *n <= u64::from(u16::MAX) => Ok(Some(*n as u32)),
        Some(_) => Err(
            "`binds` must be a parameter index (0-based, `self` not counted), e.g. `binds = 0`"
                .into(),
        ),
    }
}

/// `#[privflow::check(name = "..", binds = N)]`.
pub fn read_check(a: &RawAttr) -> Read<CheckAnn> {
    check_keys(a, &["name", "binds"])?;
    let name = match a.key("name") {
        Some(AttrValue::Str(s)) if valid_check_name(s) => s.clone(),
        Some(AttrValue::Str(s)) => {
            return Err(format!(
                "check name `{s}` must be letters, digits, `_`, `-` and `.` (e.g. `auth.patient_access`)"
            ))
        }
        _ => {
            return Err(
                "`#[privflow::check]` needs `name = \"..\"`, e.g. `name = \"auth.patient_access\"`"
                    .into(),
            )
        }
    };
    Ok(CheckAnn {
        name,
        binds: read_binds(a)?,
    })
}

/// `#[privflow::guarded(by = ["..", ..], binds = N)]`.
pub fn read_guarded(a: &RawAttr) -> Read<GuardedAnn> {
    check_keys(a, &["by", "binds"])?;
    let by =
        match a.key("by") {
            Some(v) => str_list(v, "by")?,
            None => return Err(
                "`#[privflow::guarded]` needs `by = [\"..\"]`: the checks that must succeed first"
                    .into(),
            ),
        };
    if by.is_empty() {
        return Err("`by` must name at least one check".into());
    }
    if let Some(bad) = by.iter().find(|b| !valid_check_name(b)) {
        return Err(format!(
            "check name `{bad}` must be letters, digits, `_`, `-` and `.`"
        ));
    }
    Ok(GuardedAnn {
        by,
        binds: read_binds(a)?,
        span: a.span,
    })
}

/// A check name: what `by` lists and the flow engine keys held checks by (no `@`, no spaces).
pub fn valid_check_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

pub fn read_erases(a: &RawAttr) -> Read<Vec<Vec<Name>>> {
    let mut out = Vec::new();
    for (v, _) in &a.positional {
        match v {
            AttrValue::Path(p) => out.push(p.clone()),
            _ => {
                return Err(
                    "`#[privflow::erases]` takes type names, e.g. `#[privflow::erases(Patient)]`"
                        .into(),
                )
            }
        }
    }
    if out.is_empty() {
        return Err("`#[privflow::erases]` needs at least one type".into());
    }
    Ok(out)
}

pub fn read_allow(a: &RawAttr) -> Read<AllowAnn> {
    check_keys(a, &["rule", "reason"])?;
    let rule = a
        .key_str("rule")
        .ok_or("`#[privflow::allow]` needs `rule = \"pack/rule\"`")?;
    let reason = a.key_str("reason").unwrap_or("");
    if reason.trim().is_empty() {
        return Err(
            "`#[privflow::allow]` needs a `reason`: say why this finding is acceptable".into(),
        );
    }
    Ok(AllowAnn {
        rule: rule.to_string(),
        reason: reason.to_string(),
        span: a.span,
    })
}

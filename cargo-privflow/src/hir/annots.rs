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

#[derive(Debug, Clone, Default)]
pub struct FnAnnots {
    pub sink: Option<SinkSpec>,
    pub sanitizer: Option<Sanitizer>,
    pub consent: Option<String>,
    pub source: Option<DataTag>,
    /// `#[privflow::source(.., param = "phone")]`: parameters that are tagged data inside the
    /// function, by name.
    pub param_sources: Vec<(Name, DataTag)>,
    pub erases: Vec<Vec<Name>>,
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
                        _ => {
                            return Err(
                                "`args` must be a list of parameter indices, e.g. `args = [0]`"
                                    .into(),
                            )
                        }
                    }
                }
                spec.args = Some(idx);
            }
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

pub fn read_consent(a: &RawAttr) -> Read<String> {
    check_keys(a, &["purpose"])?;
    match a.key("purpose") {
        Some(AttrValue::Str(s)) => Ok(s.clone()),
        _ => Err("`#[privflow::consent]` needs `purpose = \"..\"`".into()),
    }
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

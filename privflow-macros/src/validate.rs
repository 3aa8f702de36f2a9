//! What each attribute accepts: its keys and their types, its positional
//! arguments, and the items it may go on.
//!
//! Every check reports into an [`Errors`] and goes on, so one compile shows
//! every mistake in an attribute, each at the token that is wrong.

use crate::args::{Arg, Args, Value};
use crate::errors::{call_site, Errors};
use crate::keys::{check_keys, key, no_positionals, tokens_to_string, Key, Ty};
use crate::suggest::{did_you_mean, one_of};
use crate::target::{param_count, returns_value, Target};
use syn::Signature;

const CATEGORY: &str = "a data category";
const DATA_USE: &str = "a data use";

/// The keys of `pii` and `phi`, as item attributes, field markers, and
/// after the first argument of `source`.
const TAG_KEYS: &[Key] = &[
    key("category", Ty::Dotted(CATEGORY), r#""user.contact.email""#),
    key("subject", Ty::Str, r#""customer""#),
    key(
        "purposes",
        Ty::DottedList(DATA_USE),
        r#"["essential.service"]"#,
    ),
];

const SINK_KEYS: &[Key] = &[
    key("kind", Ty::Str, r#""storage""#),
    key("region", Ty::Str, r#""eu-central-1""#),
    key("recipient", Ty::Str, r#""Acme Analytics Ltd""#),
    key("purpose", Ty::Dotted(DATA_USE), r#""essential.service""#),
    key("encrypted", Ty::Bool, "true"),
    key("persistent", Ty::Bool, "true"),
    key("retention_days", Ty::Int, "30"),
    key("args", Ty::IntList, "[0]"),
    key("op", Ty::Str, r#""delete""#),
    key("stores", Ty::Str, r#""Patient""#),
];

/// The values of `sink(op = "..")`.
const SINK_OPS: &[&str] = &["write", "delete"];

/// Words people write for a sink's operation, and the one they mean.
const SINK_OP_ALIASES: &[(&str, &str)] = &[
    ("remove", "delete"),
    ("erase", "delete"),
    ("del", "delete"),
    ("drop", "delete"),
    ("purge", "delete"),
    ("wipe", "delete"),
    ("clear", "delete"),
    ("destroy", "delete"),
    ("insert", "write"),
    ("update", "write"),
    ("upsert", "write"),
    ("put", "write"),
    ("store", "write"),
    ("save", "write"),
    ("create", "write"),
];

const CONSENT_KEYS: &[Key] = &[
    key(
        "purpose",
        Ty::Dotted(DATA_USE),
        r#""marketing.communications.email""#,
    ),
    key("binds", Ty::Int, "0"),
];

const CHECK_KEYS: &[Key] = &[
    key("name", Ty::Str, r#""auth.patient_access""#),
    key("binds", Ty::Int, "0"),
];

const GUARDED_KEYS: &[Key] = &[
    key("by", Ty::StrList, r#"["auth.patient_access"]"#),
    key("binds", Ty::Int, "0"),
];

const ALLOW_KEYS: &[Key] = &[
    key("rule", Ty::Str, r#""baseline/pii-to-log""#),
    key(
        "reason",
        Ty::Str,
        r#""the audit log must name who signed in""#,
    ),
];

/// The values of `sink(kind = "..")`.
pub(crate) const SINK_KINDS: &[&str] = &[
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

/// Words people write for a sink kind, and the kind they mean.
const SINK_KIND_ALIASES: &[(&str, &str)] = &[
    ("database", "storage"),
    ("db", "storage"),
    ("disk", "storage"),
    ("file", "storage"),
    ("fs", "storage"),
    ("sql", "storage"),
    ("http", "network"),
    ("https", "network"),
    ("api", "network"),
    ("net", "network"),
    ("logging", "log"),
    ("tracing", "log"),
    ("mail", "email"),
    ("text", "sms"),
    ("tracking", "analytics"),
    ("telemetry", "analytics"),
    ("metrics", "analytics"),
    ("ads", "advertising"),
    ("ad", "advertising"),
    ("cookies", "cookie"),
    ("client", "device"),
    ("local", "device"),
    ("ui", "display"),
    ("screen", "display"),
];

/// The transformations of `sanitizer(..)`.
pub(crate) const SANITIZERS: &[&str] = &["encrypt", "anonymize", "pseudonymize", "hash", "redact"];

const SANITIZER_ALIASES: &[(&str, &str)] = &[
    ("encryption", "encrypt"),
    ("cipher", "encrypt"),
    ("anonymise", "anonymize"),
    ("anonymization", "anonymize"),
    ("anonymisation", "anonymize"),
    ("pseudonymise", "pseudonymize"),
    ("pseudonymization", "pseudonymize"),
    ("pseudonymisation", "pseudonymize"),
    ("tokenize", "pseudonymize"),
    ("digest", "hash"),
    ("sha256", "hash"),
    ("mask", "redact"),
    ("scrub", "redact"),
    ("strip", "redact"),
];

const FN_OR_METHOD: &str = "a function or method";

const TAGS: &[&str] = &["pii", "phi"];

fn suggestion<'a>(
    given: &str,
    candidates: &[&'a str],
    aliases: &[(&str, &'a str)],
) -> Option<&'a str> {
    aliases
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(given))
        .map(|&(_, meant)| meant)
        .or_else(|| did_you_mean(given, candidates))
}

/// A positional argument that should be one word of a fixed set.
enum Word<'a> {
    Known,
    Unknown {
        given: String,
        meant: Option<&'a str>,
    },
    /// One of the words, in quotes.
    Quoted(String),
    /// Not a single word.
    Other,
}

fn word<'a>(value: &Value, words: &[&'a str], aliases: &[(&str, &'a str)]) -> Word<'a> {
    match value {
        Value::Path(_) => match value.as_ident().map(ToString::to_string) {
            Some(given) if words.contains(&given.as_str()) => Word::Known,
            Some(given) => Word::Unknown {
                meant: suggestion(&given, words, aliases),
                given,
            },
            None => Word::Other,
        },
        Value::Str(lit) if words.contains(&lit.value().as_str()) => Word::Quoted(lit.value()),
        _ => Word::Other,
    }
}

/// The function an attribute that goes on functions was put on; reports
/// anything else.
fn function<'t>(
    attr: &str,
    target: &'t Target,
    places: &str,
    hint: &str,
    errors: &mut Errors,
) -> Option<&'t Signature> {
    match target {
        Target::Fn(sig) => Some(sig),
        Target::Unknown => None,
        other => {
            errors.push(call_site(format!(
                "`{attr}` goes on {places}, not on {}{hint}",
                other.describe()
            )));
            None
        }
    }
}

/// `pii` / `phi` arguments, on a type or on a field.
pub(crate) fn tag_args(attr: &str, args: &Args, errors: &mut Errors) {
    let mut found = check_keys(attr, args, TAG_KEYS, errors);
    no_positionals(attr, args, TAG_KEYS, ("category", &[]), &mut found, errors);
}

/// `#[privflow::pii]` / `#[privflow::phi]` on an item.
pub(crate) fn tag_item(attr: &str, args: &Args, target: &Target, errors: &mut Errors) {
    match target {
        Target::Struct | Target::Enum | Target::TypeAlias | Target::Unknown => {}
        Target::Fn(_) => errors.push(call_site(format!(
            "`{attr}` goes on a struct, enum or type alias; to tag a function's return value use #[privflow::source({attr})]"
        ))),
        other => errors.push(call_site(format!(
            "`{attr}` goes on a struct, enum or type alias, not on {}; to tag a field, put #[privflow::data] on its struct and #[{attr}] on the field",
            other.describe()
        ))),
    }
    tag_args(attr, args, errors);
}

/// The keys of `source`: a tag's, and the parameter it may tag instead of the return value.
const SOURCE_KEYS: &[Key] = &[
    key("category", Ty::Dotted(CATEGORY), r#""user.contact.email""#),
    key("subject", Ty::Str, r#""customer""#),
    key(
        "purposes",
        Ty::DottedList(DATA_USE),
        r#"["essential.service"]"#,
    ),
    key("param", Ty::Str, r#""phone""#),
];

/// The names of a function's parameters bound to a plain identifier (`self` not counted).
fn param_names(sig: &syn::Signature) -> Vec<String> {
    sig.inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(t) => match &*t.pat {
                syn::Pat::Ident(i) => Some(i.ident.to_string()),
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect()
}

/// `#[privflow::source(pii | phi, ..)]`
pub(crate) fn source(args: &Args, target: &Target, errors: &mut Errors) {
    const EXAMPLE: &str = r#"#[privflow::source(pii, category = "user.contact.email")]"#;
    let first_is_positional = matches!(args.items.first(), Some(Arg::Positional(_)));
    for (i, value) in args.positional().enumerate() {
        if i > 0 || !first_is_positional {
            let message = match value.as_ident() {
                Some(ident) if TAGS.iter().any(|t| ident == t) && first_is_positional => {
                    "`source` takes `pii` or `phi`, not both (health data is personal data too)"
                        .to_owned()
                }
                Some(ident) if TAGS.iter().any(|t| ident == t) => {
                    format!("`{ident}` comes first: {EXAMPLE}")
                }
                _ => format!("unexpected argument; `source` takes `pii` or `phi` first, then `key = value` pairs: {EXAMPLE}"),
            };
            errors.push(value.error(message));
            continue;
        }
        let message = match word(value, TAGS, &[]) {
            Word::Known => continue,
            Word::Unknown {
                meant: Some(meant), ..
            } => {
                format!("expected `pii` or `phi`; did you mean `{meant}`?")
            }
            Word::Quoted(word) => format!("expected `pii` or `phi` without quotes: write `{word}`"),
            Word::Unknown { meant: None, .. } | Word::Other => {
                "expected `pii` (personal data) or `phi` (health data)".to_owned()
            }
        };
        errors.push(value.error(message));
    }
    if args.positional().next().is_none() {
        errors.push(call_site(format!(
            "`source` needs `pii` or `phi` first, to say what kind of data the function returns: {EXAMPLE}"
        )));
    }
    let found = check_keys("source", args, SOURCE_KEYS, errors);
    let param = found.str("param");
    let hint = "; to tag a type, put #[privflow::pii] or #[privflow::phi] on it";
    if let Some(sig) = function("source", target, FN_OR_METHOD, hint, errors) {
        if let Some(param) = param {
            // `param = "phone"`: that parameter is the data; it must be one.
            let names = param_names(sig);
            let want = param.value();
            if !names.contains(&want) {
                let known: Vec<&str> = names.iter().map(String::as_str).collect();
                let message = match crate::suggest::did_you_mean(&want, &known) {
                    Some(meant) => format!(
                        "`{}` has no parameter `{want}`; did you mean `{meant}`?",
                        sig.ident
                    ),
                    None if known.is_empty() => {
                        format!("`{}` has no parameters to tag", sig.ident)
                    }
                    None => format!(
                        "`{}` has no parameter `{want}` (its parameters: {})",
                        sig.ident,
                        known.join(", ")
                    ),
                };
                errors.push(syn::Error::new(param.span(), message));
            }
        } else if !returns_value(sig) {
            errors.push(syn::Error::new(
                sig.ident.span(),
                format!(
                    "`source` tags the value a function returns, but `{}` returns nothing (to tag one of its parameters, add `param = \"name\"`)",
                    sig.ident
                ),
            ));
        }
    }
}

/// `#[privflow::sink(kind = "..", ..)]`
pub(crate) fn sink(args: &Args, target: &Target, errors: &mut Errors) {
    let mut found = check_keys("sink", args, SINK_KEYS, errors);
    no_positionals(
        "sink",
        args,
        SINK_KEYS,
        ("kind", SINK_KINDS),
        &mut found,
        errors,
    );
    match found.str("kind") {
        Some(kind) => {
            let given = kind.value();
            if !SINK_KINDS.contains(&given.as_str()) {
                let message = match suggestion(&given, SINK_KINDS, SINK_KIND_ALIASES) {
                    Some(meant) => format!("unknown sink kind `{given}`; did you mean `{meant}`?"),
                    None => format!(
                        "unknown sink kind `{given}`; expected {}",
                        one_of(SINK_KINDS)
                    ),
                };
                errors.push(syn::Error::new(kind.span(), message));
            }
        }
        None => found.require(
            "kind",
            || {
                format!(
                    "`sink` needs a `kind`: one of {}, e.g. #[privflow::sink(kind = \"storage\")]",
                    one_of(SINK_KINDS)
                )
            },
            errors,
        ),
    }
    if let Some(op) = found.str("op") {
        let given = op.value();
        if !SINK_OPS.contains(&given.as_str()) {
            let message = match suggestion(&given, SINK_OPS, SINK_OP_ALIASES) {
                Some(meant) => format!("unknown sink op `{given}`; did you mean `{meant}`?"),
                None => format!("unknown sink op `{given}`; expected {}", one_of(SINK_OPS)),
            };
            errors.push(syn::Error::new(op.span(), message));
        }
    }
    if let Some(stores) = found.str("stores") {
        if let Err(message) = type_name(&stores.value()) {
            errors.push(syn::Error::new(stores.span(), message));
        }
    }
    let places = "a function, method or trait method declaration";
    if let Some(sig) = function("sink", target, places, "", errors) {
        if let Some(Value::List { items, .. }) = found.get("args") {
            let count = param_count(sig);
            for item in items {
                if let Value::Int(lit) = item {
                    if lit.base10_parse::<usize>().is_ok_and(|n| n >= count) {
                        errors.push(item.error(format!(
                            "parameter index {lit} is out of range: `{}` takes {}, not counting `self`",
                            sig.ident,
                            takes(count)
                        )));
                    }
                }
                if matches!(item, Value::Str(lit) if lit.value() == "self") && !has_receiver(sig) {
                    errors.push(item.error(format!(
                        "`\"self\"` is the receiver, but `{}` takes no `self`",
                        sig.ident
                    )));
                }
            }
        }
    }
}

/// "no parameters", "1 parameter", "2 parameters".
fn takes(count: usize) -> String {
    match count {
        0 => "no parameters".to_owned(),
        1 => "1 parameter".to_owned(),
        n => format!("{n} parameters"),
    }
}

fn has_receiver(sig: &Signature) -> bool {
    matches!(sig.inputs.first(), Some(syn::FnArg::Receiver(_)))
}

/// `stores = ".."`: the name of a type (`Patient`, `crate::models::Patient`).
fn type_name(name: &str) -> Result<(), String> {
    match syn::parse_str::<syn::Path>(name) {
        Ok(_) if !name.trim().is_empty() => Ok(()),
        _ => Err(format!(
            "expected the name of the type whose records the sink holds, e.g. `stores = \"Patient\"`, not `{name}`"
        )),
    }
}

/// `binds = N`: N must be the index of one of the function's parameters (`self` not counted).
fn check_binds(attr: &str, found: &crate::keys::Found, sig: &Signature, errors: &mut Errors) {
    let Some(value @ Value::Int(lit)) = found.get("binds") else {
        return;
    };
    let count = param_count(sig);
    if lit.base10_parse::<usize>().is_ok_and(|n| n >= count) {
        let message = if count == 0 {
            format!(
                "`binds = {lit}` is out of range: `{}` takes no parameters besides `self`, so `{attr}` has no argument to bind (leave `binds` out)",
                sig.ident
            )
        } else {
            format!(
                "`binds = {lit}` is out of range: `{}` takes {}, not counting `self` (0 is the first)",
                sig.ident,
                takes(count)
            )
        };
        errors.push(value.error(message));
    }
}

/// `#[privflow::check(name = "..", binds = N)]`
pub(crate) fn check(args: &Args, target: &Target, errors: &mut Errors) {
    let mut found = check_keys("check", args, CHECK_KEYS, errors);
    no_positionals("check", args, CHECK_KEYS, ("name", &[]), &mut found, errors);
    found.require(
        "name",
        || r#"`check` needs the `name` of the check, e.g. #[privflow::check(name = "auth.patient_access")]"#.to_owned(),
        errors,
    );
    let places = "the function or method that performs the check";
    if let Some(sig) = function("check", target, places, "", errors) {
        if !returns_value(sig) {
            errors.push(syn::Error::new(
                sig.ident.span(),
                format!(
                    "a check returns `bool`, `Result` or `Option` (passed: true / Ok / Some), but `{}` returns nothing",
                    sig.ident
                ),
            ));
        }
        check_binds("check", &found, sig, errors);
    }
}

/// `#[privflow::guarded(by = ["..", ..], binds = N)]`
pub(crate) fn guarded(args: &Args, target: &Target, errors: &mut Errors) {
    let mut found = check_keys("guarded", args, GUARDED_KEYS, errors);
    for value in args.positional() {
        let message = match (value, value.as_ident()) {
            (Value::Str(lit), _) => {
                format!("expected `key = value`: write `by = [\"{}\"]`", lit.value())
            }
            (_, Some(ident)) if GUARDED_KEYS.iter().any(|k| ident == k.name) => {
                let key = GUARDED_KEYS
                    .iter()
                    .find(|k| ident == k.name)
                    .map_or("by", |k| k.name);
                format!("`{key}` needs a value, e.g. `by = [\"auth.patient_access\"]`")
            }
            (Value::List { .. }, _) => "expected `key = value`: write `by = [..]`".to_owned(),
            _ => "expected `key = value`; `guarded` takes `by` and `binds`".to_owned(),
        };
        found.mention("by");
        errors.push(value.error(message));
    }
    found.require(
        "by",
        || r#"`guarded` needs the checks that must pass first, e.g. #[privflow::guarded(by = ["auth.patient_access"])]"#.to_owned(),
        errors,
    );
    if let Some(sig) = function("guarded", target, FN_OR_METHOD, "", errors) {
        check_binds("guarded", &found, sig, errors);
    }
}

/// `#[privflow::sanitizer(encrypt | anonymize | pseudonymize | hash | redact)]`
pub(crate) fn sanitizer(args: &Args, target: &Target, errors: &mut Errors) {
    const EXAMPLE: &str = "#[privflow::sanitizer(redact)]";
    for (key, _) in args.keyed() {
        errors.push(syn::Error::new(
            key.span(),
            format!(
                "unexpected key `{key}`: `sanitizer` takes one transformation, {}, e.g. {EXAMPLE}",
                one_of(SANITIZERS)
            ),
        ));
    }
    let mut positional = args.positional();
    match positional.next() {
        None if args.is_empty() => errors.push(call_site(format!(
            "`sanitizer` needs the transformation it applies: {}, e.g. {EXAMPLE}",
            one_of(SANITIZERS)
        ))),
        None => {}
        Some(value) => {
            let message = match word(value, SANITIZERS, SANITIZER_ALIASES) {
                Word::Known => None,
                Word::Unknown {
                    given,
                    meant: Some(meant),
                } => Some(format!(
                    "unknown sanitizer `{given}`; did you mean `{meant}`?"
                )),
                Word::Unknown { given, meant: None } => Some(format!(
                    "unknown sanitizer `{given}`; expected {}",
                    one_of(SANITIZERS)
                )),
                Word::Quoted(word) => Some(format!(
                    "expected an identifier, not a string: write `sanitizer({word})`"
                )),
                Word::Other => Some(format!("expected {}", one_of(SANITIZERS))),
            };
            if let Some(message) = message {
                errors.push(value.error(message));
            }
        }
    }
    for extra in positional {
        errors.push(extra.error(
            "`sanitizer` takes exactly one transformation; a function that applies two is two sanitizers",
        ));
    }
    let hint = "; put it on the function that transforms the data";
    if let Some(sig) = function("sanitizer", target, FN_OR_METHOD, hint, errors) {
        if sig.inputs.is_empty() {
            errors.push(syn::Error::new(
                sig.ident.span(),
                format!(
                    "a sanitizer transforms its input, but `{}` takes none",
                    sig.ident
                ),
            ));
        } else if !returns_value(sig) {
            errors.push(syn::Error::new(
                sig.ident.span(),
                format!(
                    "a sanitizer returns its input transformed, but `{}` returns nothing",
                    sig.ident
                ),
            ));
        }
    }
}

/// `#[privflow::consent(purpose = "..")]`
pub(crate) fn consent(args: &Args, target: &Target, errors: &mut Errors) {
    let mut found = check_keys("consent", args, CONSENT_KEYS, errors);
    no_positionals(
        "consent",
        args,
        CONSENT_KEYS,
        ("purpose", &[]),
        &mut found,
        errors,
    );
    found.require("purpose", || {
        r#"`consent` needs the `purpose` the user consents to, e.g. #[privflow::consent(purpose = "marketing.communications.email")]"#.to_owned()
    }, errors);
    let places = "the function or method that checks consent";
    if let Some(sig) = function("consent", target, places, "", errors) {
        if !returns_value(sig) {
            errors.push(syn::Error::new(
                sig.ident.span(),
                format!(
                    "a consent check returns `bool`, `Result` or `Option` (consent given: true / Ok / Some), but `{}` returns nothing",
                    sig.ident
                ),
            ));
        }
        check_binds("consent", &found, sig, errors);
    }
}

/// `#[privflow::erases(TypeA, TypeB)]`
pub(crate) fn erases(args: &Args, target: &Target, errors: &mut Errors) {
    const EXAMPLE: &str = "#[privflow::erases(Patient, Appointment)]";
    let mut seen: Vec<String> = Vec::new();
    for arg in &args.items {
        match arg {
            Arg::Key { key, .. } => errors.push(syn::Error::new(
                key.span(),
                format!("unexpected key `{key}`: `erases` takes the names of the types whose records the function deletes: {EXAMPLE}"),
            )),
            Arg::Positional(value @ Value::Path(path)) => {
                let name = tokens_to_string(path);
                if seen.contains(&name) {
                    errors.push(value.error(format!("`{name}` is listed twice")));
                } else {
                    seen.push(name);
                }
            }
            Arg::Positional(value @ Value::Str(lit)) => errors.push(value.error(format!(
                "expected a type name, not a string: write `{}`",
                lit.value()
            ))),
            Arg::Positional(value) => errors.push(value.error(format!("expected a type name: {EXAMPLE}"))),
        }
    }
    if args.is_empty() {
        errors.push(call_site(format!(
            "`erases` needs the types whose stored records the function deletes: {EXAMPLE}"
        )));
    }
    function("erases", target, FN_OR_METHOD, "", errors);
}

/// `#[privflow::allow(rule = "pack/rule", reason = "..")]`
pub(crate) fn allow(args: &Args, target: &Target, errors: &mut Errors) {
    let mut found = check_keys("allow", args, ALLOW_KEYS, errors);
    no_positionals("allow", args, ALLOW_KEYS, ("rule", &[]), &mut found, errors);
    found.require("rule", || {
        r#"`allow` needs the `rule` to allow, e.g. #[privflow::allow(rule = "baseline/pii-to-log", reason = "..")]"#.to_owned()
    }, errors);
    if let Some(rule) = found.str("rule") {
        if let Err(message) = rule_id(&rule.value()) {
            errors.push(syn::Error::new(rule.span(), message));
        }
    }
    found.require(
        "reason",
        || "a `reason` is required: say why this finding is acceptable".to_owned(),
        errors,
    );
    match target {
        Target::Fn(_) | Target::Impl | Target::Mod | Target::Struct | Target::Enum | Target::Unknown => {}
        other => errors.push(call_site(format!(
            "`allow` goes on a function, method, impl block, module, struct or enum, not on {}; for one statement write `// privflow-allow: pack/rule -- reason` on its line or the line above",
            other.describe()
        ))),
    }
}

/// Checks a rule id: `pack/rule`, both lowercase words of letters, digits and `-`.
fn rule_id(id: &str) -> Result<(), String> {
    fn word(s: &str) -> bool {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }
    let valid = |id: &str| {
        id.split_once('/')
            .is_some_and(|(pack, rule)| word(pack) && word(rule))
    };
    if valid(id) {
        return Ok(());
    }
    let normal: String = id
        .trim()
        .to_ascii_lowercase()
        .replace(['_', ' '], "-")
        .replace("-/-", "/")
        .replace("-/", "/")
        .replace("/-", "/");
    if valid(&normal) {
        Err(format!(
            "malformed rule id `{id}`; did you mean `{normal}`?"
        ))
    } else {
        Err(format!(
            "malformed rule id `{id}`: expected `pack/rule`, e.g. \"baseline/pii-to-log\""
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(check: fn(&Args, &Target, &mut Errors), args: &str, item: &str) -> Vec<String> {
        let args: Args = syn::parse_str(args).unwrap_or_else(|e| panic!("{e}"));
        let target = Target::of(item.parse().unwrap_or_default());
        let mut errors = Errors::default();
        check(&args, &target, &mut errors);
        errors.messages()
    }

    const FN: &str = "fn f(&self, a: &str, b: &str) -> bool { true }";

    #[test]
    fn sink_ok() {
        let args = r#"kind = "network", region = "us-east-1", recipient = "Acme", purpose = "analytics",
            encrypted = true, persistent = false, retention_days = 30, args = [0, 1]"#;
        assert_eq!(run(sink, args, FN), Vec::<String>::new());
    }

    #[test]
    fn sink_errors() {
        assert_eq!(
            run(sink, r#"kind = "logs""#, FN),
            ["unknown sink kind `logs`; did you mean `log`?"]
        );
        assert_eq!(
            run(sink, r#"kind = "database""#, FN),
            ["unknown sink kind `database`; did you mean `storage`?"]
        );
        assert_eq!(
            run(sink, r#"kind = "log", args = [2]"#, FN),
            ["parameter index 2 is out of range: `f` takes 2 parameters, not counting `self`"]
        );
        assert_eq!(
            run(sink, r#"kind = "log", kind = "log""#, FN),
            ["duplicate key `kind`"]
        );
        assert_eq!(
            run(sink, r#"kind = "log""#, "struct S;")[0],
            "`sink` goes on a function, method or trait method declaration, not on a struct"
        );
    }

    #[test]
    fn checks_and_guards() {
        assert_eq!(
            run(check, r#"name = "auth.patient_access", binds = 1"#, FN),
            Vec::<String>::new()
        );
        assert_eq!(
            run(check, r#"names = "auth.x""#, FN),
            ["unknown key `names`; did you mean `name`?"]
        );
        assert_eq!(
            run(check, r#"name = "auth.x", binds = 2"#, FN),
            ["`binds = 2` is out of range: `f` takes 2 parameters, not counting `self` (0 is the first)"]
        );
        assert_eq!(
            run(guarded, r#"by = ["auth.x"], bind = 0"#, FN),
            ["unknown key `bind`; did you mean `binds`?"]
        );
        assert_eq!(
            run(guarded, "by = []", FN),
            [r#"`by` lists at least one name, e.g. `by = ["auth.patient_access"]`"#]
        );
        assert_eq!(
            run(consent, r#"purpose = "analytics", binds = 0"#, FN),
            Vec::<String>::new()
        );
    }

    #[test]
    fn sink_ops_and_receivers() {
        assert_eq!(
            run(
                sink,
                r#"kind = "storage", op = "delete", stores = "Patient", args = ["self", 1]"#,
                FN
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            run(sink, r#"kind = "storage", op = "remove""#, FN),
            ["unknown sink op `remove`; did you mean `delete`?"]
        );
        assert_eq!(
            run(sink, r#"kind = "storage", region = "unknown""#, FN),
            Vec::<String>::new()
        );
    }

    #[test]
    fn rule_ids() {
        assert!(rule_id("baseline/pii-to-log").is_ok());
        assert!(rule_id("cgm-videosprechstunde/no-third-country-transfer").is_ok());
        assert_eq!(
            rule_id("Baseline/PII_to_log"),
            Err(
                "malformed rule id `Baseline/PII_to_log`; did you mean `baseline/pii-to-log`?"
                    .to_owned()
            )
        );
        assert!(rule_id("baseline").is_err());
        assert!(rule_id("a/b/c").is_err());
        assert!(rule_id("/x").is_err());
    }

    #[test]
    fn source_first() {
        assert_eq!(run(source, "phi", FN), Vec::<String>::new());
        assert_eq!(
            run(source, r#"category = "user", pii"#, FN),
            [r#"`pii` comes first: #[privflow::source(pii, category = "user.contact.email")]"#]
        );
        assert_eq!(
            run(source, "PII", FN),
            ["expected `pii` or `phi`; did you mean `pii`?"]
        );
    }

    #[test]
    fn sanitizers() {
        assert_eq!(run(sanitizer, "hash", FN), Vec::<String>::new());
        assert_eq!(
            run(sanitizer, "anonymise", FN),
            ["unknown sanitizer `anonymise`; did you mean `anonymize`?"]
        );
        assert_eq!(
            run(sanitizer, "mask", FN),
            ["unknown sanitizer `mask`; did you mean `redact`?"]
        );
    }
}

//! Function candidates: sanitizers (`encrypt_*`, `hash_*`, `redact`, ...) and consent checks
//! (`has_consent`, `is_opted_in`, ...) among the workspace's own functions, by name and
//! signature.

use super::lexicon::tokens;
use super::{module_path, Kind, Place, Suggestion};
use crate::hir::{Owner, Program};
use crate::syntax::ir::TypeRef;
use crate::syntax::load::Loaded;

/// Verbs that name a sanitizer, and the transformation each stands for.
const SANITIZER_VERBS: &[(&str, &str)] = &[
    ("encrypt", "encrypt"),
    ("seal", "encrypt"),
    ("verschluesseln", "encrypt"),
    ("versleutelen", "encrypt"),
    ("hash", "hash"),
    ("digest", "hash"),
    ("anonymize", "anonymize"),
    ("anonymise", "anonymize"),
    ("anonymisieren", "anonymize"),
    ("anonimiseren", "anonymize"),
    ("pseudonymize", "pseudonymize"),
    ("pseudonymise", "pseudonymize"),
    ("pseudonymisieren", "pseudonymize"),
    ("redact", "redact"),
    ("mask", "redact"),
    ("scrub", "redact"),
    ("truncate", "redact"),
];

/// Words that make a function about consent.
const CONSENT_WORDS: &[&str] = &[
    "consent",
    "consents",
    "consented",
    "optin",
    "einwilligung",
    "toestemming",
];
/// First words of a check (as opposed to `record_consent`, `withdraw_consent`).
const CHECK_VERBS: &[&str] = &[
    "has", "is", "check", "verify", "require", "ensure", "may", "can", "allowed", "got",
];

/// First words of functions that change or record consent rather than check it.
const SETTER_VERBS: &[&str] = &[
    "set", "record", "store", "save", "give", "grant", "withdraw", "revoke", "update", "delete",
    "remove", "log", "insert", "upsert", "write", "clear", "reset", "new", "load", "list",
];

/// Purposes read from a consent function's name; `None`: the name does not say.
fn purpose_of(toks: &[String]) -> Option<&'static str> {
    for t in toks {
        match t.as_str() {
            "marketing" | "newsletter" | "ads" | "advertising" | "werbung" | "promotion" => {
                return Some("marketing")
            }
            "analytics" | "statistics" | "stats" | "tracking" | "measurement" => {
                return Some("analytics")
            }
            "personalization" | "personalisation" | "profiling" => return Some("personalize"),
            _ => {}
        }
    }
    None
}

fn returns_checkable(ret: Option<&TypeRef>) -> bool {
    match ret {
        Some(TypeRef::Path(p)) => {
            matches!(p.last().map(|n| &**n), Some("bool" | "Result" | "Option"))
        }
        _ => false,
    }
}

/// Sanitizer and consent candidates (as `wanted` allows) at or above `min`.
pub fn fn_candidates(
    program: &Program,
    loaded: &Loaded,
    min: f64,
    wanted: &dyn Fn(Kind) -> bool,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for (i, f) in program.fns.iter().enumerate() {
        if f.cfg_test || program.module(f.module).cfg_test {
            continue;
        }
        let a = &f.annots;
        if a.sink.is_some() || a.sanitizer.is_some() || a.consent.is_some() || a.source.is_some() {
            continue;
        }
        // Trait declarations carry no body to annotate usefully; impls of a trait are judged
        // where they are written, like any method.
        if matches!(f.owner, Owner::Trait(_)) && f.ir.body.is_none() {
            continue;
        }
        let Some(file) = loaded.db.get(f.ir.span.file) else {
            continue;
        };
        let toks = tokens(&f.name);
        let item = format!(
            "{}::{}",
            module_path(program, f.module),
            program.fn_label(crate::hir::FnId(i as u32))
        );
        let has_input = f.arity() > usize::from(f.ir.self_param.is_some());
        if wanted(Kind::Sanitizers) && has_input && f.ir.ret.is_some() {
            let hit = toks.iter().enumerate().find_map(|(i, t)| {
                SANITIZER_VERBS
                    .iter()
                    .find(|(v, _)| t == v || (t.starts_with(v) && t.len() <= v.len() + 2))
                    .map(|(_, s)| (i, *s))
            });
            if let Some((i, how)) = hit {
                // The verb first (`hash_password`) names what the function does; elsewhere
                // (`password_hash_for`) the word is usually a noun.
                let confidence = if i == 0 { 0.7 } else { 0.35 };
                if confidence >= min {
                    out.push(Suggestion {
                        kind: Kind::Sanitizers,
                        file: file.rel.clone(),
                        path: file.path.clone(),
                        line: f.ir.span.line,
                        column: f.ir.span.col,
                        item: item.clone(),
                        attribute: format!("#[privflow::sanitizer({how})]"),
                        category: None,
                        class: None,
                        confidence,
                        reason: format!(
                            "function name `{}` (`{}`: it {} its input); review that it does",
                            f.name,
                            toks[i],
                            match how {
                                "hash" => "hashes",
                                "encrypt" => "encrypts",
                                "redact" => "redacts",
                                "anonymize" => "anonymizes",
                                _ => "pseudonymizes",
                            }
                        ),
                        place: Place::Fn {
                            line: f.ir.span.line,
                        },
                    });
                }
            }
        }
        let consent_word = toks.iter().any(|t| CONSENT_WORDS.contains(&t.as_str()))
            || toks.windows(2).any(|w| w[0] == "opted" && w[1] == "in")
            || toks.windows(2).any(|w| w[0] == "opt" && w[1] == "in");
        let first = toks.first().map(String::as_str).unwrap_or("");
        let changes = SETTER_VERBS.contains(&first);
        if wanted(Kind::Consents)
            && consent_word
            && !changes
            && returns_checkable(f.ir.ret.as_ref())
        {
            let confidence = if CHECK_VERBS.contains(&first) {
                0.75
            } else {
                0.5
            };
            if confidence >= min {
                let purpose = purpose_of(&toks);
                out.push(Suggestion {
                    kind: Kind::Consents,
                    file: file.rel.clone(),
                    path: file.path.clone(),
                    line: f.ir.span.line,
                    column: f.ir.span.col,
                    item: item.clone(),
                    attribute: format!(
                        "#[privflow::consent(purpose = \"{}\")]",
                        purpose.unwrap_or("<purpose>")
                    ),
                    category: None,
                    class: None,
                    confidence,
                    reason: match purpose {
                        Some(p) => format!(
                            "function name `{}` checks consent; purpose `{p}` read from its name",
                            f.name
                        ),
                        None => format!(
                            "function name `{}` checks consent; write its purpose (not applied)",
                            f.name
                        ),
                    },
                    // Without a purpose the attribute would not be valid: print only.
                    place: match purpose {
                        Some(_) => Place::Fn {
                            line: f.ir.span.line,
                        },
                        None => Place::Config,
                    },
                });
            }
        }
    }
    out
}

//! What holds at a program point besides plain consent: named checks, and consents or checks
//! bound to the value they were made on (SPEC §5).
//!
//! Held facts are keys in the same set as consent purposes ([`Purposes`]), so they join
//! (intersection: held on every path), ride on `bool`/`Result`/`Option` guards and cross calls
//! (the solver's `consent_in`) exactly as consent does. The keys:
//! - `P`: consent for purpose `P` (unbound), as before;
//! - `check:N`: the check named `N` succeeded (a check without `binds`);
//! - `K@*`: the bound consent or check `K` succeeded, on some value;
//! - `K@R`: it succeeded on the value whose root is `R`.
//!
//! A root names the value an argument derives from (SPEC §5 "derive from the same value"):
//! `p3` is the function's parameter 3 (the receiver counted, so a method's `self` is `p0`),
//! `l:x:..` a local variable at the binding or assignment that gave it its value. Roots are
//! local to one function: the call graph translates them at each call ([`into_callee`], and
//! [`into_caller`] for a check's result returned by a workspace function).

use super::value::Purposes;
use crate::syntax::ir::{Name, Span};

/// The key a named check is held under.
pub fn check_key(name: &str) -> String {
    format!("check:{name}")
}

/// The root of parameter `i` (receiver counted).
pub fn param_root(i: usize) -> Name {
    Name::from(format!("p{i}"))
}

/// The root of the local `name` given its value at `span`: every binding or assignment is a new
/// value, and the same syntax gives the same root on every evaluation (loops reach a fixpoint).
pub fn local_root(name: &str, span: Span) -> Name {
    Name::from(format!(
        "l:{name}:{}:{}:{}",
        span.file.0, span.line, span.col
    ))
}

/// What a success of `key` establishes: unbound, the key itself; bound, "ran" and "ran on
/// `root`" (no root: the argument is a constant or a temporary, so no value matches it).
pub fn established(key: &str, bound: bool, root: Option<&Name>) -> Vec<Name> {
    if !bound {
        return vec![Name::from(key)];
    }
    let mut out = vec![Name::from(format!("{key}@*"))];
    if let Some(r) = root {
        out.push(Name::from(format!("{key}@{r}")));
    }
    out
}

fn split(k: &str) -> Option<(&str, &str)> {
    k.rsplit_once('@')
}

/// Did `key` succeed (bound or not), on every path to here?
pub fn ran(held: &Purposes, key: &str) -> bool {
    held.contains(key) || held.contains(format!("{key}@*").as_str())
}

/// Does `key` hold for a value with one of `roots`: unbound, or bound to one of them?
pub fn holds_on(held: &Purposes, key: &str, roots: &[Name]) -> bool {
    held.contains(key)
        || roots
            .iter()
            .any(|r| held.contains(format!("{key}@{r}").as_str()))
}

/// `held` plus the plain purposes of the bound consents that hold on one of `roots` (the data
/// a sink call receives): `analytics@p1` with data rooted at `p1` is consent for `analytics`.
pub fn resolve_bound(held: &Purposes, roots: &[Name]) -> Purposes {
    let mut out = held.clone();
    for k in held {
        if let Some((key, root)) = split(k) {
            if root != "*" && roots.iter().any(|r| &**r == root) {
                out.insert(Name::from(key));
            }
        }
    }
    out
}

/// Bound consents or checks that ran (`K@*`), by key.
pub fn ran_bound(held: &Purposes) -> impl Iterator<Item = &str> {
    held.iter()
        .filter_map(|k| split(k).filter(|(_, r)| *r == "*").map(|(k, _)| k))
}

/// What holds in a callee entered with `arg_roots` (the roots of its actuals, receiver first):
/// a fact bound to the root of an argument becomes bound to that parameter; a fact bound to a
/// value the callee does not receive still "ran".
pub fn into_callee(held: &Purposes, arg_roots: &[Option<Name>]) -> Purposes {
    let mut out = Purposes::new();
    for k in held {
        match split(k) {
            Some((key, root)) if root != "*" => {
                for (i, r) in arg_roots.iter().enumerate() {
                    if r.as_deref() == Some(root) {
                        out.insert(Name::from(format!("{key}@p{i}")));
                    }
                }
            }
            _ => {
                out.insert(k.clone());
            }
        }
    }
    out
}

/// What a function's result establishes, as its summary keeps it: facts bound to a parameter
/// stay bound to it (the caller binds them to its argument, [`into_caller`]); facts bound to the
/// function's own locals only "ran" outside it.
pub fn for_summary(held: &Purposes) -> Purposes {
    held.iter()
        .map(|k| match split(k) {
            Some((key, root)) if root != "*" && !is_param_root(root) => {
                Name::from(format!("{key}@*"))
            }
            _ => k.clone(),
        })
        .collect()
}

fn is_param_root(root: &str) -> bool {
    root.strip_prefix('p')
        .is_some_and(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()))
}

/// What a callee's result establishes, seen in the caller that passed `arg_roots`: facts bound to
/// a parameter are bound to that argument's root; facts bound to the callee's locals only "ran".
pub fn into_caller(held: &Purposes, arg_roots: &[Option<Name>]) -> Purposes {
    let mut out = Purposes::new();
    for k in held {
        match split(k) {
            Some((key, root)) if root != "*" => {
                let arg = root
                    .strip_prefix('p')
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| arg_roots.get(i))
                    .and_then(|r| r.as_ref());
                if let Some(r) = arg {
                    out.insert(Name::from(format!("{key}@{r}")));
                }
            }
            _ => {
                out.insert(k.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(xs: &[&str]) -> Purposes {
        xs.iter().map(|x| Name::from(*x)).collect()
    }

    #[test]
    fn summaries_keep_parameter_bindings_and_forget_locals() {
        let held = set(&["analytics", "check:a@*", "check:a@p1", "check:b@l:x:1:2:3"]);
        assert_eq!(
            for_summary(&held),
            set(&["analytics", "check:a@*", "check:a@p1", "check:b@*"])
        );
    }

    #[test]
    fn bound_facts_cross_calls_by_argument_root() {
        let held = set(&["analytics", "check:a@*", "check:a@l:p:0:3:7"]);
        let roots = [None, Some(Name::from("l:p:0:3:7"))];
        let inside = into_callee(&held, &roots);
        assert_eq!(inside, set(&["analytics", "check:a@*", "check:a@p1"]));
        // Not passed: it still ran, but on no value the callee has.
        let other = into_callee(&held, &[Some(Name::from("l:q:0:4:1"))]);
        assert_eq!(other, set(&["analytics", "check:a@*"]));
        assert!(ran(&other, "check:a"));
        assert!(!holds_on(&other, "check:a", &[Name::from("p0")]));
        assert!(holds_on(&inside, "check:a", &[Name::from("p1")]));
    }

    #[test]
    fn a_returned_bound_check_is_bound_to_the_callers_argument() {
        let ret = set(&["check:a@*", "check:a@p0", "check:b@l:x:0:1:1"]);
        let out = into_caller(&ret, &[Some(Name::from("p2"))]);
        assert_eq!(out, set(&["check:a@*", "check:a@p2"]));
    }

    #[test]
    fn bound_consent_holds_only_for_its_value() {
        let held = set(&["analytics@*", "analytics@p0"]);
        assert!(resolve_bound(&held, &[Name::from("p0")]).contains("analytics"));
        assert!(!resolve_bound(&held, &[Name::from("p1")]).contains("analytics"));
        assert_eq!(ran_bound(&held).collect::<Vec<_>>(), vec!["analytics"]);
    }
}

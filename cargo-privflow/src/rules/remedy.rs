//! What a reviewer needs to fix a finding, beyond the rule's own help: the calls by which the
//! data reaches a sink without the consent its purpose needs (the consent check that does not
//! dominate the sink), and the consent checks and encryption this workspace already has that
//! would lift the rule, by name and place.

use super::engine::{location, RuleInput};
use super::pack::RuleDef;
use crate::flow::value::{consented, covers};
use crate::flow::{Flow, SinkDesc};
use crate::hir::{FnId, Sanitizer};
use crate::model::PathStep;
use std::collections::BTreeSet;

/// How many of the workspace's checks or sanitizers a hint names.
const MAX_NAMED: usize = 3;

/// The calls, from an entry point down to the function where `flow`'s data is at hand, on which
/// no consent for `purpose` holds, each followed by a call of the same function on which it
/// does, if there is one. Empty when the flow is consented on entry (it then lacks consent
/// inside that function, between the data and the sink call).
pub(super) fn consent_steps(inp: &RuleInput<'_>, flow: &Flow, purpose: &str) -> Vec<PathStep> {
    let facts = inp.facts;
    let p = inp.p;
    let held_on_entry = |f: FnId| consented(&facts.consent_in[f.idx()], purpose);
    // Walk up the callers: each step one call that runs without the consent.
    let mut chain = Vec::new();
    let mut at = flow.in_fn;
    let mut seen: BTreeSet<FnId> = BTreeSet::from([at]);
    while !held_on_entry(at) {
        let unguarded = facts.calls.iter().find(|(caller, callee, at_call, _)| {
            *callee == at
                && !consented(at_call, purpose)
                && !consented(&facts.consent_in[caller.idx()], purpose)
        });
        let Some((caller, callee, _, span)) = unguarded else {
            break;
        };
        chain.push((*caller, *callee, *span));
        if !seen.insert(*caller) {
            break;
        }
        at = *caller;
    }
    chain.reverse();
    let entry = chain.first().map(|(caller, _, _)| *caller);
    let called = |f: FnId| facts.calls.iter().any(|(_, callee, _, _)| *callee == f);
    let mut steps = Vec::new();
    for (caller, callee, span) in chain {
        let mut note = format!(
            "`{}` calls `{}` here without consent for `{purpose}`",
            p.fn_label(caller),
            p.fn_label(callee)
        );
        if Some(caller) == entry && !called(caller) {
            note.push_str(" (an entry point: no analysed code calls it)");
        }
        steps.push(PathStep {
            location: location(inp.db, span),
            note,
        });
        // Where the same function is called with the consent: the check exists, but does not
        // cover every path.
        let covered = facts.calls.iter().find(|(other, c, at_call, _)| {
            *c == callee
                && (consented(at_call, purpose)
                    || consented(&facts.consent_in[other.idx()], purpose))
        });
        if let Some((other, _, _, span)) = covered {
            steps.push(PathStep {
                location: location(inp.db, *span),
                note: format!(
                    "`{}` calls `{}` with consent for `{purpose}`: only this path is covered",
                    p.fn_label(*other),
                    p.fn_label(callee)
                ),
            });
        }
    }
    steps
}

/// One sentence naming the consent checks (for consent rules) or the encryption (for
/// encryption rules) in this workspace that would lift `rule` for this sink, or `None`.
pub(super) fn workspace_hint(
    inp: &RuleInput<'_>,
    rule: &RuleDef,
    sink: &SinkDesc,
) -> Option<String> {
    let lift = &rule.lifted_by;
    if lift.consent {
        if let Some(purpose) = &sink.spec.purpose {
            let checks = named(inp, |f| {
                let c = inp.p.fn_(f).annots.consent.as_ref()?;
                covers(c, purpose).then(|| c.clone())
            });
            return Some(match checks {
                Some(list) => format!("Consent checks in this workspace that cover `{purpose}`: {list}."),
                None => format!(
                    "No function in this workspace is a #[privflow::consent] check for `{purpose}` or a prefix of it yet."
                ),
            });
        }
    }
    if lift.encryption && !sink.spec.encrypted {
        let found = named(inp, |f| {
            (inp.p.fn_(f).annots.sanitizer == Some(Sanitizer::Encrypt))
                .then(|| "encrypt".to_string())
        });
        return Some(match found {
            Some(list) => format!("Encryption in this workspace: {list}."),
            None => "No function in this workspace is a #[privflow::sanitizer(encrypt)] yet."
                .to_string(),
        });
    }
    // Sanitizers (anonymize, redact) lift most rules, but which one fits the data is the
    // reviewer's call: naming them all would suggest an IP anonymizer for a diagnosis.
    None
}

/// "`may_market` (src/lib.rs:14, marketing), …" for the analysed functions `what` describes.
fn named(inp: &RuleInput<'_>, what: impl Fn(FnId) -> Option<String>) -> Option<String> {
    let mut found: Vec<((String, u32), String)> = Vec::new();
    for (i, f) in inp.p.fns.iter().enumerate() {
        let id = FnId(i as u32);
        if f.cfg_test {
            continue;
        }
        if let Some(detail) = what(id) {
            let at = location(inp.db, f.ir.span);
            found.push((
                (at.file.clone(), at.line),
                format!(
                    "`{}` ({}:{}, {detail})",
                    inp.p.fn_label(id),
                    at.file,
                    at.line
                ),
            ));
        }
    }
    if found.is_empty() {
        return None;
    }
    found.sort();
    let total = found.len();
    let mut list: Vec<String> = found.into_iter().take(MAX_NAMED).map(|(_, s)| s).collect();
    if total > MAX_NAMED {
        list.push(format!("and {} more", total - MAX_NAMED));
    }
    Some(list.join(", "))
}

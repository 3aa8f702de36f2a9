//! What a reviewer needs to fix a finding, beyond the rule's own help: the calls by which the
//! data reaches a sink without the consent its purpose needs (the consent check that does not
//! dominate the sink), and the consent checks and encryption this workspace already has that
//! would lift the rule, by name and place.

use super::pack::RuleDef;
use crate::facts::Facts;
use crate::flow::value::{consented, covers, Purposes};
use crate::flow::{Flow, SinkDesc};
use crate::hir::{FnId, Sanitizer};
use crate::model::{Location, PathStep};
use crate::syntax::ir::Span;
use std::collections::BTreeSet;

/// How many of the workspace's checks or sanitizers a hint names.
const MAX_NAMED: usize = 3;

/// What the workspace offers for fixes, gathered once per run.
pub(super) struct Remedies<'a> {
    inp: &'a Facts<'a>,
    /// Per function: the calls of it, as (caller, consent held at the call, call span).
    callers: Vec<Vec<(FnId, &'a Purposes, Span)>>,
    /// `#[privflow::consent]` checks: (where, label, purpose), in file and line order.
    consent_checks: Vec<(Location, String, String)>,
    /// `#[privflow::sanitizer(encrypt)]` functions: (where, label), in file and line order.
    encryption: Vec<(Location, String)>,
}

impl<'a> Remedies<'a> {
    pub(super) fn new(inp: &'a Facts<'a>) -> Self {
        let p = inp.p;
        let mut callers: Vec<Vec<(FnId, &Purposes, Span)>> = vec![Vec::new(); p.fns.len()];
        for e in &inp.facts.calls {
            if let Some(list) = callers.get_mut(e.callee.idx()) {
                list.push((e.caller, &e.held, e.span));
            }
        }
        let mut consent_checks = Vec::new();
        let mut encryption = Vec::new();
        for (i, f) in p.fns.iter().enumerate() {
            if f.cfg_test {
                continue;
            }
            let id = FnId(i as u32);
            let at = || inp.db.location(f.ir.span);
            if let Some(purpose) = &f.annots.consent {
                consent_checks.push((at(), p.fn_label(id), purpose.clone()));
            }
            if f.annots.sanitizer == Some(Sanitizer::Encrypt) {
                encryption.push((at(), p.fn_label(id)));
            }
        }
        consent_checks.sort();
        encryption.sort();
        Remedies {
            inp,
            callers,
            consent_checks,
            encryption,
        }
    }

    /// The calls, from an entry point down to the function where `flow`'s data is at hand, on
    /// which no consent for `purpose` holds, each followed by a call of the same function on
    /// which it does, if there is one. Empty when the flow is consented on entry (it then lacks
    /// consent inside that function, between the data and the sink call).
    pub(super) fn consent_steps(&self, flow: &Flow, purpose: &str) -> Vec<PathStep> {
        let consent_in = &self.inp.facts.consent_in;
        let held_on_entry = |f: FnId| consented(&consent_in[f.idx()], purpose);
        let held_at =
            |caller: FnId, at_call: &Purposes| consented(at_call, purpose) || held_on_entry(caller);
        // Walk up the callers: each step one call that runs without the consent.
        let mut chain = Vec::new();
        let mut at = flow.in_fn;
        let mut seen: BTreeSet<FnId> = BTreeSet::from([at]);
        while !held_on_entry(at) {
            let unguarded = self.callers[at.idx()]
                .iter()
                .find(|(caller, at_call, _)| !held_at(*caller, at_call));
            let Some((caller, _, span)) = unguarded else {
                break;
            };
            chain.push((*caller, at, *span));
            if !seen.insert(*caller) {
                break;
            }
            at = *caller;
        }
        chain.reverse();

        let p = self.inp.p;
        let step = |span: Span, note: String| PathStep {
            location: self.inp.db.location(span),
            note,
        };
        let mut steps = Vec::new();
        for (i, (caller, callee, span)) in chain.into_iter().enumerate() {
            let mut note = format!(
                "`{}` calls `{}` here without consent for `{purpose}`",
                p.fn_label(caller),
                p.fn_label(callee)
            );
            if i == 0 && self.callers[caller.idx()].is_empty() {
                note.push_str(" (an entry point: no analysed code calls it)");
            }
            steps.push(step(span, note));
            // Where the same function is called with the consent: the check exists, but does
            // not cover every path.
            let covered = self.callers[callee.idx()]
                .iter()
                .find(|(other, at_call, _)| held_at(*other, at_call));
            if let Some((other, _, span)) = covered {
                let note = format!(
                    "`{}` calls `{}` with consent for `{purpose}`: only this path is covered",
                    p.fn_label(*other),
                    p.fn_label(callee)
                );
                steps.push(step(*span, note));
            }
        }
        steps
    }

    /// One sentence naming the consent checks (for consent rules) or the encryption (for
    /// encryption rules) in this workspace that would lift `rule` for this sink, or `None`.
    /// Sanitizers (anonymize, redact) lift most rules too, but which one fits the data is the
    /// reviewer's call: naming them all would suggest an IP anonymizer for a diagnosis.
    pub(super) fn hint(&self, rule: &RuleDef, sink: &SinkDesc) -> Option<String> {
        let lift = &rule.lifted_by;
        if let Some(purpose) = sink.spec.purpose.as_deref().filter(|_| lift.consent) {
            let checks = self
                .consent_checks
                .iter()
                .filter(|(_, _, held)| covers(held, purpose))
                .map(|(at, label, held)| (at, label, held.as_str()));
            return Some(match listed(checks) {
                Some(list) => {
                    format!("Consent checks in this workspace that cover `{purpose}`: {list}.")
                }
                None => format!(
                    "No function in this workspace is a #[privflow::consent] check for `{purpose}` or a prefix of it yet."
                ),
            });
        }
        if lift.encryption && !sink.spec.encrypted {
            let found = self
                .encryption
                .iter()
                .map(|(at, label)| (at, label, "encrypt"));
            return Some(match listed(found) {
                Some(list) => format!("Encryption in this workspace: {list}."),
                None => "No function in this workspace is a #[privflow::sanitizer(encrypt)] yet."
                    .to_string(),
            });
        }
        None
    }
}

/// "`may_market` (src/lib.rs:14, marketing), …": at most [`MAX_NAMED`], then how many more.
fn listed<'x>(items: impl Iterator<Item = (&'x Location, &'x String, &'x str)>) -> Option<String> {
    let all: Vec<String> = items
        .map(|(at, label, detail)| format!("`{label}` ({}:{}, {detail})", at.file, at.line))
        .collect();
    if all.is_empty() {
        return None;
    }
    let mut shown: Vec<String> = all.iter().take(MAX_NAMED).cloned().collect();
    if all.len() > MAX_NAMED {
        shown.push(format!("and {} more", all.len() - MAX_NAMED));
    }
    Some(shown.join(", "))
}

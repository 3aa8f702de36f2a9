//! The rules the annotations themselves state (SPEC §5, pack `privflow`, always on):
//! `privflow/unguarded-call` (a guarded fn called where one of its checks has not succeeded on
//! every path), `privflow/check-on-other-value` (a bound check or consent that ran on another
//! value) and `privflow/erasure-not-reached` (an `erases` fn that deletes nothing of a type).
//!
//! They report what [`crate::flow::policy`] computes from the flow facts (the checks held at each
//! guarded call, the deletions each `erases` fn reaches), with the paths a reviewer follows.

use super::engine::{make_finding, Ctx};
use super::pack::RuleDef;
use crate::flow::held;
use crate::flow::value::{consented, covers, Purposes};
use crate::flow::{CallEdge, Flow, SiteId};
use crate::hir::FnId;
use crate::model::{Finding, PathStep, SinkRef};
use crate::syntax::ir::Span;
use std::collections::{BTreeMap, BTreeSet};

/// The finding's "sink": the call (or attribute) it is about, named `name`.
fn site(cx: &Ctx<'_>, span: Span, name: String, kind: &str) -> SinkRef {
    SinkRef {
        location: cx.inp.db.location(span),
        name,
        kind: kind.to_string(),
        country: None,
        region: None,
        recipient: None,
        purpose: None,
        encrypted: false,
        persistent: false,
        retention_days: None,
        declared: None,
    }
}

/// Per function, the calls of it.
fn callers_of<'a>(cx: &Ctx<'a>) -> Vec<Vec<&'a CallEdge>> {
    let mut out = vec![Vec::new(); cx.inp.p.fns.len()];
    for e in &cx.inp.facts.calls {
        if let Some(l) = out.get_mut(e.callee.idx()) {
            l.push(e);
        }
    }
    out
}

/// A chain of calls from an entry point down to `start` on which `key` does not hold, as path
/// steps (entry point first), and the entry point.
fn unchecked_chain(
    cx: &Ctx<'_>,
    callers: &[Vec<&CallEdge>],
    start: FnId,
    key: &str,
) -> (FnId, Vec<PathStep>) {
    let cin = &cx.inp.facts.consent_in;
    let p = cx.inp.p;
    let mut at = start;
    let mut seen = BTreeSet::from([at]);
    let mut steps = Vec::new();
    loop {
        let next = callers[at.idx()].iter().find(|e| {
            let at_caller: Purposes = cin[e.caller.idx()].union(&e.held).cloned().collect();
            !held::ran(&held::into_callee(&at_caller, &e.arg_roots), key)
        });
        let Some(e) = next else { break };
        if !seen.insert(e.caller) {
            break;
        }
        steps.push(PathStep {
            location: cx.inp.db.location(e.span),
            note: format!(
                "`{}` calls `{}` here",
                p.fn_label(e.caller),
                p.fn_label(e.callee)
            ),
        });
        at = e.caller;
    }
    steps.reverse();
    (at, steps)
}

/// `privflow/unguarded-call` and, at guarded calls, `privflow/check-on-other-value`.
pub(super) fn guarded_calls(
    cx: &mut Ctx<'_>,
    rule: &RuleDef,
    rule_id: &str,
    other_value: bool,
    findings: &mut Vec<Finding>,
) {
    let inp = cx.inp;
    let p = inp.p;
    let callers = callers_of(cx);
    let mut seen: BTreeSet<(Span, String)> = BTreeSet::new();
    for status in crate::flow::policy::guarded_status(p, inp.facts) {
        let gc = status.call;
        let Some(g) = &p.fn_(gc.callee).annots.guarded else {
            continue;
        };
        let callee = p.fn_label(gc.callee);
        let missing = &status.missing;
        if !other_value {
            let Some(first) = missing.first() else {
                continue;
            };
            if !seen.insert((gc.span, rule_id.to_string()))
                || cx.suppressed(rule_id, gc.span, Some(gc.caller), None)
            {
                continue;
            }
            let key = held::check_key(first);
            // Missing here already, or on the way in from an entry point.
            let (entry, mut path) = if held::ran(&gc.held, &key) {
                (gc.caller, Vec::new())
            } else {
                unchecked_chain(cx, &callers, gc.caller, &key)
            };
            let names: Vec<String> = missing.iter().map(|c| format!("`{c}`")).collect();
            path.push(PathStep {
                location: inp.db.location(gc.span),
                note: format!(
                    "`{callee}` is called here without {} having succeeded",
                    names.join(", ")
                ),
            });
            let message = format!(
                "`{callee}` is guarded by {}, but can be called without {} having succeeded (from entry point `{}`): {}",
                g.by.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" and "),
                names.join(" and "),
                p.fn_label(entry),
                rule.summary
            );
            let sink = site(cx, gc.span, callee.clone(), "guarded call");
            findings.push(make_finding(rule, rule_id, message, sink, Vec::new(), path));
            continue;
        }
        // Every check ran: each bound one must have run on the guarded call's bound value.
        let wrong = &status.other_value;
        if wrong.is_empty()
            || !seen.insert((gc.span, rule_id.to_string()))
            || cx.suppressed(rule_id, gc.span, Some(gc.caller), None)
        {
            continue;
        }
        let cd = p.fn_(gc.callee);
        let offset = usize::from(cd.ir.self_param.is_some());
        let bound = cd
            .param_names()
            .get(g.binds.unwrap_or(0) as usize + offset)
            .cloned()
            .unwrap_or_default();
        let names: Vec<String> = wrong.iter().map(|c| format!("`{c}`")).collect();
        let message = format!(
            "{} ran, but not on the value `{callee}` receives as `{bound}`: {}",
            names.join(" and "),
            rule.summary
        );
        let path = vec![PathStep {
            location: inp.db.location(gc.span),
            note: format!(
                "`{callee}` acts on `{bound}`, which does not derive from the value {} checked",
                names.join(" and ")
            ),
        }];
        let sink = site(cx, gc.span, callee.clone(), "guarded call");
        findings.push(make_finding(rule, rule_id, message, sink, Vec::new(), path));
    }
}

/// `privflow/check-on-other-value` at sinks: consent for the sink's purpose was checked, bound,
/// on another value than the data the sink receives.
pub(super) fn consent_on_other_value(
    cx: &mut Ctx<'_>,
    rule: &RuleDef,
    rule_id: &str,
    by_site: &BTreeMap<SiteId, Vec<(&Flow, Purposes)>>,
    findings: &mut Vec<Finding>,
) {
    for (site_id, flows) in by_site {
        let s = cx.sink_ctx(*site_id);
        let Some(purpose) = s.desc.spec.purpose.clone() else {
            continue;
        };
        let other = flows.iter().find_map(|(f, consent)| {
            if !f.tag.is_concrete() || consented(consent, &purpose) {
                return None;
            }
            held::ran_bound(consent)
                .find(|k| covers(k, &purpose))
                .map(|k| (f, k.to_string()))
        });
        let Some((f, key)) = other else { continue };
        let span = cx.inp.facts.sites.get(*site_id).span;
        if cx.suppressed(rule_id, span, Some(f.in_fn), None) {
            continue;
        }
        let sink = cx.sink_ref(*site_id);
        let message = format!(
            "consent for `{key}` was checked, but on another value than the data `{}` receives: {}",
            sink.name, rule.summary
        );
        let path = vec![PathStep {
            location: sink.location.clone(),
            note: format!(
                "`{}` receives data that does not derive from the value consent for `{key}` was checked on",
                sink.name
            ),
        }];
        findings.push(make_finding(rule, rule_id, message, sink, Vec::new(), path));
    }
}

/// `privflow/erasure-not-reached`.
pub(super) fn erasure_reached(
    cx: &mut Ctx<'_>,
    rule: &RuleDef,
    rule_id: &str,
    findings: &mut Vec<Finding>,
) {
    let p = cx.inp.p;
    if p.erased.is_empty() {
        return;
    }
    let statuses = crate::flow::policy::erasure_status(p, cx.inp.facts);
    for st in statuses.iter().filter(|st| !st.reached) {
        let (s, f) = (st.strukt, st.erases);
        let d = p.fn_(f);
        let span = d.annots.erases_span.unwrap_or(d.ir.span);
        if cx.suppressed(rule_id, span, Some(f), Some(s)) {
            continue;
        }
        let ty = &p.struct_(s).name;
        let label = p.fn_label(f);
        let message = format!(
            "`{label}` is declared to erase `{ty}`, but reaches no deletion of `{ty}` records: {}",
            rule.summary
        );
        let mut path = Vec::new();
        if let Some(at) = st.stored_at {
            let sink = cx.sink_ref(at);
            let tables = crate::flow::policy::site_tables(cx.inp.facts, at);
            let into = match tables.as_slice() {
                [] => String::new(),
                ts => format!(" (table `{}`)", ts.join("`, `")),
            };
            path.push(PathStep {
                location: sink.location.clone(),
                note: format!("`{ty}` data is stored here by `{}`{into}", sink.name),
            });
        }
        path.push(PathStep {
            location: cx.inp.db.location(span),
            note: format!(
                "no call in `{label}` or what it calls deletes what identifies a `{ty}` (a sink with op = \"delete\" given the record or a value derived from it, or SQL that deletes from the table it is stored in)"
            ),
        });
        let sink = site(cx, span, label, "erases");
        findings.push(make_finding(rule, rule_id, message, sink, Vec::new(), path));
    }
}

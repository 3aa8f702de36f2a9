//! The rules the annotations themselves state (SPEC §5, pack `privflow`, always on):
//! `privflow/unguarded-call` (a guarded fn called where one of its checks has not succeeded on
//! every path), `privflow/check-on-other-value` (a bound check or consent that ran on another
//! value) and `privflow/erasure-not-reached` (an `erases` fn that deletes nothing of a type).
//!
//! They read what the flow layer recorded: the checks held at each guarded call and on entry to
//! each function ([`crate::flow::held`]), the call edges with their arguments' roots, and the
//! deletions with the roots of what they delete.

use super::engine::{make_finding, Ctx};
use super::pack::RuleDef;
use crate::flow::held;
use crate::flow::value::{consented, covers, Purposes};
use crate::flow::{CallEdge, Flow, SiteId};
use crate::hir::{FnId, StructId};
use crate::model::{Finding, PathStep, SinkRef};
use crate::syntax::ir::{Name, Span};
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
    for gc in &inp.facts.guarded_calls {
        let Some(g) = &p.fn_(gc.callee).annots.guarded else {
            continue;
        };
        let mut held_here = gc.held.clone();
        held_here.extend(inp.facts.consent_in[gc.caller.idx()].iter().cloned());
        let callee = p.fn_label(gc.callee);
        let missing: Vec<&String> =
            g.by.iter()
                .filter(|c| !held::ran(&held_here, &held::check_key(c)))
                .collect();
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
        if !missing.is_empty() || g.binds.is_none() {
            continue;
        }
        let roots: Vec<Name> = gc.bound_root.iter().cloned().collect();
        let wrong: Vec<&String> =
            g.by.iter()
                .filter(|c| {
                    let key = held::check_key(c);
                    !held_here.contains(key.as_str()) && !held::holds_on(&held_here, &key, &roots)
                })
                .collect();
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

/// The workspace types each function reaches a deletion of (itself or through its callees),
/// and the parameters (receiver counted) whose value it deletes records by.
/// What is stored where, read from the flows into storage: per table that SQL writes into, the
/// types whose data goes there; per type, the `stores` types of the sinks its data goes through
/// (a `SignupRequest` stored as `Customer`). Deleting the rows of a table, or the records of the
/// type data is stored as, deletes that data (SPEC §5: an `erases` naming the stored type
/// satisfies every type stored through it).
struct StoredThrough {
    in_table: BTreeMap<Name, BTreeSet<StructId>>,
    as_type: BTreeMap<StructId, BTreeSet<StructId>>,
    /// The types whose tagged data reaches some storage sink that is not a deletion, with the
    /// first such site (in site order).
    stored: BTreeMap<StructId, SiteId>,
}

fn stored_through(cx: &Ctx<'_>) -> StoredThrough {
    let facts = cx.inp.facts;
    let p = cx.inp.p;
    let mut tables: BTreeMap<SiteId, Vec<&Name>> = BTreeMap::new();
    for (site, t) in &facts.site_tables {
        tables.entry(*site).or_default().push(t);
    }
    let mut out = StoredThrough {
        in_table: BTreeMap::new(),
        as_type: BTreeMap::new(),
        stored: BTreeMap::new(),
    };
    for f in &facts.flows {
        let crate::flow::tags::Origin::Source(src) = f.tag.origin else {
            continue;
        };
        let strukt = match facts.sources.get(src).kind {
            crate::flow::SourceKind::Field { strukt, .. }
            | crate::flow::SourceKind::Type(strukt) => strukt,
            _ => continue,
        };
        for t in tables.get(&f.site).into_iter().flatten() {
            out.in_table.entry((*t).clone()).or_default().insert(strukt);
        }
        let spec = &facts.sinks[f.site.0 as usize].spec;
        if spec.kind == "storage" && !spec.delete {
            let first = out.stored.entry(strukt).or_insert(f.site);
            *first = (*first).min(f.site);
        }
        if let (Some(t), false) = (&spec.stores, spec.delete) {
            for target in p.structs_named(t) {
                if target != strukt {
                    out.as_type.entry(strukt).or_default().insert(target);
                }
            }
        }
    }
    out
}

/// What each function reaches of deletions: the types deleted, and whether some SQL deletion
/// from a table privflow cannot tie to any type (no data seen stored there, no erased type named
/// like it: `login_history` for `LoginAttempt`).
struct Reached {
    tys: Vec<BTreeSet<StructId>>,
    unknown_table: Vec<bool>,
}

fn deleted_types(cx: &Ctx<'_>, stored: &StoredThrough) -> Reached {
    let facts = cx.inp.facts;
    let n = cx.inp.p.fns.len();
    let mut tys: Vec<BTreeSet<StructId>> = vec![BTreeSet::new(); n];
    let mut params: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    let mut unknown_table = vec![false; n];
    let ty_of = |f: FnId, r: &str| {
        facts.root_tys[f.idx()]
            .iter()
            .find(|(n, _)| &**n == r)
            .map(|(_, s)| *s)
    };
    let param_index = |r: &str| r.strip_prefix('p').and_then(|i| i.parse::<usize>().ok());
    for d in &facts.deletions {
        tys[d.in_fn.idx()].extend(d.tys.iter().copied());
        for t in &d.tables {
            match stored.in_table.get(t) {
                Some(held) => tys[d.in_fn.idx()].extend(held.iter().copied()),
                None if cx.inp.p.erased_held_in(t).is_empty() => {
                    unknown_table[d.in_fn.idx()] = true;
                }
                None => {}
            }
        }
        for r in &d.roots {
            if let Some(i) = param_index(r) {
                params[d.in_fn.idx()].insert(i);
            }
        }
    }
    // Up the call edges to a fixpoint: sets only grow, within finitely many types and
    // parameters.
    loop {
        let mut changed = false;
        for e in &facts.calls {
            let (a, b) = (e.caller.idx(), e.callee.idx());
            if a == b {
                continue;
            }
            let add: Vec<StructId> = tys[b].difference(&tys[a]).copied().collect();
            changed |= !add.is_empty();
            tys[a].extend(add);
            if unknown_table[b] && !unknown_table[a] {
                unknown_table[a] = true;
                changed = true;
            }
            let ps: Vec<usize> = params[b].iter().copied().collect();
            for i in ps {
                let Some(Some(r)) = e.arg_roots.get(i) else {
                    continue;
                };
                if let Some(s) = ty_of(e.caller, r) {
                    changed |= tys[a].insert(s);
                }
                if let Some(j) = param_index(r) {
                    changed |= params[a].insert(j);
                }
            }
        }
        if !changed {
            break;
        }
    }
    Reached { tys, unknown_table }
}

/// The tables SQL at this storage site writes into.
fn facts_tables<'a>(cx: &Ctx<'a>, site: SiteId) -> Vec<&'a str> {
    cx.inp
        .facts
        .site_tables
        .iter()
        .filter(|(s, _)| *s == site)
        .map(|(_, t)| &**t)
        .collect()
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
    let stored = stored_through(cx);
    let reached = deleted_types(cx, &stored);
    let mut done: BTreeSet<(StructId, FnId)> = BTreeSet::new();
    for &(s, f) in &p.erased {
        let here = &reached.tys[f.idx()];
        let stored_as_deleted = stored
            .as_type
            .get(&s)
            .is_some_and(|ts| ts.iter().any(|t| here.contains(t)));
        // A type whose data privflow sees stored nowhere may be what a deletion from a table it
        // cannot tie to a type deletes: the benefit of the doubt, not a false alarm.
        let maybe_that_table = reached.unknown_table[f.idx()] && !stored.stored.contains_key(&s);
        if !done.insert((s, f)) || here.contains(&s) || stored_as_deleted || maybe_that_table {
            continue;
        }
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
        if let Some(&at) = stored.stored.get(&s) {
            let sink = cx.sink_ref(at);
            let tables: Vec<&str> = facts_tables(cx, at);
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

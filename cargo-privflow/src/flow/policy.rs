//! What the annotations' own policies (SPEC §5) come to, per guarded call and per erased type:
//! which checks did not succeed before a guarded call (or ran on another value), and whether an
//! `erases` fn reaches a deletion of each type it names. Pure functions of the flow facts, read
//! by the always-on rules (`rules/checks.rs`) and by the data map alike, so the two never
//! disagree.

use super::tags::Origin;
use super::{held, FlowFacts, GuardedCall, SiteId, SourceKind};
use crate::hir::{FnId, Program, StructId};
use crate::syntax::ir::Name;
use std::collections::{BTreeMap, BTreeSet};

/// What holds at one guarded call.
pub struct GuardedStatus<'a> {
    pub call: &'a GuardedCall,
    /// The checks of its `by` that did not succeed on every path from an entry point to it.
    pub missing: Vec<&'a str>,
    /// When none is missing: the bound checks that ran on another value than the call's bound
    /// argument.
    pub other_value: Vec<&'a str>,
}

/// Every guarded call, in call order, with what holds there.
pub fn guarded_status<'a>(p: &'a Program, facts: &'a FlowFacts) -> Vec<GuardedStatus<'a>> {
    let mut out = Vec::new();
    for gc in &facts.guarded_calls {
        let Some(g) = &p.fn_(gc.callee).annots.guarded else {
            continue;
        };
        let mut held_here = gc.held.clone();
        held_here.extend(facts.consent_in[gc.caller.idx()].iter().cloned());
        let missing: Vec<&str> =
            g.by.iter()
                .filter(|c| !held::ran(&held_here, &held::check_key(c)))
                .map(String::as_str)
                .collect();
        let other_value = if missing.is_empty() && g.binds.is_some() {
            let roots: Vec<Name> = gc.bound_root.iter().cloned().collect();
            g.by.iter()
                .filter(|c| {
                    let key = held::check_key(c);
                    !held_here.contains(key.as_str()) && !held::holds_on(&held_here, &key, &roots)
                })
                .map(String::as_str)
                .collect()
        } else {
            Vec::new()
        };
        out.push(GuardedStatus {
            call: gc,
            missing,
            other_value,
        });
    }
    out
}

/// One type an `erases` fn names.
pub struct ErasureStatus {
    pub strukt: StructId,
    pub erases: FnId,
    /// A deletion of its records is reached on some path from the function.
    pub reached: bool,
    /// Where its tagged data is first stored (in site order), if privflow sees it stored.
    pub stored_at: Option<SiteId>,
}

/// Every (type, `erases` fn) pair once, in declaration order.
pub fn erasure_status(p: &Program, facts: &FlowFacts) -> Vec<ErasureStatus> {
    if p.erased.is_empty() {
        return Vec::new();
    }
    let stored = stored_through(p, facts);
    let reached = deleted_types(p, facts, &stored);
    let mut done: BTreeSet<(StructId, FnId)> = BTreeSet::new();
    let mut out = Vec::new();
    for &(s, f) in &p.erased {
        if !done.insert((s, f)) {
            continue;
        }
        let here = &reached.tys[f.idx()];
        let stored_as_deleted = stored
            .as_type
            .get(&s)
            .is_some_and(|ts| ts.iter().any(|t| here.contains(t)));
        // A type whose data privflow sees stored nowhere may be what a deletion from a table it
        // cannot tie to a type deletes: the benefit of the doubt, not a false alarm.
        let maybe_that_table = reached.unknown_table[f.idx()] && !stored.stored.contains_key(&s);
        out.push(ErasureStatus {
            strukt: s,
            erases: f,
            reached: here.contains(&s) || stored_as_deleted || maybe_that_table,
            stored_at: stored.stored.get(&s).copied(),
        });
    }
    out
}

/// The tables SQL at this storage site writes into.
pub fn site_tables(facts: &FlowFacts, site: SiteId) -> Vec<&str> {
    facts
        .site_tables
        .iter()
        .filter(|(s, _)| *s == site)
        .map(|(_, t)| &**t)
        .collect()
}

/// What is stored where, read from the flows into storage: per table that SQL writes into, the
/// types whose data goes there; per type, the `stores` types of the sinks its data goes through
/// (a `SignupRequest` stored as `Customer`). Deleting the rows of a table, or the records of the
/// type data is stored as, deletes that data (SPEC §5: an `erases` naming the stored type
/// satisfies every type stored through it).
pub struct StoredThrough {
    pub in_table: BTreeMap<Name, BTreeSet<StructId>>,
    pub as_type: BTreeMap<StructId, BTreeSet<StructId>>,
    /// The types whose tagged data reaches some storage sink that is not a deletion, with the
    /// first such site (in site order).
    pub stored: BTreeMap<StructId, SiteId>,
}

fn stored_through(p: &Program, facts: &FlowFacts) -> StoredThrough {
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
        let Origin::Source(src) = f.tag.origin else {
            continue;
        };
        let strukt = match facts.sources.get(src).kind {
            SourceKind::Field { strukt, .. } | SourceKind::Type(strukt) => strukt,
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
    /// Per function, the types it reaches a deletion of (itself or through its callees).
    tys: Vec<BTreeSet<StructId>>,
    unknown_table: Vec<bool>,
}

/// The types each function reaches a deletion of, following deletions by a parameter's value
/// (receiver counted) up to the callers' arguments.
fn deleted_types(p: &Program, facts: &FlowFacts, stored: &StoredThrough) -> Reached {
    let n = p.fns.len();
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
                None if p.erased_held_in(t).is_empty() => {
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

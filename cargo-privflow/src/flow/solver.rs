//! Runs the body analysis to a fixpoint over the whole program and collects the facts.
//!
//! Functions are taken from a worklist bottom-up over the call graph's strongly connected
//! components ([`super::callgraph`]); a function is re-analysed when a callee's summary or the
//! written taint of a struct it reads changes. Why this ends, by construction (see
//! [`super::summary`]): every summary starts at the least element (a callee not analysed yet
//! contributes nothing), each new analysis is joined into the old summary, and a summary that
//! keeps changing is widened ([`SHALLOW_AFTER`], [`COLLAPSE_AFTER`]), so it only climbs a lattice
//! of finite height. Struct-field taint only grows, over finitely many (struct, field, tag)s.

use super::body::{analyze_fn, FnResult};
use super::demand::{Demand, Scope};
use super::summary::Widening;
use super::tags::{trace_len, Paths, SourceId, Tag};
use super::value::Purposes;
use super::*;
use crate::hir::{FnId, Program, SinkSpec, StructId, Ty, TyCtx};
use petgraph::graph::{DiGraph, NodeIndex};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};

/// Field nesting kept in summaries.
const SUMMARY_DEPTH: usize = 4;

/// Changes of a recursive function's summary after which its fields are cut to one level (a
/// component that does not settle: most functions' summaries change once, when first computed).
const SHALLOW_AFTER: u32 = 2;
/// Changes after which it is collapsed to whole-parameter tags.
const COLLAPSE_AFTER: u32 = SHALLOW_AFTER + 1;

fn widening_for(changes: u32) -> Widening {
    if changes >= COLLAPSE_AFTER {
        Widening::Collapsed
    } else if changes >= SHALLOW_AFTER {
        Widening::Shallow
    } else {
        Widening::None
    }
}

pub fn configured_spec(s: &LibrarySink) -> SinkSpec {
    let mut spec = SinkSpec::new(&s.kind);
    spec.region = s.region.clone();
    spec.recipient = s.recipient.clone();
    spec.purpose = s.purpose.clone();
    spec.encrypted = s.encrypted.unwrap_or(false);
    if let Some(p) = s.persistent {
        spec.persistent = p;
    }
    spec.retention_days = s.retention_days;
    spec.args = s.args.clone();
    spec.self_is_data = s.self_is_data;
    spec.delete = s.delete;
    if s.delete {
        // A deletion is not a write: nothing is stored by it (SPEC §5).
        spec.persistent = false;
    }
    spec
}

impl<'p> Shared<'p> {
    /// The sources a type declares (its type tag, its tagged fields, recursively through field
    /// types, containers and tuples); `serialize` leaves out `#[serde(skip)]` fields.
    pub fn ty_sources(
        &self,
        ty: &Ty,
        serialize: bool,
        out: &mut Vec<(SourceId, Option<StructId>)>,
        depth: usize,
    ) {
        self.ty_sources_except(ty, serialize, &[], out, depth);
    }

    /// [`Self::ty_sources`] without the fields `unset` names on the outer type (the fields a
    /// literal set to a constant: [`super::value::Value::unset`]).
    pub fn ty_sources_except(
        &self,
        ty: &Ty,
        serialize: bool,
        unset: &[Name],
        out: &mut Vec<(SourceId, Option<StructId>)>,
        depth: usize,
    ) {
        if depth > 6 {
            return;
        }
        if self.sources.list.is_empty() {
            return;
        }
        match ty {
            Ty::Adt(s, _) => {
                if !self.holds_sources.get(s.idx()).copied().unwrap_or(true) {
                    return;
                }
                if out.iter().any(|(_, st)| *st == Some(*s)) && depth > 0 {
                    return;
                }
                if let Some(src) = self.sources.ty.get(s) {
                    out.push((*src, Some(*s)));
                }
                let sd = self.p.struct_(*s);
                for (fi, f) in sd.all_fields().enumerate() {
                    if serialize && f.attrs.serde_skip || unset.contains(&f.name) {
                        continue;
                    }
                    if let Some(src) = self.sources.field.get(&(*s, fi)) {
                        out.push((*src, Some(*s)));
                    }
                    if let Some(ft) = self.field_tys[s.idx()].get(fi) {
                        let lib = matches!(ft, Ty::Lib(..)) && !self.sources.lib_ty.is_empty();
                        if lib || ft.adt().is_some() || matches!(ft, Ty::Alias(..) | Ty::Tuple(_)) {
                            self.ty_sources(ft, serialize, out, depth + 1);
                        }
                    }
                }
            }
            Ty::Alias(a, inner) => {
                if let Some(src) = self.sources.alias.get(a) {
                    out.push((*src, None));
                }
                self.ty_sources(inner, serialize, out, depth + 1);
            }
            Ty::Tuple(ts) => {
                for t in ts {
                    self.ty_sources(t, serialize, out, depth + 1);
                }
            }
            t if t.is_container() => self.ty_sources(&t.elem(), serialize, out, depth + 1),
            // A library type a config declares personal data (`actix_identity::Identity`).
            Ty::Lib(name, _) => {
                if let Some(src) = self.sources.of_lib_ty(name) {
                    out.push((src, None));
                }
            }
            _ => {}
        }
    }
}

/// The names whose mention makes a function a demand seed for the configs' library items: the
/// last segment of each configured library type and source (`Identity`, `fetch_contact`).
fn library_seed_names(sh: &Shared<'_>) -> Vec<String> {
    sh.configs
        .iter()
        .flat_map(|c| {
            c.types
                .iter()
                .map(|t| &t.path)
                .chain(c.sources.iter().map(|s| &s.path))
        })
        .filter_map(|path| path.rsplit("::").next().map(str::to_string))
        .collect()
}

/// Functions whose bodies are analysed: not test code, not annotated models (a sink's,
/// sanitizer's, source's or consent check's body is described by its annotation).
pub(crate) fn analysable(p: &Program, f: FnId) -> bool {
    let d = p.fn_(f);
    d.ir.body.is_some()
        && !d.cfg_test
        && !p.module(d.module).cfg_test
        && d.annots.sink.is_none()
        && d.annots.sanitizer.is_none()
        && d.annots.source.is_none()
        && d.annots.consent.is_none()
        && d.annots.check.is_none()
}

/// `scope`: whether every function is analysed, or only those tagged data can reach
/// ([`super::demand`]).
pub fn solve(p: &Program, configs: Vec<FlowConfig>, scope: Scope) -> FlowFacts {
    let mut sources = Sources::collect(p);
    sources.add_library(&configs);
    let field_tys: Vec<Vec<Ty>> = p
        .structs
        .iter()
        .map(|sd| {
            let cx = TyCtx {
                module: Some(sd.module),
                struct_params: sd.ir.generics.clone(),
                ..TyCtx::default()
            };
            sd.all_fields().map(|f| p.lower_ty(&cx, &f.ty)).collect()
        })
        .collect();
    let ty_ctx: Vec<TyCtx> = (0..p.fns.len()).map(|i| p.ty_ctx(FnId(i as u32))).collect();
    let deref_targets = deref_targets(p, &ty_ctx);
    let ret_tys: Vec<Ty> = p
        .fns
        .iter()
        .zip(&ty_ctx)
        .map(|(d, cx)| d.ir.ret.as_ref().map_or(Ty::Unknown, |t| p.lower_ty(cx, t)))
        .collect();
    let mut sh = Shared {
        p,
        sources,
        catalogue: catalogue::builtin(),
        configs,
        summaries: vec![None; p.fns.len()],
        field_taint: HashMap::new(),
        field_tys,
        ty_ctx,
        deref_targets,
        ret_tys,
        holds_sources: vec![true; p.structs.len()],
    };
    // Whether each struct holds a source, by the walk `ty_sources` itself makes (with every
    // struct assumed to hold one, so the walk is not cut short by what is being computed).
    let holds_sources: Vec<bool> = (0..p.structs.len())
        .map(|i| {
            let mut found = Vec::new();
            sh.ty_sources(
                &Ty::Adt(StructId(i as u32), Vec::new()),
                false,
                &mut found,
                0,
            );
            !found.is_empty()
        })
        .collect();
    let mut demand = match scope {
        Scope::Everything => Demand::everything(p),
        Scope::TaggedData => Demand::of_tagged_data(p, &holds_sources, &library_seed_names(&sh)),
    };
    sh.holds_sources = holds_sources;
    let mut paths = Paths::new();
    let mut sites = Sites::default();
    let order: Vec<FnId> = (0..p.fns.len())
        .map(|i| FnId(i as u32))
        .filter(|f| analysable(p, *f) && demand.wants(*f))
        .collect();
    let mut results: Vec<Option<FnResult>> = (0..p.fns.len()).map(|_| None).collect();
    let mut callers: HashMap<FnId, BTreeSet<FnId>> = HashMap::new();
    let mut readers: HashMap<StructId, BTreeSet<FnId>> = HashMap::new();
    // The worklist, in rounds, lowest rank first: callees before callers (see `callgraph`). A
    // function woken by a change is analysed later in this round if the round has not reached
    // it yet, else in the next: one re-analysis per round, however many of its callees change.
    let (rank, recursive) = super::callgraph::bottom_up_ranks(p);
    let mut queue: BinaryHeap<Reverse<(u32, FnId)>> =
        order.iter().map(|f| Reverse((rank[f.idx()], *f))).collect();
    let mut next_round: BinaryHeap<Reverse<(u32, FnId)>> = BinaryHeap::new();
    let mut queued: Vec<bool> = vec![false; p.fns.len()];
    for f in &order {
        queued[f.idx()] = true;
    }
    // How often each function's summary has changed (decides its widening).
    let mut changes: Vec<u32> = vec![0; p.fns.len()];
    loop {
        let Some(Reverse((at, f))) = queue.pop() else {
            if next_round.is_empty() {
                break;
            }
            std::mem::swap(&mut queue, &mut next_round);
            continue;
        };
        queued[f.idx()] = false;
        let mut r = analyze_fn(&sh, &mut paths, &mut sites, f);
        r.summary.ret.truncate(SUMMARY_DEPTH);
        for v in r.summary.effects.values_mut() {
            v.truncate(SUMMARY_DEPTH);
        }
        if let Some(old) = &sh.summaries[f.idx()] {
            // The old summary is the base: what it knows (a type, once known) stays, so each
            // component climbs and cannot cycle (`Some(f())` in `f` would otherwise wrap the
            // return type one `Option` deeper on every round).
            let mut joined = old.clone();
            joined.join(&r.summary);
            r.summary = joined;
        }
        // Only a recursive component needs widening to settle fast: any other function's summary
        // changes only when a callee's does, and widening it would only lose precision (a
        // collapsed parameter is every tag its type declares). The lattice is finite either way.
        if recursive[f.idx()] {
            r.summary.widen(widening_for(changes[f.idx()]));
        }
        let mut wake: BTreeSet<FnId> = BTreeSet::new();
        for e in &r.calls {
            callers.entry(e.callee).or_default().insert(f);
        }
        for s in &r.field_reads {
            readers.entry(*s).or_default().insert(f);
        }
        for ((s, name), tags) in &r.field_writes {
            if !tags.is_empty() {
                // Every value of `s` may now hold tagged data: what handles one is wanted.
                wake.extend(demand.add_struct(p, *s));
            }
            if sh
                .field_taint
                .entry(*s)
                .or_default()
                .entry(name.clone())
                .or_default()
                .union(tags)
            {
                if let Some(rs) = readers.get(s) {
                    wake.extend(rs.iter().copied());
                }
            }
        }
        let changed = match &sh.summaries[f.idx()] {
            Some(old) => !old.same_as(&r.summary),
            None => true,
        };
        if changed {
            changes[f.idx()] = changes[f.idx()].saturating_add(1);
            sh.summaries[f.idx()] = Some(r.summary.clone());
            if let Some(cs) = callers.get(&f) {
                wake.extend(cs.iter().copied());
            }
        }
        for w in wake {
            if !queued[w.idx()] && analysable(p, w) && demand.wants(w) {
                queued[w.idx()] = true;
                let item = Reverse((rank[w.idx()], w));
                if rank[w.idx()] > at {
                    queue.push(item);
                } else {
                    next_round.push(item);
                }
            }
        }
        results[f.idx()] = Some(r);
    }

    // Concrete flows, deduplicated per (site, tag, function): consent intersected, shortest way kept.
    let mut merged: BTreeMap<(SiteId, Tag, FnId), Flow> = BTreeMap::new();
    let mut calls = Vec::new();
    let mut guarded_calls = Vec::new();
    let mut deletions = Vec::new();
    let mut site_tables = Vec::new();
    let mut root_tys = vec![Vec::new(); p.fns.len()];
    for (fi, r) in results.iter_mut().enumerate() {
        let Some(r) = r else { continue };
        for fl in &r.flows {
            let key = (fl.site, fl.tag, fl.in_fn);
            match merged.get_mut(&key) {
                Some(m) => {
                    m.consent = m.consent.intersection(&fl.consent).cloned().collect();
                    m.roots.retain(|r| fl.roots.contains(r));
                    if trace_len(&fl.trace) < trace_len(&m.trace) {
                        m.trace = fl.trace.clone();
                    }
                }
                None => {
                    merged.insert(key, fl.clone());
                }
            }
        }
        calls.append(&mut r.calls);
        guarded_calls.append(&mut r.guarded_calls);
        deletions.append(&mut r.deletions);
        site_tables.append(&mut r.site_tables);
        root_tys[fi] = std::mem::take(&mut r.root_tys);
    }
    site_tables.sort();
    site_tables.dedup();
    let consent_in = consent_in(p, &calls);
    let flows: Vec<Flow> = merged.into_values().collect();
    let sinks = describe_sinks(p, &sh, &sites);
    let graph = graph::FlowGraph::build(&sites, &flows);
    FlowFacts {
        sources: sh.sources,
        sites,
        sinks,
        flows,
        consent_in,
        calls,
        guarded_calls,
        deletions,
        site_tables,
        root_tys,
        graph,
    }
}

/// Per struct: the type it dereferences to, the return type of the `deref` method of its
/// `impl Deref` (a reference, seen through), when that is another workspace type.
fn deref_targets(p: &Program, ty_ctx: &[TyCtx]) -> Vec<Option<Ty>> {
    let mut out = vec![None; p.structs.len()];
    for imp in p.impls.iter().filter(|i| !i.cfg_test) {
        let Some(s) = imp.self_struct else { continue };
        for f in &imp.fns {
            let d = p.fn_(*f);
            if &*d.name != "deref" {
                continue;
            }
            let Some(ret) = &d.ir.ret else { continue };
            let t = p.lower_ty(&ty_ctx[f.idx()], ret);
            if t.adt().is_some_and(|t| t != s) && out[s.idx()].is_none() {
                out[s.idx()] = Some(t);
            }
        }
    }
    out
}

/// Consent that holds on entry to each function: the intersection, over its call sites, of the
/// consent at the call plus the caller's own. Functions no other analysed code calls (entry
/// points, and cycles only called from within) start with none.
///
/// Consent and checks bound to a value cross each call by the roots of its arguments
/// ([`super::held::into_callee`]); the keys a function can hold are finitely many (each
/// check or purpose, bound or not to each parameter), so the iteration ends.
fn consent_in(p: &Program, calls: &[super::CallEdge]) -> Vec<Purposes> {
    let n = p.fns.len();
    let mut g: DiGraph<FnId, ()> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..n).map(|i| g.add_node(FnId(i as u32))).collect();
    for e in calls {
        g.add_edge(nodes[e.caller.idx()], nodes[e.callee.idx()], ());
    }
    let sccs = petgraph::algo::tarjan_scc(&g);
    let mut scc_of = vec![0usize; n];
    for (i, scc) in sccs.iter().enumerate() {
        for nd in scc {
            scc_of[g[*nd].idx()] = i;
        }
    }
    let mut has_outside_caller = vec![false; sccs.len()];
    for e in calls {
        if scc_of[e.caller.idx()] != scc_of[e.callee.idx()] {
            has_outside_caller[scc_of[e.callee.idx()]] = true;
        }
    }
    // None = "every purpose" (not yet constrained).
    let mut cin: Vec<Option<Purposes>> = (0..n)
        .map(|i| {
            if has_outside_caller[scc_of[i]] {
                None
            } else {
                Some(Purposes::new())
            }
        })
        .collect();
    let mut incoming: Vec<Vec<&super::CallEdge>> = vec![Vec::new(); n];
    for e in calls {
        incoming[e.callee.idx()].push(e);
    }
    // tarjan_scc yields callees before callers; walk callers first.
    let topo: Vec<usize> = sccs
        .iter()
        .rev()
        .flat_map(|s| s.iter().map(|nd| g[*nd].idx()))
        .collect();
    for _ in 0..64 {
        let mut changed = false;
        for &f in &topo {
            if !has_outside_caller[scc_of[f]] {
                continue;
            }
            let mut acc: Option<Purposes> = None;
            for e in &incoming[f] {
                let Some(c_in) = &cin[e.caller.idx()] else {
                    continue;
                };
                let at_caller: Purposes = c_in.union(&e.held).cloned().collect();
                let held = super::held::into_callee(&at_caller, &e.arg_roots);
                acc = Some(match acc {
                    None => held,
                    Some(a) => a.intersection(&held).cloned().collect(),
                });
            }
            if acc.is_some() && acc != cin[f] {
                cin[f] = acc;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    cin.into_iter().map(|c| c.unwrap_or_default()).collect()
}

/// A catalogue entry seen from crate config `config` (whose default region applies), named
/// `name` (the macro called) or by the entry's own name.
///
/// `via`, the literal URL the call names: `https://` is encrypted in transit and `http://` is
/// not, and a known service's host names its recipient where the entry names none.
fn catalogue_desc(
    sh: &Shared<'_>,
    entry: u32,
    config: usize,
    name: Option<&Name>,
    via: Option<&str>,
) -> SinkDesc {
    let Some(e) = sh.catalogue.entries.get(entry as usize) else {
        return SinkDesc {
            name: name.map_or_else(String::new, |n| n.to_string()),
            spec: SinkSpec::new("log"),
            decl: None,
        };
    };
    let mut spec = e.spec.clone();
    if spec.region.is_none() {
        spec.region = sh.configs.get(config).and_then(|c| c.region.clone());
    }
    // The name stays the entry's: fingerprints (and so baselines) are made from it.
    let name = name.map_or_else(|| e.name.clone(), |n| n.to_string());
    if let Some(url) = via {
        if matches!(
            spec.kind.as_str(),
            "network" | "email" | "sms" | "analytics"
        ) {
            spec.encrypted = catalogue::url_is_encrypted(url);
        }
        if let Some(host) = catalogue::url_host(url) {
            if spec.recipient.is_none() {
                spec.recipient = sh.catalogue.host_recipient(host).map(str::to_string);
            }
        }
    }
    SinkDesc {
        name,
        spec,
        decl: None,
    }
}

/// Each site's sink, with the defaults of the crate that declares it applied.
fn describe_sinks(p: &Program, sh: &Shared<'_>, sites: &Sites) -> Vec<SinkDesc> {
    sites
        .list
        .iter()
        .map(|(site, _)| match &site.sink {
            SinkRef::Fn(f) => {
                let d = p.fn_(*f);
                let mut spec = d
                    .annots
                    .sink
                    .clone()
                    .unwrap_or_else(|| SinkSpec::new("log"));
                if spec.region.is_none() {
                    let krate = p.crate_of(d.module);
                    let cfg = p.crates.get(krate.idx()).map(|c| c.config).unwrap_or(0);
                    spec.region = sh.configs.get(cfg).and_then(|c| c.region.clone());
                }
                SinkDesc {
                    name: p.fn_label(*f),
                    spec,
                    decl: Some(d.ir.span),
                }
            }
            SinkRef::Lib { entry, config, via } => {
                catalogue_desc(sh, *entry, *config, None, via.as_deref())
            }
            SinkRef::LogMacro {
                entry,
                name,
                config,
            } => catalogue_desc(sh, *entry, *config, Some(name), None),
            SinkRef::Configured { config, index } => {
                let s = &sh.configs[*config].sinks[*index];
                let mut spec = configured_spec(s);
                if spec.region.is_none() {
                    spec.region = sh.configs.get(*config).and_then(|c| c.region.clone());
                }
                let name = match &s.methods {
                    Some(ms) => format!("{}::{{{}}}", s.path, ms.join(", ")),
                    None => s.path.clone(),
                };
                SinkDesc {
                    name,
                    spec,
                    decl: None,
                }
            }
        })
        .collect()
}

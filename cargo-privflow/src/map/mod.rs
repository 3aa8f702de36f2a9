//! The data map: what personal data the code holds, and where each piece goes.
//!
//! Built from the same flow facts the rules read ([`build`]), so the map and the findings never
//! disagree. It is a plain, serialisable model; [`drift`] compares it with the packs' statements
//! and `render` turns it into Markdown, JSON, Graphviz DOT, Mermaid, HTML and a fideslang
//! `system` manifest. Pure: no I/O.

pub mod drift;
pub mod render;

use crate::facts::Facts;
use crate::flow::tags::{trace_steps, Origin};
use crate::flow::SiteId;
use crate::hir::{FnId, Sanitizer};
use crate::model::Location;
use crate::syntax::ir::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Everything `cargo privflow map` shows. Ids (`d1`, `s1`) are stable for the same input:
/// data are numbered in (file, line, label) order, sinks in (file, line, column) order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataMap {
    /// The packs whose statements the drift section compares with.
    pub packs: Vec<String>,
    /// Every tagged field, type and source function.
    pub data: Vec<MapData>,
    /// Every sink call in analysed code, reached by tagged data or not.
    pub sinks: Vec<MapSink>,
    /// Which data reaches which sink, through which functions, with which safeguards.
    pub flows: Vec<MapFlow>,
    /// Per organisation that receives data (a sink's `recipient`): what it receives.
    pub recipients: Vec<MapRecipient>,
    /// Per pack: what the code does that its statement does not disclose, and the reverse.
    pub drift: Vec<drift::PackDrift>,
    /// The guarded actions (`#[privflow::guarded]`), with every call and what did not hold there.
    #[serde(default)]
    pub guarded: Vec<MapGuarded>,
    /// Per type an `#[privflow::erases]` fn names: whether it reaches a deletion of it.
    #[serde(default)]
    pub erasure: Vec<MapErasure>,
}

/// A function that may run only after named checks succeeded (SPEC §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapGuarded {
    /// `g1`, `g2`, .. in location order.
    pub id: String,
    pub function: String,
    /// The checks that must all have succeeded (`by`).
    pub checks: Vec<String>,
    /// The checks must be about the value it acts on (`binds`).
    pub bound: bool,
    pub location: Location,
    pub calls: Vec<MapGuardedCall>,
}

/// One table row of a guarded action: the caller (None: nothing calls it), the checks missing
/// there, the checks run on another value, and where.
pub type GuardedRow<'a> = (Option<&'a str>, &'a [String], &'a [String], &'a Location);

impl MapGuarded {
    /// A row per call, or one row saying nothing calls it.
    pub fn rows(&self) -> Vec<GuardedRow<'_>> {
        if self.calls.is_empty() {
            return vec![(None, &[], &[], &self.location)];
        }
        self.calls
            .iter()
            .map(|c| {
                (
                    Some(c.function.as_str()),
                    c.missing.as_slice(),
                    c.other_value.as_slice(),
                    &c.location,
                )
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapGuardedCall {
    /// The function that makes the call.
    pub function: String,
    pub location: Location,
    /// Checks that did not succeed on every path to the call.
    pub missing: Vec<String>,
    /// Bound checks that ran on another value.
    pub other_value: Vec<String>,
}

/// One type an erasure function names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapErasure {
    /// The type (`Customer`).
    pub data_type: String,
    /// The `erases` function.
    pub function: String,
    pub location: Location,
    /// It reaches a deletion of the type's records on some path.
    pub deletes: bool,
    /// Where the type's tagged data is first stored, if privflow sees it stored.
    pub stored_at: Option<Location>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapData {
    pub id: String,
    /// `Patient.diagnosis`, `LabResult`, `read_glucose()`.
    pub label: String,
    /// `phi` or `pii`.
    pub class: String,
    /// Fideslang data category (`user.` prefixed).
    pub category: String,
    pub subject: Option<String>,
    /// Purposes the data was collected for (`purposes = [..]`).
    pub purposes: Vec<String>,
    pub location: Location,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapSink {
    pub id: String,
    /// The sink function (`upload_to_s3`, `println!`).
    pub name: String,
    /// The function whose code makes the call.
    pub function: String,
    pub kind: String,
    pub region: Option<String>,
    pub country: Option<String>,
    pub recipient: Option<String>,
    pub purpose: Option<String>,
    pub encrypted: bool,
    pub persistent: bool,
    pub retention_days: Option<u64>,
    /// The call.
    pub location: Location,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapFlow {
    pub data: String,
    pub sink: String,
    /// Functions the data passes through on the way, in order (the sink's caller last).
    pub via: Vec<String>,
    /// Consent purposes checked on every path to the sink.
    pub consented: Vec<String>,
    /// Sanitizers applied on every path (`encrypt`, `anonymize`, ...).
    pub sanitized: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapRecipient {
    pub name: String,
    pub countries: Vec<String>,
    pub purposes: Vec<String>,
    pub categories: Vec<String>,
    /// Data labels it receives.
    pub data: Vec<String>,
    pub sinks: Vec<String>,
}

/// The guarded actions, in location order, each with its calls in location order.
fn guarded(inp: &Facts<'_>) -> Vec<MapGuarded> {
    let p = inp.p;
    let mut by_fn: BTreeMap<FnId, Vec<MapGuardedCall>> = BTreeMap::new();
    for st in crate::flow::policy::guarded_status(p, inp.facts) {
        by_fn
            .entry(st.call.callee)
            .or_default()
            .push(MapGuardedCall {
                function: p.fn_label(st.call.caller),
                location: inp.db.location(st.call.span),
                missing: st.missing.iter().map(|c| c.to_string()).collect(),
                other_value: st.other_value.iter().map(|c| c.to_string()).collect(),
            });
    }
    // A guarded fn no analysed code calls is listed too (with no calls).
    for (i, d) in p.fns.iter().enumerate() {
        if d.annots.guarded.is_some() {
            by_fn.entry(FnId(i as u32)).or_default();
        }
    }
    let mut out: Vec<MapGuarded> = by_fn
        .into_iter()
        .filter_map(|(f, mut calls)| {
            let d = p.fn_(f);
            let g = d.annots.guarded.as_ref()?;
            calls.sort_by(|a, b| a.location.cmp(&b.location));
            calls.dedup();
            Some(MapGuarded {
                id: String::new(),
                function: p.fn_label(f),
                checks: g.by.clone(),
                bound: g.binds.is_some(),
                location: inp.db.location(g.span),
                calls,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.location, &a.function).cmp(&(&b.location, &b.function)));
    for (n, g) in out.iter_mut().enumerate() {
        g.id = format!("g{}", n + 1);
    }
    out
}

/// Per (type, `erases` fn): whether a deletion is reached, in location order.
fn erasure(inp: &Facts<'_>) -> Vec<MapErasure> {
    let p = inp.p;
    let mut out: Vec<MapErasure> = crate::flow::policy::erasure_status(p, inp.facts)
        .into_iter()
        .map(|st| {
            let d = p.fn_(st.erases);
            MapErasure {
                data_type: p.struct_(st.strukt).name.to_string(),
                function: p.fn_label(st.erases),
                location: inp.db.location(d.annots.erases_span.unwrap_or(d.ir.span)),
                deletes: st.reached,
                stored_at: st.stored_at.map(|s| inp.sink_ref(s).location),
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.location, &a.data_type).cmp(&(&b.location, &b.data_type)));
    out
}

/// Builds the map from the analysis. `packs` are the ones that ran (for the drift section).
pub fn build(inp: &Facts<'_>) -> DataMap {
    let facts = inp.facts;
    let p = inp.p;

    // Data: every source, numbered in location order.
    let mut sources: Vec<(Location, String, usize)> = facts
        .sources
        .list
        .iter()
        .enumerate()
        .map(|(i, s)| (inp.db.location(s.tag.span), s.label.clone(), i))
        .collect();
    sources.sort();
    let mut data_id: BTreeMap<usize, String> = BTreeMap::new();
    let mut data = Vec::new();
    for (n, (loc, label, i)) in sources.into_iter().enumerate() {
        let s = &facts.sources.list[i];
        let id = format!("d{}", n + 1);
        data_id.insert(i, id.clone());
        data.push(MapData {
            id,
            label,
            class: s.tag.class.as_str().to_string(),
            category: s.tag.category.clone(),
            subject: s.tag.subject.clone(),
            purposes: s.tag.purposes.clone(),
            location: loc,
        });
    }

    // Sinks: every call site, numbered in location order.
    let mut sites: Vec<(Location, usize)> = (0..facts.sites.list.len())
        .map(|i| (inp.db.location(facts.sites.list[i].0.span), i))
        .collect();
    sites.sort();
    let mut sink_id: BTreeMap<usize, String> = BTreeMap::new();
    let mut sinks = Vec::new();
    for (n, (_, i)) in sites.into_iter().enumerate() {
        let r = inp.sink_ref(SiteId(i as u32));
        let id = format!("s{}", n + 1);
        sink_id.insert(i, id.clone());
        sinks.push(MapSink {
            id,
            name: r.name,
            function: p.fn_label(facts.sites.list[i].1),
            kind: r.kind,
            region: r.region,
            country: r.country,
            recipient: r.recipient,
            purpose: r.purpose,
            encrypted: r.encrypted,
            persistent: r.persistent,
            retention_days: r.retention_days,
            location: r.location,
        });
    }

    // Flows, merged per (data, sink): safeguards are what holds on every path.
    let bodies = BodyIndex::new(inp);
    let mut merged: BTreeMap<(String, String), MapFlow> = BTreeMap::new();
    for f in &facts.flows {
        let Origin::Source(src) = f.tag.origin else {
            continue;
        };
        let (Some(d), Some(s)) = (
            data_id.get(&(src.0 as usize)),
            sink_id.get(&(f.site.0 as usize)),
        ) else {
            continue;
        };
        let mut consent: BTreeSet<String> = f.consent.iter().map(|c| c.to_string()).collect();
        consent.extend(
            facts
                .consent_in
                .get(f.in_fn.idx())
                .into_iter()
                .flatten()
                .map(|c| c.to_string()),
        );
        let sanitized: BTreeSet<String> = Sanitizer::ALL
            .iter()
            .filter(|z| f.tag.san & z.bit() != 0)
            .map(|z| z.as_str().to_string())
            .collect();
        let mut via: Vec<String> = Vec::new();
        for step in trace_steps(&f.trace) {
            if let Some(func) = bodies.enclosing(step.span) {
                let label = p.fn_label(func);
                if via.last() != Some(&label) {
                    via.push(label);
                }
            }
        }
        let caller = p.fn_label(f.in_fn);
        if via.last() != Some(&caller) {
            via.push(caller);
        }
        match merged.get_mut(&(d.clone(), s.clone())) {
            Some(m) => {
                m.consented.retain(|c| consent.contains(c));
                m.sanitized.retain(|z| sanitized.contains(z));
                // Keep the shortest way as the one shown.
                if via.len() < m.via.len() {
                    m.via = via;
                }
            }
            None => {
                merged.insert(
                    (d.clone(), s.clone()),
                    MapFlow {
                        data: d.clone(),
                        sink: s.clone(),
                        via,
                        consented: consent.into_iter().collect(),
                        sanitized: sanitized.into_iter().collect(),
                    },
                );
            }
        }
    }
    let mut flows: Vec<MapFlow> = merged.into_values().collect();
    let order = |id: &str| id[1..].parse::<usize>().unwrap_or(usize::MAX);
    flows.sort_by_key(|f| (order(&f.data), order(&f.sink)));

    let recipients = recipients(&data, &sinks, &flows);
    let mut map = DataMap {
        packs: inp.packs.iter().map(|p| p.pack.id.clone()).collect(),
        data,
        sinks,
        flows,
        recipients,
        drift: Vec::new(),
        guarded: guarded(inp),
        erasure: erasure(inp),
    };
    map.drift = inp
        .packs
        .iter()
        .filter(|p| p.pack.statement.is_some())
        .map(|pack| drift::compare(&map, pack, inp.regions))
        .collect();
    map
}

fn recipients(data: &[MapData], sinks: &[MapSink], flows: &[MapFlow]) -> Vec<MapRecipient> {
    let mut out: BTreeMap<String, MapRecipient> = BTreeMap::new();
    // Looked up per sink: scanning every flow and every data item for each would be quadratic.
    let mut flows_of: HashMap<&str, Vec<&MapFlow>> = HashMap::new();
    for f in flows {
        flows_of.entry(f.sink.as_str()).or_default().push(f);
    }
    let data_of: HashMap<&str, &MapData> = data.iter().map(|d| (d.id.as_str(), d)).collect();
    for s in sinks {
        let Some(name) = &s.recipient else { continue };
        let r = out.entry(name.clone()).or_insert_with(|| MapRecipient {
            name: name.clone(),
            countries: Vec::new(),
            purposes: Vec::new(),
            categories: Vec::new(),
            data: Vec::new(),
            sinks: Vec::new(),
        });
        push_unique(&mut r.sinks, &s.id);
        if let Some(c) = &s.country {
            push_unique(&mut r.countries, c);
        }
        if let Some(pu) = &s.purpose {
            push_unique(&mut r.purposes, pu);
        }
        for f in flows_of.get(s.id.as_str()).into_iter().flatten() {
            if let Some(d) = data_of.get(f.data.as_str()) {
                push_unique(&mut r.categories, &d.category);
                push_unique(&mut r.data, &d.label);
            }
        }
    }
    let mut list: Vec<MapRecipient> = out.into_values().collect();
    for r in &mut list {
        r.countries.sort();
        r.purposes.sort();
        r.categories.sort();
        r.data.sort();
    }
    list
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// Finds the function whose body holds a span (the innermost, for nested functions).
struct BodyIndex {
    /// Per file: (body span, fn, the innermost other body around it), sorted by start (outer
    /// first when two start at the same place).
    bodies: BTreeMap<u32, Vec<(Span, FnId, Option<usize>)>>,
}

fn span_within(b: &Span, sp: &Span) -> bool {
    (b.line, b.col) <= (sp.line, sp.col) && (sp.end_line, sp.end_col) <= (b.end_line, b.end_col)
}

impl BodyIndex {
    fn new(inp: &Facts<'_>) -> BodyIndex {
        let mut bodies: BTreeMap<u32, Vec<(Span, FnId, Option<usize>)>> = BTreeMap::new();
        for (i, f) in inp.p.fns.iter().enumerate() {
            if let Some(b) = &f.ir.body {
                bodies
                    .entry(b.span.file.0)
                    .or_default()
                    .push((b.span, FnId(i as u32), None));
            }
        }
        for v in bodies.values_mut() {
            v.sort_by_key(|(s, _, _)| (s.line, s.col, std::cmp::Reverse((s.end_line, s.end_col))));
            // Bodies nest or are disjoint: a sweep with a stack finds each one's parent.
            let mut open: Vec<usize> = Vec::new();
            for i in 0..v.len() {
                while let Some(&top) = open.last() {
                    if span_within(&v[top].0, &v[i].0) {
                        break;
                    }
                    open.pop();
                }
                v[i].2 = open.last().copied();
                open.push(i);
            }
        }
        BodyIndex { bodies }
    }

    fn enclosing(&self, sp: Span) -> Option<FnId> {
        // The innermost body is the one that starts last among those containing the span: the
        // last to start before it, or one of that body's parents (a scan of every body for
        // every step made the map quadratic in the number of functions).
        let v = self.bodies.get(&sp.file.0)?;
        let mut i = v
            .partition_point(|(b, _, _)| (b.line, b.col) <= (sp.line, sp.col))
            .checked_sub(1)?;
        loop {
            let (b, f, parent) = &v[i];
            if span_within(b, &sp) {
                return Some(*f);
            }
            i = (*parent)?;
        }
    }
}

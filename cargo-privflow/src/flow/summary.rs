//! Function summaries and their lattice: what a function does with its parameters, as its
//! callers see it, and how successive approximations of it are joined and widened.
//!
//! A summary is three maps over symbolic tags (`Param(i, path)`): the return value, the sink
//! hits, and the final contents of `&mut` parameters. The solver starts every summary at the
//! least element and joins each new analysis of a function into its summary; a summary that
//! keeps changing (a recursive component that does not settle) is *widened* in two steps: field
//! contents cut to one level, then collapsed into whole-value tags with every access path cut to
//! "any part of the parameter". The lattice has finite height (tags and sites are finite, access
//! paths are bounded in depth and number per parameter, fields in depth and number of nodes,
//! types once known stay, consent only shrinks), so the fixpoint is reached by construction;
//! widening only adds tags, so a bound hit makes results coarser, never cleaner.

use super::tags::{trace_len, Origin, Paths, Tag, TagSet, Trace};
use super::value::{Purposes, Value};
use super::SiteId;
use std::collections::BTreeMap;

/// A symbolic sink hit in a summary: what arrives, its way so far, the consent on the way.
#[derive(Debug, Clone)]
pub struct HitInfo {
    pub trace: Trace,
    pub consent: Purposes,
}

#[derive(Debug, Clone, Default)]
pub struct FnSummary {
    pub ret: Value,
    /// Parameter-derived data reaching sinks: (site, symbolic tag) → way and consent.
    pub hits: BTreeMap<(SiteId, Tag), HitInfo>,
    /// Final contents of `&mut` parameters (self first), for the caller's arguments.
    pub effects: BTreeMap<u16, Value>,
}

/// How far a summary has been widened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Widening {
    /// Field contents kept to [`super::solver`]'s summary depth.
    None,
    /// Field contents of the return value and effects cut to one level.
    Shallow,
    /// Return value, effects and hits collapsed to whole-parameter tags.
    Collapsed,
}

impl FnSummary {
    /// Equality for the fixpoint: traces ignored, consent sets compared.
    pub fn same_as(&self, o: &FnSummary) -> bool {
        self.ret == o.ret
            && self.effects == o.effects
            && self.hits.len() == o.hits.len()
            && self
                .hits
                .iter()
                .zip(o.hits.iter())
                .all(|((k1, v1), (k2, v2))| k1 == k2 && v1.consent == v2.consent)
    }

    /// The least upper bound of two summaries: values joined, hits united with the consent
    /// that holds on both (intersection), the shorter way kept.
    pub fn join(&mut self, other: &FnSummary) {
        self.ret.join(&other.ret);
        for (i, v) in &other.effects {
            self.effects.entry(*i).or_default().join(v);
        }
        for (k, h) in &other.hits {
            self.add_hit(*k, h.clone());
        }
    }

    /// Records that `key`'s data reaches its site with `h`'s consent and way: a hit already
    /// there keeps the consent both hold and the shorter way.
    pub fn add_hit(&mut self, key: (SiteId, Tag), h: HitInfo) {
        match self.hits.get_mut(&key) {
            Some(mine) => merge_hit(mine, &h),
            None => {
                self.hits.insert(key, h);
            }
        }
    }

    /// Widens to `level` (no-op below it). Only ever adds tags.
    pub fn widen(&mut self, level: Widening) {
        match level {
            Widening::None => {}
            Widening::Shallow => {
                self.ret.truncate(1);
                for v in self.effects.values_mut() {
                    v.truncate(1);
                }
            }
            Widening::Collapsed => {
                collapse(&mut self.ret);
                for v in self.effects.values_mut() {
                    collapse(v);
                }
                let hits = std::mem::take(&mut self.hits);
                for ((site, tag), h) in hits {
                    self.add_hit((site, root_tag(tag)), h);
                }
            }
        }
    }
}

fn merge_hit(mine: &mut HitInfo, h: &HitInfo) {
    mine.consent = mine.consent.intersection(&h.consent).cloned().collect();
    if trace_len(&h.trace) < trace_len(&mine.trace) {
        mine.trace = h.trace.clone();
    }
}

/// The tag for any part of the parameter a symbolic tag is a part of.
fn root_tag(t: Tag) -> Tag {
    match t.origin {
        Origin::Param(i, p) if p != Paths::ANY => Tag {
            origin: Origin::Param(i, Paths::ANY),
            san: t.san,
        },
        _ => t,
    }
}

/// A value folded into its whole-value tags, each symbolic one for its whole parameter.
fn collapse(v: &mut Value) {
    v.truncate(0);
    let mut tags = TagSet::default();
    for (t, tr) in v.tags.iter() {
        tags.insert(root_tag(*t), tr.clone());
    }
    v.tags = tags;
}

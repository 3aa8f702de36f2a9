//! Tags: which tagged data a value may hold, how it was transformed, and the way it came.
//!
//! A tag is an [`Origin`] (a tagged field/type/source fn, or — inside a function summary — "what
//! the caller passes as parameter i, at this field path") plus the sanitizers applied to it. Each
//! tag in a [`TagSet`] carries one [`Trace`] (the first, shortest way found), which is payload:
//! equality and the fixpoint ignore it.

use crate::syntax::ir::{Name, Span};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Index into the analysis' table of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub u32);

/// Index into the interned field paths (`[]`, `["diagnosis"]`, `["0", "email"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PathId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// Concrete tagged data.
    Source(SourceId),
    /// Symbolic, inside a summary: parameter `index` (self first) at field path `path`.
    Param(u16, PathId),
}

/// Sanitizers applied, as bits of [`crate::hir::Sanitizer::bit`].
pub type San = u8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    pub origin: Origin,
    pub san: San,
}

impl Tag {
    pub fn is_concrete(&self) -> bool {
        matches!(self.origin, Origin::Source(_))
    }
}

/// One step of a trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub span: Span,
    pub note: Arc<str>,
}

/// A persistent list of steps, newest last.
#[derive(Debug)]
pub struct TraceNode {
    pub step: Step,
    pub prev: Trace,
    pub len: u16,
}

pub type Trace = Option<Arc<TraceNode>>;

/// Longest trace kept; later steps are dropped (the path stays readable, the fixpoint finite).
pub const MAX_TRACE: u16 = 24;

pub fn trace_len(t: &Trace) -> u16 {
    t.as_ref().map(|n| n.len).unwrap_or(0)
}

pub fn trace_push(t: &Trace, step: Step) -> Trace {
    let len = trace_len(t);
    if len >= MAX_TRACE {
        return t.clone();
    }
    if let Some(n) = t {
        if n.step == step {
            return t.clone();
        }
    }
    Some(Arc::new(TraceNode {
        step,
        prev: t.clone(),
        len: len + 1,
    }))
}

/// The steps of a trace, oldest first.
pub fn trace_steps(t: &Trace) -> Vec<Step> {
    let mut out = Vec::new();
    let mut cur = t.clone();
    while let Some(n) = cur {
        out.push(n.step.clone());
        cur = n.prev.clone();
    }
    out.reverse();
    out
}

/// `base` followed by every step of `tail`.
pub fn trace_append(base: &Trace, tail: &Trace) -> Trace {
    let mut t = base.clone();
    for s in trace_steps(tail) {
        t = trace_push(&t, s);
    }
    t
}

/// A set of tags, each with its trace.
#[derive(Debug, Clone, Default)]
pub struct TagSet(pub BTreeMap<Tag, Trace>);

impl PartialEq for TagSet {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.keys().eq(other.0.keys())
    }
}
impl Eq for TagSet {}

impl TagSet {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn single(tag: Tag, trace: Trace) -> TagSet {
        let mut m = BTreeMap::new();
        m.insert(tag, trace);
        TagSet(m)
    }
    /// Adds a tag; keeps the shorter trace. Returns whether the set grew.
    ///
    /// Access paths are bounded per parameter: a set holds at most [`MAX_PATHS_PER_PARAM`]
    /// paths into one parameter (per sanitizer state); one more collapses them into
    /// `Param(i, ANY)`, "any part of parameter i", which subsumes them all.
    pub fn insert(&mut self, tag: Tag, trace: Trace) -> bool {
        if let Some(existing) = self.0.get_mut(&tag) {
            if trace_len(&trace) < trace_len(existing) {
                *existing = trace;
            }
            return false;
        }
        if let Origin::Param(i, path) = tag.origin {
            if path != Paths::ROOT && path != Paths::ANY {
                let any = Tag {
                    origin: Origin::Param(i, Paths::ANY),
                    san: tag.san,
                };
                if self.0.contains_key(&any) {
                    return false;
                }
                if self.paths_into(i, tag.san).count() >= MAX_PATHS_PER_PARAM {
                    let parts: Vec<Tag> = self.paths_into(i, tag.san).collect();
                    let mut shortest = trace;
                    for t in parts {
                        if let Some(tr) = self.0.remove(&t) {
                            if trace_len(&tr) < trace_len(&shortest) {
                                shortest = tr;
                            }
                        }
                    }
                    self.0.insert(any, shortest);
                    return true;
                }
            } else if path == Paths::ANY {
                let parts: Vec<Tag> = self.paths_into(i, tag.san).collect();
                for t in parts {
                    self.0.remove(&t);
                }
            }
        }
        self.0.insert(tag, trace);
        true
    }

    /// The tags for proper access paths into parameter `i` (neither the root nor `ANY`).
    fn paths_into(&self, i: u16, san: San) -> impl Iterator<Item = Tag> + '_ {
        let lo = Tag {
            origin: Origin::Param(i, PathId(0)),
            san: 0,
        };
        let hi = Tag {
            origin: Origin::Param(i, PathId(u32::MAX)),
            san: San::MAX,
        };
        self.0.range(lo..=hi).map(|(t, _)| *t).filter(move |t| {
            t.san == san
                && matches!(t.origin, Origin::Param(_, p) if p != Paths::ROOT && p != Paths::ANY)
        })
    }
    pub fn union(&mut self, other: &TagSet) -> bool {
        let mut grew = false;
        for (t, tr) in &other.0 {
            grew |= self.insert(*t, tr.clone());
        }
        grew
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Tag, &Trace)> {
        self.0.iter()
    }
    /// Every trace extended by one step.
    pub fn with_step(&self, span: Span, note: &str) -> TagSet {
        if self.0.is_empty() {
            return TagSet::default();
        }
        let note: Arc<str> = Arc::from(note);
        TagSet(
            self.0
                .iter()
                .map(|(t, tr)| {
                    (
                        *t,
                        trace_push(
                            tr,
                            Step {
                                span,
                                note: note.clone(),
                            },
                        ),
                    )
                })
                .collect(),
        )
    }
    /// Every tag marked as having gone through a sanitizer.
    pub fn sanitized(&self, bit: San) -> TagSet {
        TagSet(
            self.0
                .iter()
                .map(|(t, tr)| {
                    (
                        Tag {
                            origin: t.origin,
                            san: t.san | bit,
                        },
                        tr.clone(),
                    )
                })
                .collect(),
        )
    }
}

/// Interned field paths for symbolic tags.
#[derive(Debug, Default)]
pub struct Paths {
    paths: Vec<Vec<Name>>,
    index: std::collections::HashMap<Vec<Name>, PathId>,
}

/// Field paths deeper than this are cut (the tag then stands for the whole sub-value).
pub const MAX_PATH: usize = 3;

/// Distinct access paths into one parameter a tag set keeps before it collapses them into
/// [`Paths::ANY`] (k-limiting by breadth, as [`MAX_PATH`] limits depth).
pub const MAX_PATHS_PER_PARAM: usize = 8;

impl Paths {
    pub fn new() -> Paths {
        let mut p = Paths::default();
        p.intern(Vec::new());
        p.intern(vec![Name::from("*")]);
        p
    }
    pub fn intern(&mut self, path: Vec<Name>) -> PathId {
        if let Some(id) = self.index.get(&path) {
            return *id;
        }
        let id = PathId(self.paths.len() as u32);
        self.paths.push(path.clone());
        self.index.insert(path, id);
        id
    }
    pub fn get(&self, id: PathId) -> &[Name] {
        self.paths
            .get(id.0 as usize)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }
    pub const ROOT: PathId = PathId(0);
    /// "Any part of the parameter": what a collapsed set of access paths stands for. Its
    /// children are itself; substituting it gives every tag the argument holds.
    pub const ANY: PathId = PathId(1);
    pub fn child(&mut self, id: PathId, field: &Name) -> PathId {
        if id == Paths::ANY {
            return id;
        }
        let base = self.get(id);
        if base.len() >= MAX_PATH {
            return id;
        }
        let mut p = base.to_vec();
        p.push(field.clone());
        self.intern(p)
    }
}

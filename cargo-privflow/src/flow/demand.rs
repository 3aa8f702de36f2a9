//! Which functions the solver analyses: demand-driven, only those tagged data can reach.
//!
//! A finding needs tagged data at a sink, so a function that tagged data cannot reach cannot
//! change one, and is not analysed (its callers, if any are analysed, take it at its least
//! summary: its signature's type, nothing flowing). What tagged data can reach:
//!
//! - the *seeds*: functions that name a type holding a source (a tagged struct or field, or a
//!   type with such a field, at any depth), a tagged field, an alias of one, or a source
//!   function; the methods of such types; the default methods of traits they implement; and
//!   functions carrying a privflow annotation;
//! - then everything that calls a seed, transitively (a tagged value is returned to it or written
//!   through its arguments), and everything those call, transitively (a tagged value is passed
//!   down). A callee's other callers pass it nothing tagged (else they would be in the set).
//!
//! Calls are over-approximated (a method call may reach every function of that name; a path
//! that does not resolve, every function named like its last segment), so the set only errs
//! towards more. A struct field that an analysed function fills with tagged data makes its
//! struct a seed type from then on ([`Demand::add_struct`]): every value of it may then hold it.
//!
//! Rules that judge a sink whatever reaches it (`check = "presence"`) and the data map (every
//! sink call) need every function: [`Demand::everything`].

use super::callgraph::{for_each_call, Callee};
use crate::hir::{FnId, Owner, Program, StructId};
use crate::syntax::ir::{ident_hash, Path, TypeRef};
use std::collections::HashMap;

/// What a run must see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The flows of tagged data: the functions it can reach.
    TaggedData,
    /// Every sink call as well, whatever reaches it (presence rules, the data map).
    Everything,
}

pub struct Demand {
    wanted: Vec<bool>,
    /// Per struct: already a seed type.
    seed_struct: Vec<bool>,
    /// Per node of [`call_edges`]' graph (functions, then names).
    callers: Vec<Vec<u32>>,
    callees: Vec<Vec<u32>>,
    /// Built on the first [`Demand::add_struct`].
    index: Option<SeedIndex>,
}

/// Where each struct is named and whose methods are its, for [`Demand::add_struct`]: built
/// once, so adding a struct costs its own functions, not a scan of every function (which made
/// the synthetic 1M-line bench's flow phase 30× its 100k-line one).
struct SeedIndex {
    /// Per struct: the functions that spell its name, its methods, and the methods of the
    /// traits it implements (sorted, deduplicated).
    fns_of: Vec<Vec<u32>>,
}

impl SeedIndex {
    fn new(p: &Program) -> SeedIndex {
        let mut by_name: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, s) in p.structs.iter().enumerate() {
            by_name.entry(ident_hash(&s.name)).or_default().push(i);
        }
        let mut impls_of_trait: HashMap<usize, Vec<usize>> = HashMap::new();
        for imp in &p.impls {
            if let (Some(t), Some(s)) = (imp.trait_, imp.self_struct) {
                impls_of_trait.entry(t.idx()).or_default().push(s.idx());
            }
        }
        let mut fns_of: Vec<Vec<u32>> = vec![Vec::new(); p.structs.len()];
        for (i, d) in p.fns.iter().enumerate() {
            for h in d.ir.mentions.iter() {
                for s in by_name.get(h).into_iter().flatten() {
                    fns_of[*s].push(i as u32);
                }
            }
            match d.owner {
                Owner::Impl(im) => {
                    if let Some(s) = p.impls[im.idx()].self_struct {
                        fns_of[s.idx()].push(i as u32);
                    }
                }
                Owner::Trait(t) => {
                    for s in impls_of_trait.get(&t.idx()).into_iter().flatten() {
                        fns_of[*s].push(i as u32);
                    }
                }
                Owner::Free => {}
            }
        }
        for fs in &mut fns_of {
            fs.sort_unstable();
            fs.dedup();
        }
        SeedIndex { fns_of }
    }
}

impl Demand {
    /// Every function is wanted.
    pub fn everything(p: &Program) -> Demand {
        Demand {
            wanted: vec![true; p.fns.len()],
            seed_struct: vec![true; p.structs.len()],
            callers: Vec::new(),
            callees: Vec::new(),
            index: None,
        }
    }

    /// The functions tagged data can reach. `holds_sources`: per struct, whether it or a type it
    /// holds declares a source; `library`: names of library types and functions the configs tag
    /// (a function naming one is a seed).
    pub fn of_tagged_data(p: &Program, holds_sources: &[bool], library: &[String]) -> Demand {
        let (callers, callees) = call_edges(p);
        let mut d = Demand {
            wanted: vec![false; p.fns.len()],
            seed_struct: vec![false; p.structs.len()],
            callers,
            callees,
            index: None,
        };
        let mut names: Vec<u64> = library.iter().map(|n| ident_hash(n)).collect();
        for (i, held) in holds_sources.iter().enumerate() {
            if *held {
                d.seed_struct[i] = true;
                names.push(ident_hash(&p.structs[i].name));
            }
        }
        for (sd, tags) in p.structs.iter().map(|s| (s, &s.field_tags)) {
            for (f, tag) in sd.all_fields().zip(tags.iter()) {
                if tag.is_some() {
                    names.push(ident_hash(&f.name));
                }
            }
        }
        // Membership while the list grows (a scan per alias and per `use` grew with the
        // workspace squared).
        let mut known: std::collections::HashSet<u64> = names.iter().copied().collect();
        for a in &p.aliases {
            // An alias may name a tagged type under another name (its target is not lowered
            // here: any alias of a seed type's name, or tagged itself).
            if a.type_tag.is_some() || type_mentions(&a.ty, &known, 0) {
                let h = ident_hash(&a.name);
                names.push(h);
                known.insert(h);
            }
        }
        for f in &p.fns {
            if f.annots.source.is_some() {
                names.push(ident_hash(&f.name));
            }
        }
        // `use models::Patient as P;`: the new name too.
        for m in &p.modules {
            for u in &m.uses {
                if let (crate::syntax::ir::UseKind::Named(alias), Some(last)) =
                    (&u.kind, u.path.last())
                {
                    if known.contains(&ident_hash(last)) {
                        let h = ident_hash(alias);
                        names.push(h);
                        known.insert(h);
                    }
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        // Per trait: implemented by a seed struct (its default methods are seeds).
        let mut seeded_trait = vec![false; p.traits.len()];
        for imp in &p.impls {
            if let (Some(t), Some(s)) = (imp.trait_, imp.self_struct) {
                if d.seed_struct.get(s.idx()).copied().unwrap_or(true) {
                    seeded_trait[t.idx()] = true;
                }
            }
        }
        let seeds: Vec<FnId> = (0..p.fns.len())
            .map(|i| FnId(i as u32))
            .filter(|f| is_seed(p, *f, &names, &d.seed_struct, &seeded_trait))
            .collect();
        d.spread(seeds);
        d
    }

    pub fn wants(&self, f: FnId) -> bool {
        self.wanted.get(f.idx()).copied().unwrap_or(true)
    }

    /// `s` may now hold tagged data anywhere (a field of it was filled with some): the functions
    /// that name it or are its methods, and what they reach, are wanted. Returns those newly
    /// wanted.
    pub fn add_struct(&mut self, p: &Program, s: StructId) -> Vec<FnId> {
        match self.seed_struct.get_mut(s.idx()) {
            Some(seen) if !*seen => *seen = true,
            _ => return Vec::new(),
        }
        // The functions that name `s` or are its (or its traits') methods: the seeds it adds.
        // Annotated functions and other seed structs' functions were seeds from the start.
        let index = self.index.get_or_insert_with(|| SeedIndex::new(p));
        let seeds: Vec<FnId> = index
            .fns_of
            .get(s.idx())
            .into_iter()
            .flatten()
            .map(|f| FnId(*f))
            .filter(|f| !self.wanted.get(f.idx()).copied().unwrap_or(true))
            .collect();
        if seeds.is_empty() {
            return Vec::new();
        }
        self.spread(seeds)
    }

    /// Marks `seeds`, their callers transitively, then the callees of all of those
    /// transitively. Returns the functions newly marked.
    fn spread(&mut self, seeds: Vec<FnId>) -> Vec<FnId> {
        let fns = self.wanted.len();
        let mut up: Vec<bool> = vec![false; self.callers.len()];
        let mut stack: Vec<u32> = seeds.iter().map(|f| f.0).collect();
        let mut reached = Vec::new();
        while let Some(x) = stack.pop() {
            if std::mem::replace(&mut up[x as usize], true) {
                continue;
            }
            reached.push(x);
            stack.extend(self.callers[x as usize].iter().copied());
        }
        let mut down: Vec<bool> = vec![false; self.callees.len() - fns];
        let mut newly = Vec::new();
        let mut stack = reached;
        while let Some(x) = stack.pop() {
            // A function wanted before is down-closed already: its callees are wanted too.
            let seen = if (x as usize) < fns {
                std::mem::replace(&mut self.wanted[x as usize], true)
            } else {
                std::mem::replace(&mut down[x as usize - fns], true)
            };
            if seen {
                continue;
            }
            if (x as usize) < fns {
                newly.push(FnId(x));
            }
            stack.extend(self.callees[x as usize].iter().copied());
        }
        newly.sort_unstable();
        newly
    }
}

/// Does `f` name one of `names`, or is it a method of (or a default method of a trait
/// implemented by) a seed struct, or annotated?
fn is_seed(
    p: &Program,
    f: FnId,
    names: &[u64],
    seed_struct: &[bool],
    seeded_trait: &[bool],
) -> bool {
    let d = p.fn_(f);
    let a = &d.annots;
    if a.sink.is_some()
        || a.sanitizer.is_some()
        || a.consent.is_some()
        || a.check.is_some()
        || a.guarded.is_some()
        || a.source.is_some()
        || !a.param_sources.is_empty()
        || !a.erases.is_empty()
    {
        return true;
    }
    // Both sorted: look the shorter list up in the longer (the names grow with the workspace,
    // a function's mentions with the function).
    let mentions = &d.ir.mentions;
    let named = if names.len() <= mentions.len() {
        names.iter().any(|h| d.ir.mentions(*h))
    } else {
        mentions.iter().any(|h| names.binary_search(h).is_ok())
    };
    if named {
        return true;
    }
    let seed = |s: StructId| seed_struct.get(s.idx()).copied().unwrap_or(true);
    match d.owner {
        Owner::Impl(i) => p.impls[i.idx()].self_struct.is_some_and(seed),
        Owner::Trait(t) => seeded_trait.get(t.idx()).copied().unwrap_or(true),
        Owner::Free => false,
    }
}

/// Does a type spell one of `names` (at any segment, in any generic argument)?
fn type_mentions(t: &TypeRef, names: &std::collections::HashSet<u64>, depth: usize) -> bool {
    if depth > 32 {
        return true;
    }
    let path = |p: &Path| {
        p.qself
            .as_deref()
            .is_some_and(|q| type_mentions(q, names, depth + 1))
            || p.segments.iter().any(|s| {
                names.contains(&ident_hash(&s.name))
                    || s.generics
                        .iter()
                        .any(|g| type_mentions(g, names, depth + 1))
            })
    };
    match t {
        TypeRef::Path(p) => path(p),
        TypeRef::Ref { inner, .. } | TypeRef::Slice(inner) => {
            type_mentions(inner, names, depth + 1)
        }
        TypeRef::Tuple(ts) => ts.iter().any(|t| type_mentions(t, names, depth + 1)),
        TypeRef::ImplTrait(ps) | TypeRef::DynTrait(ps) => ps.iter().any(path),
        TypeRef::Fn | TypeRef::Never | TypeRef::Infer => false,
    }
}

/// The call graph [`Demand::spread`] walks, over-approximated ([`for_each_call`]): a node per
/// function, then one per name called by name, which reaches every function of that name (so a
/// name shared by thousands of methods costs one edge per call, not one per candidate).
/// (callers, callees) per node.
fn call_edges(p: &Program) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let n = p.fns.len();
    let mut name_node: HashMap<&str, u32> = HashMap::new();
    let mut callees: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, d) in p.fns.iter().enumerate() {
        let next = (n + name_node.len()) as u32;
        let node = *name_node.entry(&*d.name).or_insert(next);
        if node as usize >= callees.len() {
            callees.push(Vec::new());
        }
        callees[node as usize].push(i as u32);
    }
    for_each_call(p, |caller, callee| {
        let to = match callee {
            Callee::Fn(f) => f.0,
            Callee::Named(name) => match name_node.get(name) {
                Some(node) => *node,
                None => return,
            },
        };
        callees[caller.idx()].push(to);
    });
    let mut callers: Vec<Vec<u32>> = vec![Vec::new(); callees.len()];
    for (i, cs) in callees.iter_mut().enumerate() {
        cs.sort_unstable();
        cs.dedup();
        for c in cs.iter() {
            callers[*c as usize].push(i as u32);
        }
    }
    (callers, callees)
}

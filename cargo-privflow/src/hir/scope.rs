//! Name resolution: module scopes (own items, `use` with renames, groups, globs, `pub use`
//! re-exports, `self`/`super`/`crate`, other workspace crates) and path lookup over them.
//!
//! Scopes are computed eagerly to a fixpoint (a glob or re-export may depend on another module's
//! imports), so that lookups during the flow analysis are plain map reads.

use super::*;
use crate::syntax::ir::{Path, TypeRef, UseKind};

/// Which namespace a path is looked up in, when a name is bound in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    Type,
    Value,
}

/// Rounds of scope propagation; re-export chains deeper than this are not followed.
const MAX_ROUNDS: usize = 32;

pub fn compute_scopes(p: &Program) -> Vec<BTreeMap<Name, Vec<Def>>> {
    let mut scopes: Vec<BTreeMap<Name, Vec<Def>>> =
        p.modules.iter().map(|m| m.defs.clone()).collect();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for (mi, m) in p.modules.iter().enumerate() {
            let mid = ModId(mi as u32);
            for u in &m.uses {
                let targets = resolve_use(p, &scopes, mid, &u.path);
                match &u.kind {
                    UseKind::Named(alias) => {
                        for d in targets {
                            let entry = scopes[mi].entry(alias.clone()).or_default();
                            if !entry.contains(&d) {
                                entry.push(d);
                                changed = true;
                            }
                        }
                    }
                    UseKind::Glob => {
                        for d in targets {
                            let imported: Vec<(Name, Def)> = match d {
                                Def::Module(t) => glob_items(&scopes[t.idx()]),
                                Def::Crate(c) => glob_items(&scopes[p.crates[c.idx()].root.idx()]),
                                Def::Struct(s) => p.structs[s.idx()]
                                    .ir
                                    .variants
                                    .iter()
                                    .enumerate()
                                    .map(|(i, v)| (v.name.clone(), Def::Variant(s, i as u32)))
                                    .collect(),
                                _ => Vec::new(),
                            };
                            for (n, d) in imported {
                                // Explicit names shadow glob imports.
                                let entry = scopes[mi].entry(n).or_default();
                                if entry.is_empty() {
                                    entry.push(d);
                                    changed = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    scopes
}

fn glob_items(scope: &BTreeMap<Name, Vec<Def>>) -> Vec<(Name, Def)> {
    scope
        .iter()
        .filter_map(|(n, ds)| ds.first().map(|d| (n.clone(), d.clone())))
        .collect()
}

/// Resolves a `use` path from module `m` with the scopes known so far.
fn resolve_use(
    p: &Program,
    scopes: &[BTreeMap<Name, Vec<Def>>],
    m: ModId,
    path: &[Name],
) -> Vec<Def> {
    let Some((first, rest)) = path.split_first() else {
        return Vec::new();
    };
    let mut cur: Vec<Def> = match &**first {
        "::" => match rest.split_first() {
            Some((krate, rest2)) => {
                let start = extern_crate(p, m, krate)
                    .map(Def::Crate)
                    .unwrap_or_else(|| Def::External(vec![krate.clone()]));
                return walk(p, scopes, vec![start], rest2);
            }
            None => return Vec::new(),
        },
        "crate" => vec![Def::Module(crate_root(p, m))],
        "self" => vec![Def::Module(home_module(p, m))],
        "super" => match p.modules[home_module(p, m).idx()].parent {
            Some(par) => vec![Def::Module(par)],
            None => return Vec::new(),
        },
        _ => lookup_in(p, scopes, m, first),
    };
    if cur.is_empty() {
        cur = vec![Def::External(vec![first.clone()])];
    }
    walk(p, scopes, cur, rest)
}

fn walk(
    p: &Program,
    scopes: &[BTreeMap<Name, Vec<Def>>],
    mut cur: Vec<Def>,
    rest: &[Name],
) -> Vec<Def> {
    for seg in rest {
        let mut next = Vec::new();
        for d in &cur {
            match d {
                Def::Module(t) => next.extend(scope_get(&scopes[t.idx()], seg)),
                Def::Crate(c) => next.extend(scope_get(&scopes[p.crates[c.idx()].root.idx()], seg)),
                Def::Struct(s) => {
                    if let Some(vi) = p.structs[s.idx()]
                        .ir
                        .variants
                        .iter()
                        .position(|v| v.name == *seg)
                    {
                        next.push(Def::Variant(*s, vi as u32));
                    }
                }
                Def::External(v) if &**seg == "super" => {
                    let mut v = v.clone();
                    v.pop();
                    next.push(Def::External(v));
                }
                Def::External(v) => {
                    let mut v = v.clone();
                    v.push(seg.clone());
                    next.push(Def::External(v));
                }
                _ => {}
            }
            if &**seg == "super" {
                if let Def::Module(t) = d {
                    if let Some(par) = p.modules[t.idx()].parent {
                        next.push(Def::Module(par));
                    }
                }
            }
        }
        cur = next;
        if cur.is_empty() {
            break;
        }
    }
    cur
}

fn scope_get(scope: &BTreeMap<Name, Vec<Def>>, n: &Name) -> Vec<Def> {
    scope.get(n).cloned().unwrap_or_default()
}

/// A name in module `m`'s scope, falling through function-local scopes to their module, then
/// to the workspace's crates.
fn lookup_in(p: &Program, scopes: &[BTreeMap<Name, Vec<Def>>], m: ModId, n: &Name) -> Vec<Def> {
    let mut cur = Some(m);
    while let Some(mid) = cur {
        if let Some(ds) = scopes.get(mid.idx()).and_then(|s| s.get(n)) {
            if !ds.is_empty() {
                return ds.clone();
            }
        }
        cur = p.modules[mid.idx()].fn_scope_of;
    }
    extern_crate(p, m, n)
        .map(|c| vec![Def::Crate(c)])
        .unwrap_or_default()
}

/// A workspace crate as named from module `m`'s crate: through its dependency renames, or by
/// its own name.
pub fn extern_crate(p: &Program, m: ModId, n: &str) -> Option<CrateId> {
    let krate = p.modules.get(m.idx()).map(|md| md.krate)?;
    if let Some(cd) = p.crates.get(krate.idx()) {
        if let Some((_, target)) = cd.extern_crates.iter().find(|(alias, _)| alias == n) {
            return crate_by_name(p, target);
        }
    }
    crate_by_name(p, n)
}

/// The module a (possibly function-local) scope belongs to.
pub fn home_module(p: &Program, mut m: ModId) -> ModId {
    while let Some(outer) = p.modules[m.idx()].fn_scope_of {
        m = outer;
    }
    m
}

pub fn crate_root(p: &Program, m: ModId) -> ModId {
    let c = p.modules[m.idx()].krate;
    p.crates.get(c.idx()).map(|c| c.root).unwrap_or(m)
}

pub fn crate_by_name(p: &Program, n: &str) -> Option<CrateId> {
    p.crates
        .iter()
        .position(|c| c.name == n)
        .map(|i| CrateId(i as u32))
}

fn pick(defs: Vec<Def>, ns: Ns, last: bool) -> Option<Def> {
    if defs.len() <= 1 {
        return defs.into_iter().next();
    }
    let rank = |d: &Def| -> u8 {
        let is_type = matches!(
            d,
            Def::Module(_) | Def::Crate(_) | Def::Struct(_) | Def::Trait(_) | Def::Alias(_)
        );
        match (ns, last, is_type) {
            (_, false, true) | (Ns::Type, true, true) => 0,
            (Ns::Value, true, false) => 0,
            _ => 1,
        }
    };
    defs.into_iter().min_by_key(|d| rank(d))
}

/// Resolves a path written in module `m` (value namespace for the last segment).
pub fn resolve_path(p: &Program, m: ModId, path: &Path) -> Option<Def> {
    resolve_path_ns(p, m, path, Ns::Value)
}

pub fn resolve_path_ns(p: &Program, m: ModId, path: &Path, ns: Ns) -> Option<Def> {
    let names: Vec<Name> = path.segments.iter().map(|s| s.name.clone()).collect();
    let (first, rest) = names.split_first()?;
    let mut cur: Def = if path.global {
        extern_crate(p, m, first)
            .map(Def::Crate)
            .unwrap_or_else(|| Def::External(vec![first.clone()]))
    } else {
        match &**first {
            "crate" => Def::Module(crate_root(p, m)),
            "self" => Def::Module(home_module(p, m)),
            "super" => Def::Module(p.modules[home_module(p, m).idx()].parent?),
            _ => {
                let found = lookup_in(p, &p.scopes, m, first);
                if found.is_empty() {
                    Def::External(vec![first.clone()])
                } else {
                    pick(found, ns, rest.is_empty())?
                }
            }
        }
    };
    for (i, seg) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        cur = step(p, &cur, seg, ns, last)?;
    }
    Some(cur)
}

/// One path step from `d` to its member `seg`.
pub fn step(p: &Program, d: &Def, seg: &Name, ns: Ns, last: bool) -> Option<Def> {
    match d {
        Def::Crate(c) => step(p, &Def::Module(p.crates[c.idx()].root), seg, ns, last),
        Def::Module(t) => {
            if &**seg == "super" {
                return p.modules[t.idx()].parent.map(Def::Module);
            }
            pick(
                p.scopes[t.idx()].get(seg).cloned().unwrap_or_default(),
                ns,
                last,
            )
        }
        Def::Struct(s) => {
            let sd = &p.structs[s.idx()];
            if let Some(vi) = sd.ir.variants.iter().position(|v| v.name == *seg) {
                return Some(Def::Variant(*s, vi as u32));
            }
            assoc_fn(p, *s, seg).map(Def::Fn)
        }
        Def::Trait(t) => p.traits[t.idx()]
            .fns
            .iter()
            .find(|f| p.fns[f.idx()].name == *seg)
            .map(|f| Def::Fn(*f)),
        Def::Alias(a) => {
            let ad = &p.aliases[a.idx()];
            let target = resolve_type_ref(p, ad.module, &ad.ty)?;
            step(p, &target, seg, ns, last)
        }
        Def::External(v) => {
            let mut v = v.clone();
            v.push(seg.clone());
            Some(Def::External(v))
        }
        Def::Fn(_) | Def::Const(_) | Def::Variant(..) => None,
    }
}

/// `Type::name`: an inherent method first, then a method of a trait the type implements (its
/// impl's version, or the trait's default).
pub fn assoc_fn(p: &Program, s: StructId, name: &Name) -> Option<FnId> {
    let impls = p.impls_of.get(&s)?;
    let mut from_trait = None;
    for i in impls {
        let imp = &p.impls[i.idx()];
        if let Some(f) = imp.fns.iter().find(|f| p.fns[f.idx()].name == *name) {
            if imp.trait_.is_none() {
                return Some(*f);
            }
            from_trait.get_or_insert(*f);
        }
    }
    if from_trait.is_some() {
        return from_trait;
    }
    // Default methods of implemented traits.
    for i in impls {
        if let Some(t) = p.impls[i.idx()].trait_ {
            if let Some(f) = p.traits[t.idx()]
                .fns
                .iter()
                .find(|f| p.fns[f.idx()].name == *name)
            {
                return Some(*f);
            }
        }
    }
    None
}

/// The definition a written type names (references stripped), if it is a path.
pub fn resolve_type_ref(p: &Program, m: ModId, t: &TypeRef) -> Option<Def> {
    match t {
        TypeRef::Path(path) => resolve_path_ns(p, m, path, Ns::Type),
        TypeRef::Ref { inner, .. } => resolve_type_ref(p, m, inner),
        _ => None,
    }
}

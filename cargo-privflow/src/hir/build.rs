//! Parsed crates → [`Program`]: register items, compute scopes, resolve impls, read annotations.

use super::annots::*;
use super::scope;
use super::*;
use crate::model::{ProblemKind, Severity};
use crate::syntax::ir::{Attrs, FnIr, ItemIr, ModIr, Pat, Path, RawAttr, UseKind};
use crate::syntax::load::ParsedCrate;
use crate::syntax::SourceDb;

/// An impl waiting for its `Self` type and trait to be resolved (scopes must exist first).
struct PendingImpl {
    id: ImplId,
    trait_path: Option<crate::syntax::ir::Path>,
}

struct Builder<'a> {
    p: Program,
    db: &'a SourceDb,
    pending_impls: Vec<PendingImpl>,
    /// Traits' supertrait paths, resolved once scopes exist.
    pending_supertraits: Vec<(TraitId, Vec<Path>)>,
    /// Raw attributes to interpret once scopes exist: (module, attrs, target).
    pending_attrs: Vec<(ModId, Vec<RawAttr>, AttrTarget)>,
}

#[derive(Clone, Copy)]
enum AttrTarget {
    Fn(FnId),
    Struct(StructId),
    Alias(AliasId),
    Impl(ImplId),
    Trait(TraitId),
    Module(ModId),
}

impl Program {
    /// Builds the item database. `configs[i]` is the settings index of `crates[i]`.
    pub fn build(crates: &[ParsedCrate], configs: &[usize], db: &SourceDb) -> Program {
        let mut b = Builder {
            p: Program::default(),
            db,
            pending_impls: Vec::new(),
            pending_supertraits: Vec::new(),
            pending_attrs: Vec::new(),
        };
        for (i, c) in crates.iter().enumerate() {
            let cid = CrateId(b.p.crates.len() as u32);
            let root = b.module(cid, None, &c.root, false, None);
            b.p.crates.push(CrateData {
                name: c.name.clone(),
                root,
                config: configs.get(i).copied().unwrap_or(0),
                extern_crates: c.extern_crates.clone(),
            });
        }
        b.p.scopes = scope::compute_scopes(&b.p);
        b.resolve_impls();
        b.resolve_supertraits();
        b.read_attrs();
        b.index_methods();
        b.p
    }
}

impl<'a> Builder<'a> {
    fn module(
        &mut self,
        krate: CrateId,
        parent: Option<ModId>,
        m: &ModIr,
        in_test: bool,
        fn_scope_of: Option<ModId>,
    ) -> ModId {
        let id = ModId(self.p.modules.len() as u32);
        let cfg_test = in_test || m.attrs.cfg_test;
        self.p.modules.push(ModuleData {
            krate,
            parent,
            name: m.name.clone(),
            defs: BTreeMap::new(),
            uses: Vec::new(),
            cfg_test,
            fn_scope_of,
            allows: Vec::new(),
            span: m.span,
        });
        self.pending_attrs
            .push((id, m.attrs.privflow.clone(), AttrTarget::Module(id)));
        if let Some(items) = &m.items {
            self.items(id, items, cfg_test);
        }
        id
    }

    fn define(&mut self, m: ModId, name: &Name, d: Def) {
        self.p.modules[m.idx()]
            .defs
            .entry(name.clone())
            .or_default()
            .push(d);
    }

    fn items(&mut self, m: ModId, items: &[ItemIr], in_test: bool) {
        let krate = self.p.modules[m.idx()].krate;
        for it in items {
            match it {
                ItemIr::Struct(s) => {
                    let id = StructId(self.p.structs.len() as u32);
                    let field_tags = self.field_tags(s);
                    self.p.structs.push(StructData {
                        name: s.name.clone(),
                        module: m,
                        ir: s.clone(),
                        field_tags,
                        type_tag: None,
                        allows: Vec::new(),
                    });
                    self.define(m, &s.name, Def::Struct(id));
                    self.pending_attrs
                        .push((m, s.attrs.privflow.clone(), AttrTarget::Struct(id)));
                }
                ItemIr::Fn(f) => {
                    let id = self.function(m, f, Owner::Free, in_test);
                    self.define(m, &f.name, Def::Fn(id));
                }
                ItemIr::Impl(i) => {
                    let id = ImplId(self.p.impls.len() as u32);
                    let cfg_test = in_test || i.attrs.cfg_test;
                    self.p.impls.push(ImplData {
                        module: m,
                        self_ty: i.self_ty.clone(),
                        self_struct: None,
                        trait_: None,
                        trait_name: i.trait_.as_ref().and_then(|t| t.last().cloned()),
                        generics: i.generics.clone(),
                        fns: Vec::new(),
                        allows: Vec::new(),
                        cfg_test,
                        span: i.span,
                    });
                    let fns: Vec<FnId> = i
                        .fns
                        .iter()
                        .map(|f| self.function(m, f, Owner::Impl(id), cfg_test))
                        .collect();
                    self.p.impls[id.idx()].fns = fns;
                    self.pending_impls.push(PendingImpl {
                        id,
                        trait_path: i.trait_.clone(),
                    });
                    self.pending_attrs
                        .push((m, i.attrs.privflow.clone(), AttrTarget::Impl(id)));
                }
                ItemIr::Trait(t) => {
                    let id = TraitId(self.p.traits.len() as u32);
                    self.pending_supertraits.push((id, t.supertraits.clone()));
                    self.p.traits.push(TraitData {
                        name: t.name.clone(),
                        module: m,
                        supertraits: Vec::new(),
                        fns: Vec::new(),
                        impls: Vec::new(),
                        allows: Vec::new(),
                    });
                    let cfg_test = in_test || t.attrs.cfg_test;
                    let fns: Vec<FnId> = t
                        .fns
                        .iter()
                        .map(|f| self.function(m, f, Owner::Trait(id), cfg_test))
                        .collect();
                    self.p.traits[id.idx()].fns = fns;
                    self.define(m, &t.name, Def::Trait(id));
                    self.pending_attrs
                        .push((m, t.attrs.privflow.clone(), AttrTarget::Trait(id)));
                }
                ItemIr::TypeAlias {
                    name, ty, attrs, ..
                } => {
                    let id = AliasId(self.p.aliases.len() as u32);
                    self.p.aliases.push(AliasData {
                        name: name.clone(),
                        module: m,
                        ty: ty.clone(),
                        type_tag: None,
                    });
                    self.define(m, name, Def::Alias(id));
                    self.pending_attrs
                        .push((m, attrs.privflow.clone(), AttrTarget::Alias(id)));
                }
                ItemIr::Use(uses) => self.p.modules[m.idx()].uses.extend(uses.iter().cloned()),
                ItemIr::Mod(sub) => {
                    let id = self.module(krate, Some(m), sub, in_test, None);
                    self.define(m, &sub.name, Def::Module(id));
                }
                ItemIr::Const { name, ty, .. } => {
                    let id = ConstId(self.p.consts.len() as u32);
                    self.p.consts.push(ConstData {
                        name: name.clone(),
                        module: m,
                        ty: ty.clone(),
                    });
                    self.define(m, name, Def::Const(id));
                }
                ItemIr::ExternCrate { name, alias } => {
                    if let Some(a) = alias {
                        let span = self.p.modules[m.idx()].span;
                        self.p.modules[m.idx()].uses.push(crate::syntax::ir::UseIr {
                            path: vec![name.clone()],
                            kind: UseKind::Named(a.clone()),
                            is_pub: false,
                            span,
                        });
                    }
                }
            }
        }
    }

    fn function(&mut self, m: ModId, f: &FnIr, owner: Owner, in_test: bool) -> FnId {
        let id = FnId(self.p.fns.len() as u32);
        let cfg_test = in_test || f.attrs.cfg_test;
        // Items declared in the body get a scope of their own that falls through to `m`.
        let scope = if f.local_items.is_empty() {
            m
        } else {
            let krate = self.p.modules[m.idx()].krate;
            let local = ModIr {
                name: f.name.clone(),
                items: None,
                out_of_line: false,
                attrs: Attrs::default(),
                span: f.span,
            };
            self.module(krate, None, &local, cfg_test, Some(m))
        };
        // The function without its local items (those are registered below, by reference:
        // cloning them at every nesting level would make nested fns quadratic).
        let ir = FnIr {
            name: f.name.clone(),
            self_param: f.self_param,
            params: f.params.clone(),
            ret: f.ret.clone(),
            generics: f.generics.clone(),
            is_async: f.is_async,
            body: f.body.clone(),
            attrs: f.attrs.clone(),
            local_items: Vec::new(),
            span: f.span,
            mentions: f.mentions.clone(),
        };
        self.p.fns.push(FnData {
            name: f.name.clone(),
            scope,
            module: m,
            owner,
            ir,
            annots: FnAnnots::default(),
            cfg_test,
        });
        if scope != m {
            self.items(scope, &f.local_items, cfg_test);
        }
        self.pending_attrs
            .push((m, f.attrs.privflow.clone(), AttrTarget::Fn(id)));
        id
    }

    /// Field markers inside a struct (`#[pii]`, `#[phi(..)]`, `#[privflow::pii(..)]`).
    fn field_tags(&mut self, s: &crate::syntax::ir::StructIr) -> Vec<Option<DataTag>> {
        let mut out = Vec::new();
        for f in s
            .fields
            .iter()
            .chain(s.variants.iter().flat_map(|v| v.fields.iter()))
        {
            let mut tag = None;
            for a in &f.attrs.privflow {
                let class = match a.last() {
                    "pii" => DataClass::Pii,
                    "phi" => DataClass::Phi,
                    _ => continue,
                };
                match read_data_tag(a, class) {
                    Ok(mut t) => {
                        // Point at the field, not at its marker.
                        t.span = f.span;
                        // `#[phi]` wins over `#[pii]` on the same field.
                        if tag
                            .as_ref()
                            .map(|x: &DataTag| x.class < t.class)
                            .unwrap_or(true)
                        {
                            tag = Some(t);
                        }
                    }
                    Err(msg) => self.problem(a.span, msg),
                }
            }
            out.push(tag);
        }
        out
    }

    /// `binds = N` must name a parameter of `f` (`self` not counted).
    fn check_binds(&self, f: FnId, binds: Option<u32>, attr: &str) -> Result<(), String> {
        let Some(n) = binds else { return Ok(()) };
        let d = &self.p.fns[f.idx()];
        let count = d.ir.params.len();
        if (n as usize) < count {
            return Ok(());
        }
        Err(format!(
            "`#[privflow::{attr}(.., binds = {n})]`: `{}` has {count} parameter{} besides `self` (binds is 0-based)",
            d.name,
            if count == 1 { "" } else { "s" }
        ))
    }

    fn problem(&mut self, sp: Span, message: String) {
        self.p.problems.push(Problem {
            kind: ProblemKind::Annotation,
            severity: Severity::Error,
            file: Some(self.db.rel(sp.file).to_string()),
            line: Some(sp.line),
            column: Some(sp.col),
            message,
        });
    }

    fn resolve_supertraits(&mut self) {
        for (t, paths) in std::mem::take(&mut self.pending_supertraits) {
            let m = self.p.traits[t.idx()].module;
            let supers: Vec<TraitId> = paths
                .iter()
                .filter_map(|tp| match scope::resolve_path(&self.p, m, tp) {
                    Some(Def::Trait(s)) if s != t => Some(s),
                    _ => None,
                })
                .collect();
            self.p.traits[t.idx()].supertraits = supers;
        }
    }

    fn resolve_impls(&mut self) {
        let pending = std::mem::take(&mut self.pending_impls);
        for pi in pending {
            let imp = &self.p.impls[pi.id.idx()];
            let m = imp.module;
            let self_struct = match scope::resolve_type_ref(&self.p, m, &imp.self_ty) {
                Some(Def::Struct(s)) => Some(s),
                _ => None,
            };
            let trait_ =
                pi.trait_path
                    .as_ref()
                    .and_then(|tp| match scope::resolve_path(&self.p, m, tp) {
                        Some(Def::Trait(t)) => Some(t),
                        _ => None,
                    });
            let imp = &mut self.p.impls[pi.id.idx()];
            imp.self_struct = self_struct;
            imp.trait_ = trait_;
            if let Some(s) = self_struct {
                self.p.impls_of.entry(s).or_default().push(pi.id);
            }
            if let Some(t) = trait_ {
                self.p.traits[t.idx()].impls.push(pi.id);
            }
        }
    }

    fn index_methods(&mut self) {
        for (i, f) in self.p.fns.iter().enumerate() {
            if f.ir.self_param.is_some() && !f.cfg_test {
                self.p
                    .methods_by_name
                    .entry(f.name.clone())
                    .or_default()
                    .push(FnId(i as u32));
            }
        }
    }

    /// Is this attribute privflow's in module `m`? Qualified forms always are; a bare `#[sink]`
    /// only when `m` imports it from `privflow`/`privflow_macros` (by name or glob).
    fn is_ours(&self, m: ModId, a: &RawAttr) -> bool {
        if a.path.len() == 2 {
            return true;
        }
        let name = a.last();
        let mut cur = Some(m);
        while let Some(mid) = cur {
            let md = &self.p.modules[mid.idx()];
            for u in &md.uses {
                let from_us = u
                    .path
                    .first()
                    .map(|f| &**f == "privflow" || &**f == "privflow_macros")
                    .unwrap_or(false);
                if !from_us {
                    continue;
                }
                match &u.kind {
                    UseKind::Glob if u.path.len() == 1 => return true,
                    UseKind::Named(alias) if &**alias == name && u.path.len() == 2 => return true,
                    _ => {}
                }
            }
            cur = md.fn_scope_of;
        }
        false
    }

    fn read_attrs(&mut self) {
        let pending = std::mem::take(&mut self.pending_attrs);
        for (m, attrs, target) in pending {
            for a in attrs {
                if !self.is_ours(m, &a) {
                    continue;
                }
                self.apply_attr(&a, target);
            }
        }
    }

    fn apply_attr(&mut self, a: &RawAttr, target: AttrTarget) {
        let name = a.last().to_string();
        let res: Result<(), String> = match (name.as_str(), target) {
            ("allow", _) => read_allow(a).map(|al| match target {
                AttrTarget::Fn(f) => self.p.fns[f.idx()].annots.allows.push(al),
                AttrTarget::Struct(s) => self.p.structs[s.idx()].allows.push(al),
                AttrTarget::Impl(i) => self.p.impls[i.idx()].allows.push(al),
                AttrTarget::Trait(t) => self.p.traits[t.idx()].allows.push(al),
                AttrTarget::Module(md) => self.p.modules[md.idx()].allows.push(al),
                AttrTarget::Alias(_) => {}
            }),
            ("data", AttrTarget::Struct(_)) => Ok(()),
            ("pii" | "phi", AttrTarget::Struct(_) | AttrTarget::Alias(_)) => {
                let class = if name == "phi" {
                    DataClass::Phi
                } else {
                    DataClass::Pii
                };
                read_data_tag(a, class).map(|t| match target {
                    AttrTarget::Struct(s) => self.p.structs[s.idx()].type_tag = Some(t),
                    AttrTarget::Alias(al) => self.p.aliases[al.idx()].type_tag = Some(t),
                    _ => {}
                })
            }
            ("sink", AttrTarget::Fn(f)) => {
                read_sink(a).map(|s| self.p.fns[f.idx()].annots.sink = Some(s))
            }
            ("sanitizer", AttrTarget::Fn(f)) => {
                read_sanitizer(a).map(|s| self.p.fns[f.idx()].annots.sanitizer = Some(s))
            }
            ("consent", AttrTarget::Fn(f)) => read_consent(a).and_then(|(purpose, binds)| {
                self.check_binds(f, binds, "consent")?;
                let an = &mut self.p.fns[f.idx()].annots;
                an.consent = Some(purpose);
                an.consent_binds = binds;
                Ok(())
            }),
            ("check", AttrTarget::Fn(f)) => read_check(a).and_then(|c| {
                self.check_binds(f, c.binds, "check")?;
                self.p.fns[f.idx()].annots.check = Some(c);
                Ok(())
            }),
            ("guarded", AttrTarget::Fn(f)) => read_guarded(a).and_then(|g| {
                self.check_binds(f, g.binds, "guarded")?;
                self.p.fns[f.idx()].annots.guarded = Some(g);
                Ok(())
            }),
            ("source", AttrTarget::Fn(f)) => read_source(a).and_then(|(param, tag)| {
                let fd = &mut self.p.fns[f.idx()];
                match param {
                    None => fd.annots.source = Some(tag),
                    Some(name) => {
                        let named = fd
                            .ir
                            .params
                            .iter()
                            .any(|prm| matches!(&prm.pat, Pat::Bind { name: n, .. } if *n == name));
                        if !named {
                            return Err(format!(
                                "`#[privflow::source(.., param = \"{name}\")]`: `{}` has no parameter `{name}`",
                                fd.name
                            ));
                        }
                        fd.annots.param_sources.push((name, tag));
                    }
                }
                Ok(())
            }),
            ("erases", AttrTarget::Fn(f)) => read_erases(a).map(|paths| {
                self.p.fns[f.idx()].annots.erases_span = Some(a.span);
                for path in paths {
                    let p = crate::syntax::ir::Path {
                        global: false,
                        segments: path
                            .iter()
                            .map(|n| crate::syntax::ir::PathSeg {
                                name: n.clone(),
                                generics: Vec::new(),
                            })
                            .collect(),
                        qself: None,
                        span: a.span,
                    };
                    let scope_m = self.p.fns[f.idx()].module;
                    match scope::resolve_path(&self.p, scope_m, &p) {
                        Some(Def::Struct(s)) => self.p.erased.push((s, f)),
                        Some(Def::Alias(al)) => {
                            if let Some(Def::Struct(s)) = scope::resolve_type_ref(
                                &self.p,
                                self.p.aliases[al.idx()].module,
                                &self.p.aliases[al.idx()].ty,
                            ) {
                                self.p.erased.push((s, f));
                            }
                        }
                        _ => self.problem(
                            a.span,
                            format!(
                                "`#[privflow::erases]`: cannot find type `{}`",
                                p.to_string_lossy()
                            ),
                        ),
                    }
                    self.p.fns[f.idx()].annots.erases.push(path);
                }
            }),
            (other, _) => Err(format!(
                "`#[privflow::{other}]` does not go on this kind of item"
            )),
        };
        if let Err(msg) = res {
            self.problem(a.span, msg);
        }
    }
}

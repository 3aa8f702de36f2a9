//! The item layer: every module, type, function, trait and impl of the analysed workspace, their
//! privflow annotations interpreted, and name resolution over them.
//!
//! Built once from the parsed crates ([`Program::build`]); read-only afterwards.

pub mod annots;
pub mod build;
pub mod scope;
pub mod ty;

pub use annots::*;
pub use ty::{Ty, TyCtx};

use crate::model::Problem;
use crate::syntax::ir::{FnIr, Name, Span, StructIr, TypeRef, UseIr};
use std::collections::BTreeMap;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name { pub fn idx(self) -> usize { self.0 as usize } }
    )*};
}
id_type!(CrateId, ModId, StructId, FnId, TraitId, ImplId, AliasId, ConstId);

/// What a name in a module scope refers to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Def {
    Crate(CrateId),
    Module(ModId),
    Struct(StructId),
    /// An enum variant: the enum and the variant's index.
    Variant(StructId, u32),
    Fn(FnId),
    Trait(TraitId),
    Alias(AliasId),
    Const(ConstId),
    /// Something outside the workspace, by its full path (`reqwest::Client`, `std::fs::write`).
    External(Vec<Name>),
}

#[derive(Debug, Clone)]
pub struct CrateData {
    pub name: String,
    pub root: ModId,
    /// Index of this crate's settings in the analysis input.
    pub config: usize,
    /// Dependency names used in this crate's code → crate names.
    pub extern_crates: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct ModuleData {
    pub krate: CrateId,
    pub parent: Option<ModId>,
    pub name: Name,
    /// Items defined here, by name (types and values share one map: a clash keeps both).
    pub defs: BTreeMap<Name, Vec<Def>>,
    pub uses: Vec<UseIr>,
    /// `#[cfg(test)]` module (or inside one): not analysed.
    pub cfg_test: bool,
    /// A function body's scope: lookups fall through to this module.
    pub fn_scope_of: Option<ModId>,
    pub allows: Vec<AllowAnn>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct StructData {
    pub name: Name,
    pub module: ModId,
    pub ir: StructIr,
    /// Per field (same order as `ir.fields`; for enums, variants' fields flattened by name).
    pub field_tags: Vec<Option<DataTag>>,
    /// `#[privflow::pii]`/`phi` on the type itself.
    pub type_tag: Option<DataTag>,
    pub allows: Vec<AllowAnn>,
}

impl StructData {
    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.ir.fields.iter().position(|f| &*f.name == name)
    }
    /// Every field of a struct, or of all variants of an enum.
    pub fn all_fields(&self) -> impl Iterator<Item = &crate::syntax::ir::FieldIr> {
        self.ir
            .fields
            .iter()
            .chain(self.ir.variants.iter().flat_map(|v| v.fields.iter()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Free,
    Impl(ImplId),
    Trait(TraitId),
}

#[derive(Debug, Clone)]
pub struct FnData {
    pub name: Name,
    /// The module whose scope the body resolves names in (a function-local scope if the body
    /// declares items).
    pub scope: ModId,
    pub module: ModId,
    pub owner: Owner,
    pub ir: FnIr,
    pub annots: FnAnnots,
    /// Under `#[cfg(test)]`/`#[test]`: not analysed.
    pub cfg_test: bool,
}

impl FnData {
    /// Parameter names, `self` first for a method (`_` for a pattern that is not a name).
    pub fn param_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.ir.self_param.is_some() {
            out.push("self".to_string());
        }
        for prm in &self.ir.params {
            out.push(match &prm.pat {
                crate::syntax::ir::Pat::Bind { name, .. } => name.to_string(),
                _ => "_".to_string(),
            });
        }
        out
    }

    /// Number of value parameters including `self`.
    pub fn arity(&self) -> usize {
        self.ir.params.len() + usize::from(self.ir.self_param.is_some())
    }
}

#[derive(Debug, Clone)]
pub struct ImplData {
    pub module: ModId,
    pub self_ty: TypeRef,
    /// The type the impl is for, when it is a workspace type.
    pub self_struct: Option<StructId>,
    pub trait_: Option<TraitId>,
    /// The last segment of the implemented trait's path, workspace trait or not (`Add`).
    pub trait_name: Option<Name>,
    pub generics: Vec<(Name, Vec<crate::syntax::ir::Path>)>,
    pub fns: Vec<FnId>,
    pub allows: Vec<AllowAnn>,
    pub cfg_test: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct TraitData {
    pub name: Name,
    pub module: ModId,
    /// Workspace supertraits (`trait Storage: ApiKeys`), resolved once scopes exist.
    pub supertraits: Vec<TraitId>,
    pub fns: Vec<FnId>,
    pub impls: Vec<ImplId>,
    pub allows: Vec<AllowAnn>,
}

#[derive(Debug, Clone)]
pub struct AliasData {
    pub name: Name,
    pub module: ModId,
    pub ty: TypeRef,
    pub type_tag: Option<DataTag>,
}

#[derive(Debug, Clone)]
pub struct ConstData {
    pub name: Name,
    pub module: ModId,
    pub ty: TypeRef,
}

/// The whole workspace's items.
#[derive(Debug, Default)]
pub struct Program {
    pub crates: Vec<CrateData>,
    pub modules: Vec<ModuleData>,
    pub structs: Vec<StructData>,
    pub fns: Vec<FnData>,
    pub traits: Vec<TraitData>,
    pub impls: Vec<ImplData>,
    pub aliases: Vec<AliasData>,
    pub consts: Vec<ConstData>,
    /// Resolved scope of each module: every name visible in it (own items, imports, globs).
    pub scopes: Vec<BTreeMap<Name, Vec<Def>>>,
    /// Inherent and trait impls per workspace type.
    pub impls_of: BTreeMap<StructId, Vec<ImplId>>,
    /// Methods by name, over the whole workspace (for receivers of unknown type).
    pub methods_by_name: BTreeMap<Name, Vec<FnId>>,
    /// `#[privflow::erases(..)]` targets.
    pub erased: Vec<(StructId, FnId)>,
    /// Annotations privflow could not read.
    pub problems: Vec<Problem>,
}

impl Program {
    /// `t` and its workspace supertraits, transitively, each once, `t` first.
    pub fn trait_and_supers(&self, t: TraitId) -> Vec<TraitId> {
        let mut out = vec![t];
        let mut i = 0;
        while i < out.len() {
            for s in &self.traits[out[i].idx()].supertraits {
                if !out.contains(s) {
                    out.push(*s);
                }
            }
            i += 1;
        }
        out
    }

    pub fn fn_(&self, f: FnId) -> &FnData {
        &self.fns[f.idx()]
    }
    /// Workspace types named `name` (the last segment of a path).
    pub fn structs_named(&self, name: &str) -> Vec<StructId> {
        let last = name.rsplit("::").next().unwrap_or(name);
        (0..self.structs.len())
            .map(|i| StructId(i as u32))
            .filter(|s| &*self.struct_(*s).name == last)
            .collect()
    }

    /// The types some `erases` names whose records a table of this name holds (`tickets` holds
    /// `SupportTicket`: see [`crate::syntax::ident::table_holds`]).
    pub fn erased_held_in(&self, table: &str) -> Vec<StructId> {
        let mut out: Vec<StructId> = self
            .erased
            .iter()
            .map(|(s, _)| *s)
            .filter(|s| crate::syntax::ident::table_holds(table, &self.struct_(*s).name))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    pub fn struct_(&self, s: StructId) -> &StructData {
        &self.structs[s.idx()]
    }
    pub fn module(&self, m: ModId) -> &ModuleData {
        &self.modules[m.idx()]
    }
    pub fn crate_of(&self, m: ModId) -> CrateId {
        self.modules[m.idx()].krate
    }

    /// The impl's `Self` type for a method, if any.
    pub fn self_struct_of(&self, f: FnId) -> Option<StructId> {
        match self.fn_(f).owner {
            Owner::Impl(i) => self.impls[i.idx()].self_struct,
            _ => None,
        }
    }

    /// `Type::method` / `Trait::method` label for messages.
    pub fn fn_label(&self, f: FnId) -> String {
        let d = self.fn_(f);
        match d.owner {
            Owner::Free => d.name.to_string(),
            Owner::Impl(i) => {
                let imp = &self.impls[i.idx()];
                let ty = match imp.self_struct {
                    Some(s) => self.struct_(s).name.to_string(),
                    None => type_ref_label(&imp.self_ty),
                };
                format!("{ty}::{}", d.name)
            }
            Owner::Trait(t) => format!("{}::{}", self.traits[t.idx()].name, d.name),
        }
    }

    /// Is `m` inside (or equal to) `ancestor`?
    pub fn module_within(&self, mut m: ModId, ancestor: ModId) -> bool {
        loop {
            if m == ancestor {
                return true;
            }
            let md = &self.modules[m.idx()];
            match md.fn_scope_of.or(md.parent) {
                Some(p) => m = p,
                None => return false,
            }
        }
    }
}

pub fn type_ref_label(t: &TypeRef) -> String {
    match t {
        TypeRef::Path(p) => p.last().map(|s| s.to_string()).unwrap_or_default(),
        TypeRef::Ref { inner, .. } => type_ref_label(inner),
        _ => "_".to_string(),
    }
}

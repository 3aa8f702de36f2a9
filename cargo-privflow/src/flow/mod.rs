//! The flow layer: which tagged data reaches which sink call, along which path, under which
//! consent.
//!
//! Each function body is interpreted once per round over abstract [`value::Value`]s
//! ([`body`]); calls into workspace functions apply the callee's [`FnSummary`] (parameter →
//! return, parameter → sink, parameter → `&mut` parameter). [`solver`] recomputes summaries to a
//! fixpoint over the call graph, then turns the facts into [`FlowFacts`]: concrete flows with
//! their consent, every sink call (for presence rules), and the flow graph ([`graph`]).

pub mod body;
pub mod callgraph;
pub mod catalogue;
pub mod demand;
pub mod graph;
pub mod held;
pub mod policy;
pub mod solver;
pub mod summary;
pub mod tags;
pub mod value;

use crate::hir::{AliasId, DataTag, FnId, Program, SinkSpec, StructId, Ty, TyCtx};
use crate::model::LibrarySink;
use crate::syntax::ir::{Name, Span};
use std::collections::{BTreeSet, HashMap};
pub use summary::{FnSummary, HitInfo};
use tags::{SourceId, Tag, Trace};
use value::Purposes;

/// What a source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    Field {
        strukt: StructId,
        field: usize,
    },
    Type(StructId),
    Alias(AliasId),
    Fn(FnId),
    /// A parameter tagged by `#[privflow::source(.., param = "..")]`: (function, index of the
    /// parameter, `self` counted).
    Param(FnId, u16),
    /// A library type declared personal / health data in a crate's config
    /// (`[[..privflow.types]]`): (config index, entry index). Its span is the config entry.
    LibType {
        config: usize,
        index: usize,
    },
    /// A library function whose result is tagged by a crate's config
    /// (`[[..privflow.sources]]`): (config index, entry index).
    LibFn {
        config: usize,
        index: usize,
    },
}

#[derive(Debug, Clone)]
pub struct SourceInfo {
    pub tag: DataTag,
    /// `Patient.diagnosis`, `LabResult`, `read_glucose()`.
    pub label: String,
    pub kind: SourceKind,
    pub serde_skip: bool,
}

/// Every tagged field, type, alias and source fn of the program.
#[derive(Debug, Default)]
pub struct Sources {
    pub list: Vec<SourceInfo>,
    pub field: HashMap<(StructId, usize), SourceId>,
    pub ty: HashMap<StructId, SourceId>,
    pub alias: HashMap<AliasId, SourceId>,
    pub func: HashMap<FnId, SourceId>,
    /// Tagged parameters: (function, parameter index with `self` counted).
    pub param: HashMap<(FnId, u16), SourceId>,
    /// Configured library types: (full path, source), over every crate's config.
    pub lib_ty: Vec<(String, SourceId)>,
    /// Configured library sources: (config index, entry index) → source.
    pub lib_fn: HashMap<(usize, usize), SourceId>,
}

impl Sources {
    pub fn get(&self, id: SourceId) -> &SourceInfo {
        &self.list[id.0 as usize]
    }

    /// The library types and sources the crates' configs declare (SPEC §5), each located at its
    /// config entry.
    pub fn add_library(&mut self, configs: &[FlowConfig]) {
        for (ci, c) in configs.iter().enumerate() {
            for (i, t) in c.types.iter().enumerate() {
                // The same type in several crates' configs: one source (the first entry's).
                if self.lib_ty.iter().any(|(path, _)| *path == t.path) {
                    continue;
                }
                let id = SourceId(self.list.len() as u32);
                self.list.push(SourceInfo {
                    tag: library_tag(&t.tag, t.location.span),
                    label: t.path.clone(),
                    kind: SourceKind::LibType {
                        config: ci,
                        index: i,
                    },
                    serde_skip: false,
                });
                self.lib_ty.push((t.path.clone(), id));
            }
            for (i, s) in c.sources.iter().enumerate() {
                let id = SourceId(self.list.len() as u32);
                self.list.push(SourceInfo {
                    tag: library_tag(&s.tag, s.location.span),
                    label: format!("{}()", s.path),
                    kind: SourceKind::LibFn {
                        config: ci,
                        index: i,
                    },
                    serde_skip: false,
                });
                self.lib_fn.insert((ci, i), id);
            }
        }
    }

    /// The source of a library type the configs declare, by the type's path as [`Ty::Lib`]
    /// names it (matched as config sinks are: [`body::path_matches`]).
    pub fn of_lib_ty(&self, name: &str) -> Option<SourceId> {
        // Every match ends in the same segment: compare that first (no allocation per value
        // flattened).
        let name_last = name.rsplit("::").next().unwrap_or("");
        self.lib_ty
            .iter()
            .filter(|(path, _)| path.rsplit("::").next() == Some(name_last))
            .find(|(path, _)| body::path_matches(path, name))
            .map(|(_, id)| *id)
    }

    pub fn collect(p: &Program) -> Sources {
        let mut s = Sources::default();
        let push = |s: &mut Sources, info: SourceInfo| {
            let id = SourceId(s.list.len() as u32);
            s.list.push(info);
            id
        };
        for (si, sd) in p.structs.iter().enumerate() {
            let sid = StructId(si as u32);
            if p.module(sd.module).cfg_test {
                continue;
            }
            if let Some(t) = &sd.type_tag {
                let id = push(
                    &mut s,
                    SourceInfo {
                        tag: t.clone(),
                        label: sd.name.to_string(),
                        kind: SourceKind::Type(sid),
                        serde_skip: false,
                    },
                );
                s.ty.insert(sid, id);
            }
            for (fi, (f, tag)) in sd.all_fields().zip(sd.field_tags.iter()).enumerate() {
                if let Some(t) = tag {
                    let id = push(
                        &mut s,
                        SourceInfo {
                            tag: t.clone(),
                            label: format!("{}.{}", sd.name, f.name),
                            kind: SourceKind::Field {
                                strukt: sid,
                                field: fi,
                            },
                            serde_skip: f.attrs.serde_skip,
                        },
                    );
                    s.field.insert((sid, fi), id);
                }
            }
        }
        for (ai, ad) in p.aliases.iter().enumerate() {
            if let Some(t) = &ad.type_tag {
                let aid = AliasId(ai as u32);
                let id = push(
                    &mut s,
                    SourceInfo {
                        tag: t.clone(),
                        label: ad.name.to_string(),
                        kind: SourceKind::Alias(aid),
                        serde_skip: false,
                    },
                );
                s.alias.insert(aid, id);
            }
        }
        for (fi, fd) in p.fns.iter().enumerate() {
            if let Some(t) = &fd.annots.source {
                let fid = FnId(fi as u32);
                let label = format!("{}()", p.fn_label(fid));
                let id = push(
                    &mut s,
                    SourceInfo {
                        tag: t.clone(),
                        label,
                        kind: SourceKind::Fn(fid),
                        serde_skip: false,
                    },
                );
                s.func.insert(fid, id);
            }
            let fid = FnId(fi as u32);
            let offset = u16::from(fd.ir.self_param.is_some());
            for (name, t) in &fd.annots.param_sources {
                let Some(i) = fd.ir.params.iter().position(|prm| {
                    matches!(&prm.pat, crate::syntax::ir::Pat::Bind { name: n, .. } if n == name)
                }) else {
                    continue;
                };
                let index = offset + i as u16;
                let id = push(
                    &mut s,
                    SourceInfo {
                        tag: t.clone(),
                        label: format!("{}({name})", p.fn_label(fid)),
                        kind: SourceKind::Param(fid, index),
                        serde_skip: false,
                    },
                );
                s.param.insert((fid, index), id);
            }
        }
        s
    }
}

/// A config's `pii = {..}` / `phi = {..}` as the tag its data carries, located at `span`.
fn library_tag(t: &crate::workspace::LibraryTag, span: Span) -> DataTag {
    DataTag {
        class: if t.phi {
            crate::hir::DataClass::Phi
        } else {
            crate::hir::DataClass::Pii
        },
        category: t.category.clone(),
        subject: t.subject.clone(),
        purposes: t.purposes.clone(),
        span,
    }
}

/// Which sink a call reaches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SinkRef {
    /// An annotated workspace function (or trait method declaration).
    Fn(FnId),
    /// A catalogue entry, as seen from a crate (its default region applies).
    /// `via`: the literal URL the call (or the client it is made on) names, if any.
    Lib {
        entry: u32,
        config: usize,
        via: Option<Name>,
    },
    /// A macro of the catalogue (`println!`, `tracing::info!`, `panic!`), by the name it was
    /// called by.
    LogMacro {
        entry: u32,
        name: Name,
        config: usize,
    },
    /// A library sink declared in a crate's config: (config index, sink index).
    Configured { config: usize, index: usize },
}

/// A call of a sink: where, and which.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SinkSite {
    pub span: Span,
    pub sink: SinkRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteId(pub u32);

/// Interned sink sites, with the function each is written in.
#[derive(Debug, Default)]
pub struct Sites {
    pub list: Vec<(SinkSite, FnId)>,
    index: HashMap<SinkSite, SiteId>,
}

impl Sites {
    pub fn intern(&mut self, site: SinkSite, in_fn: FnId) -> SiteId {
        if let Some(id) = self.index.get(&site) {
            return *id;
        }
        let id = SiteId(self.list.len() as u32);
        self.list.push((site.clone(), in_fn));
        self.index.insert(site, id);
        id
    }
    pub fn get(&self, id: SiteId) -> &SinkSite {
        &self.list[id.0 as usize].0
    }
}

/// Concrete tagged data reaching a sink call.
#[derive(Debug, Clone)]
pub struct Flow {
    pub site: SiteId,
    pub tag: Tag,
    pub trace: Trace,
    /// Consent established between the function where the data became concrete and the sink.
    pub consent: Purposes,
    /// Where the data became concrete (its callers' consent applies too).
    pub in_fn: FnId,
    /// The roots of the data at the sink call, in `in_fn` (for consent bound to a value).
    pub roots: Vec<Name>,
}

/// A resolved sink: its spec with defaults applied and a display name.
#[derive(Debug, Clone)]
pub struct SinkDesc {
    pub name: String,
    pub spec: SinkSpec,
    pub decl: Option<Span>,
}

/// Settings the flow layer needs from each crate's config.
#[derive(Debug, Clone, Default)]
pub struct FlowConfig {
    pub region: Option<String>,
    pub sinks: Vec<LibrarySink>,
    /// `[[..types]]`: library types whose every value is personal / health data.
    pub types: Vec<crate::workspace::LibraryType>,
    /// `[[..sources]]`: library functions whose result is tagged.
    pub sources: Vec<crate::workspace::LibrarySource>,
    /// `[[..sanitizers]]`: library functions whose result is their input transformed.
    pub sanitizers: Vec<crate::workspace::LibrarySanitizer>,
    /// `[[..consents]]`: library consent checks (`binds` is carried, not yet applied).
    pub consents: Vec<crate::workspace::LibraryConsent>,
    /// `[[..checks]]`: library named checks (SPEC §5), carried for the checks analysis.
    pub checks: Vec<crate::workspace::LibraryCheck>,
}

impl FlowConfig {
    /// The flow settings of a crate's config.
    pub fn of(c: &crate::model::PackageConfig) -> FlowConfig {
        FlowConfig {
            region: c.region.clone(),
            sinks: c.sinks.clone(),
            types: c.library.types.clone(),
            sources: c.library.sources.clone(),
            sanitizers: c.library.sanitizers.clone(),
            consents: c.library.consents.clone(),
            checks: c.library.checks.clone(),
        }
    }
}

/// The analysis' shared, read-only inputs for one round.
pub struct Shared<'p> {
    pub p: &'p Program,
    pub sources: Sources,
    pub catalogue: &'static catalogue::Catalogue,
    pub configs: Vec<FlowConfig>,
    pub summaries: Vec<Option<FnSummary>>,
    /// Concrete tags written into a struct field by some function (read wherever it is read),
    /// per struct, then field: a value's fields are looked up without a scan of every struct's.
    pub field_taint: HashMap<StructId, std::collections::BTreeMap<Name, tags::TagSet>>,
    /// Per function: its declared return type, lowered once (`Unknown` when it declares none).
    pub ret_tys: Vec<Ty>,
    /// Per struct: whether any source is declared on it or on a type it holds (a value of an
    /// untagged type needs no walk through its field types for sources).
    pub holds_sources: Vec<bool>,
    /// Per struct: field types, lowered in the struct's module.
    pub field_tys: Vec<Vec<Ty>>,
    /// Per function: its typing context.
    pub ty_ctx: Vec<TyCtx>,
    /// Per struct: what its `impl Deref` dereferences to (field reads it lacks go there).
    pub deref_targets: Vec<Option<Ty>>,
}

/// A call of a workspace function by an analysed one.
#[derive(Debug, Clone)]
pub struct CallEdge {
    pub caller: FnId,
    pub callee: FnId,
    /// Consent and checks held at the call, in the caller's roots ([`held`]).
    pub held: Purposes,
    pub span: Span,
    /// The roots of the actuals, receiver first: how bound facts cross into the callee.
    pub arg_roots: Vec<Option<Name>>,
}

/// A call that deletes stored records (SPEC §5: a sink with `op = "delete"`, or a catalogued
/// deletion such as SQL `DELETE` text), with what identifies the records it deletes.
#[derive(Debug, Clone)]
pub struct Deletion {
    pub in_fn: FnId,
    pub span: Span,
    /// Workspace types of the data it receives, of the variables that data derives from, and
    /// the sink's `stores` type.
    pub tys: BTreeSet<StructId>,
    /// The roots of the data (a parameter's root: the caller's argument decides its type).
    pub roots: Vec<Name>,
    /// The tables its SQL text erases rows of (what was stored there is deleted).
    pub tables: Vec<Name>,
}

/// A call of a `#[privflow::guarded]` function (SPEC §5).
#[derive(Debug, Clone)]
pub struct GuardedCall {
    pub caller: FnId,
    pub callee: FnId,
    /// What holds at the call, in the caller's roots.
    pub held: Purposes,
    /// The root of the argument the guarded fn binds (`binds = N`), if it binds and it has one.
    pub bound_root: Option<Name>,
    pub span: Span,
}

/// Everything the flow layer found.
pub struct FlowFacts {
    pub sources: Sources,
    pub sites: Sites,
    pub sinks: Vec<SinkDesc>,
    pub flows: Vec<Flow>,
    /// Consent that holds on entry to each function (on every call chain from an entry point).
    pub consent_in: Vec<Purposes>,
    /// Call edges among analysed functions, in caller order.
    pub calls: Vec<CallEdge>,
    /// Calls of `#[privflow::guarded]` functions, in caller order.
    pub guarded_calls: Vec<GuardedCall>,
    /// Deletions, when some function is `#[privflow::erases]` (in function order).
    pub deletions: Vec<Deletion>,
    /// Storage sites whose SQL text writes into a table (sorted): what is stored in which table,
    /// so that a deletion from the table deletes it.
    pub site_tables: Vec<(SiteId, Name)>,
    /// Per analysed function: the workspace types of the roots it binds (parameters, locals).
    pub root_tys: Vec<Vec<(Name, StructId)>>,
    pub graph: graph::FlowGraph,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{LibraryCheck, LibraryConsent, LibraryItems, LibraryTag, LibraryType};

    #[test]
    fn flow_config_carries_library_items_and_types_become_sources() {
        let mut pkg = crate::model::PackageConfig {
            library: LibraryItems {
                types: vec![LibraryType {
                    path: "actix_identity::Identity".into(),
                    tag: LibraryTag {
                        category: "user.authorization.credentials".into(),
                        ..LibraryTag::default()
                    },
                    ..LibraryType::default()
                }],
                checks: vec![LibraryCheck {
                    path: "auth_lib::Session::can_read".into(),
                    name: "auth.patient_access".into(),
                    binds: Some(0),
                    ..LibraryCheck::default()
                }],
                consents: vec![LibraryConsent {
                    path: "consent_sdk::Client::has_opt_in".into(),
                    purpose: "analytics".into(),
                    binds: Some(1),
                    ..LibraryConsent::default()
                }],
                ..LibraryItems::default()
            },
            ..crate::model::PackageConfig::default()
        };
        pkg.region = Some("DE".into());
        let fc = FlowConfig::of(&pkg);
        assert_eq!(fc.region.as_deref(), Some("DE"));
        assert_eq!(fc.checks[0].name, "auth.patient_access");
        assert_eq!(fc.checks[0].binds, Some(0));
        assert_eq!(fc.consents[0].binds, Some(1));
        let mut s = Sources::default();
        // The same type in two crates' configs is one source.
        s.add_library(&[fc.clone(), fc]);
        assert_eq!(s.list.len(), 1);
        assert_eq!(
            s.list[0].kind,
            SourceKind::LibType {
                config: 0,
                index: 0
            }
        );
        assert_eq!(s.list[0].tag.category, "user.authorization.credentials");
        assert!(s.of_lib_ty("actix_identity::Identity").is_some());
        assert!(s.of_lib_ty("Identity").is_none());
        assert!(s.of_lib_ty("other::Identity").is_none());
    }
}

//! Abstract interpretation of one function body.
//!
//! Walks the IR in evaluation order with an environment of [`Value`]s and the set of consent
//! purposes that hold at the current point. Branches are evaluated on copies of the state and
//! joined (consent: intersection; values: union); loops run until the state at their head stops
//! changing. Calls apply the callee's summary, or the annotation's meaning (sink, sanitizer,
//! source, consent), or the catalogue's. The result is the function's [`FnSummary`] plus the
//! concrete flows found inside it.
//!
//! One file per concern, each an `impl Eval` block:
//! - `mod.rs`: the evaluator's state, the environment (scopes, copy-on-write values), entry;
//! - `block.rs`: blocks and statements (`let`, `let else`);
//! - `expr.rs`: expressions, paths and what they resolve to;
//! - `control.rs`: conditions (consent as control dependence), `if`, `match`, loops;
//! - `patterns.rs`: binding patterns, the consent a pattern tells;
//! - `places.rs`: places, assignment, writes through `&mut`;
//! - `values.rs`: field reads, elements, flattening, bounding a value's size;
//! - `calls.rs`: calls of paths and methods, dispatch to workspace functions;
//! - `summaries.rs`: applying a callee's summary (projection, substitution);
//! - `closures.rs`: closures evaluated where they are called;
//! - `library.rs`: library methods and functions (the catalogue, configured sinks);
//! - `macros.rs`: format, log, tracing and other macro calls;
//! - `sinks.rs`: recording a sink hit as flows.

use super::catalogue as cat;
use super::held;
use super::tags::{trace_append, trace_push, Origin, Paths, Step, Tag, TagSet, Trace};
use super::value::{
    consented, Alias, Callable, Guard, Purposes, Value, MAX_KNOWN_ELEMS, MAX_VALUE_NODES,
};
use super::{Flow, FnSummary, HitInfo, Shared, SinkRef, SinkSite, SiteId, Sites};
use crate::hir::scope::{assoc_fn, resolve_path, step as path_step, Ns};
use crate::hir::{Def, FnId, Owner, StructId, TraitId, Ty};
use crate::syntax::ir::*;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

mod block;
mod calls;
mod closures;
mod control;
mod expr;
mod library;
mod macros;
mod patterns;
mod places;
mod sinks;
mod summaries;
mod texts;
mod values;

/// What analysing one function produced.
#[derive(Debug, Default)]
pub struct FnResult {
    pub summary: FnSummary,
    pub flows: Vec<Flow>,
    /// Calls of workspace functions (`caller` is this function).
    pub calls: Vec<super::CallEdge>,
    /// Calls of `#[privflow::guarded]` functions.
    pub guarded_calls: Vec<super::GuardedCall>,
    /// Deletions (recorded only when some function is `#[privflow::erases]`).
    pub deletions: Vec<super::Deletion>,
    /// Storage sites whose SQL text writes into these tables (recorded only with `erases`).
    pub site_tables: Vec<(SiteId, Name)>,
    /// Workspace types of the roots bound here (recorded only with `erases` too).
    pub root_tys: Vec<(Name, StructId)>,
    /// Concrete tags written into struct fields.
    pub field_writes: Vec<((StructId, Name), TagSet)>,
    /// Structs whose fields this function reads (it depends on their written taint).
    pub field_reads: BTreeSet<StructId>,
}

#[derive(Debug, Clone, Default)]
struct State {
    /// Local variables, innermost scope last. Values are shared between the states of branches
    /// until one writes (copy-on-write): a branch copies its state in the number of variables,
    /// not their contents, and a join skips what neither branch changed.
    scopes: Vec<Vec<(Name, Rc<Value>)>>,
    consent: Purposes,
    dead: bool,
}

impl State {
    fn join(a: State, b: State) -> State {
        if a.dead {
            return b;
        }
        if b.dead {
            return a;
        }
        let mut out = a;
        for (sa, sb) in out.scopes.iter_mut().zip(b.scopes.iter()) {
            for (i, (n, v)) in sa.iter_mut().enumerate() {
                // Both states grew from one: a variable is usually at the same place in both.
                let other = match sb.get(i) {
                    Some((m, vb)) if m == n => Some(vb),
                    _ => sb.iter().rev().find(|(m, _)| m == n).map(|(_, vb)| vb),
                };
                if let Some(vb) = other {
                    if !Rc::ptr_eq(v, vb) {
                        Rc::make_mut(v).join(vb);
                    }
                }
            }
        }
        out.consent = out.consent.intersection(&b.consent).cloned().collect();
        out
    }

    /// The same variables with the same values (shared values are not compared).
    fn same_as(&self, o: &State) -> bool {
        self.dead == o.dead
            && self.consent == o.consent
            && self.scopes.len() == o.scopes.len()
            && self.scopes.iter().zip(&o.scopes).all(|(a, b)| {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((n, v), (m, w))| n == m && (Rc::ptr_eq(v, w) || v == w))
            })
    }
}

/// A loop or labelled block that `break`/`continue` can leave: the states that jump to it and the
/// values `break` carries out of it.
#[derive(Debug)]
struct JumpTarget {
    label: Option<Name>,
    /// A loop (`continue` and an unlabelled `break` target the innermost loop), or a block.
    is_loop: bool,
    jumps: Vec<State>,
    value: Option<Value>,
}

/// Times a loop body is evaluated before its head is widened: until the state at the loop head
/// stops changing, which is after one evaluation for most loops (nothing the body does reaches
/// the next iteration), and after one more per link of a chain of assignments carried around the
/// loop. A loop not settled by then has its head widened (every variable the body assigns takes
/// the tags all of them hold) for at most as many rounds again: coarser, never fewer tags.
const MAX_LOOP_ROUNDS: usize = 4;

/// Arguments' parts by (parameter, access path), computed once per applied summary.
type ProjCache = std::collections::HashMap<(u16, super::tags::PathId), Value>;

/// Deepest closure-in-closure / nested evaluation the interpreter follows.
const MAX_EVAL_DEPTH: u32 = 200;

/// Methods of std types that never resolve by name to a workspace method.
const STD_METHODS: &[&str] = &[
    "clone",
    "to_string",
    "to_owned",
    "into",
    "from",
    "as_ref",
    "as_str",
    "iter",
    "into_iter",
    "map",
    "len",
    "get",
    "push",
    "insert",
    "unwrap",
    "expect",
    "collect",
    "filter",
    "new",
    "default",
    "fmt",
    "eq",
    "cmp",
    "hash",
    "next",
    "send",
    "write",
    "read",
    "lock",
    "borrow",
    "deref",
    "drop",
    "as_bytes",
    "join",
    "split",
    "trim",
    "contains",
    "is_empty",
    "to_vec",
    "extend",
    "remove",
    "format",
];

pub struct Eval<'a, 'p> {
    sh: &'a Shared<'p>,
    paths: &'a mut Paths,
    sites: &'a mut Sites,
    f: FnId,
    module: crate::hir::ModId,
    st: State,
    ret: Option<Value>,
    out: FnResult,
    closures: Vec<&'p Closure>,
    /// Enclosing loops and labelled blocks, innermost last.
    loops: Vec<JumpTarget>,
    depth: u32,
    mut_params: Vec<(u16, Name)>,
    effects: std::collections::BTreeMap<u16, Value>,
    /// A `let` binds a value built on the spot (a struct literal, `T::default()`): no stored
    /// record (see [`Eval::note_root_ty`]).
    binding_literal: bool,
}

pub fn analyze_fn(sh: &Shared<'_>, paths: &mut Paths, sites: &mut Sites, f: FnId) -> FnResult {
    let p = sh.p;
    let d = p.fn_(f);
    let Some(body) = &d.ir.body else {
        return FnResult::default();
    };
    let cx = &sh.ty_ctx[f.idx()];
    let mut ev = Eval {
        sh,
        paths,
        sites,
        f,
        module: d.scope,
        st: State {
            scopes: vec![Vec::new()],
            consent: Purposes::new(),
            dead: false,
        },
        ret: None,
        out: FnResult::default(),
        closures: Vec::new(),
        loops: Vec::new(),
        depth: 0,
        mut_params: Vec::new(),
        effects: Default::default(),
        binding_literal: false,
    };
    // Symbolic tags stand for what callers pass in; they only ever matter once a caller passes
    // concrete tagged data. A program with no source has none, so its parameters start clean
    // and summaries carry only types, guards and callables (exactly the same findings, at about
    // the cost of one walk per body).
    let symbolic = !sh.sources.list.is_empty();
    let mut idx: u16 = 0;
    if let Some(sk) = d.ir.self_param {
        let v = Value {
            tags: param_tags(0, symbolic),
            ty: cx.self_ty.clone().unwrap_or_default(),
            root: Some(super::held::param_root(0)),
            ..Value::default()
        };
        ev.note_root_ty(&v);
        ev.declare(Name::from("self"), v);
        if sk == SelfKind::RefMut {
            ev.mut_params.push((0, Name::from("self")));
        }
        idx = 1;
    }
    for prm in &d.ir.params {
        let ty = p.lower_ty(cx, &prm.ty);
        let mut tags = param_tags(idx, symbolic);
        // `#[privflow::source(.., param = "phone")]`: the parameter is tagged data here.
        if let Some(src) = sh.sources.param.get(&(f, idx)) {
            let info = sh.sources.get(*src);
            let what = match info.tag.class {
                crate::hir::DataClass::Phi => "PHI",
                crate::hir::DataClass::Pii => "PII",
            };
            let note = format!("`{}` is tagged {what} ({})", info.label, info.tag.category);
            tags.insert(
                Tag {
                    origin: Origin::Source(*src),
                    san: 0,
                },
                trace_push(&None, Eval::step(info.tag.span, note)),
            );
        }
        let v = Value {
            tags,
            ty,
            root: Some(super::held::param_root(idx as usize)),
            ..Value::default()
        };
        if let (TypeRef::Ref { mutable: true, .. }, Pat::Bind { name, .. }) = (&prm.ty, &prm.pat) {
            ev.mut_params.push((idx, name.clone()));
        }
        ev.note_root_ty(&v);
        ev.bind(&prm.pat, v);
        idx += 1;
    }
    let tail = ev.block(body);
    if !ev.st.dead {
        ev.add_return(tail);
    }
    let mut ret = ev.ret.take().unwrap_or_default().without_local();
    ev.bounded(&mut ret, d.ir.span);
    let mut effects = std::mem::take(&mut ev.effects);
    for v in effects.values_mut() {
        *v = std::mem::take(v).without_local();
        ev.bounded(v, d.ir.span);
    }
    let mut out = ev.out;
    out.summary.ret = ret;
    out.summary.effects = effects;
    out
}

/// The tag that stands for parameter `i` inside its function's summary (none when `symbolic`
/// is off: see `analyze_fn`).
fn param_tags(i: u16, symbolic: bool) -> TagSet {
    if !symbolic {
        return TagSet::default();
    }
    TagSet::single(
        Tag {
            origin: Origin::Param(i, Paths::ROOT),
            san: 0,
        },
        None,
    )
}

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Environment
    // -----------------------------------------------------------------------------------------

    pub(super) fn declare(&mut self, n: Name, v: Value) {
        if let Some(s) = self.st.scopes.last_mut() {
            s.push((n, Rc::new(v)));
        }
    }

    pub(super) fn lookup(&self, n: &str) -> Option<&Value> {
        self.st
            .scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(m, _)| &**m == n)
            .map(|(_, v)| &**v)
    }

    pub(super) fn lookup_mut(&mut self, n: &str) -> Option<&mut Value> {
        self.st
            .scopes
            .iter_mut()
            .rev()
            .flat_map(|s| s.iter_mut().rev())
            .find(|(m, _)| &**m == n)
            .map(|(_, v)| Rc::make_mut(v))
    }

    pub(super) fn push_scope(&mut self) {
        self.st.scopes.push(Vec::new());
    }

    pub(super) fn pop_scope(&mut self) {
        if self.st.scopes.len() > 1 {
            self.st.scopes.pop();
        }
    }

    pub(super) fn add_return(&mut self, v: Value) {
        match &mut self.ret {
            Some(r) => r.join(&v),
            None => self.ret = Some(v),
        }
        for (i, n) in self.mut_params.clone() {
            if let Some(v) = self.lookup(&n).cloned() {
                self.effects.entry(i).or_default().join(&v);
            }
        }
    }

    pub(super) fn fn_label(&self, f: FnId) -> String {
        self.sh.p.fn_label(f)
    }
}

fn past_tense(s: crate::hir::Sanitizer) -> &'static str {
    use crate::hir::Sanitizer::*;
    match s {
        Encrypt => "encrypted",
        Anonymize => "anonymized",
        Pseudonymize => "pseudonymized",
        Hash => "hashed",
        Redact => "redacted",
    }
}

fn recv_label(e: &Expr) -> String {
    match e {
        Expr::Path(p) => p.to_string_lossy(),
        Expr::Field { base, field, .. } => format!("{}.{}", recv_label(base), field),
        Expr::Ref { expr, .. } | Expr::Unary { expr, .. } => recv_label(expr),
        _ => "the value".to_string(),
    }
}

/// Does a configured path (`vendor_crm::push_contact`) name this call's full path? Equal, or a
/// suffix at a `::` boundary in either direction (a `use` may have shortened the call's path).
pub fn path_matches(configured: &str, call: &str) -> bool {
    configured == call
        || call.ends_with(&format!("::{configured}"))
        || configured.ends_with(&format!("::{call}")) && call.contains("::")
}

/// Whether consent for `purpose` holds in `held` (re-exported for the rules layer).
pub fn is_consented(held: &Purposes, purpose: &str) -> bool {
    consented(held, purpose)
}

/// How `e`, a string literal of SQL, erases rows (`DELETE`, `UPDATE .. SET col = NULL`).
pub(super) fn sql_text_erases(e: Option<&Expr>) -> Option<cat::SqlErasure> {
    match e {
        Some(Expr::Lit { text: Some(t), .. }) => cat::sql_erasure(t),
        _ => None,
    }
}

/// Is `e` a string literal of SQL that writes rows?
fn sql_text_writes(e: Option<&Expr>) -> bool {
    matches!(e, Some(Expr::Lit { text: Some(t), .. }) if cat::sql_writes(t))
}

/// What a database call gives back when the query says its row type (`query_as::<_, Patient>`):
/// `fetch_one` a row, `fetch_optional` maybe one, `fetch_all`/`fetch` all of them (as personal
/// as the type makes them, not as the values bound into the query). Unknown otherwise.
fn fetched_rows(query: &Ty, method: &str) -> Ty {
    let Ty::Lib(_, args) = query else {
        return Ty::Unknown;
    };
    let Some(row) = args.first().filter(|t| t.is_known()) else {
        return Ty::Unknown;
    };
    match method {
        "fetch_one" => row.clone(),
        "fetch_optional" => Ty::wrap("Option", row.clone()),
        "fetch_all" | "fetch" | "fetch_many" => Ty::wrap("Vec", row.clone()),
        _ => Ty::Unknown,
    }
}

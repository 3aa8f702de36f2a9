//! Abstract interpretation of one function body.
//!
//! Walks the IR in evaluation order with an environment of [`Value`]s and the set of consent
//! purposes that hold at the current point. Branches are evaluated on copies of the state and
//! joined (consent: intersection; values: union); loops run twice. Calls apply the callee's
//! summary, or the annotation's meaning (sink, sanitizer, source, consent), or the catalogue's.
//! The result is the function's [`FnSummary`] plus the concrete flows found inside it.

use super::catalogue as cat;
use super::tags::{trace_append, trace_push, Origin, Paths, Step, Tag, TagSet, Trace};
use super::value::{consented, Callable, Guard, Purposes, Value, MAX_VALUE_NODES};
use super::{Flow, FnSummary, HitInfo, Shared, SinkRef, SinkSite, SiteId, Sites};
use crate::hir::scope::{assoc_fn, resolve_path, step as path_step, Ns};
use crate::hir::{Def, FnId, Owner, StructId, Ty};
use crate::syntax::ir::*;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

/// What analysing one function produced.
#[derive(Debug, Default)]
pub struct FnResult {
    pub summary: FnSummary,
    pub flows: Vec<Flow>,
    /// Calls of workspace functions: (callee, consent at the call, call span).
    pub calls: Vec<(FnId, Purposes, Span)>,
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

/// Times a loop body is evaluated at most: until the state at the loop head stops changing,
/// which is after one evaluation for most loops (nothing the body does reaches the next
/// iteration), and after one more per link of a chain of assignments carried around the loop.
/// A longer chain is not followed to its end (a known gap, `flow/control/bad-loop-carried-long-chain`).
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
    loops: Vec<Vec<State>>,
    depth: u32,
    mut_params: Vec<(u16, Name)>,
    effects: std::collections::BTreeMap<u16, Value>,
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
            ..Value::default()
        };
        ev.declare(Name::from("self"), v);
        if sk == SelfKind::RefMut {
            ev.mut_params.push((0, Name::from("self")));
        }
        idx = 1;
    }
    for prm in &d.ir.params {
        let ty = p.lower_ty(cx, &prm.ty);
        let v = Value {
            tags: param_tags(idx, symbolic),
            ty,
            ..Value::default()
        };
        if let (TypeRef::Ref { mutable: true, .. }, Pat::Bind { name, .. }) = (&prm.ty, &prm.pat) {
            ev.mut_params.push((idx, name.clone()));
        }
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

    fn declare(&mut self, n: Name, v: Value) {
        if let Some(s) = self.st.scopes.last_mut() {
            s.push((n, Rc::new(v)));
        }
    }

    fn lookup(&self, n: &str) -> Option<&Value> {
        self.st
            .scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(m, _)| &**m == n)
            .map(|(_, v)| &**v)
    }

    fn lookup_mut(&mut self, n: &str) -> Option<&mut Value> {
        self.st
            .scopes
            .iter_mut()
            .rev()
            .flat_map(|s| s.iter_mut().rev())
            .find(|(m, _)| &**m == n)
            .map(|(_, v)| Rc::make_mut(v))
    }

    fn push_scope(&mut self) {
        self.st.scopes.push(Vec::new());
    }

    fn pop_scope(&mut self) {
        if self.st.scopes.len() > 1 {
            self.st.scopes.pop();
        }
    }

    fn add_return(&mut self, v: Value) {
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

    fn fn_label(&self, f: FnId) -> String {
        self.sh.p.fn_label(f)
    }

    // -----------------------------------------------------------------------------------------
    // Values: fields, elements, flattening
    // -----------------------------------------------------------------------------------------

    fn step(span: Span, note: String) -> Step {
        Step {
            span,
            note: Arc::from(note),
        }
    }

    /// `v.field`.
    fn read_field(&mut self, v: &Value, field: &Name, span: Span) -> Value {
        let mut out = v.fields.get(field).cloned().unwrap_or_default();
        for (t, tr) in v.tags.iter() {
            let origin = match t.origin {
                Origin::Param(i, path) => Origin::Param(i, self.paths.child(path, field)),
                o => o,
            };
            out.tags.insert(Tag { origin, san: t.san }, tr.clone());
        }
        // Containers are their elements joined: a field of a `Vec<Patient>` value is a field of
        // its patients.
        let mut ty = v.ty.clone();
        for _ in 0..4 {
            ty = match ty {
                Ty::Alias(_, inner) => *inner,
                t if t.is_container() => t.elem(),
                t => t,
            };
        }
        match &ty {
            Ty::Adt(s, args) => {
                let s = *s;
                let args = args.clone();
                self.out.field_reads.insert(s);
                let sd = self.sh.p.struct_(s);
                let mut field_ty = None;
                // `Variant.0`: a field of one enum variant; a plain name: any field so named.
                let (want_variant, want_field) = match field.split_once('.') {
                    Some((v, f)) => (Some(v), f),
                    None => (None, &**field),
                };
                let owners: Vec<Option<&str>> = sd
                    .ir
                    .fields
                    .iter()
                    .map(|_| None)
                    .chain(
                        sd.ir
                            .variants
                            .iter()
                            .flat_map(|v| v.fields.iter().map(move |_| Some(&*v.name))),
                    )
                    .collect();
                for (fi, f) in sd.all_fields().enumerate() {
                    if &*f.name != want_field {
                        continue;
                    }
                    if want_variant.is_some() && owners.get(fi).copied().flatten() != want_variant {
                        continue;
                    }
                    if field_ty.is_none() {
                        field_ty = self.sh.field_tys[s.idx()].get(fi).cloned();
                    }
                    if let Some(src) = self.sh.sources.field.get(&(s, fi)) {
                        let label = &self.sh.sources.get(*src).label;
                        let tr = trace_push(&None, Self::step(span, format!("reads `{label}`")));
                        out.tags.insert(
                            Tag {
                                origin: Origin::Source(*src),
                                san: v.ty_san(),
                            },
                            tr,
                        );
                    }
                }
                if let Some(src) = self.sh.sources.ty.get(&s) {
                    let tr = trace_push(
                        &None,
                        Self::step(span, format!("reads a field of `{}`", sd.name)),
                    );
                    out.tags.insert(
                        Tag {
                            origin: Origin::Source(*src),
                            san: v.ty_san(),
                        },
                        tr,
                    );
                }
                if let Some(written) = self.sh.field_taint.get(&s).and_then(|fs| fs.get(field)) {
                    out.tags.union(&written.with_step(
                        span,
                        &format!(
                            "reads `{}.{}`, filled with tagged data elsewhere",
                            sd.name, field
                        ),
                    ));
                }
                if let Some(t) = field_ty {
                    let t = match t {
                        Ty::Generic(i) => args.get(i as usize).cloned().unwrap_or_default(),
                        t => t,
                    };
                    if !out.ty.is_known() {
                        out.ty = t;
                    }
                } else if let Some(target) = self.sh.deref_targets[s.idx()].clone() {
                    // No such field: auto-deref, as rustc does, to the `Deref` target's field.
                    let inner = Value {
                        ty: target,
                        ..v.clone()
                    };
                    if self.depth < MAX_EVAL_DEPTH {
                        self.depth += 1;
                        let through = self.read_field(&inner, field, span);
                        self.depth -= 1;
                        out.join(&through);
                    }
                }
            }
            Ty::Tuple(ts) => {
                if let Ok(i) = field.parse::<usize>() {
                    if let Some(t) = ts.get(i) {
                        if !out.ty.is_known() {
                            out.ty = t.clone();
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// One element of a container value (containers are their elements joined).
    fn elem(&self, v: &Value) -> Value {
        let mut e = v.clone();
        e.guard = None;
        e.callable = None;
        if v.ty.is_container() {
            e.ty = v.ty.elem();
        }
        e
    }

    /// Every tag a value holds: its own, its fields', and those its type declares.
    fn flatten(&mut self, v: &Value, serialize: bool, span: Span) -> TagSet {
        let mut out = v.tags.clone();
        let skip = |sh: &Shared<'_>, ty: &Ty, name: &Name| -> bool {
            if !serialize {
                return false;
            }
            match ty.adt() {
                Some(s) => {
                    sh.p.struct_(s)
                        .all_fields()
                        .any(|f| f.name == *name && f.attrs.serde_skip)
                }
                None => false,
            }
        };
        for (n, fv) in v.fields.iter() {
            if skip(self.sh, &v.ty, n) {
                continue;
            }
            let inner = self.flatten(fv, serialize, span);
            out.union(&inner);
        }
        let mut srcs = Vec::new();
        self.sh.ty_sources(&v.ty, serialize, &mut srcs, 0);
        for (src, _) in srcs {
            let info = self.sh.sources.get(src);
            let note = format!("`{}` is part of the value", info.label);
            out.insert(
                Tag {
                    origin: Origin::Source(src),
                    san: v.ty_san(),
                },
                trace_push(&None, Self::step(span, note)),
            );
        }
        if let Some(s) = v.ty.adt() {
            for (wf, tags) in self.sh.field_taint.get(&s).into_iter().flatten() {
                if !skip(self.sh, &v.ty, wf) {
                    out.union(tags);
                }
            }
        }
        out
    }

    /// Keeps `v` within [`MAX_VALUE_NODES`] field nodes: while it is bigger, its deepest level
    /// of fields is folded into their parents, each folded field contributing every tag it holds
    /// (its type's declared sources included), so bounding only ever adds tags to what a read
    /// of the parent returns.
    fn bounded(&mut self, v: &mut Value, span: Span) {
        while v.nodes_exceed(MAX_VALUE_NODES) {
            let depth = v.field_depth();
            if depth == 0 {
                break;
            }
            self.fold_at(v, depth - 1, span);
        }
    }

    /// Folds the fields of the nodes `depth` levels below `v` into those nodes' tags.
    fn fold_at(&mut self, v: &mut Value, depth: usize, span: Span) {
        if depth == 0 {
            for (_, f) in std::mem::take(v.fields_mut()) {
                let tags = self.flatten(&f, false, span);
                v.tags.union(&tags);
            }
            return;
        }
        for f in v.fields_mut().values_mut() {
            self.fold_at(f, depth - 1, span);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Patterns
    // -----------------------------------------------------------------------------------------

    fn bind(&mut self, pat: &Pat, v: Value) {
        match pat {
            Pat::Bind { name, sub, .. } => {
                if let Some(s) = sub {
                    self.bind(s, v.clone());
                }
                self.declare(name.clone(), v);
            }
            Pat::Tuple(elems) => {
                let mut i = 0usize;
                for e in elems {
                    if matches!(e, Pat::Rest) {
                        continue;
                    }
                    let fv = self.read_field(&v, &Name::from(i.to_string()), Span::default());
                    self.bind(e, fv);
                    i += 1;
                }
            }
            Pat::Struct { path, fields } => {
                let prefix = match self.resolve(path) {
                    Some(Def::Variant(s, vi)) => Some(self.variant_name(s, vi)),
                    _ => None,
                };
                for (n, p) in fields {
                    let key = match &prefix {
                        Some(pre) => Name::from(format!("{pre}.{n}")),
                        None => n.clone(),
                    };
                    let fv = self.read_field(&v, &key, Span::default());
                    self.bind(p, fv);
                }
            }
            Pat::TupleStruct { path, elems } => {
                let last = path.last().map(|s| &**s).unwrap_or("");
                let is_wrapper = matches!(last, "Some" | "Ok" | "Err") && path.segments.len() == 1;
                let prefix = match self.resolve(path) {
                    Some(Def::Variant(s, vi)) => Some(Some(self.variant_name(s, vi))),
                    Some(Def::Struct(_)) => Some(None),
                    _ => None,
                };
                for (i, e) in elems.iter().enumerate() {
                    let ev = match (&prefix, is_wrapper) {
                        (Some(Some(pre)), false) => {
                            self.read_field(&v, &Name::from(format!("{pre}.{i}")), Span::default())
                        }
                        (Some(None), false) => {
                            self.read_field(&v, &Name::from(i.to_string()), Span::default())
                        }
                        _ => self.elem(&v),
                    };
                    self.bind(e, ev);
                }
            }
            Pat::Slice(elems) => {
                for e in elems {
                    let ev = self.elem(&v);
                    self.bind(e, ev);
                }
            }
            Pat::Or(alts) => {
                for a in alts {
                    self.bind(a, v.clone());
                }
            }
            Pat::Ref(p) => self.bind(p, v),
            Pat::Path(_) | Pat::Wild | Pat::Rest | Pat::Lit => {}
        }
    }

    /// Consent a pattern match tells: `Some(_)`/`Ok(_)`/a binding → the value's `if_true`;
    /// `None`/`Err(_)` → its `if_false`.
    fn pattern_consent(pat: &Pat, guard: &Option<Guard>) -> Purposes {
        let Some(g) = guard else {
            return Purposes::new();
        };
        let last = |p: &Path| p.last().map(|s| s.to_string()).unwrap_or_default();
        match pat {
            Pat::TupleStruct { path, .. } if matches!(last(path).as_str(), "Some" | "Ok") => {
                g.if_true.clone()
            }
            Pat::TupleStruct { path, .. } if last(path) == "Err" => g.if_false.clone(),
            Pat::Path(path) if last(path) == "None" => g.if_false.clone(),
            _ => Purposes::new(),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Blocks and statements
    // -----------------------------------------------------------------------------------------

    fn block(&mut self, b: &'p Block) -> Value {
        self.push_scope();
        let mut last = Value::default();
        for s in &b.stmts {
            if self.st.dead {
                break;
            }
            match s {
                Stmt::Let {
                    pat, ty, init, els, ..
                } => {
                    let mut v = match init {
                        Some(e) => self.expr(e),
                        None => Value::default(),
                    };
                    if let Some(t) = ty {
                        let lowered = self.sh.p.lower_ty(&self.sh.ty_ctx[self.f.idx()], t);
                        if lowered.is_known() {
                            // A conversion (`let s: Summary = p.into()`) keeps the data, not the
                            // old type's field structure. An alias of the value's own type
                            // (`let s: Shared = Arc::new(state)`) is no conversion.
                            let (have, want) = (v.ty.unaliased(), lowered.unaliased());
                            if v.ty.is_known() && have != want && &have.elem() != want {
                                let span = init.as_ref().map(|e| e.span()).unwrap_or_default();
                                let all = self.flatten(&v, false, span);
                                v = Value {
                                    tags: all,
                                    ..Value::default()
                                };
                            }
                            v.ty = lowered;
                        }
                    }
                    if let Some(e) = els {
                        // `let PAT = v else { diverge }`: the else block runs on a copy.
                        let saved = self.st.clone();
                        let mut else_consent = self.st.consent.clone();
                        if let Some(g) = &v.guard {
                            else_consent.extend(g.if_false.iter().cloned());
                        }
                        self.st.consent = else_consent;
                        self.block(e);
                        self.st = saved;
                        let c = Self::pattern_consent(pat, &v.guard);
                        self.st.consent.extend(c);
                    }
                    self.bind(pat, v);
                    last = Value::default();
                }
                Stmt::Expr { expr, semi } => {
                    let v = self.expr(expr);
                    last = if *semi { Value::default() } else { v };
                }
            }
        }
        self.pop_scope();
        last
    }

    // -----------------------------------------------------------------------------------------
    // Expressions
    // -----------------------------------------------------------------------------------------

    pub fn expr(&mut self, e: &'p Expr) -> Value {
        if self.depth > MAX_EVAL_DEPTH {
            return Value::default();
        }
        self.depth += 1;
        let v = self.expr_inner(e);
        self.depth -= 1;
        v
    }

    fn exprs(&mut self, es: &'p [Expr]) -> Vec<Value> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn expr_inner(&mut self, e: &'p Expr) -> Value {
        match e {
            Expr::Path(p) => self.path_value(p),
            Expr::Lit { .. } => Value::default(),
            Expr::Call { func, args, span } => self.call(func, args, *span),
            Expr::MethodCall {
                recv,
                method,
                turbofish,
                args,
                span,
            } => self.method_call(recv, method, turbofish, args, *span),
            Expr::Field { base, field, span } => {
                let b = self.expr(base);
                self.read_field(&b, field, *span)
            }
            Expr::Index { base, index, .. } => {
                let b = self.expr(base);
                self.expr(index);
                self.elem(&b)
            }
            Expr::Struct {
                path, fields, rest, ..
            } => {
                let mut v = match rest {
                    Some(r) => self.expr(r),
                    None => Value::default(),
                };
                v.ty = self.struct_path_ty(path);
                let prefix = match self.resolve(path) {
                    Some(Def::Variant(s, vi)) => Some(self.variant_name(s, vi)),
                    _ => None,
                };
                for (n, fe) in fields {
                    let fv = self.expr(fe);
                    let key = match &prefix {
                        Some(p) => Name::from(format!("{p}.{n}")),
                        None => n.clone(),
                    };
                    v.fields_mut().insert(key, fv);
                }
                v
            }
            Expr::Tuple { elems, .. } => {
                let vals = self.exprs(elems);
                let mut v = Value::of_ty(Ty::Tuple(vals.iter().map(|v| v.ty.clone()).collect()));
                for (i, ev) in vals.into_iter().enumerate() {
                    v.fields_mut().insert(Name::from(i.to_string()), ev);
                }
                v
            }
            Expr::Array { elems, .. } => {
                let vals = self.exprs(elems);
                let mut v = Value::default();
                for ev in &vals {
                    v.join(ev);
                }
                let elem_ty = vals.first().map(|v| v.ty.clone()).unwrap_or_default();
                v.ty = Ty::Slice(Box::new(elem_ty));
                v.guard = None;
                v
            }
            Expr::Unary { op, expr, .. } => {
                let mut v = self.expr(expr);
                if *op == UnOp::Not {
                    v.guard = v.guard.map(|g| g.negate());
                }
                v
            }
            Expr::Ref { expr, .. } => self.expr(expr),
            Expr::Binary { op, lhs, rhs, span } => {
                let a = self.expr(lhs);
                // `a && b`: `b` runs only when `a` holds.
                let saved_consent = self.st.consent.clone();
                if *op == BinOp::And {
                    if let Some(g) = &a.guard {
                        self.st.consent.extend(g.if_true.iter().cloned());
                    }
                }
                let b = self.expr(rhs);
                self.st.consent = saved_consent;
                let guard = match (op, &a.guard, &b.guard) {
                    (BinOp::And, ga, gb) => {
                        let ga = ga.clone().unwrap_or_default();
                        let gb = gb.clone().unwrap_or_default();
                        Some(Guard {
                            if_true: ga.if_true.union(&gb.if_true).cloned().collect(),
                            if_false: ga.if_false.intersection(&gb.if_false).cloned().collect(),
                        })
                    }
                    (BinOp::Or, ga, gb) => {
                        let ga = ga.clone().unwrap_or_default();
                        let gb = gb.clone().unwrap_or_default();
                        Some(Guard {
                            if_true: ga.if_true.intersection(&gb.if_true).cloned().collect(),
                            if_false: ga.if_false.union(&gb.if_false).cloned().collect(),
                        })
                    }
                    _ => None,
                };
                let mut tags = self.flatten(&a, false, *span);
                let tb = self.flatten(&b, false, *span);
                tags.union(&tb);
                Value {
                    tags,
                    guard: guard.filter(|g| !g.is_empty()),
                    ..Value::default()
                }
            }
            Expr::Assign {
                lhs,
                rhs,
                compound,
                span,
            } => {
                let v = self.expr(rhs);
                self.assign(lhs, v, *compound, *span);
                Value::default()
            }
            Expr::Block(b) => self.block(b),
            Expr::If {
                cond, then, els, ..
            } => self.if_expr(cond, then, els.as_deref()),
            Expr::Let { pat, expr, .. } => {
                // A `let` outside an `if` condition chain: bind in the current scope.
                let v = self.expr(expr);
                let g = v.guard.clone();
                self.bind(pat, v);
                let c = Self::pattern_consent(pat, &g);
                Value {
                    guard: Some(Guard {
                        if_true: c,
                        if_false: Purposes::new(),
                    }),
                    ..Value::default()
                }
            }
            Expr::Match {
                scrutinee, arms, ..
            } => self.match_expr(scrutinee, arms),
            Expr::While { cond, body, .. } => {
                self.loop_expr(Some(cond), None, body);
                Value::default()
            }
            Expr::Loop { body, .. } => {
                self.loop_expr(None, None, body);
                Value::default()
            }
            Expr::For {
                pat, iter, body, ..
            } => {
                let it = self.expr(iter);
                let el = self.elem(&it);
                self.loop_expr(None, Some((pat, el)), body);
                Value::default()
            }
            Expr::Closure(c) => {
                let idx = self.closures.len() as u32;
                self.closures.push(c);
                Value {
                    callable: Some(Callable::Closure(idx)),
                    ..Value::default()
                }
            }
            Expr::Return { expr, .. } => {
                let v = match expr {
                    Some(x) => self.expr(x),
                    None => Value::default(),
                };
                if !self.st.dead {
                    self.add_return(v);
                }
                self.st.dead = true;
                Value::default()
            }
            Expr::Break { expr, .. } => {
                if let Some(x) = expr {
                    self.expr(x);
                }
                let s = self.st.clone();
                if let Some(l) = self.loops.last_mut() {
                    l.push(s);
                }
                self.st.dead = true;
                Value::default()
            }
            Expr::Continue { .. } => {
                let s = self.st.clone();
                if let Some(l) = self.loops.last_mut() {
                    l.push(s);
                }
                self.st.dead = true;
                Value::default()
            }
            Expr::Try { expr, .. } => {
                let v = self.expr(expr);
                if let Some(g) = &v.guard {
                    // Past `?`, the call succeeded.
                    self.st.consent.extend(g.if_true.iter().cloned());
                }
                let mut out = self.elem(&v);
                if !v.ty.is_container() {
                    out.ty = v.ty.clone();
                }
                out
            }
            Expr::Await { expr, .. } => self.expr(expr),
            Expr::Cast { expr, .. } => {
                let mut v = self.expr(expr);
                v.ty = Ty::Unknown;
                v
            }
            Expr::Macro {
                path,
                kind,
                args,
                span,
            } => self.macro_call(path, *kind, args, *span),
            Expr::Opaque { parts, .. } => {
                let mut v = Value::default();
                for p in parts {
                    let pv = self.expr(p);
                    v.join(&pv);
                }
                v
            }
        }
    }

    fn path_value(&mut self, p: &Path) -> Value {
        if let Some(n) = p.single() {
            if let Some(v) = self.lookup(n) {
                return v.clone();
            }
            if &**n == "Self" {
                return Value::of_ty(
                    self.sh.ty_ctx[self.f.idx()]
                        .self_ty
                        .clone()
                        .unwrap_or_default(),
                );
            }
        }
        match self.resolve(p) {
            Some(Def::Fn(f)) => Value {
                callable: Some(Callable::Fn(f)),
                ..Value::default()
            },
            Some(Def::Struct(s)) | Some(Def::Variant(s, _)) => Value::of_ty(Ty::Adt(s, Vec::new())),
            Some(Def::Const(c)) => {
                let cd = &self.sh.p.consts[c.idx()];
                let cx = crate::hir::TyCtx {
                    module: Some(cd.module),
                    ..Default::default()
                };
                Value::of_ty(self.sh.p.lower_ty(&cx, &cd.ty))
            }
            _ => Value::default(),
        }
    }

    /// Resolves a path in this function's scope, with `Self` and generic parameters.
    fn resolve(&self, p: &Path) -> Option<Def> {
        let first = p.segments.first().map(|s| &*s.name)?;
        let cx = &self.sh.ty_ctx[self.f.idx()];
        if first == "Self" && !p.global {
            let start = match cx.self_ty.as_ref()? {
                Ty::Adt(s, _) => Def::Struct(s.to_owned()),
                Ty::Bounded(ts) => Def::Trait(ts.first()?.to_owned()),
                _ => return None,
            };
            let mut cur = start;
            for (i, s) in p.segments.iter().enumerate().skip(1) {
                cur = path_step(
                    self.sh.p,
                    &cur,
                    &s.name,
                    Ns::Value,
                    i + 1 == p.segments.len(),
                )?;
            }
            return Some(cur);
        }
        if p.segments.len() >= 2 && !p.global {
            if let Some((_, traits)) = cx.generics.iter().find(|(g, _)| &**g == first) {
                let t = traits.first()?;
                return path_step(
                    self.sh.p,
                    &Def::Trait(*t),
                    &p.segments[1].name,
                    Ns::Value,
                    true,
                );
            }
        }
        resolve_path(self.sh.p, self.module, p)
    }

    fn variant_name(&self, s: StructId, vi: u32) -> String {
        self.sh
            .p
            .struct_(s)
            .ir
            .variants
            .get(vi as usize)
            .map(|v| v.name.to_string())
            .unwrap_or_default()
    }

    fn struct_path_ty(&self, p: &Path) -> Ty {
        match self.resolve(p) {
            Some(Def::Struct(s)) | Some(Def::Variant(s, _)) => Ty::Adt(s, Vec::new()),
            Some(Def::Alias(a)) => {
                let ad = &self.sh.p.aliases[a.idx()];
                let cx = crate::hir::TyCtx {
                    module: Some(ad.module),
                    ..Default::default()
                };
                self.sh.p.lower_ty(&cx, &ad.ty)
            }
            _ => Ty::Unknown,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Control flow
    // -----------------------------------------------------------------------------------------

    /// Evaluates a condition; `let` patterns bind in the current scope. Returns what it tells
    /// about consent.
    fn cond(&mut self, c: &'p Expr) -> Guard {
        match c {
            Expr::Let { pat, expr, .. } => {
                let v = self.expr(expr);
                let g = v.guard.clone();
                let if_true = Self::pattern_consent(pat, &g);
                let if_false = match (&g, pat) {
                    (Some(g), Pat::TupleStruct { path, .. })
                        if matches!(path.last().map(|s| &**s), Some("Some" | "Ok")) =>
                    {
                        g.if_false.clone()
                    }
                    _ => Purposes::new(),
                };
                self.bind(pat, v);
                Guard { if_true, if_false }
            }
            Expr::Binary {
                op: BinOp::And,
                lhs,
                rhs,
                ..
            } => {
                let a = self.cond(lhs);
                let saved = self.st.consent.clone();
                self.st.consent.extend(a.if_true.iter().cloned());
                let b = self.cond(rhs);
                self.st.consent = saved;
                Guard {
                    if_true: a.if_true.union(&b.if_true).cloned().collect(),
                    if_false: a.if_false.intersection(&b.if_false).cloned().collect(),
                }
            }
            other => self.expr(other).guard.unwrap_or_default(),
        }
    }

    fn if_expr(&mut self, cond: &'p Expr, then: &'p Block, els: Option<&'p Expr>) -> Value {
        self.push_scope();
        let g = self.cond(cond);
        let mut else_st = self.st.clone();
        if else_st.scopes.len() > 1 {
            else_st.scopes.pop();
        }
        else_st.consent.extend(g.if_false.iter().cloned());
        self.st.consent.extend(g.if_true.iter().cloned());
        let v1 = self.block(then);
        self.pop_scope();
        let then_st = std::mem::replace(&mut self.st, else_st);
        let v2 = match els {
            Some(e) => self.expr(e),
            None => Value::default(),
        };
        let then_dead = then_st.dead;
        let else_dead = self.st.dead;
        let else_st = std::mem::take(&mut self.st);
        self.st = State::join(then_st, else_st);
        match (then_dead, else_dead) {
            (true, false) => v2,
            (false, true) => v1,
            _ => v1.joined(&v2),
        }
    }

    fn match_expr(&mut self, scrutinee: &'p Expr, arms: &'p [Arm]) -> Value {
        let s = self.expr(scrutinee);
        let start = self.st.clone();
        let mut end: Option<State> = None;
        let mut result = Value::default();
        for arm in arms {
            self.st = start.clone();
            self.push_scope();
            let c = Self::pattern_consent(&arm.pat, &s.guard);
            self.st.consent.extend(c);
            self.bind(&arm.pat, s.clone());
            if let Some(g) = &arm.guard {
                let gg = self.cond(g);
                self.st.consent.extend(gg.if_true.iter().cloned());
            }
            let v = self.expr(&arm.body);
            self.pop_scope();
            if !self.st.dead {
                result.join(&v);
            }
            let st = std::mem::take(&mut self.st);
            end = Some(match end {
                None => st,
                Some(e) => State::join(e, st),
            });
        }
        self.st = end.unwrap_or(start);
        result
    }

    fn loop_expr(
        &mut self,
        cond: Option<&'p Expr>,
        for_pat: Option<(&'p Pat, Value)>,
        body: &'p Block,
    ) {
        let before = self.st.clone();
        let mut exits: Vec<State> = Vec::new();
        // The state at the loop head: `before`, joined with the end of each iteration so far.
        let mut head = before.clone();
        for _round in 0..MAX_LOOP_ROUNDS {
            self.loops.push(Vec::new());
            self.push_scope();
            if let Some(c) = cond {
                let g = self.cond(c);
                self.st.consent.extend(g.if_true.iter().cloned());
            }
            if let Some((pat, el)) = &for_pat {
                self.bind(pat, el.clone());
            }
            self.block(body);
            self.pop_scope();
            let jumps = self.loops.pop().unwrap_or_default();
            let mut end = std::mem::take(&mut self.st);
            for j in jumps {
                let mut j = j;
                while j.scopes.len() > end.scopes.len().max(1) {
                    j.scopes.pop();
                }
                end = State::join(end, j);
            }
            exits.push(end.clone());
            // Next round starts from "the head so far, or after one more iteration".
            let mut next = State::join(head.clone(), end);
            next.dead = false;
            next.consent = before.consent.clone();
            if next.same_as(&head) {
                break;
            }
            head = next.clone();
            self.st = next;
        }
        let mut out = before;
        for e in exits {
            out = State::join(out, e);
        }
        out.dead = false;
        self.st = out;
    }

    // -----------------------------------------------------------------------------------------
    // Assignment and places
    // -----------------------------------------------------------------------------------------

    /// The variable and field path an expression names, if it is a place.
    fn place(e: &Expr) -> Option<(Name, Vec<Name>, bool)> {
        match e {
            Expr::Path(p) => p.single().map(|n| (n.clone(), Vec::new(), false)),
            Expr::Field { base, field, .. } => {
                let (n, mut path, weak) = Self::place(base)?;
                path.push(field.clone());
                Some((n, path, weak))
            }
            Expr::Unary {
                op: UnOp::Deref,
                expr,
                ..
            }
            | Expr::Ref { expr, .. } => Self::place(expr),
            Expr::Index { base, .. } => Self::place(base).map(|(n, p, _)| (n, p, true)),
            Expr::MethodCall { recv, method, .. }
                if matches!(
                    &**method,
                    "borrow_mut"
                        | "lock"
                        | "write"
                        | "unwrap"
                        | "get_mut"
                        | "as_mut"
                        | "deref_mut"
                        | "expect"
                ) =>
            {
                Self::place(recv).map(|(n, p, _)| (n, p, true))
            }
            _ => None,
        }
    }

    fn assign(&mut self, lhs: &'p Expr, v: Value, compound: bool, span: Span) {
        let Some((var, path, weak)) = Self::place(lhs) else {
            self.expr(lhs);
            return;
        };
        let weak = weak || compound;
        // Concrete data written into a struct field is seen wherever that field is read.
        if let Some(last) = path.last() {
            let base_path = &path[..path.len() - 1];
            if let Some(mut base) = self.lookup(&var).cloned() {
                for seg in base_path {
                    base = self.read_field(&base, seg, span);
                }
                if let Some(s) = base.ty.adt() {
                    let tags = self.flatten(&v, false, span);
                    let concrete: TagSet = TagSet(
                        tags.0
                            .into_iter()
                            .filter(|(t, _)| t.is_concrete())
                            .collect(),
                    );
                    if !concrete.is_empty() {
                        let note = format!("stored in `{}.{}`", self.sh.p.struct_(s).name, last);
                        self.out
                            .field_writes
                            .push(((s, last.clone()), concrete.with_step(span, &note)));
                    }
                }
            }
        }
        let note = match path.is_empty() {
            true => format!("assigned to `{var}`"),
            false => format!(
                "assigned to `{var}.{}`",
                path.iter().map(|s| &**s).collect::<Vec<_>>().join(".")
            ),
        };
        let mut v = v;
        v.tags = v.tags.with_step(span, &note);
        let Some(slot) = self.lookup_mut(&var) else {
            return;
        };
        let mut cur = slot;
        for seg in &path {
            cur = cur.fields_mut().entry(seg.clone()).or_default();
        }
        if weak {
            cur.join(&v);
        } else {
            let keep_ty = cur.ty.clone();
            *cur = v;
            if !cur.ty.is_known() {
                cur.ty = keep_ty;
            }
        }
    }

    /// Weakly adds `v` to the place `e` names (a callee's `&mut` effect, `v.push(x)`).
    fn add_to_place(&mut self, e: &Expr, v: &Value) {
        let Some((var, path, _)) = Self::place(e) else {
            return;
        };
        let Some(slot) = self.lookup_mut(&var) else {
            return;
        };
        let mut cur = slot;
        for seg in &path {
            cur = cur.fields_mut().entry(seg.clone()).or_default();
        }
        cur.tags.union(&v.tags);
        for (k, fv) in v.fields.iter() {
            cur.fields_mut().entry(k.clone()).or_default().join(fv);
        }
        if let Some(slot) = self.lookup_mut(&var) {
            if slot.nodes_exceed(MAX_VALUE_NODES) {
                let mut whole = std::mem::take(slot);
                self.bounded(&mut whole, e.span());
                if let Some(slot) = self.lookup_mut(&var) {
                    *slot = whole;
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Sinks
    // -----------------------------------------------------------------------------------------

    fn sink_hit(&mut self, sink: SinkRef, data: &[Value], span: Span) {
        if self.st.dead {
            return;
        }
        // Interning records the call even when no data reaches it (presence rules read the sites).
        let site = self.sites.intern(SinkSite { span, sink }, self.f);
        for v in data {
            let tags = self.flatten(v, false, span);
            for (t, tr) in tags.iter() {
                self.record(site, *t, tr.clone(), self.st.consent.clone());
            }
        }
    }

    fn record(&mut self, site: SiteId, tag: Tag, trace: Trace, consent: Purposes) {
        if tag.is_concrete() {
            self.out.flows.push(Flow {
                site,
                tag,
                trace,
                consent,
                in_fn: self.f,
            });
        } else {
            self.out
                .summary
                .add_hit((site, tag), HitInfo { trace, consent });
        }
    }

    /// The data a sink receives: the arguments its spec selects.
    fn sink_data(spec: &crate::hir::SinkSpec, has_self: bool, actuals: &[Value]) -> Vec<Value> {
        let offset = usize::from(has_self);
        let mut out = Vec::new();
        if spec.self_is_data && has_self {
            if let Some(v) = actuals.first() {
                out.push(v.clone());
            }
        }
        match &spec.args {
            Some(idx) => {
                for i in idx {
                    if let Some(v) = actuals.get(*i as usize + offset) {
                        out.push(v.clone());
                    }
                }
            }
            None => out.extend(actuals.iter().skip(offset).cloned()),
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Calls
    // -----------------------------------------------------------------------------------------

    fn call(&mut self, func: &'p Expr, args: &'p [Expr], span: Span) -> Value {
        let arg_exprs: Vec<Option<&'p Expr>> = args.iter().map(Some).collect();
        // A local variable holding a closure or fn.
        if let Expr::Path(p) = func {
            if let Some(n) = p.single() {
                if let Some(v) = self.lookup(n).cloned() {
                    let vals = self.exprs(args);
                    return match v.callable {
                        Some(Callable::Closure(i)) => self.call_closure(i, vals),
                        Some(Callable::Fn(f)) => self.call_fn(f, vals, arg_exprs, span, None),
                        None => self.join_all(&vals, span),
                    };
                }
            }
            let def = self.resolve(p);
            let vals = self.exprs(args);
            return match def {
                Some(Def::Fn(f)) => self.call_fn(f, vals, arg_exprs, span, None),
                Some(Def::Struct(s)) => {
                    let mut v = Value::of_ty(Ty::Adt(s, Vec::new()));
                    for (i, a) in vals.into_iter().enumerate() {
                        v.fields_mut().insert(Name::from(i.to_string()), a);
                    }
                    v
                }
                Some(Def::Variant(s, vi)) => {
                    let prefix = self.variant_name(s, vi);
                    let mut v = Value::of_ty(Ty::Adt(s, Vec::new()));
                    for (i, a) in vals.into_iter().enumerate() {
                        v.fields_mut()
                            .insert(Name::from(format!("{prefix}.{i}")), a);
                    }
                    v
                }
                Some(Def::External(path)) => {
                    let mut v = self.lib_call(&path, vals, span);
                    let segs: Vec<&str> = path.iter().map(|s| &**s).collect();
                    // The type a generic library function is told to produce
                    // (`from_str::<Patient>`, `query_as::<_, Patient>`): its last type argument.
                    let produced = p
                        .segments
                        .last()
                        .and_then(|seg| seg.generics.last())
                        .map(|t| self.sh.p.lower_ty(&self.sh.ty_ctx[self.f.idx()], t))
                        .filter(Ty::is_known);
                    if cat::sqlx_query_fn(&segs) {
                        let name = if sql_text_writes(args.first()) {
                            cat::SQLX_WRITE_QUERY.to_string()
                        } else {
                            v.ty.lib_name().unwrap_or("sqlx::query").to_string()
                        };
                        // The row type rides on the query to its `fetch_*`.
                        v.ty = Ty::Lib(Name::from(name), produced.into_iter().collect());
                    } else if let Some(t) = produced.filter(|_| cat::deserializer(&segs)) {
                        v.ty = Ty::wrap("Result", t);
                    }
                    v
                }
                _ => self.join_all(&vals, span),
            };
        }
        let callee = self.expr(func);
        let vals = self.exprs(args);
        match callee.callable {
            Some(Callable::Closure(i)) => self.call_closure(i, vals),
            Some(Callable::Fn(f)) => self.call_fn(f, vals, arg_exprs, span, None),
            None => self.join_all(&vals, span),
        }
    }

    /// An unknown function: its arguments flow to its result; closures passed in are called
    /// with the other arguments.
    fn join_all(&mut self, vals: &[Value], span: Span) -> Value {
        let mut data = Value::default();
        for v in vals {
            if v.callable.is_none() {
                let t = self.flatten(v, false, span);
                data.tags.union(&t);
            }
        }
        let mut out = data.clone();
        for v in vals {
            if let Some(Callable::Closure(i)) = v.callable {
                let r = self.call_closure(i, vec![data.clone()]);
                out.join(&r);
            }
        }
        out.guard = None;
        out.callable = None;
        out
    }

    fn call_closure(&mut self, idx: u32, args: Vec<Value>) -> Value {
        let Some(c) = self.closures.get(idx as usize).copied() else {
            return Value::default();
        };
        if self.depth > MAX_EVAL_DEPTH / 2 {
            return Value::default();
        }
        let saved_ret = self.ret.take();
        let saved_dead = self.st.dead;
        let saved_effects = std::mem::take(&mut self.effects);
        let saved_mut = std::mem::take(&mut self.mut_params);
        self.push_scope();
        let fallback = args.iter().fold(Value::default(), |acc, v| acc.joined(v));
        for (i, (pat, ty)) in c.params.iter().enumerate() {
            let mut v = args.get(i).cloned().unwrap_or_else(|| {
                if args.len() == 1 {
                    fallback.clone()
                } else {
                    Value::default()
                }
            });
            let lowered = self.sh.p.lower_ty(&self.sh.ty_ctx[self.f.idx()], ty);
            if lowered.is_known() {
                v.ty = lowered;
            }
            self.bind(pat, v);
        }
        let v = self.expr(&c.body);
        let mut result = if self.st.dead { Value::default() } else { v };
        if let Some(r) = self.ret.take() {
            result.join(&r);
        }
        self.pop_scope();
        self.ret = saved_ret;
        self.st.dead = saved_dead;
        self.effects = saved_effects;
        self.mut_params = saved_mut;
        result
    }

    /// The sink a workspace function is, by its own annotation or its trait's declaration.
    fn effective_sink(&self, f: FnId) -> Option<(FnId, &'p crate::hir::SinkSpec)> {
        let p = self.sh.p;
        let d = p.fn_(f);
        if let Some(s) = &d.annots.sink {
            return Some((f, s));
        }
        if let Owner::Impl(i) = d.owner {
            let t = p.impls[i.idx()].trait_?;
            let decl = p.traits[t.idx()]
                .fns
                .iter()
                .find(|g| p.fn_(**g).name == d.name)?;
            return p.fn_(*decl).annots.sink.as_ref().map(|s| (*decl, s));
        }
        None
    }

    fn ret_ty(&self, f: FnId) -> Ty {
        // `async fn` / `Result<T>`: callers see through `?`/`.await` via `elem`.
        self.sh.ret_tys.get(f.idx()).cloned().unwrap_or(Ty::Unknown)
    }

    fn call_fn(
        &mut self,
        f: FnId,
        actuals: Vec<Value>,
        arg_exprs: Vec<Option<&'p Expr>>,
        span: Span,
        via: Option<String>,
    ) -> Value {
        let p = self.sh.p;
        let d = p.fn_(f);
        if d.cfg_test {
            return Value::default();
        }
        self.out.calls.push((f, self.st.consent.clone(), span));
        // Closures handed to a workspace function run with the other arguments.
        let mut closure_results = Value::default();
        if actuals
            .iter()
            .any(|a| matches!(a.callable, Some(Callable::Closure(_))))
        {
            let data: Vec<Value> = actuals
                .iter()
                .filter(|a| a.callable.is_none())
                .cloned()
                .collect();
            let joined = data.iter().fold(Value::default(), |acc, v| acc.joined(v));
            for a in &actuals {
                if let Some(Callable::Closure(i)) = a.callable {
                    let r = self.call_closure(i, vec![joined.clone()]);
                    closure_results.join(&r);
                }
            }
        }
        let ret_ty = self.ret_ty(f);
        if let Some(purpose) = &d.annots.consent {
            let mut g = Guard::default();
            g.if_true.insert(Name::from(purpose.as_str()));
            return Value {
                guard: Some(g),
                ty: ret_ty,
                ..Value::default()
            };
        }
        if let Some((decl, spec)) = self.effective_sink(f) {
            let data = Self::sink_data(spec, d.ir.self_param.is_some(), &actuals);
            self.sink_hit(SinkRef::Fn(decl), &data, span);
            return Value::of_ty(ret_ty);
        }
        if let Some(san) = d.annots.sanitizer {
            let offset = usize::from(d.ir.self_param.is_some());
            let inputs: Vec<&Value> = if actuals.len() > offset {
                actuals[offset..].iter().collect()
            } else {
                actuals.iter().collect()
            };
            let mut tags = TagSet::default();
            for v in inputs {
                let t = self.flatten(v, false, span);
                tags.union(&t);
            }
            let label = self.fn_label(f);
            let tags = tags
                .sanitized(san.bit())
                .with_step(span, &format!("{} by `{label}`", past_tense(san)));
            let mut v = Value {
                tags,
                ty: ret_ty,
                ..Value::default()
            };
            v.set_ty_san(san.bit());
            return v;
        }
        if let Some(src) = self.sh.sources.func.get(&f) {
            let label = self.fn_label(f);
            let tr = trace_push(&None, Self::step(span, format!("returned by `{label}()`")));
            let mut v = Value {
                tags: TagSet::single(
                    Tag {
                        origin: Origin::Source(*src),
                        san: 0,
                    },
                    tr,
                ),
                ty: ret_ty,
                ..Value::default()
            };
            v.join(&closure_results);
            return v;
        }
        let Some(sum) = self.sh.summaries.get(f.idx()).and_then(|s| s.as_ref()) else {
            if super::solver::analysable(p, f) {
                // Not analysed yet (a call back into the component being solved): the least
                // summary, nothing flows. The callee's first summary re-analyses this caller.
                let mut v = Value::of_ty(ret_ty);
                v.join(&closure_results);
                return v;
            }
            // No body to analyse: arguments flow to the result.
            let mut v = self.join_all(&actuals, span);
            v.ty = ret_ty;
            return v;
        };
        let mut v = self.apply_summary(f, sum, &actuals, &arg_exprs, span, via.as_deref());
        // What the body returned (`Ok(Vec::new())`) with the signature's types where the body
        // says less (`Result<Vec<Patient>, E>`).
        v.ty = v.ty.filled_from(&ret_ty);
        v.join(&closure_results);
        v
    }

    fn apply_summary(
        &mut self,
        f: FnId,
        sum: &FnSummary,
        actuals: &[Value],
        arg_exprs: &[Option<&'p Expr>],
        span: Span,
        via: Option<&str>,
    ) -> Value {
        // Labels and notes are made only for calls that carry tags: most carry none.
        let mut label_once: Option<String> = None;
        let mut cache = ProjCache::default();
        for ((site, tag), info) in &sum.hits {
            let Origin::Param(i, path) = tag.origin else {
                continue;
            };
            let Some(sub) = self.project(actuals, i, path, span, &mut cache) else {
                continue;
            };
            let tags = self.flatten(&sub, false, span);
            if tags.is_empty() {
                continue;
            }
            let label = label_once
                .get_or_insert_with(|| self.sh.p.fn_label(f))
                .clone();
            let pname = self
                .param_names(f)
                .get(i as usize)
                .cloned()
                .unwrap_or_default();
            let note = match via {
                Some(v) => format!("passed to `{label}` as `{pname}` ({v})"),
                None => format!("passed to `{label}` as `{pname}`"),
            };
            let call_step = Self::step(span, note);
            let mut consent = info.consent.clone();
            consent.extend(self.st.consent.iter().cloned());
            for (t2, tr2) in tags.iter() {
                let t3 = Tag {
                    origin: t2.origin,
                    san: t2.san | tag.san,
                };
                let trace = trace_append(&trace_push(tr2, call_step.clone()), &info.trace);
                if !self.st.dead {
                    self.record(*site, t3, trace, consent.clone());
                }
            }
        }
        for (i, ev) in &sum.effects {
            // `arg_exprs` lines up with `actuals` (receiver first for method calls).
            if let Some(Some(e)) = arg_exprs.get(*i as usize) {
                let mut v = self.subst(ev, actuals, span, f, &mut cache);
                self.bounded(&mut v, span);
                self.add_to_place(e, &v);
            }
        }
        let mut ret = self.subst(&sum.ret, actuals, span, f, &mut cache);
        self.bounded(&mut ret, span);
        ret
    }

    fn param_names(&self, f: FnId) -> Vec<String> {
        let d = self.sh.p.fn_(f);
        let mut out = Vec::new();
        if d.ir.self_param.is_some() {
            out.push("self".to_string());
        }
        for prm in &d.ir.params {
            out.push(match &prm.pat {
                Pat::Bind { name, .. } => name.to_string(),
                _ => "_".to_string(),
            });
        }
        out
    }

    /// The part of argument `i` at access path `path` (memoised per call in `cache`: a summary
    /// names the same parameter paths many times).
    fn project(
        &mut self,
        actuals: &[Value],
        i: u16,
        path: super::tags::PathId,
        span: Span,
        cache: &mut ProjCache,
    ) -> Option<Value> {
        if let Some(v) = cache.get(&(i, path)) {
            return Some(v.clone());
        }
        let v = actuals.get(i as usize)?;
        let out = if path == Paths::ANY {
            // Any part of the argument: everything it holds.
            Value::from_tags(self.flatten(v, false, span))
        } else {
            let segs: Vec<Name> = self.paths.get(path).to_vec();
            match segs.split_first() {
                None => v.clone(),
                Some((first, rest)) => {
                    let mut cur = self.read_field(v, first, span);
                    for s in rest {
                        cur = self.read_field(&cur, s, span);
                    }
                    cur
                }
            }
        };
        cache.insert((i, path), out.clone());
        Some(out)
    }

    /// A summary's value with the caller's arguments put in for its parameters.
    fn subst(
        &mut self,
        v: &Value,
        actuals: &[Value],
        span: Span,
        callee: FnId,
        cache: &mut ProjCache,
    ) -> Value {
        let mut out = Value {
            ty: v.ty.clone(),
            ..Value::default()
        };
        out.set_ty_san(v.ty_san());
        let note = if v.tags.is_empty() {
            String::new()
        } else {
            format!("returned from `{}`", self.sh.p.fn_label(callee))
        };
        for (t, tr) in v.tags.iter() {
            match t.origin {
                Origin::Source(_) => {
                    out.tags
                        .insert(*t, trace_push(tr, Self::step(span, note.clone())));
                }
                Origin::Param(i, path) => {
                    let Some(sub) = self.project(actuals, i, path, span, cache) else {
                        continue;
                    };
                    if t.san == 0 {
                        let mut s2 = sub;
                        s2.tags = s2.tags.with_step(span, &note);
                        s2.guard = None;
                        s2.callable = None;
                        let ty = out.ty.clone();
                        out.join(&s2);
                        if ty.is_known() {
                            out.ty = ty;
                        }
                    } else {
                        let tags = self.flatten(&sub, false, span).sanitized(t.san);
                        let trail = tags
                            .0
                            .into_iter()
                            .map(|(tg, trc)| (tg, trace_append(&trc, tr)))
                            .collect();
                        out.tags.union(&TagSet(trail));
                    }
                }
            }
        }
        for (n, fv) in v.fields.iter() {
            let sv = self.subst(fv, actuals, span, callee, cache);
            out.fields_mut().insert(n.clone(), sv);
        }
        out
    }

    fn method_call(
        &mut self,
        recv: &'p Expr,
        method: &'p Name,
        turbofish: &[TypeRef],
        args: &'p [Expr],
        span: Span,
    ) -> Value {
        let r = self.expr(recv);
        let vals = self.exprs(args);
        let mut actuals = Vec::with_capacity(vals.len() + 1);
        actuals.push(r.clone());
        actuals.extend(vals.iter().cloned());
        let mut arg_exprs: Vec<Option<&'p Expr>> = vec![Some(recv)];
        arg_exprs.extend(args.iter().map(Some));

        // Workspace methods.
        let (cands, via) = self.resolve_method(&r.ty, method);
        if !cands.is_empty() {
            let mut out: Option<Value> = None;
            let multi = cands.len() > 1;
            for f in cands {
                let via_note = if multi || via.is_some() {
                    Some(format!(
                        "{} → `{}`",
                        via.clone().unwrap_or_else(|| "dynamic dispatch".into()),
                        self.fn_label(f)
                    ))
                } else {
                    None
                };
                let v = self.call_fn(f, actuals.clone(), arg_exprs.clone(), span, via_note);
                match &mut out {
                    Some(o) => o.join(&v),
                    None => out = Some(v),
                }
            }
            return out.unwrap_or_default();
        }
        self.lib_method(r, method, turbofish, &actuals, &arg_exprs, span)
    }

    /// Workspace functions a method call may reach, and how (for the path's notes).
    fn resolve_method(&self, ty: &Ty, method: &Name) -> (Vec<FnId>, Option<String>) {
        let p = self.sh.p;
        match ty {
            Ty::Adt(s, _) => (assoc_fn(p, *s, method).into_iter().collect(), None),
            Ty::Alias(_, t) => self.resolve_method(t, method),
            Ty::Bounded(traits) => {
                let mut out = Vec::new();
                let mut names = Vec::new();
                for t in traits {
                    let td = &p.traits[t.idx()];
                    let Some(decl) = td.fns.iter().find(|f| p.fn_(**f).name == *method) else {
                        continue;
                    };
                    names.push(td.name.to_string());
                    out.push(*decl);
                    for i in &td.impls {
                        if p.impls[i.idx()].cfg_test {
                            continue;
                        }
                        if let Some(f) = p.impls[i.idx()]
                            .fns
                            .iter()
                            .find(|f| p.fn_(**f).name == *method)
                        {
                            out.push(*f);
                        }
                    }
                }
                // The declaration itself only matters when it carries an annotation or a default
                // body, or when no impl is in the workspace: then its signature says what the
                // call returns (`fn patient(&self, id: u64) -> Patient;` of a repository trait).
                let bodiless_decl = |f: &FnId| {
                    let d = p.fn_(*f);
                    matches!(d.owner, Owner::Trait(_))
                        && d.ir.body.is_none()
                        && d.annots.sink.is_none()
                };
                if out.iter().any(|f| !bodiless_decl(f)) {
                    out.retain(|f| !bodiless_decl(f));
                }
                out.sort();
                out.dedup();
                (
                    out,
                    Some(format!(
                        "call on `dyn {}` reaches every impl",
                        names.join(" + ")
                    )),
                )
            }
            Ty::Unknown => {
                if STD_METHODS.contains(&&**method) {
                    return (Vec::new(), None);
                }
                match p.methods_by_name.get(method) {
                    Some(fs) if fs.len() == 1 => (
                        fs.clone(),
                        Some("receiver type unknown: the only method of that name".into()),
                    ),
                    _ => (Vec::new(), None),
                }
            }
            _ => (Vec::new(), None),
        }
    }

    /// A method of a library type (or of a value of unknown type).
    fn lib_method(
        &mut self,
        r: Value,
        method: &Name,
        turbofish: &[TypeRef],
        actuals: &[Value],
        arg_exprs: &[Option<&'p Expr>],
        span: Span,
    ) -> Value {
        let args = &actuals[1..];
        let lib = r.ty.lib_name().map(|s| s.to_string());
        // Configured and catalogued sinks.
        if let Some(ty_name) = &lib {
            let full = format!("{ty_name}::{method}");
            if let Some(sink) = self.configured_sink(&full) {
                let spec = self.configured_spec(&sink);
                let data = Self::sink_data(&spec, true, actuals);
                self.sink_hit(sink, &data, span);
                return Value::of_ty(r.ty.clone());
            }
            if let Some(entry) = cat::lib_method_sink(ty_name, method) {
                let spec = self.sh.catalogue.entries[entry as usize].spec.clone();
                let data = Self::sink_data(&spec, true, actuals);
                let config = self.config_index();
                self.sink_hit(SinkRef::Lib { entry, config }, &data, span);
                if cat::result_is_database_output(ty_name, method) {
                    return Value::of_ty(fetched_rows(&r.ty, method));
                }
                let mut v = r.clone();
                for a in args {
                    v.join(a);
                }
                return v;
            }
        }
        if matches!(&**method, "write_all" | "write" | "write_fmt")
            && lib.as_deref() == Some("File")
        {
            let config = self.config_index();
            self.sink_hit(
                SinkRef::Lib {
                    entry: cat::FILE_WRITE,
                    config,
                },
                args,
                span,
            );
            return Value::default();
        }
        let m = &**method;
        // Closures and fn items (`.map(normalize)`, `.for_each(audit)`): iterator / Option /
        // Result adapters call them on the elements.
        let callables: Vec<Callable> = args.iter().filter_map(|a| a.callable.clone()).collect();
        if !callables.is_empty() {
            let el = self.elem(&r);
            let mut result = Value::default();
            for c in callables {
                let params = if m == "fold" || m == "try_fold" {
                    vec![args.first().cloned().unwrap_or_default(), el.clone()]
                } else if m == "reduce" {
                    vec![el.clone(), el.clone()]
                } else {
                    vec![el.clone()]
                };
                let out = match c {
                    Callable::Closure(ci) => self.call_closure(ci, params),
                    Callable::Fn(f) => {
                        let exprs = vec![None; params.len()];
                        self.call_fn(f, params, exprs, span, None)
                    }
                };
                result.join(&out);
            }
            if cat::maps_with_closure(m) {
                for a in args.iter().filter(|a| a.callable.is_none()) {
                    result.join(a);
                }
                let inner_ty = result.ty.clone();
                result.ty = if r.ty.is_container()
                    && !matches!(
                        m,
                        "fold"
                            | "try_fold"
                            | "reduce"
                            | "sum"
                            | "product"
                            | "map_or"
                            | "map_or_else"
                            | "unwrap_or_else"
                    ) {
                    match &r.ty {
                        Ty::Lib(n, _) => Ty::Lib(n.clone(), vec![inner_ty]),
                        _ => Ty::wrap("Vec", inner_ty),
                    }
                } else if m == "unwrap_or_else" {
                    r.ty.elem()
                } else {
                    inner_ty
                };
                if m == "unwrap_or_else" {
                    let e = self.elem(&r);
                    result.join(&e);
                }
                return result;
            }
            // filter, for_each, inspect, any, all, find, sort_by, retain...: the receiver's data.
            return match m {
                "for_each" | "retain" | "sort_by" | "sort_by_key" | "sort_unstable_by" => {
                    Value::default()
                }
                "find" | "max_by_key" | "min_by_key" | "max_by" | "min_by" | "position"
                | "find_map" => self.elem(&r),
                _ => r,
            };
        }
        if m == "zip" {
            let a = self.elem(&r);
            let b = args.first().map(|x| self.elem(x)).unwrap_or_default();
            let mut v = Value::of_ty(Ty::wrap("Vec", Ty::Tuple(vec![a.ty.clone(), b.ty.clone()])));
            v.fields_mut().insert(Name::from("0"), a);
            v.fields_mut().insert(Name::from("1"), b);
            return v;
        }
        if m == "enumerate" {
            let a = self.elem(&r);
            let mut v = Value::of_ty(Ty::wrap("Vec", Ty::Tuple(vec![Ty::Unknown, a.ty.clone()])));
            v.fields_mut().insert(Name::from("1"), a);
            return v;
        }
        if cat::mutates_receiver(m) {
            if let Some(Some(recv_e)) = arg_exprs.first() {
                let mut joined = Value::default();
                for a in args {
                    if matches!(m, "insert" | "set" | "push" | "push_back" | "push_front") {
                        joined.join(a);
                    } else {
                        let t = self.flatten(a, false, span);
                        joined.tags.union(&t);
                    }
                }
                let note = format!("added to `{}` by `{m}`", recv_label(recv_e));
                joined.tags = joined.tags.with_step(span, &note);
                self.add_to_place(recv_e, &joined);
            }
            let mut v = r.clone();
            v.guard = None;
            for a in args {
                let t = self.flatten(a, false, span);
                v.tags.union(&t);
            }
            return v;
        }
        if m == "to_string" || m == "format" || (m == "to_owned" && !r.ty.is_known()) {
            let t = self.flatten(&r, false, span);
            return Value {
                tags: t,
                ty: Ty::Lib(Name::from("String"), Vec::new()),
                ..Value::default()
            };
        }
        if cat::elem_method(m) {
            let mut v = if r.ty.is_container() {
                self.elem(&r)
            } else {
                r.clone()
            };
            v.callable = None;
            if matches!(m, "unwrap_or" | "or_insert" | "get_or_insert") {
                for a in args {
                    v.join(a);
                }
            }
            if let Some(g) = &r.guard {
                // `consent(..).unwrap()`/`.expect()`: past it, the check succeeded.
                if matches!(m, "unwrap" | "expect") {
                    self.st.consent.extend(g.if_true.iter().cloned());
                }
            }
            return v;
        }
        if matches!(
            m,
            "clone"
                | "cloned"
                | "copied"
                | "as_ref"
                | "as_mut"
                | "borrow"
                | "deref"
                | "as_deref"
                | "iter"
                | "into_iter"
                | "iter_mut"
                | "into"
                | "to_owned"
                | "as_slice"
                | "as_str"
                | "drain"
                | "rev"
                | "skip"
                | "take"
                | "chain"
                | "peekable"
                | "flatten"
                | "by_ref"
                | "collect"
                | "to_vec"
                | "try_into"
                | "ok"
                | "values"
                | "keys"
                | "lines"
        ) {
            let mut v = r.clone();
            v.callable = None;
            if m == "ok" {
                v.guard = r.guard.clone();
            }
            if m == "collect" {
                if let Some(t) = turbofish.first() {
                    let lowered = self.sh.p.lower_ty(&self.sh.ty_ctx[self.f.idx()], t);
                    if lowered.is_known() {
                        v.ty = lowered;
                    }
                }
            }
            if m == "chain" {
                for a in args {
                    v.join(a);
                }
            }
            return v;
        }
        if let Ty::Lib(n, _) = &r.ty {
            if cat::result_is_database_output(n, m) {
                return Value::of_ty(fetched_rows(&r.ty, m));
            }
        }
        // How many elements a collection holds, or whether it holds any, is not the elements'
        // data (a string's length stays as personal as the string).
        if cat::counts_elements(m) && r.ty.is_container() {
            return Value::default();
        }
        // Which variant a value is holds none of its contents (what it tells about consent is
        // not read from it, as before: a consent check is read where it is branched on).
        if cat::tests_variant(m) {
            return Value::default();
        }
        // Default: the receiver and the arguments flow into the result.
        let mut v = r.clone();
        v.guard = None;
        v.callable = None;
        if !cat::args_do_not_flow(m) {
            for a in args {
                let t = self.flatten(a, false, span);
                v.tags.union(&t);
            }
        }
        // Fluent library APIs return their own crate's types; std values lose their type.
        v.ty = match &r.ty {
            Ty::Lib(n, _) if n.contains("::") => r.ty.clone(),
            Ty::Adt(..) | Ty::Alias(..) => r.ty.clone(),
            _ => Ty::Unknown,
        };
        if v.ty == Ty::Unknown && matches!(m, "unwrap_or" | "unwrap_or_default" | "get" | "expect")
        {
            v.ty = r.ty.elem();
        }
        v
    }

    fn config_index(&self) -> usize {
        let krate = self.sh.p.crate_of(self.module);
        self.sh
            .p
            .crates
            .get(krate.idx())
            .map(|c| c.config)
            .unwrap_or(0)
    }

    /// A library function or method declared as a sink in the calling crate's config.
    fn configured_sink(&self, full_path: &str) -> Option<SinkRef> {
        let config = self.config_index();
        let sinks = &self.sh.configs.get(config)?.sinks;
        let idx = sinks
            .iter()
            .position(|s| path_matches(&s.path, full_path))?;
        Some(SinkRef::Configured { config, index: idx })
    }

    fn configured_spec(&self, s: &SinkRef) -> crate::hir::SinkSpec {
        match s {
            SinkRef::Configured { config, index } => {
                super::solver::configured_spec(&self.sh.configs[*config].sinks[*index])
            }
            _ => crate::hir::SinkSpec::new("network"),
        }
    }

    /// A call of a library function by path.
    fn lib_call(&mut self, path: &[Name], vals: Vec<Value>, span: Span) -> Value {
        let segs: Vec<&str> = path.iter().map(|s| &**s).collect();
        let full = segs.join("::");
        if cat::diverges(&segs) {
            self.join_all(&vals, span);
            self.st.dead = true;
            return Value::default();
        }
        if let Some(sink) = self.configured_sink(&full) {
            let spec = self.configured_spec(&sink);
            let data = Self::sink_data(&spec, false, &vals);
            self.sink_hit(sink, &data, span);
            return Value::default();
        }
        if let Some(entry) = cat::lib_fn_sink(&segs) {
            let spec = self.sh.catalogue.entries[entry as usize].spec.clone();
            let data = Self::sink_data(&spec, false, &vals);
            let config = self.config_index();
            self.sink_hit(SinkRef::Lib { entry, config }, &data, span);
            let mut v = Value::default();
            if entry == cat::HTTP_URL {
                v.ty = crate::hir::ty::lib_ty(path, Vec::new());
            }
            return v;
        }
        if cat::serializer(&segs) {
            let mut tags = TagSet::default();
            for v in &vals {
                let t = self.flatten(v, true, span);
                tags.union(&t);
            }
            let tags = tags.with_step(span, &format!("serialised by `{full}`"));
            return Value {
                tags,
                ty: Ty::Lib(Name::from("String"), Vec::new()),
                ..Value::default()
            };
        }
        let last = segs.last().copied().unwrap_or("");
        // Wrappers and conversions keep their argument's contents.
        if matches!(
            last,
            "Some" | "Ok" | "Err" | "new" | "from" | "pin" | "clone" | "take" | "replace"
        ) && vals.len() == 1
        {
            let mut v = vals[0].clone();
            v.callable = None;
            let wrapper = match last {
                "Some" => Some("Option"),
                "Ok" | "Err" => Some("Result"),
                _ => None,
            };
            if let Some(w) = wrapper {
                v.ty = Ty::wrap(w, v.ty.clone());
            } else if segs.len() >= 2 {
                let t = crate::hir::ty::lib_ty(&path[..path.len() - 1], Vec::new());
                if t.is_known() {
                    v.ty = t;
                }
            }
            return v;
        }
        let mut v = self.join_all(&vals, span);
        // `Type::constructor(..)` of a library: a value of that type (or its builder).
        if segs.len() >= 2 {
            let ty_seg = segs[segs.len() - 2];
            if ty_seg
                .chars()
                .next()
                .map(|c| c.is_uppercase())
                .unwrap_or(false)
            {
                v.ty = crate::hir::ty::lib_ty(&path[..path.len() - 1], Vec::new());
            } else if segs.len() >= 2 && !matches!(segs[0], "std" | "core" | "alloc") {
                // `sqlx::query(..)`, `ureq::post(..)`: the crate's request/query type.
                v.ty = Ty::Lib(Name::from(format!("{}::{}", segs[0], last)), Vec::new());
            }
        }
        v
    }

    fn macro_call(&mut self, path: &Path, kind: MacroKind, args: &'p [Expr], span: Span) -> Value {
        let resolved: Vec<Name> = match resolve_path(self.sh.p, self.module, path) {
            Some(Def::External(p)) => p,
            _ => path.segments.iter().map(|s| s.name.clone()).collect(),
        };
        let segs: Vec<&str> = resolved.iter().map(|s| &**s).collect();
        let last = segs.last().copied().unwrap_or("");
        let vals = self.exprs(args);
        if cat::diverging_macro(last) {
            self.st.dead = true;
            return Value::default();
        }
        match kind {
            MacroKind::Format => {
                if cat::log_macro(&segs) {
                    let config = self.config_index();
                    self.sink_hit(
                        SinkRef::LogMacro {
                            name: Name::from(format!("{last}!")),
                            config,
                        },
                        &vals,
                        span,
                    );
                    if last == "dbg" {
                        return vals.into_iter().next().unwrap_or_default();
                    }
                    return Value::default();
                }
                let mut tags = TagSet::default();
                for v in &vals {
                    let t = self.flatten(v, false, span);
                    tags.union(&t);
                }
                let tags = tags.with_step(span, &format!("formatted by `{last}!`"));
                Value {
                    tags,
                    ty: Ty::Lib(Name::from("String"), Vec::new()),
                    ..Value::default()
                }
            }
            MacroKind::Write => {
                let Some((dest, rest)) = vals.split_first() else {
                    return Value::default();
                };
                if dest.ty.lib_name() == Some("File") {
                    let config = self.config_index();
                    self.sink_hit(
                        SinkRef::Lib {
                            entry: cat::FILE_WRITE,
                            config,
                        },
                        rest,
                        span,
                    );
                    return Value::default();
                }
                let mut joined = Value::default();
                for v in rest {
                    let t = self.flatten(v, false, span);
                    joined.tags.union(&t);
                }
                joined.tags = joined
                    .tags
                    .with_step(span, &format!("written by `{last}!`"));
                if let Some(de) = args.first() {
                    self.add_to_place(de, &joined);
                }
                Value::default()
            }
            MacroKind::Exprs => {
                if last == "json" {
                    let mut tags = TagSet::default();
                    for v in &vals {
                        let t = self.flatten(v, true, span);
                        tags.union(&t);
                    }
                    return Value {
                        tags: tags.with_step(span, "serialised by `json!`"),
                        ..Value::default()
                    };
                }
                let mut v = Value::default();
                for a in &vals {
                    v.join(a);
                }
                v.guard = None;
                v.callable = None;
                if last == "vec" {
                    v.ty = Ty::wrap(
                        "Vec",
                        vals.first().map(|x| x.ty.clone()).unwrap_or_default(),
                    );
                } else if matches!(last, "query" | "query_as" | "query_scalar") {
                    // `query_as!(Type, "SQL", ..)` has the text second.
                    let sql = args.iter().find(|a| matches!(a, Expr::Lit { .. }));
                    let name = if sql_text_writes(sql) {
                        cat::SQLX_WRITE_QUERY
                    } else {
                        "sqlx::Query"
                    };
                    // `query_as!(Patient, ..)`: the row type rides on the query.
                    let row = match args.first() {
                        Some(Expr::Path(t)) if last == "query_as" => match self.resolve(t) {
                            Some(Def::Struct(st)) => Some(Ty::Adt(st, Vec::new())),
                            _ => None,
                        },
                        _ => None,
                    };
                    v.ty = Ty::Lib(Name::from(name), row.into_iter().collect());
                } else {
                    v.ty = Ty::Unknown;
                }
                v
            }
            MacroKind::Opaque => Value::default(),
        }
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

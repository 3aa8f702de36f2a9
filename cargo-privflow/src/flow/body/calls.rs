use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Calls
    // -----------------------------------------------------------------------------------------

    pub(super) fn call(&mut self, func: &'p Expr, args: &'p [Expr], span: Span) -> Value {
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
            if let Some(v) = self.trait_path_call(p, def.as_ref(), &vals, &arg_exprs, span) {
                return v;
            }
            return match def {
                Some(Def::Fn(f)) => {
                    let turbofish = p.segments.last().map(|s| &s.generics[..]).unwrap_or(&[]);
                    let mut v = self.call_fn(f, vals, arg_exprs, span, None);
                    self.type_by_turbofish(&mut v, f, turbofish);
                    v
                }
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
                    let sql = texts::sql_texts(args.first(), vals.first());
                    let mut v = self.lib_call(&path, vals, &arg_exprs, span);
                    v.elems = None;
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
                        // A query that erases rows changes them as a write does: its `fetch_*`
                        // (`DELETE .. RETURNING id`) runs it.
                        let erases = texts::sql_erasures(&sql);
                        let name = if texts::sql_any_writes(&sql) || !erases.is_empty() {
                            cat::SQLX_WRITE_QUERY.to_string()
                        } else {
                            v.ty.lib_name().unwrap_or("sqlx::query").to_string()
                        };
                        // The row type rides on the query to its `fetch_*`, and so does the
                        // table its text erases rows of.
                        v.ty = Ty::Lib(Name::from(name), produced.into_iter().collect());
                        v.ty = cat::with_written_tables(v.ty, &texts::sql_written_tables(&sql));
                        if !erases.is_empty() {
                            v.ty = cat::with_erasures(v.ty, &erases);
                        }
                    } else if let ["diesel", .., "delete"] = segs.as_slice() {
                        // `diesel::delete(post::table.find(id))`: deletes rows of that table.
                        if let Some(t) = args.first().and_then(diesel_table) {
                            v.ty = cat::with_erasures(v.ty, &[cat::SqlErasure::Delete(t)]);
                        }
                    } else if let ["diesel", .., "update"] = segs.as_slice() {
                        // `diesel::update(person::table.find(id))`: its `.set(..)` decides.
                        if let Some(t) = args.first().and_then(diesel_table) {
                            v.ty = cat::with_updated_table(v.ty, &t);
                        }
                    } else if let ["diesel", .., "sql_query"] = segs.as_slice() {
                        // `diesel::sql_query("DELETE FROM ..")`: SQL text, as sqlx's.
                        v.ty = cat::with_written_tables(v.ty, &texts::sql_written_tables(&sql));
                        let erases = texts::sql_erasures(&sql);
                        if !erases.is_empty() {
                            v.ty = cat::with_erasures(v.ty, &erases);
                        }
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
    pub(super) fn join_all(&mut self, vals: &[Value], span: Span) -> Value {
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

    /// The sink a workspace function is, by its own annotation or its trait's declaration.
    pub(super) fn effective_sink(&self, f: FnId) -> Option<(FnId, &'p crate::hir::SinkSpec)> {
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

    pub(super) fn ret_ty(&self, f: FnId) -> Ty {
        // `async fn` / `Result<T>`: callers see through `?`/`.await` via `elem`.
        self.sh.ret_tys.get(f.idx()).cloned().unwrap_or(Ty::Unknown)
    }

    pub(super) fn call_fn(
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
        let arg_roots: Vec<Option<Name>> = actuals.iter().map(|a| a.root.clone()).collect();
        if !self.st.dead {
            self.out.calls.push(crate::flow::CallEdge {
                caller: self.f,
                callee: f,
                held: self.st.consent.clone(),
                span,
                arg_roots: arg_roots.clone(),
            });
        }
        // `binds = N` counts parameters after `self`; actuals hold the receiver first.
        let offset = usize::from(d.ir.self_param.is_some());
        let bound_root =
            |n: Option<u32>| n.and_then(|n| arg_roots.get(n as usize + offset).cloned().flatten());
        if let (Some(g), false) = (&d.annots.guarded, self.st.dead) {
            self.out.guarded_calls.push(crate::flow::GuardedCall {
                caller: self.f,
                callee: f,
                held: self.st.consent.clone(),
                bound_root: bound_root(g.binds),
                span,
            });
        }
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
        let established = match (&d.annots.check, &d.annots.consent) {
            (Some(c), _) => Some((held::check_key(&c.name), c.binds)),
            (None, Some(purpose)) => Some((purpose.clone(), d.annots.consent_binds)),
            (None, None) => None,
        };
        if let Some((key, binds)) = established {
            let root = bound_root(binds);
            let mut g = Guard::default();
            g.if_true
                .extend(held::established(&key, binds.is_some(), root.as_ref()));
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
            if crate::flow::solver::analysable(p, f) {
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
        // What closures handed to it returned joins the result; what the result tells of
        // checks stays (a join with no guard would forget it).
        let guard = v.guard.take();
        v.join(&closure_results);
        v.guard = guard;
        v
    }

    pub(super) fn method_call(
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
            let one = (cands.len() == 1).then(|| cands[0]);
            let mut v = self.call_candidates(cands, via, actuals, arg_exprs, span);
            if let Some(f) = one {
                self.type_by_turbofish(&mut v, f, turbofish);
            }
            return v;
        }
        let recv_value = r.clone();
        // `diesel::update(t).set(col.eq(None))`: the update anonymises rows of `t` in place.
        let nulls = match cat::updated_table_of(&r.ty) {
            Some(t) if &**method == "set" && args.iter().any(sets_to_none) => Some(t.to_string()),
            _ => None,
        };
        let mut v = self.lib_method(r, method, turbofish, &actuals, &arg_exprs, span);
        if let Some(t) = nulls {
            v.ty = cat::with_erasures(v.ty, &[cat::SqlErasure::Nulls(t)]);
        }
        // Elements known one by one stay known only in a copy of the receiver: any other
        // library method may reorder, drop or add elements (`rev`, `sort`, `collect`).
        if !matches!(
            &**method,
            "clone"
                | "to_vec"
                | "to_owned"
                | "as_slice"
                | "as_mut_slice"
                | "as_ref"
                | "as_mut"
                | "borrow"
                | "borrow_mut"
                | "into"
        ) {
            v.elems = None;
        }
        // A method handing out a reference into its receiver: writes through it reach the
        // receiver's place (`*v.get_mut(i).unwrap() = x`, `for s in v.iter_mut() { *s = x }`).
        if cat::element_ref_method(method) {
            v.alias = self
                .reference_to(recv, Some(&recv_value))
                .map(|a| Arc::new(a.weakened()));
        } else if cat::whole_ref_method(method) {
            v.alias = self.reference_to(recv, Some(&recv_value));
        } else if cat::passes_ref_method(method) {
            v.alias = recv_value.alias;
        }
        v
    }

    /// `load::<Patient>()`, `cache.get::<Session>(k)`: the callee's declared return type with
    /// its own type parameters replaced by the turbofish's types, where it says more than the
    /// summary (whose value a generic body leaves untyped).
    fn type_by_turbofish(&self, v: &mut Value, f: FnId, turbofish: &[TypeRef]) {
        if turbofish.is_empty() {
            return;
        }
        let d = self.sh.p.fn_(f);
        let Some(ret) = &d.ir.ret else {
            return;
        };
        let caller = &self.sh.ty_ctx[self.f.idx()];
        let given: Vec<Ty> = turbofish
            .iter()
            .map(|t| self.sh.p.lower_ty(caller, t))
            .collect();
        let names: Vec<&Name> = d.ir.generics.iter().map(|(n, _)| n).collect();
        let declared = self.ret_ty(f);
        let t = instantiate(ret, &declared, &names, &given, 0);
        if t.is_known() && t != declared {
            v.ty = t;
        }
    }

    /// A call that may reach any of `cands` (dynamic dispatch, several impls): their results
    /// joined.
    pub(super) fn call_candidates(
        &mut self,
        cands: Vec<FnId>,
        via: Option<String>,
        actuals: Vec<Value>,
        arg_exprs: Vec<Option<&'p Expr>>,
        span: Span,
    ) -> Value {
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
        out.unwrap_or_default()
    }

    /// A call by trait path (`Trait::m(x)`, `<T as Trait>::m(x)`, `<T>::m(x)`): the impl for
    /// the written or the receiver's type, or every impl of the trait when that type is not
    /// known. None: not such a call, or no workspace function it reaches.
    fn trait_path_call(
        &mut self,
        p: &Path,
        def: Option<&Def>,
        vals: &[Value],
        arg_exprs: &[Option<&'p Expr>],
        span: Span,
    ) -> Option<Value> {
        let method = p.last()?.clone();
        let decl_trait = match def {
            Some(Def::Fn(f)) => match self.sh.p.fn_(*f).owner {
                Owner::Trait(t) => Some((*f, t)),
                _ => None,
            },
            _ => None,
        };
        if decl_trait.is_none() && (p.qself.is_none() || def.is_some()) {
            return None;
        }
        let written = p
            .qself
            .as_ref()
            .map(|q| self.sh.p.lower_ty(&self.sh.ty_ctx[self.f.idx()], q))
            .filter(Ty::is_known);
        let has_self = decl_trait.is_some_and(|(f, _)| self.sh.p.fn_(f).ir.self_param.is_some());
        let self_ty = written.or_else(|| {
            vals.first()
                .filter(|_| has_self)
                .map(|v| v.ty.clone())
                .filter(|t| matches!(t, Ty::Adt(..) | Ty::Alias(..) | Ty::Bounded(_)))
        });
        let ty = match (self_ty, decl_trait) {
            (Some(t), _) => t,
            (None, Some((_, t))) => Ty::Bounded(vec![t]),
            (None, None) => return None,
        };
        let (mut cands, via) = self.resolve_method(&ty, &method);
        // `<T as Trait>::m` on a type with an inherent `m` too: the trait's.
        if let (Some((_, t)), Ty::Adt(s, _)) = (decl_trait, &ty) {
            if let Some(f) = self.trait_impl_fn(*s, t, &method) {
                cands = vec![f];
            }
        }
        if cands.is_empty() {
            return None;
        }
        Some(self.call_candidates(cands, via, vals.to_vec(), arg_exprs.to_vec(), span))
    }

    /// The workspace impl of an operator trait (`impl Add for Dose`: `add`) for the left
    /// operand's type.
    pub(super) fn operator_impl(&self, ty: &Ty, method: &str) -> Option<FnId> {
        let p = self.sh.p;
        let s = ty.adt()?;
        let trait_name = match method {
            "bitand" => "BitAnd".to_string(),
            "bitor" => "BitOr".to_string(),
            "bitxor" => "BitXor".to_string(),
            m => m[..1].to_ascii_uppercase() + &m[1..],
        };
        p.impls_of.get(&s)?.iter().find_map(|i| {
            let imp = &p.impls[i.idx()];
            if imp.trait_name.as_deref() != Some(trait_name.as_str()) || imp.cfg_test {
                return None;
            }
            imp.fns
                .iter()
                .find(|f| &*p.fn_(**f).name == method)
                .copied()
        })
    }

    /// The method `name` of trait `t`'s impl for struct `s` (or the trait's default).
    fn trait_impl_fn(&self, s: StructId, t: TraitId, name: &Name) -> Option<FnId> {
        let p = self.sh.p;
        for i in p.impls_of.get(&s)? {
            let imp = &p.impls[i.idx()];
            if imp.trait_ == Some(t) {
                if let Some(f) = imp.fns.iter().find(|f| p.fn_(**f).name == *name) {
                    return Some(*f);
                }
            }
        }
        p.traits[t.idx()]
            .fns
            .iter()
            .find(|f| p.fn_(**f).name == *name && p.fn_(**f).ir.body.is_some())
            .copied()
    }

    /// Workspace functions a method call may reach, and how (for the path's notes).
    pub(super) fn resolve_method(&self, ty: &Ty, method: &Name) -> (Vec<FnId>, Option<String>) {
        let p = self.sh.p;
        match ty {
            Ty::Adt(s, _) => (assoc_fn(p, *s, method).into_iter().collect(), None),
            Ty::Alias(_, t) => self.resolve_method(t, method),
            Ty::Bounded(traits) => {
                let mut out = Vec::new();
                let mut names = Vec::new();
                // A method of a supertrait is callable on `dyn Sub` (`trait Storage: ApiKeys`).
                let mut all: Vec<TraitId> = Vec::new();
                for t in traits {
                    for s in p.trait_and_supers(*t) {
                        if !all.contains(&s) {
                            all.push(s);
                        }
                    }
                }
                for t in &all {
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
}

/// The lowered type `ty` of the written type `written`, with the type parameter `names[i]`
/// replaced by `given[i]` wherever `written` spells it (through references and type arguments).
fn instantiate(written: &TypeRef, ty: &Ty, names: &[&Name], given: &[Ty], depth: u32) -> Ty {
    if depth > 8 {
        return ty.clone();
    }
    match written {
        TypeRef::Ref { inner, .. } => instantiate(inner, ty, names, given, depth + 1),
        TypeRef::Path(p) => {
            if let Some(n) = p.single() {
                if let Some(i) = names.iter().position(|m| *m == n) {
                    if let Some(g) = given.get(i).filter(|g| g.is_known()) {
                        return g.clone();
                    }
                }
            }
            let args = p.segments.last().map(|s| &s.generics[..]).unwrap_or(&[]);
            match ty {
                Ty::Lib(n, targs) if targs.len() == args.len() => Ty::Lib(
                    n.clone(),
                    args.iter()
                        .zip(targs)
                        .map(|(w, t)| instantiate(w, t, names, given, depth + 1))
                        .collect(),
                ),
                Ty::Adt(s, targs) if targs.len() == args.len() => Ty::Adt(
                    *s,
                    args.iter()
                        .zip(targs)
                        .map(|(w, t)| instantiate(w, t, names, given, depth + 1))
                        .collect(),
                ),
                t => t.clone(),
            }
        }
        TypeRef::Tuple(ws) => match ty {
            Ty::Tuple(ts) if ts.len() == ws.len() => Ty::Tuple(
                ws.iter()
                    .zip(ts)
                    .map(|(w, t)| instantiate(w, t, names, given, depth + 1))
                    .collect(),
            ),
            t => t.clone(),
        },
        _ => ty.clone(),
    }
}

/// The table a diesel query source names: `post::table`, `users` (the `dsl` import), at the root
/// of `.filter(..)`/`.find(..)` chains, lower-cased.
fn diesel_table(e: &Expr) -> Option<String> {
    let mut e = e;
    loop {
        match e {
            Expr::MethodCall { recv, .. } => e = recv,
            Expr::Ref { expr, .. } => e = expr,
            Expr::Path(p) => {
                let segs: Vec<&str> = p.segments.iter().map(|s| &*s.name).collect();
                let name = match segs.as_slice() {
                    [.., table, "table"] => table,
                    [.., last] => last,
                    [] => return None,
                };
                return Some(name.to_ascii_lowercase());
            }
            _ => return None,
        }
    }
}

/// Does this `.set(..)` argument set a column to `None` (`col.eq(None)`,
/// `col.eq::<Option<String>>(None)`, also inside a tuple of assignments)?
fn sets_to_none(e: &Expr) -> bool {
    let is_none = |a: &Expr| matches!(a, Expr::Path(p) if p.segments.last().is_some_and(|s| &*s.name == "None"));
    match e {
        Expr::MethodCall { method, args, .. } if &**method == "eq" => args.iter().any(is_none),
        Expr::Tuple { elems, .. } => elems.iter().any(sets_to_none),
        Expr::Ref { expr, .. } => sets_to_none(expr),
        _ => false,
    }
}

use super::*;

impl<'a, 'p> Eval<'a, 'p> {
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

    pub(super) fn exprs(&mut self, es: &'p [Expr]) -> Vec<Value> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    pub(super) fn expr_inner(&mut self, e: &'p Expr) -> Value {
        match e {
            Expr::Path(p) => self.path_value(p),
            Expr::Lit { text, .. } => Value {
                texts: text.as_ref().and_then(texts::literal_texts),
                ..Value::default()
            },
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
                self.indexed(&b, index)
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
                let mut unset: Vec<Name> = v.unset.as_deref().cloned().unwrap_or_default();
                for (n, fe) in fields {
                    let fv = self.expr(fe);
                    let key = match &prefix {
                        Some(p) => Name::from(format!("{p}.{n}")),
                        None => n.clone(),
                    };
                    unset.retain(|u| *u != key);
                    if holds_nothing(fe) {
                        unset.push(key.clone());
                    }
                    v.fields_mut().insert(key, fv);
                }
                unset.sort();
                v.unset = (!unset.is_empty()).then(|| Arc::new(unset));
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
                // The texts the elements are (joining into the empty value above forgets them).
                let mut texts = vals.first().and_then(|f| f.texts.clone());
                for ev in vals.iter().skip(1) {
                    texts = crate::flow::value::join_texts(&texts, &ev.texts);
                }
                v.texts = texts;
                let elem_ty = vals.first().map(|v| v.ty.clone()).unwrap_or_default();
                v.ty = Ty::Slice(Box::new(elem_ty));
                v.guard = None;
                v.elems = Self::known_elems(vals);
                v
            }
            Expr::Unary { op, expr, .. } => {
                let mut v = self.expr(expr);
                if *op == UnOp::Not {
                    v.guard = v.guard.map(|g| g.negate());
                }
                v
            }
            Expr::Ref { expr, mutable, .. } => {
                let mut v = self.expr(expr);
                if *mutable {
                    if let Some(a) = self.reference_to(expr, None) {
                        v.alias = Some(a);
                    }
                }
                v
            }
            Expr::Binary { op, lhs, rhs, span } => {
                let a = self.expr(lhs);
                if let BinOp::Arith(method) = op {
                    let b = self.expr(rhs);
                    return match self.operator_impl(&a.ty, method) {
                        Some(f) => self.call_candidates(
                            vec![f],
                            None,
                            vec![a, b],
                            vec![Some(&**lhs), Some(&**rhs)],
                            *span,
                        ),
                        None => {
                            let mut tags = self.flatten(&a, false, *span);
                            tags.union(&self.flatten(&b, false, *span));
                            Value::from_tags(tags)
                        }
                    };
                }
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
                let in_bool = v.ty.answers_in_bool();
                self.bind(pat, v);
                let c = Self::pattern_consent(pat, &g, in_bool);
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
            Expr::While {
                label, cond, body, ..
            } => {
                self.loop_expr(label, Some(cond), None, body);
                Value::default()
            }
            Expr::Loop { label, body, .. } => self.loop_expr(label, None, None, body),
            Expr::For {
                label,
                pat,
                iter,
                body,
                ..
            } => {
                let it = self.expr(iter);
                let el = self.elem(&it);
                self.loop_expr(label, None, Some((pat, el)), body);
                Value::default()
            }
            Expr::Labeled { label, body, .. } => self.labeled_block(label, body),
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
            Expr::Break { label, expr, .. } => {
                let v = match expr {
                    Some(x) => self.expr(x),
                    None => Value::default(),
                };
                self.jump(label.as_ref(), Some(v));
                Value::default()
            }
            Expr::Continue { label, .. } => {
                self.jump(label.as_ref(), None);
                Value::default()
            }
            Expr::Try { expr, .. } => {
                let v = self.expr(expr);
                // A known error goes back to the caller (`Err(e)?`, a callee's `Err(e)`).
                if let Some(e) = &v.err {
                    if !e.is_untagged() && !self.st.dead {
                        self.add_return(Value {
                            err: Some(e.clone()),
                            ..Value::default()
                        });
                    }
                }
                let mut out = self.elem(&v);
                if let Some(g) = &v.guard {
                    if v.ty.answers_in_bool() {
                        // `check()?` of a `Result<bool, _>` check: the bool is the answer.
                        out.guard = Some(g.clone());
                    } else {
                        // Past `?`, the call succeeded.
                        self.st.consent.extend(g.if_true.iter().cloned());
                    }
                }
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

    pub(super) fn path_value(&mut self, p: &Path) -> Value {
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
    pub(super) fn resolve(&self, p: &Path) -> Option<Def> {
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

    pub(super) fn variant_name(&self, s: StructId, vi: u32) -> String {
        self.sh
            .p
            .struct_(s)
            .ir
            .variants
            .get(vi as usize)
            .map(|v| v.name.to_string())
            .unwrap_or_default()
    }

    pub(super) fn struct_path_ty(&self, p: &Path) -> Ty {
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
}

/// A field value that holds no data from anywhere: `None` or a literal. The field tags a type
/// declares do not apply to a field a literal sets so (`Conversion { hashed_email: None, .. }`).
/// Not `String::new()` and the like: code fills those in place, and test code stands them in
/// for data from elsewhere.
fn holds_nothing(e: &Expr) -> bool {
    match e {
        Expr::Lit { .. } => true,
        Expr::Path(p) => p.single().is_some_and(|n| &**n == "None"),
        _ => false,
    }
}

use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Blocks and statements
    // -----------------------------------------------------------------------------------------

    pub(super) fn block(&mut self, b: &'p Block) -> Value {
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
                            let same_lib =
                                matches!((have, want), (Ty::Lib(a, _), Ty::Lib(b, _)) if a == b);
                            if v.ty.is_known() && have != want && &have.elem() != want && !same_lib
                            {
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
                        let c = Self::pattern_consent(pat, &v.guard, v.ty.answers_in_bool());
                        self.st.consent.extend(c);
                    }
                    self.binding_literal = init.as_ref().is_some_and(is_built_here);
                    self.bind(pat, v);
                    self.binding_literal = false;
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
}

/// A value built by this expression itself, not read or fetched: a struct literal or
/// `T::default()` / `Default::default()`.
fn is_built_here(e: &Expr) -> bool {
    match e {
        Expr::Struct { .. } => true,
        Expr::Call { func, args, .. } if args.is_empty() => {
            matches!(&**func, Expr::Path(p) if p.last().is_some_and(|l| &**l == "default"))
        }
        _ => false,
    }
}

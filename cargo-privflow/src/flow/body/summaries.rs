use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    pub(super) fn apply_summary(
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
            // Consent bound to the parameter the data came in by holds for it; what the callee
            // bound to another parameter is bound to that argument here.
            let arg_roots: Vec<Option<Name>> = actuals.iter().map(|a| a.root.clone()).collect();
            let inside = held::resolve_bound(&info.consent, &[held::param_root(i as usize)]);
            let mut consent = held::into_caller(&inside, &arg_roots);
            consent.extend(self.st.consent.iter().cloned());
            let roots: Vec<Name> = actuals
                .get(i as usize)
                .and_then(|a| a.root.clone())
                .into_iter()
                .collect();
            let consent = held::resolve_bound(&consent, &roots);
            for (t2, tr2) in tags.iter() {
                let t3 = Tag {
                    origin: t2.origin,
                    san: t2.san | tag.san,
                };
                let trace = trace_append(&trace_push(tr2, call_step.clone()), &info.trace);
                if !self.st.dead {
                    self.record(*site, t3, trace, consent.clone(), &roots);
                }
            }
        }
        for (i, ev) in &sum.effects {
            // `arg_exprs` lines up with `actuals` (receiver first for method calls).
            if let Some(Some(e)) = arg_exprs.get(*i as usize) {
                let mut v = self.subst(ev, actuals, span, f, &mut cache);
                self.bounded(&mut v, span);
                self.add_to_place(e, actuals.get(*i as usize), &v);
            }
        }
        let mut ret = self.subst(&sum.ret, actuals, span, f, &mut cache);
        self.bounded(&mut ret, span);
        ret
    }

    pub(super) fn param_names(&self, f: FnId) -> Vec<String> {
        self.sh.p.fn_(f).param_names()
    }

    /// The part of argument `i` at access path `path` (memoised per call in `cache`: a summary
    /// names the same parameter paths many times).
    pub(super) fn project(
        &mut self,
        actuals: &[Value],
        i: u16,
        path: crate::flow::tags::PathId,
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
    pub(super) fn subst(
        &mut self,
        v: &Value,
        actuals: &[Value],
        span: Span,
        callee: FnId,
        cache: &mut ProjCache,
    ) -> Value {
        let mut out = Value {
            ty: v.ty.clone(),
            unset: v.unset.clone(),
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
        // The error side as the callee built it; not known apart: the whole value.
        out.err = v
            .err
            .as_ref()
            .map(|e| Arc::new(self.subst(e, actuals, span, callee, cache)));
        // What the callee's result tells of checks, bound to the arguments it was about.
        if let Some(g) = &v.guard {
            let arg_roots: Vec<Option<Name>> = actuals.iter().map(|a| a.root.clone()).collect();
            out.guard = Some(Guard {
                if_true: held::into_caller(&g.if_true, &arg_roots),
                if_false: held::into_caller(&g.if_false, &arg_roots),
            });
        }
        out
    }
}

use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Assignment and places
    // -----------------------------------------------------------------------------------------

    /// The variable and field path an expression names, if it is a place.
    pub(super) fn place(e: &Expr) -> Option<(Name, Vec<Name>, bool)> {
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

    pub(super) fn assign(&mut self, lhs: &'p Expr, v: Value, compound: bool, span: Span) {
        let Some((var, path, weak)) = Self::place(lhs) else {
            self.assign_through(lhs, v, compound);
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
        if path.is_empty() && !weak && matches!(lhs, Expr::Path(_)) && v.root.is_none() {
            // `x = f()`: from here `x` is a new value (SPEC §5).
            v.root = Some(super::super::held::local_root(&var, span));
        }
        // `*r = x`, `r.f = x`, `r[i] = x` with `r` a reference to a local place write that place
        // too (`r = x` alone rebinds `r`).
        let through = match lhs {
            Expr::Path(_) => None,
            _ => self.lookup(&var).and_then(|r| r.alias.clone()),
        };
        if let Some(a) = through {
            let mut to = a.path.clone();
            to.extend(path.iter().cloned());
            self.write_slot(&a.var.clone(), &to, &v, a.weak || weak, WriteKind::Assign);
        }
        let one_element = match lhs {
            Expr::Index { index, .. } if !compound => Self::const_index(index),
            _ => None,
        };
        let known_before = self.lookup(&var).and_then(|x| x.elems.clone());
        self.write_slot(&var, &path, &v, weak, WriteKind::Assign);
        // `a[1] = x` with `a`'s elements known one by one (and `a` itself the place): only
        // element 1 is replaced.
        if let (Some(i), Some(mut elems), true) = (one_element, known_before, path.is_empty()) {
            if let (Some(e), Some(slot)) =
                (Arc::make_mut(&mut elems).get_mut(i), self.lookup_mut(&var))
            {
                *e = v;
                slot.elems = Some(elems);
            }
        }
    }

    /// A write through a reference that is not a local place (`*v.get_mut(i).unwrap() = x`,
    /// `*map.entry(k).or_insert(d) = x`): the place the reference points to, if known.
    fn assign_through(&mut self, lhs: &'p Expr, v: Value, weak: bool) {
        let target = self.expr(lhs);
        if let Some(a) = target.alias {
            self.write_slot(
                &a.var.clone(),
                &a.path,
                &v,
                a.weak || weak,
                WriteKind::Assign,
            );
        }
    }

    /// Writes `v` at `path` in the variable `var`: replaces what is there (strong), or joins it
    /// (weak: one element of several, a compound assignment, a place on some paths only); an
    /// added value (`push`, a callee's effect) joins its tags and fields.
    fn write_slot(&mut self, var: &Name, path: &[Name], v: &Value, weak: bool, kind: WriteKind) {
        let Some(slot) = self.lookup_mut(var) else {
            return;
        };
        // A write that does not say which element it changes may change any: the elements
        // known one by one on the way are forgotten (the joined whole gets the write).
        let mut cur = slot;
        for seg in path {
            cur.elems = None;
            // A field written is no longer the constant a literal put there.
            if let Some(u) = &cur.unset {
                let left: Vec<Name> = u.iter().filter(|n| *n != seg).cloned().collect();
                cur.unset = (!left.is_empty()).then(|| Arc::new(left));
            }
            cur = cur.fields_mut().entry(seg.clone()).or_default();
        }
        if weak || matches!(kind, WriteKind::Add) {
            cur.elems = None;
        }
        match kind {
            WriteKind::Add => {
                cur.tags.union(&v.tags);
                for (k, fv) in v.fields.iter() {
                    cur.fields_mut().entry(k.clone()).or_default().join(fv);
                }
            }
            WriteKind::Assign if weak => cur.join(v),
            WriteKind::Assign => {
                let keep_ty = cur.ty.clone();
                // The reference a variable is stays what it is when written through.
                let keep_alias = cur.alias.take();
                *cur = v.clone();
                if !cur.ty.is_known() {
                    cur.ty = keep_ty;
                }
                if path.is_empty() && cur.alias.is_none() {
                    cur.alias = keep_alias;
                }
            }
        }
    }

    /// The alias `&mut e` (or a method handing out a reference into `e`) makes: the place `e`
    /// names, followed through `e`'s own reference, so an alias always names an owner.
    pub(super) fn reference_to(&self, e: &Expr, recv: Option<&Value>) -> Option<Arc<Alias>> {
        let Some((var, path, weak)) = Self::place(e) else {
            // A method of a reference that is no local place: `m.entry(k).or_insert(d)`.
            return recv.and_then(|r| r.alias.clone());
        };
        // Not a local (a static, a constant): nothing to write back to.
        let root = self.lookup(&var)?;
        Some(Arc::new(match &root.alias {
            Some(a) => {
                let mut to = a.path.clone();
                to.extend(path);
                Alias {
                    var: a.var.clone(),
                    path: to,
                    weak: a.weak || weak,
                }
            }
            None => Alias { var, path, weak },
        }))
    }

    /// Weakly adds `v` to the place `e` names (a callee's `&mut` effect, `v.push(x)`), and to
    /// the place a reference there points to.
    /// `held`: the value `e` evaluated to, if known (a reference it holds is written through).
    pub(super) fn add_to_place(&mut self, e: &Expr, held: Option<&Value>, v: &Value) {
        let Some((var, path, _)) = Self::place(e) else {
            // `v.last_mut().unwrap().push(x)`: the place the reference points to.
            if let Some(a) = held.and_then(|h| h.alias.clone()) {
                self.write_slot(&a.var.clone(), &a.path, v, true, WriteKind::Add);
                self.keep_bounded(&a.var.clone(), e.span());
            }
            return;
        };
        if let Some(a) = self.lookup(&var).and_then(|r| r.alias.clone()) {
            let mut to = a.path.clone();
            to.extend(path.iter().cloned());
            self.write_slot(&a.var.clone(), &to, v, true, WriteKind::Add);
            self.keep_bounded(&a.var.clone(), e.span());
        }
        self.write_slot(&var, &path, v, true, WriteKind::Add);
        self.keep_bounded(&var, e.span());
    }

    fn keep_bounded(&mut self, var: &Name, span: Span) {
        if let Some(slot) = self.lookup_mut(var) {
            if slot.nodes_exceed(MAX_VALUE_NODES) {
                let mut whole = std::mem::take(slot);
                self.bounded(&mut whole, span);
                if let Some(slot) = self.lookup_mut(var) {
                    *slot = whole;
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum WriteKind {
    Assign,
    Add,
}

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
    pub(super) fn add_to_place(&mut self, e: &Expr, v: &Value) {
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
}

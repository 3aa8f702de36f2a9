use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Patterns
    // -----------------------------------------------------------------------------------------

    pub(super) fn bind(&mut self, pat: &Pat, v: Value) {
        match pat {
            Pat::Bind { name, sub, span } => {
                if let Some(s) = sub {
                    self.bind(s, v.clone());
                }
                let mut v = v;
                if v.root.is_none() {
                    // A value computed here is a new value, named by its binding.
                    v.root = Some(super::super::held::local_root(name, *span));
                    self.note_root_ty(&v);
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
                        _ if is_wrapper && last == "Err" => v.err_part(),
                        _ => self.elem(&v),
                    };
                    self.bind(e, ev);
                }
            }
            Pat::Slice(elems) => {
                // `[x, y]`, `[first, .., last]`: with the elements known one by one, each
                // position binds its own element (counted from the end after a `..`).
                let known = v.elems.clone();
                let rest_at = elems.iter().position(Self::is_rest);
                for (i, e) in elems.iter().enumerate() {
                    let position = match (&known, rest_at) {
                        (Some(_), Some(r)) if i == r => None,
                        (Some(_), None) => Some(i),
                        (Some(_), Some(r)) if i < r => Some(i),
                        (Some(es), Some(_)) => (es.len() + i).checked_sub(elems.len()),
                        (None, _) => None,
                    };
                    let ev = match position.and_then(|p| known.as_ref()?.get(p).cloned()) {
                        Some(mut one) => {
                            one.alias = self.elem(&v).alias;
                            one
                        }
                        None => self.elem(&v),
                    };
                    self.bind(e, ev);
                }
            }
            Pat::Or(alts) => {
                // Every alternative binds the same names: each name gets its values in all the
                // alternatives, joined (`A(n) | B(n)`: `n` is whichever matched).
                let mut bound: Vec<(Name, Rc<Value>)> = Vec::new();
                for a in alts {
                    self.push_scope();
                    self.bind(a, v.clone());
                    let scope = self.st.scopes.pop().unwrap_or_default();
                    for (n, val) in scope {
                        match bound.iter_mut().find(|(m, _)| *m == n) {
                            Some((_, w)) => Rc::make_mut(w).join(&val),
                            None => bound.push((n, val)),
                        }
                    }
                }
                for (n, val) in bound {
                    self.declare(n, Rc::unwrap_or_clone(val));
                }
            }
            Pat::Ref(p) => self.bind(p, v),
            Pat::Path(_) | Pat::Wild | Pat::Rest | Pat::Lit | Pat::Bool(_) => {}
        }
    }

    /// `..` or `rest @ ..` in a slice pattern.
    fn is_rest(p: &Pat) -> bool {
        match p {
            Pat::Rest => true,
            Pat::Bind { sub: Some(s), .. } => matches!(**s, Pat::Rest),
            _ => false,
        }
    }

    /// Consent a pattern match tells: `Some(_)`/`Ok(_)`/a binding → the value's `if_true`;
    /// `None`/`Err(_)` → its `if_false`.
    /// What matching `pat` against a value with `guard` tells. A check answering in a `bool`
    /// inside (`Result<bool, _>`, `Option<bool>`: `in_bool`) succeeded only on `Ok(true)` /
    /// `Some(true)`, not on `Ok(_)` (SPEC §5).
    pub(super) fn pattern_consent(pat: &Pat, guard: &Option<Guard>, in_bool: bool) -> Purposes {
        let Some(g) = guard else {
            return Purposes::new();
        };
        let last = |p: &Path| p.last().map(|s| s.to_string()).unwrap_or_default();
        match pat {
            Pat::TupleStruct { path, elems } if matches!(last(path).as_str(), "Some" | "Ok") => {
                if in_bool && !matches!(elems.as_slice(), [Pat::Bool(true)]) {
                    return Purposes::new();
                }
                g.if_true.clone()
            }
            Pat::Bool(true) => g.if_true.clone(),
            Pat::Bool(false) => g.if_false.clone(),
            Pat::Or(alts) => {
                // Holds after any alternative: what all of them tell.
                let mut it = alts
                    .iter()
                    .map(|a| Self::pattern_consent(a, guard, in_bool));
                let first = it.next().unwrap_or_default();
                it.fold(first, |acc, x| acc.intersection(&x).cloned().collect())
            }
            Pat::TupleStruct { path, .. } if last(path) == "Err" => g.if_false.clone(),
            Pat::Path(path) if last(path) == "None" => g.if_false.clone(),
            _ => Purposes::new(),
        }
    }
}

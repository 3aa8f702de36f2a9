use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Values: fields, elements, flattening
    // -----------------------------------------------------------------------------------------

    pub(super) fn step(span: Span, note: String) -> Step {
        Step {
            span,
            note: Arc::from(note),
        }
    }

    /// `v.field`.
    pub(super) fn read_field(&mut self, v: &Value, field: &Name, span: Span) -> Value {
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
                    let unset = v.unset.as_ref().is_some_and(|u| u.contains(field));
                    if let Some(src) = self.sh.sources.field.get(&(s, fi)).filter(|_| !unset) {
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
                // Data written into this field elsewhere, unless this function knows what the
                // value's field holds (it built the value, or wrote the field): a local
                // `Note { text: "hi" }` is not every `Note` some handler filled.
                let known_here = v.fields.contains_key(field);
                if let Some(written) = self
                    .sh
                    .field_taint
                    .get(&s)
                    .and_then(|fs| fs.get(field))
                    .filter(|_| !known_here)
                {
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
            // A field of a library type a config declares personal data is that data too.
            Ty::Lib(name, _) => {
                if let Some(src) = self.sh.sources.of_lib_ty(name) {
                    let note = format!("reads a field of `{name}`");
                    let tr = trace_push(&None, Self::step(span, note));
                    out.tags.insert(
                        Tag {
                            origin: Origin::Source(src),
                            san: v.ty_san(),
                        },
                        tr,
                    );
                }
            }
            _ => {}
        }
        // A field is part of the value it is read from (SPEC §5: `p.id` derives from `p`).
        out.root = v.root.clone();
        out
    }

    /// One element of a container value (containers are their elements joined).
    pub(super) fn elem(&self, v: &Value) -> Value {
        let mut e = v.clone();
        e.guard = None;
        e.callable = None;
        e.elems = None;
        // The `Ok` (or `Some`) contents of a `Result`.
        if !matches!(v.ty.lib_name(), Some(n) if n != "Result" && n != "Option") {
            e.err = None;
        }
        // A reference to one element of the place (`iter_mut()`, `get_mut(i)`, `Some(r)`).
        if let Some(a) = &v.alias {
            if !a.weak {
                e.alias = Some(Arc::new(a.weakened()));
            }
        }
        if v.ty.is_container() {
            e.ty = v.ty.elem();
        }
        e
    }

    /// Elements kept one by one (a literal `[a, b]`, `vec![a, b]`), if few enough.
    pub(super) fn known_elems(vals: Vec<Value>) -> Option<Arc<Vec<Value>>> {
        (vals.len() <= MAX_KNOWN_ELEMS).then(|| Arc::new(vals))
    }

    /// The constant index an index expression is (`a[1]`), if it is one.
    pub(super) fn const_index(index: &Expr) -> Option<usize> {
        match index {
            Expr::Lit { int: Some(i), .. } => usize::try_from(*i).ok(),
            _ => None,
        }
    }

    /// `v[index]`: the element at a constant index when `v`'s elements are known one by one,
    /// else any element.
    pub(super) fn indexed(&self, v: &Value, index: &Expr) -> Value {
        let any = self.elem(v);
        let known = Self::const_index(index)
            .and_then(|i| v.elems.as_ref().and_then(|es| es.get(i)).cloned());
        match known {
            Some(mut e) => {
                e.alias = any.alias;
                if !e.ty.is_known() {
                    e.ty = any.ty;
                }
                e
            }
            None => any,
        }
    }

    /// Every tag a value holds: its own, its fields', and those its type declares.
    pub(super) fn flatten(&mut self, v: &Value, serialize: bool, span: Span) -> TagSet {
        let mut out = v.tags.clone();
        if let Some(e) = &v.err {
            let inner = self.flatten(e, serialize, span);
            out.union(&inner);
        }
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
        let unset = v.unset.as_deref().map_or(&[][..], |u| &u[..]);
        self.sh
            .ty_sources_except(&v.ty, serialize, unset, &mut srcs, 0);
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
                if !skip(self.sh, &v.ty, wf) && !v.fields.contains_key(wf) {
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
    pub(super) fn bounded(&mut self, v: &mut Value, span: Span) {
        while v.nodes_exceed(MAX_VALUE_NODES) {
            let depth = v.field_depth();
            if depth == 0 {
                break;
            }
            self.fold_at(v, depth - 1, span);
        }
    }

    /// Folds the fields of the nodes `depth` levels below `v` into those nodes' tags.
    pub(super) fn fold_at(&mut self, v: &mut Value, depth: usize, span: Span) {
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
}

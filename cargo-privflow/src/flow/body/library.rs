use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    /// A method of a library type (or of a value of unknown type).
    pub(super) fn lib_method(
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
        // A literal URL among the arguments (`client.post("https://..")`), else the one the
        // receiver was made with.
        let arg_url = arg_exprs
            .iter()
            .skip(1)
            .flatten()
            .find_map(|e| cat::literal_url(e));
        let via = arg_url
            .clone()
            .or_else(|| cat::url_of(&r.ty).map(str::to_string));
        // Configured and catalogued sinks.
        if let Some(ty_name) = &lib {
            let full = format!("{ty_name}::{method}");
            // A sanitizer of no argument transforms its receiver (`secret.redacted()`).
            let inputs = if args.is_empty() { actuals } else { args };
            if let Some(v) = self.configured_item(&full, inputs, args, span) {
                return v;
            }
            if let Some(sink) = self.configured_method_sink(ty_name, &full, method) {
                let spec = self.configured_spec(&sink);
                let data = Self::sink_data(&spec, true, actuals);
                self.sink_hit(sink, &data, span);
                return Value::of_ty(r.ty.clone());
            }
            let cat = self.sh.catalogue;
            // A request being built (`client.put_object().body(b)`) is sent.
            if let Some(entry) = cat::builder_of(ty_name) {
                let sent = cat.entries.get(entry as usize).is_some_and(|e| {
                    e.entry
                        .sent_by
                        .as_ref()
                        .is_some_and(|s| s.iter().any(|m| **m == **method))
                });
                if sent {
                    let spec = cat.entries[entry as usize].spec.clone();
                    let data = Self::sink_data(&spec, true, actuals);
                    let config = self.config_index();
                    let via = via.map(Name::from);
                    self.sink_hit(SinkRef::Lib { entry, config, via }, &data, span);
                    return Value::default();
                }
            }
            let sql_text = texts::sql_texts(arg_exprs.get(1).copied().flatten(), actuals.get(1));
            // SQL that erases rows: given as text to a catalogued SQL call
            // (`conn.execute("DELETE FROM ..", ..)`), or the text a query was made from
            // (`sqlx::query("DELETE FROM ..").bind(id).execute(pool)`).
            let mut erasures = texts::sql_erasures(&sql_text);
            erasures.extend(cat::erasures_of(&r.ty));
            let sql_writes = texts::sql_any_writes(&sql_text);
            if !erasures.is_empty() {
                if let Some(entry) = cat.method_sink(ty_name, method, true) {
                    let spec = cat.entries[entry as usize].spec.clone();
                    let data = Self::sink_data(&spec, true, actuals);
                    let config = self.config_index();
                    let sink = SinkRef::Lib {
                        entry,
                        config,
                        via: None,
                    };
                    let tables: Vec<&str> = erasures.iter().map(|e| e.table()).collect();
                    self.record_deletion(&sink, &data, &tables, span);
                    // A `DELETE` stores nothing; an `UPDATE .. SET col = NULL` writes the
                    // values it also sets, as any write does (below).
                    if !sql_writes
                        && erasures
                            .iter()
                            .all(|e| matches!(e, cat::SqlErasure::Delete(_)))
                    {
                        return Value::default();
                    }
                }
            }
            if let Some(entry) = cat.method_sink(ty_name, method, sql_writes) {
                let e = &cat.entries[entry as usize];
                if e.entry.sent_by.is_some() {
                    // The call starts a request: its arguments and the builder's later settings
                    // leave where it is sent.
                    let mut v = r.clone();
                    v.guard = None;
                    v.callable = None;
                    for a in args {
                        let t = self.flatten(a, false, span);
                        v.tags.union(&t);
                    }
                    let mut ty = Ty::Lib(Name::from(cat::builder_ty_name(entry)), Vec::new());
                    if let Some(u) = &via {
                        ty = cat::with_url(ty, u);
                    }
                    v.ty = ty;
                    return v;
                }
                let spec = e.spec.clone();
                let result_is_output = e.entry.result_is_output;
                let data = Self::sink_data(&spec, true, actuals);
                let config = self.config_index();
                let via_name = via.clone().map(Name::from);
                let site = self.sink_hit(
                    SinkRef::Lib {
                        entry,
                        config,
                        via: via_name,
                    },
                    &data,
                    span,
                );
                // Which table the SQL writes into: what a deletion from that table deletes.
                if let (Some(site), false) = (site, self.sh.p.erased.is_empty()) {
                    let mut tables = texts::sql_written_tables(&sql_text);
                    tables.extend(cat::written_tables_of(&r.ty));
                    for t in tables {
                        self.out.site_tables.push((site, Name::from(t)));
                    }
                }
                if result_is_output || cat::result_is_database_output(ty_name, method) {
                    return Value::of_ty(fetched_rows(&r.ty, method));
                }
                let mut v = r.clone();
                for a in args {
                    v.join(a);
                }
                if let Some(u) = &arg_url {
                    v.ty = cat::with_url(v.ty, u);
                }
                return v;
            }
        }
        let m = &**method;
        // The error side of a `Result`.
        if matches!(m, "unwrap_err" | "expect_err" | "err") {
            let mut e = r.err_part();
            if m == "err" {
                e.ty = Ty::wrap("Option", e.ty.clone());
            }
            return e;
        }
        if m == "map_err" {
            let mut out = r.clone();
            out.guard = None;
            let err_in = r.err_part();
            let mut mapped = Value::default();
            for a in args {
                if let Some(Callable::Closure(i)) = a.callable {
                    let res = self.call_closure(i, vec![err_in.clone()]);
                    mapped.join(&res);
                } else if let Some(Callable::Fn(f)) = a.callable {
                    let res = self.call_fn(f, vec![err_in.clone()], vec![None], span, None);
                    mapped.join(&res);
                }
            }
            out.err = Some(Arc::new(mapped.ok_part()));
            return out;
        }
        if m == "ok" && r.err.is_some() {
            let mut v = r.clone().ok_part();
            v.callable = None;
            return v;
        }
        // `check(x).is_ok_and(|b| b)`: true only on success. For a plain check any predicate
        // will do (true implies `Ok`); for one that answers in a `bool` inside, only the one
        // that returns that `bool` (`|b| b`, `|b| *b`).
        if let (Some(g), "is_ok_and" | "is_some_and") = (&r.guard, m) {
            let identity =
                matches!(arg_exprs.get(1), Some(Some(Expr::Closure(c))) if returns_its_param(c));
            for a in args {
                if let Some(Callable::Closure(i)) = a.callable {
                    let el = self.elem(&r);
                    self.call_closure(i, vec![el]);
                }
            }
            let success = !r.ty.answers_in_bool() || identity;
            return Value {
                guard: success.then(|| Guard {
                    if_true: g.if_true.clone(),
                    if_false: Purposes::new(),
                }),
                ..Value::default()
            };
        }
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
        // Std mutators (`v.push(x)`), and the catalogue's library builders filled through
        // `&mut self` (`fills`: fcm's `builder.body(x)`, posthog's `event.insert_prop(k, v)`).
        let fills = lib
            .as_deref()
            .is_some_and(|t| self.sh.catalogue.fills(t, m));
        if cat::mutates_receiver(m) || fills {
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
                self.add_to_place(recv_e, Some(&r), &joined);
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
        // A std method that takes no argument, called with some, is a library builder's
        // (`diesel::insert_into(t).values(&row)`): its arguments flow, by the default below.
        let builder_call = cat::takes_no_args(m) && !args.is_empty();
        // `.expect(msg)`: the message is printed when it panics, like `panic!`'s (only a message
        // that holds data makes a sink call: `expect("literal")` is none).
        if m == "expect" && args.len() == 1 {
            let msg = self.flatten(&args[0], false, span);
            if let (false, Some(entry)) = (msg.is_empty(), self.sh.catalogue.panic) {
                let config = self.config_index();
                let name = Name::from(".expect()");
                self.sink_hit(
                    SinkRef::LogMacro {
                        entry,
                        name,
                        config,
                    },
                    &args[..1],
                    span,
                );
            }
        }
        if cat::elem_method(m) && !builder_call {
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
                if r.ty.answers_in_bool() {
                    // `check().unwrap_or(false)` of a `Result<bool, _>` check: the bool answers.
                    if matches!(m, "unwrap" | "expect" | "unwrap_or" | "unwrap_or_default") {
                        v.guard = Some(g.clone());
                    }
                } else if matches!(m, "unwrap" | "expect") {
                    // `consent(..).unwrap()`/`.expect()`: past it, the check succeeded.
                    self.st.consent.extend(g.if_true.iter().cloned());
                }
            }
            return v;
        }
        if !builder_call
            && matches!(
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
            )
        {
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
            // `check(..).is_ok()`: true exactly when the check succeeded (not for a check that
            // answers in a `bool` inside: `Ok(false)` is ok too).
            let guard = match (&r.guard, r.ty.answers_in_bool()) {
                (Some(g), false) if matches!(m, "is_ok" | "is_some") => Some(g.clone()),
                (Some(g), false) => Some(g.negate()),
                _ => None,
            };
            return Value {
                guard,
                ..Value::default()
            };
        }
        // Default: the receiver and the arguments flow into the result. A library method's
        // error says what failed, not the data it was given (`builder.body(b).build()` failing
        // is no log of `b`); an error the receiver already holds stays.
        let mut v = r.clone();
        v.guard = None;
        v.callable = None;
        v.err = Some(r.err.clone().unwrap_or_default());
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
        // A client configured with a literal base URL (`.base_url("https://..")`) keeps it.
        if let Some(u) = &arg_url {
            v.ty = cat::with_url(v.ty, u);
        }
        v
    }

    /// A library call the calling crate's config declares a source, a sanitizer or a consent
    /// check or a named check (SPEC §5; matched as config sinks are, by [`path_matches`]): its
    /// result, as the annotated workspace fn's would be. `inputs`: what a sanitizer transforms;
    /// `params`: the arguments (`self` not counted) that `binds` indexes.
    fn configured_item(
        &mut self,
        full: &str,
        inputs: &[Value],
        params: &[Value],
        span: Span,
    ) -> Option<Value> {
        let sh = self.sh;
        let config = self.config_index();
        let c = sh.configs.get(config)?;
        if let Some(i) = c.sources.iter().position(|s| path_matches(&s.path, full)) {
            let src = *sh.sources.lib_fn.get(&(config, i))?;
            let note = format!(
                "returned by `{}()` (a source in the config)",
                c.sources[i].path
            );
            let tr = trace_push(&None, Self::step(span, note));
            let tag = Tag {
                origin: Origin::Source(src),
                san: 0,
            };
            return Some(Value {
                tags: TagSet::single(tag, tr),
                ..Value::default()
            });
        }
        if let Some(s) = c.sanitizers.iter().find(|s| path_matches(&s.path, full)) {
            let san = crate::hir::Sanitizer::parse(&s.kind)?;
            let mut tags = TagSet::default();
            for v in inputs.iter().filter(|v| v.callable.is_none()) {
                let t = self.flatten(v, false, span);
                tags.union(&t);
            }
            let note = format!(
                "{} by `{}` (a sanitizer in the config)",
                past_tense(san),
                s.path
            );
            let mut v = Value {
                tags: tags.sanitized(san.bit()).with_step(span, &note),
                ..Value::default()
            };
            v.set_ty_san(san.bit());
            return Some(v);
        }
        // A check or consent: success establishes its key, bound to the value it is about.
        let (key, binds) = if let Some(k) = c.checks.iter().find(|k| path_matches(&k.path, full)) {
            (held::check_key(&k.name), k.binds)
        } else {
            let k = c.consents.iter().find(|k| path_matches(&k.path, full))?;
            (k.purpose.clone(), k.binds)
        };
        let root = binds.and_then(|i| params.get(i as usize)?.root.clone());
        let mut g = Guard::default();
        g.if_true
            .extend(held::established(&key, binds.is_some(), root.as_ref()));
        Some(Value {
            guard: Some(g),
            ..Value::default()
        })
    }

    pub(super) fn config_index(&self) -> usize {
        let krate = self.sh.p.crate_of(self.module);
        self.sh
            .p
            .crates
            .get(krate.idx())
            .map(|c| c.config)
            .unwrap_or(0)
    }

    /// A library function or method declared as a sink in the calling crate's config.
    pub(super) fn configured_sink(&self, full_path: &str) -> Option<SinkRef> {
        let config = self.config_index();
        let sinks = &self.sh.configs.get(config)?.sinks;
        let idx = sinks
            .iter()
            .position(|s| s.methods.is_none() && path_matches(&s.path, full_path))?;
        Some(SinkRef::Configured { config, index: idx })
    }

    /// A method of a library type declared as a sink in the calling crate's config: by its full
    /// path, or an entry with `methods` naming the type, its module or its crate.
    fn configured_method_sink(&self, ty_name: &str, full: &str, method: &str) -> Option<SinkRef> {
        if let Some(s) = self.configured_sink(full) {
            return Some(s);
        }
        let config = self.config_index();
        let sinks = &self.sh.configs.get(config)?.sinks;
        let idx = sinks.iter().position(|s| {
            s.methods
                .as_ref()
                .is_some_and(|ms| ms.iter().any(|m| m == method))
                && (ty_name == s.path || ty_name.starts_with(&format!("{}::", s.path)))
        })?;
        Some(SinkRef::Configured { config, index: idx })
    }

    pub(super) fn configured_spec(&self, s: &SinkRef) -> crate::hir::SinkSpec {
        match s {
            SinkRef::Configured { config, index } => {
                crate::flow::solver::configured_spec(&self.sh.configs[*config].sinks[*index])
            }
            _ => crate::hir::SinkSpec::new("network"),
        }
    }

    /// A call of a library function by path.
    pub(super) fn lib_call(
        &mut self,
        path: &[Name],
        vals: Vec<Value>,
        arg_exprs: &[Option<&'p Expr>],
        span: Span,
    ) -> Value {
        let arg_url = arg_exprs.iter().flatten().find_map(|e| cat::literal_url(e));
        let segs: Vec<&str> = path.iter().map(|s| &**s).collect();
        let full = segs.join("::");
        if cat::diverges(&segs) {
            self.join_all(&vals, span);
            self.st.dead = true;
            return Value::default();
        }
        // A method called by its path (`Client::has_opt_in(&client, id)`): the receiver is the
        // first argument, and `binds` does not count it.
        let receiver_first = segs.len() >= 2
            && vals
                .first()
                .and_then(|v| v.ty.lib_name())
                .is_some_and(|t| t.rsplit("::").next() == Some(segs[segs.len() - 2]));
        let params = if receiver_first {
            &vals[1..]
        } else {
            &vals[..]
        };
        if let Some(v) = self.configured_item(&full, &vals, params, span) {
            return v;
        }
        if let Some(sink) = self.configured_sink(&full) {
            let spec = self.configured_spec(&sink);
            let data = Self::sink_data(&spec, false, &vals);
            self.sink_hit(sink, &data, span);
            return Value::default();
        }
        if let Some(entry) = self.sh.catalogue.fn_sink(&segs) {
            let spec = self.sh.catalogue.entries[entry as usize].spec.clone();
            let data = Self::sink_data(&spec, false, &vals);
            let config = self.config_index();
            let via = arg_url.clone().map(Name::from);
            self.sink_hit(SinkRef::Lib { entry, config, via }, &data, span);
            let mut v = Value::default();
            if spec.kind == "network" {
                // `ureq::post(url)`: the request being built, made with its URL.
                v.ty = crate::hir::ty::lib_ty(path, Vec::new());
                if let Some(u) = &arg_url {
                    v.ty = cat::with_url(v.ty, u);
                }
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
            match last {
                // `Ok(x)`: no error contents; `Err(e)`: only error contents.
                "Ok" => v.err = Some(Arc::default()),
                "Err" => {
                    let e = std::mem::take(&mut v).ok_part();
                    v.ty = e.ty.clone();
                    v.err = Some(Arc::new(e));
                }
                _ => {}
            }
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
        // A library function's error says what failed, not the data it was given.
        v.err = Some(Arc::default());
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
        // `Client::new("https://api.example.com")`: a client made with a literal base URL.
        if let Some(u) = &arg_url {
            v.ty = cat::with_url(v.ty, u);
        }
        v
    }
}

/// Is this closure `|b| b` (or `|b| *b`): it returns its one parameter?
fn returns_its_param(c: &Closure) -> bool {
    let [(Pat::Bind { name, .. }, _)] = c.params.as_slice() else {
        return false;
    };
    let mut body = &c.body;
    loop {
        match body {
            Expr::Unary {
                op: UnOp::Deref,
                expr,
                ..
            } => body = expr,
            Expr::Block(b) => match b.stmts.as_slice() {
                [Stmt::Expr { expr, semi: false }] => body = expr,
                _ => return false,
            },
            Expr::Path(p) => return p.single() == Some(name),
            _ => return false,
        }
    }
}

use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    pub(super) fn macro_call(
        &mut self,
        path: &Path,
        kind: MacroKind,
        args: &'p [Expr],
        span: Span,
    ) -> Value {
        let resolved: Vec<Name> = match resolve_path(self.sh.p, self.module, path) {
            Some(Def::External(p)) => p,
            _ => path.segments.iter().map(|s| s.name.clone()).collect(),
        };
        let segs: Vec<&str> = resolved.iter().map(|s| &**s).collect();
        let last = segs.last().copied().unwrap_or("");
        let vals = self.exprs(args);
        // A log macro imported under another name (`use log::warn as alert;`) was not known
        // for one when lowered: its arguments were read as plain expressions.
        let macro_sink = self.sh.catalogue.macro_sink(&segs);
        let kind = match kind {
            MacroKind::Exprs if macro_sink.is_some() => MacroKind::Format,
            k => k,
        };
        if cat::diverging_macro(last) {
            // A panic's (or `bail!`'s) message leaves first.
            if let (Some(entry), MacroKind::Format) = (macro_sink, kind) {
                let config = self.config_index();
                let name = Name::from(format!("{last}!"));
                self.sink_hit(
                    SinkRef::LogMacro {
                        entry,
                        name,
                        config,
                    },
                    &vals,
                    span,
                );
            }
            self.st.dead = true;
            return Value::default();
        }
        match kind {
            MacroKind::Format => {
                if let Some(entry) = macro_sink {
                    let config = self.config_index();
                    self.sink_hit(
                        SinkRef::LogMacro {
                            entry,
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
                let texts = match args.first() {
                    Some(Expr::Lit {
                        text: Some(fmt), ..
                    }) if last == "format" => texts::format_texts(fmt, &vals),
                    _ => None,
                };
                Value {
                    tags,
                    ty: Ty::Lib(Name::from("String"), Vec::new()),
                    texts,
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
                            entry: self.sh.catalogue.file_write,
                            config,
                            via: None,
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
                    self.add_to_place(de, None, &joined);
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
                    // `vec![a, b]`; `vec![x; n]` is read as `vec![x]`, which is as right: each
                    // of its elements is `x`.
                    v.elems = Self::known_elems(vals.clone());
                } else if matches!(last, "query" | "query_as" | "query_scalar") {
                    // `query_as!(Type, "SQL", ..)` has the text second.
                    let sql = args.iter().find(|a| matches!(a, Expr::Lit { .. }));
                    let erases: Vec<cat::SqlErasure> = sql_text_erases(sql).into_iter().collect();
                    let name = if sql_text_writes(sql) || !erases.is_empty() {
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
                    let sql_text = texts::sql_texts(sql, None);
                    v.ty = cat::with_written_tables(v.ty, &texts::sql_written_tables(&sql_text));
                    if !erases.is_empty() {
                        v.ty = cat::with_erasures(v.ty, &erases);
                    }
                } else {
                    v.ty = Ty::Unknown;
                }
                v
            }
            MacroKind::Opaque => Value::default(),
        }
    }
}

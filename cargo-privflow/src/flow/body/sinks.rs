use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Sinks
    // -----------------------------------------------------------------------------------------

    pub(super) fn sink_hit(&mut self, sink: SinkRef, data: &[Value], span: Span) -> Option<SiteId> {
        if self.st.dead {
            return None;
        }
        // Interning records the call even when no data reaches it (presence rules read the sites).
        let deletes = self.sink_deletes(&sink);
        if deletes {
            self.record_deletion(&sink, data, &[], span);
        }
        let site = self.sites.intern(SinkSite { span, sink }, self.f);
        // Consent bound to a value holds here for the data derived from that value.
        let roots: Vec<Name> = data.iter().filter_map(|v| v.root.clone()).collect();
        let consent = held::resolve_bound(&self.st.consent, &roots);
        for v in data {
            let tags = self.flatten(v, false, span);
            for (t, tr) in tags.iter() {
                self.record(site, *t, tr.clone(), consent.clone(), &roots);
            }
        }
        Some(site)
    }

    /// Does a call of this sink delete what it receives (`op = "delete"`)?
    fn sink_deletes(&self, sink: &SinkRef) -> bool {
        match sink {
            SinkRef::Fn(f) => self
                .sh
                .p
                .fn_(*f)
                .annots
                .sink
                .as_ref()
                .is_some_and(|s| s.delete),
            SinkRef::Lib { entry, .. } | SinkRef::LogMacro { entry, .. } => self
                .sh
                .catalogue
                .entries
                .get(*entry as usize)
                .is_some_and(|e| e.spec.delete),
            SinkRef::Configured { config, index } => self
                .sh
                .configs
                .get(*config)
                .and_then(|c| c.sinks.get(*index))
                .is_some_and(|s| s.delete),
        }
    }

    /// Records a deletion of what `data` identifies, and of the records of the erased types that
    /// the `tables` SQL names hold (only when some function declares `erases`: nothing
    /// else reads deletions).
    pub(super) fn record_deletion(
        &mut self,
        sink: &SinkRef,
        data: &[Value],
        tables: &[&str],
        span: Span,
    ) {
        let p = self.sh.p;
        if p.erased.is_empty() || self.st.dead {
            return;
        }
        let mut tys = std::collections::BTreeSet::new();
        let mut roots = Vec::new();
        // A record is named by the variable or parameter its data derives from (a value built
        // on the spot, `User::default()`, deletes no stored record of `User`).
        // `params![v.id]`, `[v.id]`: the elements' roots too.
        let elems = data
            .iter()
            .flat_map(|v| v.elems.iter().flat_map(|e| e.iter()));
        for v in data.iter().chain(elems) {
            if let Some(r) = &v.root {
                if let Some((_, s)) = self.out.root_tys.iter().find(|(n, _)| n == r) {
                    tys.insert(*s);
                }
                roots.push(r.clone());
            }
        }
        if let SinkRef::Fn(f) = sink {
            if let Some(t) = p
                .fn_(*f)
                .annots
                .sink
                .as_ref()
                .and_then(|s| s.stores.clone())
            {
                tys.extend(p.structs_named(&t));
            }
        }
        for t in tables {
            tys.extend(p.erased_held_in(t));
        }
        self.out.deletions.push(crate::flow::Deletion {
            in_fn: self.f,
            span,
            tys,
            roots,
            tables: tables.iter().map(|t| Name::from(*t)).collect(),
        });
    }

    /// Remembers the workspace type of a value that starts a root (for erasure: which records a
    /// deletion by key deletes).
    pub(super) fn note_root_ty(&mut self, v: &Value) {
        if self.sh.p.erased.is_empty() || self.binding_literal {
            return;
        }
        if let (Some(r), Some(s)) = (&v.root, v.ty.adt()) {
            if !self.out.root_tys.iter().any(|(n, _)| n == r) {
                self.out.root_tys.push((r.clone(), s));
            }
        }
    }

    pub(super) fn record(
        &mut self,
        site: SiteId,
        tag: Tag,
        trace: Trace,
        consent: Purposes,
        roots: &[Name],
    ) {
        if tag.is_concrete() {
            self.out.flows.push(Flow {
                site,
                tag,
                trace,
                consent,
                in_fn: self.f,
                roots: roots.to_vec(),
            });
        } else {
            self.out
                .summary
                .add_hit((site, tag), HitInfo { trace, consent });
        }
    }

    /// The data a sink receives: the arguments its spec selects.
    pub(super) fn sink_data(
        spec: &crate::hir::SinkSpec,
        has_self: bool,
        actuals: &[Value],
    ) -> Vec<Value> {
        let offset = usize::from(has_self);
        let mut out = Vec::new();
        if spec.self_is_data && has_self {
            if let Some(v) = actuals.first() {
                out.push(v.clone());
            }
        }
        match &spec.args {
            Some(idx) => {
                for i in idx {
                    if let Some(v) = actuals.get(*i as usize + offset) {
                        out.push(v.clone());
                    }
                }
            }
            None => out.extend(actuals.iter().skip(offset).cloned()),
        }
        out
    }
}

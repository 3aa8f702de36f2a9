use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Sinks
    // -----------------------------------------------------------------------------------------

    pub(super) fn sink_hit(&mut self, sink: SinkRef, data: &[Value], span: Span) {
        if self.st.dead {
            return;
        }
        // Interning records the call even when no data reaches it (presence rules read the sites).
        let site = self.sites.intern(SinkSite { span, sink }, self.f);
        for v in data {
            let tags = self.flatten(v, false, span);
            for (t, tr) in tags.iter() {
                self.record(site, *t, tr.clone(), self.st.consent.clone());
            }
        }
    }

    pub(super) fn record(&mut self, site: SiteId, tag: Tag, trace: Trace, consent: Purposes) {
        if tag.is_concrete() {
            self.out.flows.push(Flow {
                site,
                tag,
                trace,
                consent,
                in_fn: self.f,
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

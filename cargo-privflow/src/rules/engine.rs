//! Evaluates the packs' rules on the flow facts: one finding per (rule, primary location), with
//! every source reaching it, the path of the first, and suppressions applied.

use super::pack::{Check, DataClassSel, DataSel, Except, Pack, RecipientSel, RuleDef, SinkSel};
use super::regions::Regions;
use super::remedy;
use crate::facts::Facts;
use crate::flow::tags::{trace_steps, Origin, SourceId};
use crate::flow::value::{consented, Purposes};
use crate::flow::{Flow, SinkDesc, SiteId, SourceInfo, SourceKind};
use crate::hir::{AllowAnn, DataClass, FnId, ModId, Owner, Sanitizer, StructId};
use crate::model::*;
use crate::syntax::ir::Span;
use crate::syntax::SourceDb;
use std::collections::{BTreeMap, BTreeSet};

fn category_under(cat: &str, sel: &str) -> bool {
    cat == sel || (cat.starts_with(sel) && cat[sel.len()..].starts_with('.'))
}

fn data_matches(sel: &DataSel, info: &SourceInfo) -> bool {
    let t = &info.tag;
    let class_ok = match sel.class {
        DataClassSel::Personal => true,
        DataClassSel::Phi => t.class == DataClass::Phi,
        DataClassSel::PiiOnly => t.class == DataClass::Pii,
    };
    let cat_ok = sel.categories.is_empty()
        || sel
            .categories
            .iter()
            .any(|c| category_under(&t.category, c));
    let subj_ok = match (&sel.subject, &t.subject) {
        (Some(want), Some(have)) => want == have,
        _ => true,
    };
    let purp_ok = !sel.declares_purposes || !t.purposes.is_empty();
    class_ok && cat_ok && subj_ok && purp_ok
}

pub(super) struct SinkCtx<'a> {
    pub(super) desc: &'a SinkDesc,
    country: Option<String>,
}

fn sink_matches(
    sel: &SinkSel,
    s: &SinkCtx<'_>,
    pack: &Pack,
    regions: &Regions,
    info: Option<&SourceInfo>,
) -> bool {
    let spec = &s.desc.spec;
    if !sel.kinds.is_empty() && !sel.kinds.contains(&spec.kind) {
        return false;
    }
    if sel.not_kinds.contains(&spec.kind) {
        return false;
    }
    if !sel.region_outside.is_empty() {
        let inside = match &s.country {
            Some(c) => sel.region_outside.iter().any(|r| regions.contains(r, c)),
            None => false,
        };
        if inside {
            return false;
        }
    }
    if !sel.region_inside.is_empty() {
        let inside = match &s.country {
            Some(c) => sel.region_inside.iter().any(|r| regions.contains(r, c)),
            None => false,
        };
        if !inside {
            return false;
        }
    }
    match &sel.recipient {
        Some(RecipientSel::Mode(m)) => {
            let ok = match m.as_str() {
                "any" => spec.recipient.is_some(),
                "none" => spec.recipient.is_none(),
                "undisclosed" => spec
                    .recipient
                    .as_deref()
                    .map(|r| pack.recipient(r).is_none())
                    .unwrap_or(false),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
        Some(RecipientSel::Names(ns)) => {
            let ok = spec
                .recipient
                .as_deref()
                .map(|r| ns.iter().any(|n| pack.same_recipient(n, r)))
                .unwrap_or(false);
            if !ok {
                return false;
            }
        }
        None => {}
    }
    if !sel.purpose_under.is_empty() {
        match &spec.purpose {
            Some(p) if sel.purpose_under.iter().any(|u| category_under(p, u)) => {}
            _ => return false,
        }
    }
    if !sel.purpose_outside.is_empty() {
        match &spec.purpose {
            Some(p) if !sel.purpose_outside.iter().any(|u| category_under(p, u)) => {}
            _ => return false,
        }
    }
    if sel.purpose_outside_data_purposes {
        let Some(p) = &spec.purpose else { return false };
        let Some(info) = info else { return false };
        if info.tag.purposes.iter().any(|dp| category_under(p, dp)) {
            return false;
        }
    }
    if let Some(e) = sel.encrypted {
        if spec.encrypted != e {
            return false;
        }
    }
    if let Some(pe) = sel.persistent {
        if spec.persistent != pe {
            return false;
        }
    }
    if let Some(limit) = sel.retention_days_above {
        if matches!(spec.retention_days, Some(d) if d <= limit) {
            return false;
        }
    }
    true
}

fn sinks_match(
    rule: &RuleDef,
    s: &SinkCtx<'_>,
    pack: &Pack,
    regions: &Regions,
    info: Option<&SourceInfo>,
) -> bool {
    let sels = rule.sink.as_slice();
    sels.is_empty()
        || sels
            .iter()
            .any(|sel| sink_matches(sel, s, pack, regions, info))
}

fn datas_match(rule: &RuleDef, info: &SourceInfo) -> bool {
    let sels = rule.data.as_slice();
    sels.is_empty() || sels.iter().any(|d| data_matches(d, info))
}

fn san_bits(names: &[String]) -> u8 {
    names
        .iter()
        .filter_map(|n| Sanitizer::parse(n))
        .fold(0, |a, s| a | s.bit())
}

/// Is this flow lifted for the rule (sanitizer, encryption, consent)?
fn lifted(rule: &RuleDef, flow: &Flow, s: &SinkCtx<'_>, consent: &Purposes) -> bool {
    if flow.tag.san & san_bits(&rule.lifted_by.sanitizers) != 0 {
        return true;
    }
    if rule.lifted_by.encryption
        && (s.desc.spec.encrypted || flow.tag.san & Sanitizer::Encrypt.bit() != 0)
    {
        return true;
    }
    if rule.lifted_by.consent {
        if let Some(p) = &s.desc.spec.purpose {
            if consented(consent, p) {
                return true;
            }
        }
    }
    false
}

fn except_holds(e: &Except, pack: &Pack, s: &SinkCtx<'_>, flows: &[(&Flow, &SourceInfo)]) -> bool {
    if !e.recipients.is_empty() {
        let ok = s
            .desc
            .spec
            .recipient
            .as_deref()
            .map(|r| e.recipients.iter().any(|n| pack.same_recipient(n, r)))
            .unwrap_or(false);
        if !ok {
            return false;
        }
    }
    if e.encrypted == Some(true) {
        let all_encrypted = s.desc.spec.encrypted
            || flows
                .iter()
                .all(|(f, _)| f.tag.san & Sanitizer::Encrypt.bit() != 0);
        if !all_encrypted {
            return false;
        }
    }
    if !e.only_categories.is_empty()
        && !flows.iter().all(|(_, info)| {
            e.only_categories
                .iter()
                .any(|c| category_under(&info.tag.category, c))
        })
    {
        return false;
    }
    true
}

/// A stable id: FNV-1a over rule, file, sink and source (not line numbers).
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0u8)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

pub(super) struct Ctx<'a> {
    pub(super) inp: &'a Facts<'a>,
    /// Suppressions: (allow, where it was written), used flags.
    allows: Vec<(AllowAnn, AllowScope)>,
    used: BTreeSet<usize>,
}

#[derive(Debug, Clone)]
enum AllowScope {
    Fn(FnId),
    Impl(crate::hir::ImplId),
    Module(ModId),
    Struct(StructId),
    /// A `// privflow-allow:` comment: file and line.
    Line(crate::syntax::FileId, u32),
}

impl<'a> Ctx<'a> {
    pub(super) fn sink_ctx(&self, site: SiteId) -> SinkCtx<'a> {
        let desc = &self.inp.facts.sinks[site.0 as usize];
        let country = desc
            .spec
            .region
            .as_deref()
            .and_then(|r| self.inp.regions.country(r));
        SinkCtx { desc, country }
    }

    /// Is a finding of `rule` at `span` (written in `in_fn`, or about `strukt`) suppressed?
    pub(super) fn suppressed(
        &mut self,
        rule: &str,
        span: Span,
        in_fn: Option<FnId>,
        strukt: Option<StructId>,
    ) -> bool {
        let p = self.inp.p;
        let mut hit = None;
        for (i, (a, scope)) in self.allows.iter().enumerate() {
            if a.rule != rule {
                continue;
            }
            let applies = match scope {
                AllowScope::Line(f, l) => {
                    *f == span.file && (*l == span.line || *l + 1 == span.line)
                }
                AllowScope::Fn(f) => in_fn == Some(*f),
                AllowScope::Impl(i) => in_fn
                    .map(|f| p.fn_(f).owner == Owner::Impl(*i))
                    .unwrap_or(false),
                AllowScope::Module(m) => {
                    in_fn
                        .map(|f| p.module_within(p.fn_(f).module, *m))
                        .unwrap_or(false)
                        || strukt
                            .map(|s| p.module_within(p.struct_(s).module, *m))
                            .unwrap_or(false)
                }
                AllowScope::Struct(s) => strukt == Some(*s),
            };
            if applies {
                hit = Some(i);
                break;
            }
        }
        match hit {
            Some(i) => {
                self.used.insert(i);
                true
            }
            None => false,
        }
    }

    fn source_ref(&self, src: SourceId, san: u8) -> SourceRef {
        let info = self.inp.facts.sources.get(src);
        SourceRef {
            location: self.inp.db.location(info.tag.span),
            data: info.label.clone(),
            category: info.tag.category.clone(),
            class: info.tag.class.as_str().to_string(),
            sanitized: Sanitizer::ALL
                .iter()
                .filter(|s| san & s.bit() != 0)
                .map(|s| s.as_str().to_string())
                .collect(),
        }
    }

    pub(super) fn sink_ref(&self, site: SiteId) -> SinkRef {
        self.inp.sink_ref(site)
    }
}

fn describe_sink(s: &SinkRef) -> String {
    s.attributes(false).join(", ")
}

pub fn evaluate(inp: &Facts<'_>) -> (Vec<Finding>, Vec<Problem>) {
    let p = inp.p;
    let mut allows = Vec::new();
    let mut problems = Vec::new();
    for (i, f) in p.fns.iter().enumerate() {
        for a in &f.annots.allows {
            allows.push((a.clone(), AllowScope::Fn(FnId(i as u32))));
        }
    }
    for (i, imp) in p.impls.iter().enumerate() {
        for a in &imp.allows {
            allows.push((a.clone(), AllowScope::Impl(crate::hir::ImplId(i as u32))));
        }
    }
    for (i, m) in p.modules.iter().enumerate() {
        for a in &m.allows {
            allows.push((a.clone(), AllowScope::Module(ModId(i as u32))));
        }
    }
    for (i, s) in p.structs.iter().enumerate() {
        for a in &s.allows {
            allows.push((a.clone(), AllowScope::Struct(StructId(i as u32))));
        }
    }
    for f in &inp.db.files {
        for c in &f.allow_comments {
            if c.reason.is_empty() {
                problems.push(Problem {
                    kind: ProblemKind::Annotation,
                    severity: Severity::Warning,
                    file: Some(f.rel.clone()),
                    line: Some(c.line),
                    column: None,
                    message: format!(
                        "`privflow-allow: {}` needs a reason after `--`; it suppresses nothing without one",
                        c.rule
                    ),
                });
                continue;
            }
            let span = Span {
                file: f.id,
                line: c.line,
                col: 1,
                end_line: c.line,
                end_col: 1,
            };
            allows.push((
                AllowAnn {
                    rule: c.rule.clone(),
                    reason: c.reason.clone(),
                    span,
                },
                AllowScope::Line(f.id, c.line),
            ));
        }
    }
    let mut cx = Ctx {
        inp,
        allows,
        used: BTreeSet::new(),
    };
    let mut findings = Vec::new();
    let remedies = remedy::Remedies::new(inp);

    // Flows grouped by site, with the consent that holds for each.
    let mut by_site: BTreeMap<SiteId, Vec<(&Flow, Purposes)>> = BTreeMap::new();
    // Every interned site is a sink call in analysed code, whatever reaches it.
    let present: Vec<SiteId> = (0..inp.facts.sites.list.len())
        .map(|i| SiteId(i as u32))
        .collect();
    for f in &inp.facts.flows {
        let mut consent = f.consent.clone();
        consent.extend(inp.facts.consent_in[f.in_fn.idx()].iter().cloned());
        let consent = crate::flow::held::resolve_bound(&consent, &f.roots);
        by_site.entry(f.site).or_default().push((f, consent));
    }
    let site_fn = |site: SiteId| -> FnId { inp.facts.sites.list[site.0 as usize].1 };

    for pack in inp.packs {
        for rule in &pack.rules {
            let rule_id = format!("{}/{}", pack.pack.id, rule.id);
            match rule.check {
                Check::Guarded => {
                    super::checks::guarded_calls(&mut cx, rule, &rule_id, false, &mut findings)
                }
                Check::OtherValue => {
                    super::checks::guarded_calls(&mut cx, rule, &rule_id, true, &mut findings);
                    super::checks::consent_on_other_value(
                        &mut cx,
                        rule,
                        &rule_id,
                        &by_site,
                        &mut findings,
                    );
                }
                Check::ErasureReached => {
                    super::checks::erasure_reached(&mut cx, rule, &rule_id, &mut findings)
                }
                Check::Presence => {
                    for site in &present {
                        let s = cx.sink_ctx(*site);
                        if !sinks_match(rule, &s, pack, inp.regions, None) {
                            continue;
                        }
                        let span = inp.facts.sites.get(*site).span;
                        if cx.suppressed(&rule_id, span, Some(site_fn(*site)), None) {
                            continue;
                        }
                        let sink = cx.sink_ref(*site);
                        let message = format!(
                            "`{}` is called ({}): {}",
                            sink.name,
                            describe_sink(&sink),
                            rule.summary
                        );
                        findings.push(make_finding(
                            rule,
                            &rule_id,
                            message,
                            sink,
                            Vec::new(),
                            Vec::new(),
                        ));
                    }
                }
                Check::Flow | Check::Allowlist => {
                    for (site, flows) in &by_site {
                        let s = cx.sink_ctx(*site);
                        let mut hits: Vec<(&Flow, &SourceInfo)> = Vec::new();
                        let mut all_matching: Vec<(&Flow, &SourceInfo)> = Vec::new();
                        for (f, consent) in flows {
                            let Origin::Source(src) = f.tag.origin else {
                                continue;
                            };
                            let info = inp.facts.sources.get(src);
                            if !datas_match(rule, info)
                                || !sinks_match(rule, &s, pack, inp.regions, Some(info))
                            {
                                continue;
                            }
                            all_matching.push((f, info));
                            if lifted(rule, f, &s, consent) {
                                continue;
                            }
                            if rule.check == Check::Allowlist
                                && rule
                                    .allowed_categories
                                    .iter()
                                    .any(|c| category_under(&info.tag.category, c))
                            {
                                continue;
                            }
                            hits.push((f, info));
                        }
                        if hits.is_empty() {
                            continue;
                        }
                        if rule
                            .except
                            .iter()
                            .any(|e| except_holds(e, pack, &s, &all_matching))
                        {
                            continue;
                        }
                        let span = inp.facts.sites.get(*site).span;
                        if cx.suppressed(&rule_id, span, Some(site_fn(*site)), None) {
                            continue;
                        }
                        hits.sort_by_key(|(f, info)| {
                            (crate::flow::tags::trace_len(&f.trace), info.label.clone())
                        });
                        let sink = cx.sink_ref(*site);
                        // Each source once, with the way of its shortest flow.
                        let mut sources: Vec<SourceRef> = Vec::new();
                        let mut paths: Vec<Vec<PathStep>> = Vec::new();
                        for (f, _) in &hits {
                            let Origin::Source(src) = f.tag.origin else {
                                continue;
                            };
                            let r = cx.source_ref(src, f.tag.san);
                            if !sources.iter().any(|x| x.data == r.data) {
                                paths.push(path_of(inp.db, &r, f, &sink));
                                sources.push(r);
                            }
                        }
                        let first = hits[0].0;
                        let more_paths = paths.split_off(1.min(paths.len()));
                        let path = paths.pop().unwrap_or_default();
                        // Each item labelled by its own class (an e-mail address is not PHI).
                        let data = crate::model::label_data(&sources.iter().collect::<Vec<_>>());
                        let message = format!(
                            "{data} reaches `{}` ({}): {}",
                            sink.name,
                            describe_sink(&sink),
                            rule.summary
                        );
                        let mut finding =
                            make_finding(rule, &rule_id, message, sink, sources, path);
                        finding.more_paths = more_paths;
                        if let Some(purpose) = s
                            .desc
                            .spec
                            .purpose
                            .as_deref()
                            .filter(|_| rule.lifted_by.consent)
                        {
                            finding.consent_steps = remedies.consent_steps(first, purpose);
                        }
                        if let Some(hint) = remedies.hint(rule, s.desc) {
                            finding.help =
                                format!("{}. {hint}", finding.help.trim_end_matches('.'));
                        }
                        findings.push(finding);
                    }
                }
                Check::Erasure => {
                    let mut stored: BTreeMap<StructId, (SiteId, SourceId)> = BTreeMap::new();
                    for (site, flows) in &by_site {
                        let s = cx.sink_ctx(*site);
                        for (f, consent) in flows {
                            let Origin::Source(src) = f.tag.origin else {
                                continue;
                            };
                            let info = inp.facts.sources.get(src);
                            if !datas_match(rule, info)
                                || !sinks_match(rule, &s, pack, inp.regions, Some(info))
                                || lifted(rule, f, &s, consent)
                            {
                                continue;
                            }
                            let data_type = match info.kind {
                                SourceKind::Field { strukt, .. } | SourceKind::Type(strukt) => {
                                    strukt
                                }
                                _ => continue,
                            };
                            // Reported at the type the data is stored as (SPEC §5): the sink's
                            // `stores` type when it names one, else the type of the stored value.
                            let strukt = s
                                .desc
                                .spec
                                .stores
                                .as_deref()
                                .and_then(|t| p.structs_named(t).first().copied())
                                .unwrap_or_else(|| stored_value_type(inp, *site, data_type));
                            stored.entry(strukt).or_insert((*site, src));
                        }
                    }
                    for (strukt, (site, src)) in stored {
                        if p.erased.iter().any(|(s, _)| *s == strukt) {
                            continue;
                        }
                        let sd = p.struct_(strukt);
                        if cx.suppressed(&rule_id, sd.ir.span, None, Some(strukt)) {
                            continue;
                        }
                        let mut sink = cx.sink_ref(site);
                        let stored_at = sink.location.clone();
                        sink.location = inp.db.location(sd.ir.span);
                        let source = cx.source_ref(src, 0);
                        let path = vec![PathStep {
                            location: stored_at,
                            note: format!("`{}` data is stored here by `{}`", sd.name, sink.name),
                        }];
                        let message = format!(
                            "`{}` holds tagged data that is stored persistently, but no #[privflow::erases({})] function deletes it: {}",
                            sd.name, sd.name, rule.summary
                        );
                        findings.push(make_finding(
                            rule,
                            &rule_id,
                            message,
                            sink,
                            vec![source],
                            path,
                        ));
                    }
                }
            }
        }
    }
    for (i, (a, _)) in cx.allows.iter().enumerate() {
        if !cx.used.contains(&i) {
            problems.push(Problem {
                kind: ProblemKind::UnusedAllow,
                severity: Severity::Warning,
                file: Some(inp.db.rel(a.span.file).to_string()),
                line: Some(a.span.line),
                column: Some(a.span.col),
                message: format!(
                    "`allow` for `{}` suppresses nothing (remove it, or check the rule id)",
                    a.rule
                ),
            });
        }
    }
    findings.sort_by(|a, b| {
        (
            &a.sink.location.file,
            a.sink.location.line,
            a.sink.location.column,
            &a.rule,
        )
            .cmp(&(
                &b.sink.location.file,
                b.sink.location.line,
                b.sink.location.column,
                &b.rule,
            ))
    });
    findings.dedup_by(|a, b| a.rule == b.rule && a.sink.location == b.sink.location);
    (findings, problems)
}

/// The way from `src` to `sink` along `flow`'s trace: tagged, each step, the sink.
fn path_of(db: &SourceDb, src: &SourceRef, flow: &Flow, sink: &SinkRef) -> Vec<PathStep> {
    let mut path: Vec<PathStep> = vec![PathStep {
        location: src.location.clone(),
        note: format!(
            "`{}` is tagged {} ({})",
            src.data,
            src.class.to_uppercase(),
            src.category
        ),
    }];
    for st in trace_steps(&flow.trace) {
        path.push(PathStep {
            location: db.location(st.span),
            note: st.note.to_string(),
        });
    }
    path.push(PathStep {
        location: sink.location.clone(),
        note: format!("reaches sink `{}` ({})", sink.name, describe_sink(sink)),
    });
    path.dedup();
    path
}

pub(super) fn make_finding(
    rule: &RuleDef,
    rule_id: &str,
    message: String,
    sink: SinkRef,
    sources: Vec<SourceRef>,
    path: Vec<PathStep>,
) -> Finding {
    let src_label = sources.first().map(|s| s.data.clone()).unwrap_or_default();
    let fingerprint = fingerprint(&[rule_id, &sink.location.file, &sink.name, &src_label]);
    Finding {
        rule: rule_id.to_string(),
        severity: rule.severity,
        message,
        quote: rule.quote.clone(),
        section: rule.section.clone(),
        help: rule.help.clone(),
        sink,
        source: sources.first().cloned(),
        sources,
        path,
        more_paths: Vec::new(),
        consent_steps: Vec::new(),
        fingerprint,
    }
}

/// The type of the value a storage sink stores, for data of type `data_type` reaching it
/// (SPEC §5: "the type of the stored value"). The data's own type when the site stores it,
/// else the one tagged workspace type the site evidently stores: the type the table its SQL
/// writes into holds (`INSERT INTO drafts` stores a `Draft`), else the type the sink function
/// takes (`insert_message(pool, &Message)` stores a `NewMessage`'s body as a `Message`), or for a
/// library call, the type the function it is written in takes. Two candidates or none: the
/// data's own type.
fn stored_value_type(inp: &Facts<'_>, site: SiteId, data_type: StructId) -> StructId {
    let p = inp.p;
    let tagged = |st: StructId| {
        let sd = p.struct_(st);
        sd.type_tag.is_some() || sd.field_tags.iter().any(Option::is_some)
    };
    let decide = |candidates: &[StructId]| -> Option<StructId> {
        match candidates {
            _ if candidates.contains(&data_type) => Some(data_type),
            [one] => Some(*one),
            _ => None,
        }
    };
    let mut held: Vec<StructId> = Vec::new();
    for table in crate::flow::policy::site_tables(inp.facts, site) {
        for (i, sd) in p.structs.iter().enumerate() {
            let st = StructId(i as u32);
            if crate::syntax::ident::table_holds(table, &sd.name)
                && tagged(st)
                && !held.contains(&st)
            {
                held.push(st);
            }
        }
    }
    if let Some(st) = decide(&held) {
        return st;
    }
    let Some((site_at, in_fn)) = inp.facts.sites.list.get(site.0 as usize) else {
        return data_type;
    };
    let taker = match site_at.sink {
        crate::flow::SinkRef::Fn(f) => f,
        _ => *in_fn,
    };
    let fd = &p.fns[taker.idx()];
    let mut taken: Vec<StructId> = Vec::new();
    for prm in &fd.ir.params {
        if let Some(crate::hir::Def::Struct(st)) =
            crate::hir::scope::resolve_type_ref(p, fd.scope, &prm.ty)
        {
            if tagged(st) && !taken.contains(&st) {
                taken.push(st);
            }
        }
    }
    decide(&taken).unwrap_or(data_type)
}

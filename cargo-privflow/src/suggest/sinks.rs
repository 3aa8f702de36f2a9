//! Sink candidates: calls of library functions the catalogue does not know whose names look like
//! sending or storing (`post`, `send`, `put`, `upload`, ...), as `[[package.metadata.privflow.
//! sinks]]` entries to review. Printed only, never applied: whether a call is a sink, and of
//! which kind and region, is the user's to say.
//!
//! Two call shapes are read, the ones whose library type the item layer knows without the flow
//! layer: `self.field.method(..)` where the field's declared type is a library type, and
//! `library::function(..)` / `library::Type::function(..)` paths.

use super::{module_path, Place, Suggestion};
use crate::hir::scope::{resolve_path, resolve_type_ref};
use crate::hir::{Def, Owner, Program};
use crate::syntax::ir::Expr;
use crate::syntax::load::Loaded;
use std::collections::BTreeMap;

/// Method and function names that send or store what they are given: (name, kind, confidence).
const SINK_VERBS: &[(&str, &str, f64)] = &[
    ("post", "network", 0.6),
    ("put", "network", 0.5),
    ("patch", "network", 0.5),
    ("upload", "network", 0.6),
    ("put_object", "storage", 0.6),
    ("upload_file", "network", 0.6),
    ("publish", "network", 0.5),
    ("send", "network", 0.4),
    ("send_email", "email", 0.6),
    ("send_sms", "sms", 0.6),
    ("track", "network", 0.5),
    ("capture", "network", 0.4),
    ("insert", "storage", 0.4),
];

/// Candidate config sinks at or above `min`, one per library path (at its first call).
pub fn sink_candidates(program: &Program, loaded: &Loaded, min: f64) -> Vec<Suggestion> {
    let catalogue = crate::flow::catalogue::builtin();
    let mut found: BTreeMap<String, Suggestion> = BTreeMap::new();
    for f in &program.fns {
        if f.cfg_test || program.module(f.module).cfg_test {
            continue;
        }
        let Some(body) = &f.ir.body else { continue };
        let self_struct = match f.owner {
            Owner::Impl(i) => program.impls[i.idx()].self_struct,
            _ => None,
        };
        let mut stack: Vec<&Expr> = Vec::new();
        body.for_each_expr(&mut |e| stack.push(e));
        let mut seen = 0usize;
        while let Some(e) = stack.pop() {
            seen += 1;
            if seen > 200_000 {
                break;
            }
            e.for_each_child(&mut |c| stack.push(c));
            let (path, method, span) = match e {
                // A call without arguments sends nothing (`web::post()` builds a route).
                Expr::MethodCall { args, .. } | Expr::Call { args, .. } if args.is_empty() => {
                    continue
                }
                Expr::MethodCall {
                    recv, method, span, ..
                } => {
                    let Expr::Field { base, field, .. } = &**recv else {
                        continue;
                    };
                    let is_self = matches!(&**base, Expr::Path(p) if p.single().is_some_and(|n| &**n == "self"));
                    let Some(s) = self_struct.filter(|_| is_self) else {
                        continue;
                    };
                    let sd = program.struct_(s);
                    let Some(fd) = sd.ir.fields.iter().find(|x| x.name == *field) else {
                        continue;
                    };
                    let Some(Def::External(ty)) = resolve_type_ref(program, sd.module, &fd.ty)
                    else {
                        continue;
                    };
                    let ty: Vec<&str> = ty.iter().map(|n| &**n).collect();
                    if catalogue
                        .method_sink(&ty.join("::"), method, false)
                        .is_some()
                    {
                        continue;
                    }
                    (
                        format!("{}::{method}", ty.join("::")),
                        method.to_string(),
                        *span,
                    )
                }
                Expr::Call { func, span, .. } => {
                    let Expr::Path(p) = &**func else { continue };
                    if p.segments.len() < 2 {
                        continue;
                    }
                    let Some(Def::External(full)) = resolve_path(program, f.scope, p) else {
                        continue;
                    };
                    let full: Vec<&str> = full.iter().map(|n| &**n).collect();
                    if full
                        .first()
                        .is_some_and(|c| matches!(*c, "std" | "core" | "alloc"))
                    {
                        continue;
                    }
                    if catalogue.fn_sink(&full).is_some() {
                        continue;
                    }
                    let last = full.last().copied().unwrap_or("").to_string();
                    (full.join("::"), last, *span)
                }
                _ => continue,
            };
            let Some((_, kind, confidence)) = SINK_VERBS.iter().find(|(v, _, _)| *v == method)
            else {
                continue;
            };
            if *confidence < min || found.contains_key(&path) {
                continue;
            }
            let Some(file) = loaded.db.get(span.file) else {
                continue;
            };
            found.insert(
                path.clone(),
                Suggestion {
                    kind: super::Kind::Sinks,
                    file: file.rel.clone(),
                    path: file.path.clone(),
                    line: span.line,
                    column: span.col,
                    item: format!("{}::{}", module_path(program, f.module), f.name),
                    attribute: format!(
                        "[[package.metadata.privflow.sinks]]\npath = \"{path}\"\nkind = \"{kind}\""
                    ),
                    category: None,
                    class: None,
                    confidence: *confidence,
                    reason: format!(
                        "`{path}` is a library call the catalogue does not know, named like a \
                         {kind} sink (`{method}`); review its kind, region and recipient"
                    ),
                    place: Place::Config,
                },
            );
        }
    }
    found.into_values().collect()
}

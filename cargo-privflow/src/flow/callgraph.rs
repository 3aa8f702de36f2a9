//! The order summaries are computed in: bottom-up over the strongly connected components of a
//! syntactic call graph, so that a callee's summary is, as far as possible, ready before its
//! callers are analysed.
//!
//! The graph is read off the IR before any analysis: a call by path resolves in the caller's
//! scope; a method call may reach any workspace method of that name (when few share it). It
//! only decides the order, never a result: the solver's worklist re-analyses callers whenever a
//! summary changes, along the call edges the analysis itself finds.

use crate::hir::scope::resolve_path;
use crate::hir::{Def, FnId, Program};
use crate::syntax::ir::{Expr, Name};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;

/// Method names shared by more workspace methods than this are not followed by name (`new`,
/// `fmt`, `from`: edges to all of them would only merge unrelated components).
const MAX_BY_NAME: usize = 8;

/// Each function's rank: callees before callers, the members of one component together.
pub fn bottom_up_ranks(p: &Program) -> Vec<u32> {
    let n = p.fns.len();
    let mut methods: HashMap<&Name, Vec<FnId>> = HashMap::new();
    for (i, d) in p.fns.iter().enumerate() {
        if d.ir.self_param.is_some() {
            methods.entry(&d.name).or_default().push(FnId(i as u32));
        }
    }
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, n * 4);
    let nodes: Vec<NodeIndex> = (0..n).map(|_| g.add_node(())).collect();
    for (i, d) in p.fns.iter().enumerate() {
        let Some(body) = &d.ir.body else { continue };
        let mut stack: Vec<&Expr> = Vec::new();
        body.for_each_expr(&mut |e| stack.push(e));
        while let Some(e) = stack.pop() {
            match e {
                Expr::Call { func, .. } => {
                    if let Expr::Path(path) = &**func {
                        if let Some(Def::Fn(callee)) = resolve_path(p, d.scope, path) {
                            g.update_edge(nodes[i], nodes[callee.idx()], ());
                        }
                    }
                }
                Expr::MethodCall { method, .. } => {
                    if let Some(cands) = methods.get(method).filter(|c| c.len() <= MAX_BY_NAME) {
                        for c in cands {
                            g.update_edge(nodes[i], nodes[c.idx()], ());
                        }
                    }
                }
                _ => {}
            }
            e.for_each_child(&mut |c| stack.push(c));
        }
    }
    // Tarjan's algorithm yields components callees first (reverse topological order).
    let mut rank = vec![0u32; n];
    let mut next = 0u32;
    for scc in petgraph::algo::tarjan_scc(&g) {
        let mut members: Vec<usize> = scc.iter().map(|nd| nd.index()).collect();
        members.sort_unstable();
        for m in members {
            rank[m] = next;
            next += 1;
        }
    }
    rank
}

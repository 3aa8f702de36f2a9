//! The order summaries are computed in: bottom-up over the strongly connected components of a
//! syntactic call graph, so that a callee's summary is, as far as possible, ready before its
//! callers are analysed.
//!
//! The graph is read off the IR before any analysis ([`for_each_call`], also what
//! [`super::demand`] spreads over): a call by path resolves in the caller's scope; a method call
//! may reach any workspace function of that name (here, when few share it). The order never
//! decides a result: the solver's worklist re-analyses callers whenever a
//! summary changes, along the call edges the analysis itself finds.

use crate::hir::scope::resolve_path;
use crate::hir::{Def, FnId, Program};
use crate::syntax::ir::{BinOp, Expr};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;

/// Method names shared by more workspace methods than this are not followed by name (`new`,
/// `fmt`, `from`: edges to all of them would only merge unrelated components).
const MAX_BY_NAME: usize = 8;

/// Each function's rank (callees before callers, the members of one component together), and
/// whether it is recursive: in a component of several functions, or calling itself.
pub fn bottom_up_ranks(p: &Program) -> (Vec<u32>, Vec<bool>) {
    let n = p.fns.len();
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, n * 4);
    let nodes: Vec<NodeIndex> = (0..n).map(|_| g.add_node(())).collect();
    for (i, cs) in callees(p, MAX_BY_NAME).iter().enumerate() {
        for c in cs {
            g.update_edge(nodes[i], nodes[c.idx()], ());
        }
    }
    // Tarjan's algorithm yields components callees first (reverse topological order).
    let mut rank = vec![0u32; n];
    let mut recursive = vec![false; n];
    let mut next = 0u32;
    for scc in petgraph::algo::tarjan_scc(&g) {
        let mut members: Vec<usize> = scc.iter().map(|nd| nd.index()).collect();
        members.sort_unstable();
        let cycle = members.len() > 1 || g.contains_edge(scc[0], scc[0]);
        for m in members {
            rank[m] = next;
            recursive[m] = cycle;
            next += 1;
        }
    }
    (rank, recursive)
}

/// What a call in a body may reach.
pub enum Callee<'p> {
    /// The workspace fn a path resolves to (called, or passed as a value).
    Fn(FnId),
    /// Every function of this name: a method call, or a path that does not resolve to a
    /// workspace fn (`T::new`, `<X as Tr>::f`).
    Named(&'p str),
}

/// Calls `visit(caller, callee)` for every call read off every body.
pub fn for_each_call<'p>(p: &'p Program, mut visit: impl FnMut(FnId, Callee<'p>)) {
    // The workspace's operator impls (`impl Add for Dose`): (method, fn). Usually none, so an
    // arithmetic operator costs nothing and calls nothing.
    let operators: Vec<(&str, FnId)> = p
        .impls
        .iter()
        .filter(|imp| imp.trait_name.as_deref().is_some_and(is_operator_trait))
        .flat_map(|imp| imp.fns.iter().map(|f| (&*p.fn_(*f).name, *f)))
        .collect();
    for (i, d) in p.fns.iter().enumerate() {
        let Some(body) = &d.ir.body else { continue };
        let caller = FnId(i as u32);
        let mut stack: Vec<&Expr> = Vec::new();
        body.for_each_expr(&mut |e| stack.push(e));
        while let Some(e) = stack.pop() {
            match e {
                Expr::Path(path) => match resolve_path(p, d.scope, path) {
                    Some(Def::Fn(callee)) => visit(caller, Callee::Fn(callee)),
                    _ if path.segments.len() > 1 || path.qself.is_some() => {
                        if let Some(last) = path.segments.last() {
                            visit(caller, Callee::Named(&last.name));
                        }
                    }
                    _ => {}
                },
                Expr::MethodCall { method, .. } => visit(caller, Callee::Named(method)),
                // `a + b` may run a workspace `impl Add` (its `add`).
                Expr::Binary {
                    op: BinOp::Arith(method),
                    ..
                } => {
                    for (m, f) in &operators {
                        if m == method {
                            visit(caller, Callee::Fn(*f));
                        }
                    }
                }
                _ => {}
            }
            e.for_each_child(&mut |c| stack.push(c));
        }
    }
}

/// The `std::ops` traits a binary operator calls (`BinOp::Arith`).
pub fn is_operator_trait(name: &str) -> bool {
    matches!(
        name,
        "Add" | "Sub" | "Mul" | "Div" | "Rem" | "BitAnd" | "BitOr" | "BitXor" | "Shl" | "Shr"
    )
}

/// Each function's callees, sorted; a name shared by more than `by_name_limit` functions is
/// not followed.
fn callees(p: &Program, by_name_limit: usize) -> Vec<Vec<FnId>> {
    let mut by_name: HashMap<&str, Vec<FnId>> = HashMap::new();
    for (i, d) in p.fns.iter().enumerate() {
        by_name.entry(&*d.name).or_default().push(FnId(i as u32));
    }
    let mut out: Vec<Vec<FnId>> = vec![Vec::new(); p.fns.len()];
    for_each_call(p, |caller, callee| {
        let cs = &mut out[caller.idx()];
        match callee {
            Callee::Fn(f) => cs.push(f),
            Callee::Named(n) => {
                if let Some(c) = by_name.get(n).filter(|c| c.len() <= by_name_limit) {
                    cs.extend(c.iter().copied());
                }
            }
        }
    });
    for cs in &mut out {
        cs.sort_unstable();
        cs.dedup();
    }
    out
}

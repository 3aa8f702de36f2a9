//! The flow graph: sources, program points and sinks as nodes, flows as edges with their spans.
//!
//! Built from the concrete flows' traces, so it answers "which sinks does `Patient.diagnosis`
//! reach, and through which calls" and renders the data map and each finding's path.

use super::tags::{trace_steps, Origin, SourceId};
use super::{Flow, SiteId, Sites};
use crate::syntax::ir::Span;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    Source(SourceId),
    /// A program point on the way: where, and what happens there.
    Point {
        span: Span,
        note: String,
    },
    Sink(SiteId),
}

#[derive(Debug, Default)]
pub struct FlowGraph {
    pub graph: DiGraph<Node, Span>,
    index: HashMap<Node, NodeIndex>,
}

impl FlowGraph {
    fn node(&mut self, n: Node) -> NodeIndex {
        if let Some(i) = self.index.get(&n) {
            return *i;
        }
        let i = self.graph.add_node(n.clone());
        self.index.insert(n, i);
        i
    }

    pub fn build(sites: &Sites, flows: &[Flow]) -> FlowGraph {
        let mut g = FlowGraph::default();
        // `contains_edge` scans the node's edges: a source reaching many sinks made this
        // quadratic in the number of flows.
        let mut edges: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
        for f in flows {
            let Origin::Source(src) = f.tag.origin else {
                continue;
            };
            let mut prev = g.node(Node::Source(src));
            for step in trace_steps(&f.trace) {
                let n = g.node(Node::Point {
                    span: step.span,
                    note: step.note.to_string(),
                });
                if edges.insert((prev, n)) {
                    g.graph.add_edge(prev, n, step.span);
                }
                prev = n;
            }
            let sink = g.node(Node::Sink(f.site));
            if edges.insert((prev, sink)) {
                g.graph.add_edge(prev, sink, sites.get(f.site).span);
            }
        }
        g
    }

    /// Every sink site reachable from a source.
    pub fn sinks_reached(&self, src: SourceId) -> BTreeSet<SiteId> {
        let mut out = BTreeSet::new();
        let Some(start) = self.index.get(&Node::Source(src)) else {
            return out;
        };
        let mut dfs = petgraph::visit::Dfs::new(&self.graph, *start);
        while let Some(n) = dfs.next(&self.graph) {
            if let Node::Sink(s) = self.graph[n] {
                out.insert(s);
            }
        }
        out
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }
}

//! The data map as a Graphviz DOT graph: tagged data → functions → sinks, the sinks clustered by
//! recipient and country.

use super::{clusters, function_ids, place};
use crate::map::DataMap;
use std::collections::BTreeSet;
use std::fmt::Write;

/// A DOT double-quoted string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn dot(map: &DataMap, name: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "digraph data_map {{");
    let _ = writeln!(o, "  label={};", q(&format!("Data map: {name}")));
    let _ = writeln!(o, "  labelloc=t;");
    let _ = writeln!(o, "  rankdir=LR;");
    let _ = writeln!(
        o,
        "  node [shape=box, fontname=\"Helvetica\", fontsize=10];"
    );
    let _ = writeln!(o, "  edge [fontname=\"Helvetica\", fontsize=9];");

    let _ = writeln!(o, "  subgraph cluster_data {{");
    let _ = writeln!(o, "    label=\"Tagged data\";");
    for d in &map.data {
        let color = if d.class == "phi" {
            "#f8d7da"
        } else {
            "#fff3cd"
        };
        let _ = writeln!(
            o,
            "    {} [label={}, style=filled, fillcolor={}];",
            d.id,
            q(&format!("{}\n{}", d.label, d.category)),
            q(color)
        );
    }
    let _ = writeln!(o, "  }}");

    let fns = function_ids(map);
    for (label, id) in &fns {
        let _ = writeln!(o, "  {id} [label={}, shape=ellipse];", q(label));
    }

    for (i, (cluster, sinks)) in clusters(map).iter().enumerate() {
        let _ = writeln!(o, "  subgraph cluster_{} {{", i + 1);
        let _ = writeln!(o, "    label={};", q(cluster));
        for s in sinks {
            let _ = writeln!(
                o,
                "    {} [label={}, shape=cylinder];",
                s.id,
                q(&format!("{}\n{} · {}", s.name, s.kind, place(s)))
            );
        }
        let _ = writeln!(o, "  }}");
    }

    // Edges, each drawn once.
    let mut edges: BTreeSet<(String, String, String)> = BTreeSet::new();
    for f in &map.flows {
        let mut prev = f.data.clone();
        for v in &f.via {
            if let Some(id) = fns.get(v) {
                edges.insert((prev.clone(), id.clone(), String::new()));
                prev = id.clone();
            }
        }
        let mut safeguards: Vec<String> = f.sanitized.clone();
        safeguards.extend(f.consented.iter().map(|c| format!("consent: {c}")));
        edges.insert((prev, f.sink.clone(), safeguards.join(", ")));
    }
    for (a, b, label) in edges {
        if label.is_empty() {
            let _ = writeln!(o, "  {a} -> {b};");
        } else {
            let _ = writeln!(o, "  {a} -> {b} [label={}];", q(&label));
        }
    }
    let _ = writeln!(o, "}}");
    o
}

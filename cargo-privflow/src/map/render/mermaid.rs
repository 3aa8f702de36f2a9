//! The data map as a Mermaid flowchart (renders in GitHub Markdown): tagged data → functions →
//! sinks, the sinks in one subgraph per recipient and country.

use super::{clusters, function_ids, place};
use crate::map::DataMap;
use std::collections::BTreeSet;
use std::fmt::Write;

/// A Mermaid node label: double-quoted, with quotes and angle brackets as entity codes.
fn q(s: &str) -> String {
    let escaped = s
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('\n', "<br/>");
    format!("\"{escaped}\"")
}

pub fn mermaid(map: &DataMap) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "flowchart LR");
    let _ = writeln!(o, "  subgraph data[\"Tagged data\"]");
    for d in &map.data {
        let _ = writeln!(
            o,
            "    {}[{}]",
            d.id,
            q(&format!("{}\n{}", d.label, d.category))
        );
    }
    let _ = writeln!(o, "  end");
    let fns = function_ids(map);
    for (label, id) in &fns {
        let _ = writeln!(o, "  {id}({})", q(label));
    }
    for (i, (cluster, sinks)) in clusters(map).iter().enumerate() {
        let _ = writeln!(o, "  subgraph c{}[{}]", i + 1, q(cluster));
        for s in sinks {
            let _ = writeln!(
                o,
                "    {}[({})]",
                s.id,
                q(&format!("{}\n{} · {}", s.name, s.kind, place(s)))
            );
        }
        let _ = writeln!(o, "  end");
    }
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
            let _ = writeln!(o, "  {a} --> {b}");
        } else {
            let _ = writeln!(o, "  {a} -->|{}| {b}", q(&label));
        }
    }
    let phi: Vec<&str> = map
        .data
        .iter()
        .filter(|d| d.class == "phi")
        .map(|d| d.id.as_str())
        .collect();
    let _ = writeln!(o, "  classDef phi fill:#f8d7da,stroke:#a33");
    let _ = writeln!(o, "  classDef pii fill:#fff3cd,stroke:#a80");
    if !phi.is_empty() {
        let _ = writeln!(o, "  class {} phi", phi.join(","));
    }
    let pii: Vec<&str> = map
        .data
        .iter()
        .filter(|d| d.class != "phi")
        .map(|d| d.id.as_str())
        .collect();
    if !pii.is_empty() {
        let _ = writeln!(o, "  class {} pii", pii.join(","));
    }
    o
}

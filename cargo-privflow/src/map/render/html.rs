//! The data map as one self-contained HTML page: a header with the counts and a legend, the graph
//! drawn as inline SVG (tagged data → functions → sinks, the sinks boxed by recipient and
//! country), and the inventory, recipients, sinks and drift as tables that one text input filters.
//!
//! The layout is computed here, in integers, so the page is deterministic and the graph shows
//! with scripts off. Inline CSS and JS only, under a strict Content-Security-Policy: the page
//! fetches nothing. Every model string is HTML-escaped.

use super::markdown::retention;
use super::{clusters, encryption, function_ids, place};
use crate::map::{DataMap, MapData, MapFlow, MapSink};
use crate::model::Location;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The page's Content-Security-Policy: inline script and style, `data:` images, nothing else.
pub(crate) const CSP: &str =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/// HTML text and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// At most `max` characters, the cut marked with an ellipsis.
fn trunc(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn at(loc: &Location) -> String {
    format!("{}:{}", loc.file, loc.line)
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "—".to_string()
    } else {
        esc(&v.join(", "))
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(esc).unwrap_or_else(|| "—".to_string())
}

fn class_name(d: &MapData) -> &'static str {
    if d.class == "phi" {
        "PHI"
    } else {
        "PII"
    }
}

/// The safeguards on a flow, as the DOT edge label shows them.
fn safeguards(f: &MapFlow) -> String {
    let mut v: Vec<String> = f.sanitized.clone();
    v.extend(f.consented.iter().map(|c| format!("consent: {c}")));
    v.join(", ")
}

// Graph geometry, in pixels.
const MARGIN: i64 = 16;
const TOP: i64 = 44;
const NODE_W: i64 = 236;
const COL_PITCH: i64 = 310;
const BOX_H: i64 = 34;
const FN_H: i64 = 24;
const ROW: i64 = 42;
const GAP: i64 = 8;
const PAD: i64 = 8;
const HEADER: i64 = 20;
const CLUSTER_GAP: i64 = 14;
/// Characters that fit in a node: its first line (11px, semi-bold), its second (10px), a
/// function's one line (11px), a box's heading (11px, bold).
const LABEL_CHARS: usize = 32;
const DETAIL_CHARS: usize = 38;
const FN_CHARS: usize = 34;
const BOX_CHARS: usize = 34;

// Colours (also used by the legend).
const PHI_FILL: &str = "#f8d7da";
const PHI_STROKE: &str = "#a52834";
const PII_FILL: &str = "#fff3cd";
const PII_STROKE: &str = "#9a6700";
const FN_FILL: &str = "#e7f1ff";
const FN_STROKE: &str = "#3d6fb6";
const SINK_FILL: &str = "#eceff3";
const SINK_STROKE: &str = "#495057";
const EDGE: &str = "#8a8f98";
const GUARDED: &str = "#2f7d32";

struct Node {
    id: String,
    col: usize,
    y: i64,
    h: i64,
    kind: &'static str,
    lines: Vec<String>,
    title: String,
}

struct Cluster {
    label: String,
    y: i64,
    h: i64,
}

struct Layout {
    /// Data, then functions, then sinks.
    nodes: Vec<Node>,
    clusters: Vec<Cluster>,
    /// (from, to, safeguards) → the flows (1-based, in `map.flows` order) that take the edge.
    edges: BTreeMap<(String, String, String), Vec<usize>>,
    /// Column headings.
    columns: Vec<String>,
    sink_col: usize,
    width: i64,
    height: i64,
}

fn x_of(col: usize) -> i64 {
    MARGIN + col as i64 * COL_PITCH
}

/// Something to stack in a column: id, height, wished-for centre.
type Item = (String, i64, Option<i64>);

/// A sink box placed: its cluster name, top, and its sinks with their row in the box.
type Placed<'a> = (String, i64, Vec<(&'a MapSink, i64)>);

/// Places items top-down in order of their wished-for centre (`None` last, in the given order),
/// never overlapping: each starts at its wish or just below the one before.
fn stack(items: Vec<Item>, top: i64, gap: i64) -> Vec<(String, i64)> {
    let mut items: Vec<(usize, Item)> = items.into_iter().enumerate().collect();
    items.sort_by_key(|(i, (_, _, want))| (want.is_none(), want.unwrap_or(0), *i));
    let mut cursor = top;
    let mut out = Vec::new();
    for (_, (id, h, want)) in items {
        let y = match want {
            Some(c) => cursor.max(c - h / 2),
            None => cursor,
        };
        cursor = y + h + gap;
        out.push((id, y));
    }
    out
}

fn mean(v: &[i64]) -> Option<i64> {
    if v.is_empty() {
        None
    } else {
        Some(v.iter().sum::<i64>() / v.len() as i64)
    }
}

/// Depth-first search marking the edges that go back to a node on the stack.
fn dfs<'a>(
    v: &'a str,
    adj: &BTreeMap<&'a str, Vec<&'a str>>,
    state: &mut BTreeMap<&'a str, u8>,
    back: &mut BTreeSet<(&'a str, &'a str)>,
) {
    if state.contains_key(v) {
        return;
    }
    state.insert(v, 1);
    for &w in adj.get(v).into_iter().flatten() {
        match state.get(w) {
            Some(1) => {
                back.insert((v, w));
            }
            Some(_) => {}
            None => dfs(w, adj, state, back),
        }
    }
    state.insert(v, 2);
}

fn layout(map: &DataMap) -> Layout {
    let fns = function_ids(map);
    let mut edges: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    for (i, f) in map.flows.iter().enumerate() {
        let mut prev = f.data.clone();
        for v in &f.via {
            if let Some(id) = fns.get(v) {
                edges
                    .entry((prev.clone(), id.clone(), String::new()))
                    .or_default()
                    .push(i + 1);
                prev = id.clone();
            }
        }
        edges
            .entry((prev, f.sink.clone(), safeguards(f)))
            .or_default()
            .push(i + 1);
    }
    for v in edges.values_mut() {
        v.dedup();
    }

    // A function's column: its longest distance from data, on the graph without the edges that
    // close a cycle (found by a depth-first search in id order).
    let ids: BTreeSet<&str> = fns.values().map(String::as_str).collect();
    let mut adj: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b, _) in edges.keys() {
        if ids.contains(a.as_str()) && ids.contains(b.as_str()) {
            adj.entry(a).or_default().push(b);
        }
    }
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let mut back: BTreeSet<(&str, &str)> = BTreeSet::new();
    for v in &ids {
        dfs(v, &adj, &mut state, &mut back);
    }
    let mut depth: BTreeMap<String, usize> = fns.values().map(|id| (id.clone(), 1)).collect();
    for _ in 0..ids.len() {
        let mut changed = false;
        for (a, b, _) in edges.keys() {
            if back.contains(&(a.as_str(), b.as_str())) {
                continue;
            }
            if let (Some(&da), Some(&db)) = (depth.get(a), depth.get(b)) {
                if da + 1 > db {
                    depth.insert(b.clone(), da + 1);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let fn_cols = depth.values().copied().max().unwrap_or(0);
    let sink_col = fn_cols + 1;

    let mut col: BTreeMap<String, usize> = BTreeMap::new();
    for d in &map.data {
        col.insert(d.id.clone(), 0);
    }
    for (id, d) in &depth {
        col.insert(id.clone(), *d);
    }
    for s in &map.sinks {
        col.insert(s.id.clone(), sink_col);
    }
    let mut preds: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut succs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (a, b, _) in edges.keys() {
        preds.entry(b).or_default().insert(a);
        succs.entry(a).or_default().insert(b);
    }
    let col_of = |id: &str| col.get(id).copied().unwrap_or(0);

    // Vertical order: data in model order, then functions and sinks near the mean of their
    // predecessors; then the data re-ordered by the mean of their successors, and again.
    let mut centre: BTreeMap<String, i64> = BTreeMap::new();
    let mut data_order: Vec<&MapData> = map.data.iter().collect();
    let mut fn_y: BTreeMap<String, i64> = BTreeMap::new();
    let mut cluster_y: Vec<Placed> = Vec::new();
    let groups = clusters(map);
    for pass in 0..2 {
        if pass == 1 {
            let mut keyed: Vec<(usize, &MapData, Option<i64>)> = data_order
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let v: Vec<i64> = succs
                        .get(d.id.as_str())
                        .into_iter()
                        .flatten()
                        .filter_map(|s| centre.get(*s).copied())
                        .collect();
                    (i, *d, mean(&v))
                })
                .collect();
            keyed.sort_by_key(|(i, _, want)| (want.is_none(), want.unwrap_or(0), *i));
            data_order = keyed.into_iter().map(|(_, d, _)| d).collect();
        }
        centre.clear();
        for (i, d) in data_order.iter().enumerate() {
            centre.insert(d.id.clone(), TOP + i as i64 * ROW + BOX_H / 2);
        }
        let want = |id: &str, centre: &BTreeMap<String, i64>| {
            let c = col_of(id);
            let v: Vec<i64> = preds
                .get(id)
                .into_iter()
                .flatten()
                .filter(|p| col_of(p) < c)
                .filter_map(|p| centre.get(*p).copied())
                .collect();
            mean(&v)
        };
        fn_y.clear();
        for c in 1..=fn_cols {
            let items: Vec<Item> = depth
                .iter()
                .filter(|(_, d)| **d == c)
                .map(|(id, _)| (id.clone(), FN_H, want(id, &centre)))
                .collect();
            for (id, y) in stack(items, TOP, ROW - FN_H) {
                centre.insert(id.clone(), y + FN_H / 2);
                fn_y.insert(id, y);
            }
        }
        // Sinks: ordered inside their box, the boxes stacked by the mean wish of their sinks.
        let mut boxes: Vec<Item> = Vec::new();
        let mut inside: BTreeMap<String, Vec<(&MapSink, i64)>> = BTreeMap::new();
        for (name, sinks) in &groups {
            let mut keyed: Vec<(usize, &MapSink, Option<i64>)> = sinks
                .iter()
                .enumerate()
                .map(|(i, s)| (i, *s, want(&s.id, &centre)))
                .collect();
            keyed.sort_by_key(|(i, _, w)| (w.is_none(), w.unwrap_or(0), *i));
            let wishes: Vec<i64> = keyed.iter().filter_map(|(_, _, w)| *w).collect();
            let h = HEADER + sinks.len() as i64 * ROW - GAP + PAD;
            // The box's wished centre: where its first sink would like to be, shifted to the box.
            let box_want = mean(&wishes)
                .map(|m| m - (sinks.len() as i64 - 1) * ROW / 2 + h / 2 - HEADER - BOX_H / 2);
            boxes.push((name.clone(), h, box_want));
            inside.insert(
                name.clone(),
                keyed
                    .into_iter()
                    .enumerate()
                    .map(|(k, (_, s, _))| (s, k as i64))
                    .collect(),
            );
        }
        cluster_y.clear();
        for (name, y) in stack(boxes, TOP, CLUSTER_GAP) {
            let sinks = inside.remove(&name).unwrap_or_default();
            for (s, k) in &sinks {
                centre.insert(s.id.clone(), y + HEADER + k * ROW + BOX_H / 2);
            }
            cluster_y.push((name, y, sinks));
        }
    }

    let mut nodes: Vec<Node> = Vec::new();
    for (i, d) in data_order.iter().enumerate() {
        let mut title = format!("{} ({})\n{} · {}", d.label, d.id, class_name(d), d.category);
        if let Some(s) = &d.subject {
            let _ = write!(title, "\nsubject: {s}");
        }
        if !d.purposes.is_empty() {
            let _ = write!(title, "\npurposes: {}", d.purposes.join(", "));
        }
        let _ = write!(title, "\n{}", at(&d.location));
        nodes.push(Node {
            id: d.id.clone(),
            col: 0,
            y: TOP + i as i64 * ROW,
            h: BOX_H,
            kind: if d.class == "phi" { "phi" } else { "pii" },
            lines: vec![
                trunc(&d.label, LABEL_CHARS),
                trunc(&format!("{} · {}", class_name(d), d.category), DETAIL_CHARS),
            ],
            title,
        });
    }
    for (name, id) in &fns {
        let c = depth.get(id).copied().unwrap_or(1);
        nodes.push(Node {
            id: id.clone(),
            col: c,
            y: fn_y.get(id).copied().unwrap_or(TOP),
            h: FN_H,
            kind: "function",
            lines: vec![trunc(name, FN_CHARS)],
            title: format!("{name} ({id})\nfunction, step {c} from the data"),
        });
    }
    let mut cluster_boxes = Vec::new();
    for (name, y, sinks) in &cluster_y {
        cluster_boxes.push(Cluster {
            label: name.clone(),
            y: *y,
            h: HEADER + sinks.len() as i64 * ROW - GAP + PAD,
        });
        for (s, k) in sinks {
            let title = format!(
                "{} ({})\nkind: {} · region: {}\nrecipient: {}\npurpose: {}\ncalled in: {}\n{}",
                s.name,
                s.id,
                s.kind,
                place(s),
                s.recipient.as_deref().unwrap_or("own systems"),
                s.purpose.as_deref().unwrap_or("—"),
                s.function,
                at(&s.location)
            );
            nodes.push(Node {
                id: s.id.clone(),
                col: sink_col,
                y: y + HEADER + k * ROW,
                h: BOX_H,
                kind: "sink",
                lines: vec![
                    trunc(&s.name, LABEL_CHARS),
                    trunc(&format!("{} · {}", s.kind, place(s)), DETAIL_CHARS),
                ],
                title,
            });
        }
    }

    let mut columns = vec![format!("Tagged data ({})", map.data.len())];
    for c in 1..=fn_cols {
        columns.push(format!("Functions, step {c}"));
    }
    columns.push(format!(
        "Sinks by recipient · country ({})",
        map.sinks.len()
    ));
    let bottom = nodes
        .iter()
        .map(|n| n.y + n.h)
        .chain(cluster_boxes.iter().map(|c| c.y + c.h))
        .max()
        .unwrap_or(TOP);
    Layout {
        nodes,
        clusters: cluster_boxes,
        edges,
        columns,
        sink_col,
        width: x_of(sink_col) + NODE_W + PAD + MARGIN,
        height: bottom + MARGIN,
    }
}

fn svg(o: &mut String, map: &DataMap, name: &str) {
    let l = layout(map);
    let _ = writeln!(
        o,
        "<svg id=\"graph-svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"graph-title\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"11\">",
        w = l.width,
        h = l.height
    );
    let _ = writeln!(
        o,
        "<title id=\"graph-title\">Data map of {}: {} tagged data, {} functions, {} sinks</title>",
        esc(name),
        map.data.len(),
        l.nodes.iter().filter(|n| n.kind == "function").count(),
        map.sinks.len()
    );
    let _ = writeln!(o, "<defs>");
    for (id, colour) in [("arrow", EDGE), ("arrow-guarded", GUARDED)] {
        let _ = writeln!(
            o,
            "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    let _ = writeln!(o, "</defs>");
    for (c, heading) in l.columns.iter().enumerate() {
        let c = if c + 1 == l.columns.len() {
            l.sink_col
        } else {
            c
        };
        let _ = writeln!(
            o,
            "<text class=\"heading\" x=\"{}\" y=\"24\" font-size=\"13\" font-weight=\"bold\" fill=\"#212529\">{}</text>",
            x_of(c),
            esc(heading)
        );
    }

    let sx = x_of(l.sink_col);
    for c in &l.clusters {
        let _ = writeln!(
            o,
            "<g class=\"cluster\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"#f8f9fa\" stroke=\"#adb5bd\" stroke-dasharray=\"4 3\"/><text x=\"{}\" y=\"{}\" font-weight=\"bold\" fill=\"#343a40\">{}</text></g>",
            esc(&c.label),
            sx - PAD,
            c.y - PAD / 2,
            NODE_W + 2 * PAD,
            c.h + PAD / 2,
            sx - PAD / 2,
            c.y + 10,
            esc(&trunc(&c.label, BOX_CHARS))
        );
    }

    let pos: BTreeMap<&str, &Node> = l.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let label_of = |id: &str| {
        pos.get(id)
            .and_then(|n| n.title.lines().next())
            .unwrap_or(id)
            .to_string()
    };
    let _ = writeln!(o, "<g class=\"edges\">");
    for ((a, b, guard), flows) in &l.edges {
        let (Some(na), Some(nb)) = (pos.get(a.as_str()), pos.get(b.as_str())) else {
            continue;
        };
        let (x1, y1) = (x_of(na.col) + NODE_W, na.y + na.h / 2);
        let (x2, y2) = (x_of(nb.col) - 1, nb.y + nb.h / 2);
        let dx = ((x2 - x1) / 2).max(60);
        let colour = if guard.is_empty() { EDGE } else { GUARDED };
        let mut title = format!("{} → {}", label_of(a), label_of(b));
        if !guard.is_empty() {
            let _ = write!(title, "\nsafeguards: {guard}");
        }
        let flows: Vec<String> = flows.iter().map(|f| f.to_string()).collect();
        let _ = write!(
            o,
            "<g class=\"edge\" data-from=\"{}\" data-to=\"{}\" data-flows=\"{}\"><title>{}</title><path d=\"M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.2\"{} marker-end=\"url(#{})\"/>",
            esc(a),
            esc(b),
            flows.join(" "),
            esc(&title),
            x1 + dx,
            x2 - dx,
            if guard.is_empty() {
                ""
            } else {
                " stroke-dasharray=\"5 3\""
            },
            if guard.is_empty() {
                "arrow"
            } else {
                "arrow-guarded"
            }
        );
        if !guard.is_empty() {
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"10\" fill=\"{GUARDED}\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                x2 - 10,
                y2 - 6,
                esc(&trunc(guard, 30))
            );
        }
        let _ = writeln!(o, "</g>");
    }
    let _ = writeln!(o, "</g>");

    let _ = writeln!(o, "<g class=\"nodes\">");
    for n in &l.nodes {
        let (fill, stroke, rx) = match n.kind {
            "phi" => (PHI_FILL, PHI_STROKE, 3),
            "pii" => (PII_FILL, PII_STROKE, 3),
            "function" => (FN_FILL, FN_STROKE, n.h / 2),
            _ => (SINK_FILL, SINK_STROKE, 8),
        };
        let x = x_of(n.col);
        let _ = write!(
            o,
            "<g class=\"node\" id=\"{id}\" data-id=\"{id}\" data-kind=\"{}\" tabindex=\"0\"><title>{}</title><rect x=\"{x}\" y=\"{}\" width=\"{NODE_W}\" height=\"{}\" rx=\"{rx}\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
            n.kind,
            esc(&n.title),
            n.y,
            n.h,
            id = esc(&n.id)
        );
        if n.lines.len() == 1 {
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\" fill=\"#212529\">{}</text>",
                x + 10,
                n.y + n.h / 2 + 4,
                esc(&n.lines[0])
            );
        } else {
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\" fill=\"#212529\" font-weight=\"600\">{}</text><text x=\"{}\" y=\"{}\" fill=\"#495057\" font-size=\"10\">{}</text>",
                x + 8,
                n.y + 14,
                esc(&n.lines[0]),
                x + 8,
                n.y + 28,
                esc(&n.lines.get(1).cloned().unwrap_or_default())
            );
        }
        let _ = writeln!(o, "</g>");
    }
    let _ = writeln!(o, "</g>");
    let _ = writeln!(o, "</svg>");
}

/// One filterable table row: `ids` are the graph nodes it involves, `flows` the flow numbers.
fn row(o: &mut String, ids: &[&str], flows: &[usize], cells: &[String]) {
    let ids: Vec<String> = ids.iter().map(|i| esc(i)).collect();
    let flows: Vec<String> = flows.iter().map(|f| f.to_string()).collect();
    let _ = write!(o, "<tr data-ids=\"{}\"", ids.join(" "));
    if !flows.is_empty() {
        let _ = write!(o, " data-flows=\"{}\"", flows.join(" "));
    }
    o.push('>');
    for c in cells {
        let _ = write!(o, "<td>{c}</td>");
    }
    let _ = writeln!(o, "</tr>");
}

fn head(o: &mut String, id: &str, caption: &str, cols: &[&str]) {
    let _ = writeln!(
        o,
        "<div class=\"scroll\"><table class=\"filterable\" id=\"{id}\">"
    );
    let _ = writeln!(o, "<caption>{caption}</caption>");
    let _ = write!(o, "<thead><tr>");
    for c in cols {
        let _ = write!(o, "<th scope=\"col\">{c}</th>");
    }
    let _ = writeln!(o, "</tr></thead>\n<tbody>");
}

fn foot(o: &mut String) {
    let _ = writeln!(o, "</tbody>\n</table></div>");
}

fn code(s: &str) -> String {
    format!("<code>{}</code>", esc(s))
}

fn swatch(fill: &str, stroke: &str, rx: u8) -> String {
    format!(
        "<svg width=\"28\" height=\"14\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" width=\"26\" height=\"12\" rx=\"{rx}\" fill=\"{fill}\" stroke=\"{stroke}\"/></svg>"
    )
}

fn line_swatch(colour: &str, dashed: bool) -> String {
    format!(
        "<svg width=\"28\" height=\"14\" aria-hidden=\"true\"><line x1=\"1\" y1=\"7\" x2=\"27\" y2=\"7\" stroke=\"{colour}\" stroke-width=\"2\"{}/></svg>",
        if dashed {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        }
    )
}

pub fn html(map: &DataMap, name: &str) -> String {
    let mut o = String::new();
    let sink = |id: &str| map.sinks.iter().find(|s| s.id == id);
    let fns = function_ids(map);
    let title = format!("Data map: {name}");

    let _ = writeln!(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>");
    let _ = writeln!(o, "<meta charset=\"utf-8\">");
    let _ = writeln!(
        o,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    let _ = writeln!(
        o,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    let _ = writeln!(
        o,
        "<meta name=\"generator\" content=\"cargo privflow map\">"
    );
    let _ = writeln!(o, "<link rel=\"icon\" href=\"data:,\">");
    let _ = writeln!(o, "<title>{}</title>", esc(&title));
    let _ = writeln!(o, "<style>\n{CSS}</style>\n</head>\n<body>");

    // Header.
    let _ = writeln!(o, "<header>\n<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        o,
        "<p>Generated by <code>cargo privflow map</code> from the code{}.</p>",
        if map.packs.is_empty() {
            String::new()
        } else {
            format!(
                " (packs: {})",
                map.packs
                    .iter()
                    .map(|p| code(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    let _ = writeln!(
        o,
        "<ul class=\"counts\">\n<li><strong>{}</strong> tagged data</li>\n<li><strong>{}</strong> sink calls</li>\n<li><strong>{}</strong> flows</li>\n<li><strong>{}</strong> recipients</li>\n<li><strong>{}</strong> functions on the way</li>\n</ul>",
        map.data.len(),
        map.sinks.len(),
        map.flows.len(),
        map.recipients.len(),
        fns.len()
    );
    let _ = writeln!(o, "<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">Legend</h2>\n<ul>");
    for (sw, text) in [
        (swatch(PHI_FILL, PHI_STROKE, 2), "health data (PHI)"),
        (swatch(PII_FILL, PII_STROKE, 2), "personal data (PII)"),
        (
            swatch(FN_FILL, FN_STROKE, 6),
            "function the data passes through",
        ),
        (swatch(SINK_FILL, SINK_STROKE, 4), "sink call"),
        (
            swatch("#f8f9fa", "#adb5bd", 3),
            "box: the recipient (or own systems) and country",
        ),
        (line_swatch(EDGE, false), "flow"),
        (
            line_swatch(GUARDED, true),
            "flow with safeguards (sanitizers, consent: purpose)",
        ),
    ] {
        let _ = writeln!(o, "<li>{sw} {text}</li>");
    }
    let _ = writeln!(o, "</ul>\n<p>Hover a node for its category, kind, region and <code>file:line</code>; click it to show its flows and rows.</p>\n</section>\n</header>");

    // Rows, counted for the "shown" text.
    let mut rows = String::new();
    let mut total = 0usize;

    // Inventory, per category as in the Markdown.
    let _ = writeln!(
        rows,
        "<section id=\"inventory\" aria-labelledby=\"inventory-h\">\n<h2 id=\"inventory-h\">Inventory</h2>"
    );
    head(
        &mut rows,
        "inventory-table",
        "Every tagged data item and each sink it reaches",
        &[
            "Data",
            "Category",
            "Class",
            "Subject",
            "Sink",
            "Kind",
            "Place",
            "Recipient",
            "Purpose",
            "Encryption",
            "Retention",
            "Consent",
            "Sanitizers",
            "Via",
        ],
    );
    let mut by_cat: BTreeMap<&str, Vec<&MapData>> = BTreeMap::new();
    for d in &map.data {
        by_cat.entry(&d.category).or_default().push(d);
    }
    for datas in by_cat.values() {
        for d in datas {
            let data_cell = format!(
                "{} <small>{}</small>",
                code(&d.label),
                esc(&at(&d.location))
            );
            let mut reached = false;
            for (i, f) in map.flows.iter().enumerate().filter(|(_, f)| f.data == d.id) {
                let Some(s) = sink(&f.sink) else { continue };
                reached = true;
                let mut ids: Vec<&str> = vec![&d.id, &s.id];
                ids.extend(f.via.iter().filter_map(|v| fns.get(v).map(String::as_str)));
                row(
                    &mut rows,
                    &ids,
                    &[i + 1],
                    &[
                        data_cell.clone(),
                        code(&d.category),
                        class_name(d).to_string(),
                        opt(&d.subject),
                        format!(
                            "{} <small>{} · {}</small>",
                            code(&s.name),
                            esc(&s.id),
                            esc(&at(&s.location))
                        ),
                        esc(&s.kind),
                        esc(&place(s)),
                        opt(&s.recipient),
                        opt(&s.purpose),
                        encryption(s, Some(f)).to_string(),
                        esc(&retention(s)),
                        list(&f.consented),
                        list(&f.sanitized),
                        esc(&f.via.join(" → ")),
                    ],
                );
                total += 1;
            }
            if !reached {
                let mut cells = vec![
                    data_cell,
                    code(&d.category),
                    class_name(d).to_string(),
                    opt(&d.subject),
                    "<em>reaches no sink</em>".to_string(),
                ];
                cells.extend(vec![String::new(); 9]);
                row(&mut rows, &[&d.id], &[], &cells);
                total += 1;
            }
        }
    }
    foot(&mut rows);
    let _ = writeln!(rows, "</section>");

    // Recipients.
    let _ = writeln!(
        rows,
        "<section id=\"recipients\" aria-labelledby=\"recipients-h\">\n<h2 id=\"recipients-h\">Recipients</h2>"
    );
    if map.recipients.is_empty() {
        let _ = writeln!(
            rows,
            "<p>No sink names a recipient: all data stays on the product's own systems.</p>"
        );
    } else {
        head(
            &mut rows,
            "recipients-table",
            "Per organisation that receives data: what it receives",
            &[
                "Recipient",
                "Countries",
                "Purposes",
                "Categories",
                "Data",
                "Sinks",
            ],
        );
        for r in &map.recipients {
            let ids: Vec<&str> = r.sinks.iter().map(String::as_str).collect();
            row(
                &mut rows,
                &ids,
                &[],
                &[
                    esc(&r.name),
                    list(&r.countries),
                    list(&r.purposes),
                    list(&r.categories),
                    list(&r.data),
                    list(&r.sinks),
                ],
            );
            total += 1;
        }
        foot(&mut rows);
    }
    let _ = writeln!(rows, "</section>");

    // Sinks.
    let _ = writeln!(
        rows,
        "<section id=\"sinks\" aria-labelledby=\"sinks-h\">\n<h2 id=\"sinks-h\">Sink calls</h2>"
    );
    head(
        &mut rows,
        "sinks-table",
        "Every sink call in the analysed code, reached by tagged data or not",
        &[
            "Id",
            "Sink",
            "Called in",
            "Kind",
            "Place",
            "Recipient",
            "Purpose",
            "Encryption",
            "Persistent",
            "Retention",
            "Data",
            "Location",
        ],
    );
    for s in &map.sinks {
        let n = map.flows.iter().filter(|f| f.sink == s.id).count();
        row(
            &mut rows,
            &[&s.id],
            &[],
            &[
                esc(&s.id),
                code(&s.name),
                code(&s.function),
                esc(&s.kind),
                esc(&place(s)),
                opt(&s.recipient),
                opt(&s.purpose),
                encryption(s, None).to_string(),
                if s.persistent { "yes" } else { "no" }.to_string(),
                esc(&retention(s)),
                n.to_string(),
                esc(&at(&s.location)),
            ],
        );
        total += 1;
    }
    foot(&mut rows);
    let _ = writeln!(rows, "</section>");

    // Guarded actions and erasure (SPEC §5).
    if !map.guarded.is_empty() {
        let _ = writeln!(
            rows,
            "<section id=\"guarded\" aria-labelledby=\"guarded-h\">\n<h2 id=\"guarded-h\">Guarded actions</h2>"
        );
        head(
            &mut rows,
            "guarded-table",
            "Functions that run only after named checks succeeded, and every call of them",
            &[
                "Id",
                "Action",
                "Checks",
                "Bound",
                "Called in",
                "Missing",
                "On another value",
                "Location",
            ],
        );
        for g in &map.guarded {
            let bound = if g.bound { "yes" } else { "no" }.to_string();
            for (caller, missing, other, location) in g.rows() {
                let caller = caller.map_or("(not called)".to_string(), code);
                let (missing, other) = (list(missing), list(other));
                row(
                    &mut rows,
                    &[],
                    &[],
                    &[
                        esc(&g.id),
                        code(&g.function),
                        list(&g.checks),
                        bound.clone(),
                        caller,
                        missing,
                        other,
                        esc(&at(location)),
                    ],
                );
                total += 1;
            }
        }
        foot(&mut rows);
        let _ = writeln!(rows, "</section>");
    }
    if !map.erasure.is_empty() {
        let _ = writeln!(
            rows,
            "<section id=\"erasure\" aria-labelledby=\"erasure-h\">\n<h2 id=\"erasure-h\">Erasure</h2>"
        );
        head(
            &mut rows,
            "erasure-table",
            "Per type an erasure function names: whether it reaches a deletion of its records",
            &[
                "Type",
                "Erased by",
                "Deletion reached",
                "Stored at",
                "Location",
            ],
        );
        for e in &map.erasure {
            row(
                &mut rows,
                &[],
                &[],
                &[
                    code(&e.data_type),
                    code(&e.function),
                    if e.deletes {
                        "yes"
                    } else {
                        "<strong>no</strong>"
                    }
                    .to_string(),
                    e.stored_at
                        .as_ref()
                        .map_or("—".to_string(), |l| esc(&at(l))),
                    esc(&at(&e.location)),
                ],
            );
            total += 1;
        }
        foot(&mut rows);
        let _ = writeln!(rows, "</section>");
    }

    // Drift.
    let _ = writeln!(
        rows,
        "<section id=\"drift\" aria-labelledby=\"drift-h\">\n<h2 id=\"drift-h\">Drift against the statements</h2>"
    );
    if map.drift.is_empty() {
        let _ = writeln!(
            rows,
            "<p>No selected pack has a statement to compare with.</p>"
        );
    }
    for (k, d) in map.drift.iter().enumerate() {
        let _ = writeln!(
            rows,
            "<h3>{} (<code>{}</code>)</h3>",
            esc(&d.statement),
            esc(&d.pack)
        );
        let used = [
            (
                "Recipient the code uses, not disclosed",
                &d.undisclosed_recipients,
            ),
            (
                "Region the code uses, not disclosed",
                &d.undisclosed_regions,
            ),
            (
                "Purpose the code uses, not disclosed",
                &d.undisclosed_purposes,
            ),
        ];
        let unused = [
            ("Recipient disclosed, never used", &d.unused_recipients),
            ("Region disclosed, never used", &d.unused_regions),
            ("Purpose disclosed, never used", &d.unused_purposes),
        ];
        let none: Vec<&str> = used
            .iter()
            .filter(|(_, v)| v.is_empty())
            .map(|(t, _)| *t)
            .chain(unused.iter().filter(|(_, v)| v.is_empty()).map(|(t, _)| *t))
            .collect();
        let any =
            used.iter().any(|(_, v)| !v.is_empty()) || unused.iter().any(|(_, v)| !v.is_empty());
        if any {
            head(
                &mut rows,
                &format!("drift-table-{}", k + 1),
                &format!("What the code does that the statement of <code>{}</code> does not say, and the reverse", esc(&d.pack)),
                &["Finding", "Value", "Used by"],
            );
            for (t, items) in used {
                for i in items {
                    let ids: Vec<&str> = i.used_by.iter().map(String::as_str).collect();
                    row(
                        &mut rows,
                        &ids,
                        &[],
                        &[t.to_string(), esc(&i.value), list(&i.used_by)],
                    );
                    total += 1;
                }
            }
            for (t, items) in unused {
                for v in items {
                    row(
                        &mut rows,
                        &[],
                        &[],
                        &[t.to_string(), esc(v), "—".to_string()],
                    );
                    total += 1;
                }
            }
            foot(&mut rows);
        }
        if !none.is_empty() {
            let _ = writeln!(rows, "<p>None: {}.</p>", none.join("; "));
        }
    }
    let _ = writeln!(rows, "</section>");

    // The filter, then the graph and the tables.
    let _ = writeln!(o, "<main>");
    let _ = writeln!(
        o,
        "<form id=\"filter\" role=\"search\" hidden>\n<label for=\"q\">Filter every table</label>\n<input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"text in a row, or @d1 / @s3 / @f2 for one node\">\n<button type=\"button\" id=\"clear\">Clear</button>\n<output id=\"shown\" for=\"q\">{total} of {total} rows shown</output>\n</form>"
    );
    let _ = writeln!(
        o,
        "<noscript><p>Scripts are off: the graph and the tables are complete, the filter does not work.</p></noscript>"
    );
    let _ = writeln!(
        o,
        "<section id=\"graph\" aria-labelledby=\"graph-h\">\n<h2 id=\"graph-h\">Graph</h2>\n<p>Tagged data on the left, the functions the data passes through, and the sinks on the right, boxed by recipient and country. Each arrow is drawn once.</p>\n<div class=\"scroll graph\">"
    );
    svg(&mut o, map, name);
    let _ = writeln!(o, "</div>\n</section>");
    o.push_str(&rows);
    let _ = writeln!(o, "</main>");
    let _ = writeln!(o, "<script>\n{JS}</script>\n</body>\n</html>");
    o
}

const CSS: &str = r##"body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212529; margin: 0 1.5rem 3rem; }
h1 { margin: 1rem 0 .25rem; font-size: 1.6rem; }
h2 { margin: 1.6rem 0 .5rem; font-size: 1.25rem; }
h3 { margin: 1.2rem 0 .4rem; font-size: 1.05rem; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
small { color: #6c757d; }
td small { display: block; }
.counts { display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; list-style: none; padding: 0; margin: .5rem 0; }
.legend h2 { font-size: 1rem; margin: .6rem 0 .2rem; }
.legend ul { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; margin: 0; }
.legend li svg { vertical-align: middle; }
.legend p { margin: .3rem 0; color: #495057; }
#filter { position: sticky; top: 0; z-index: 2; background: #fff; padding: .6rem 0; border-bottom: 1px solid #dee2e6; display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
#filter[hidden] { display: none; }
#q { width: 28rem; max-width: 100%; font: inherit; padding: .25rem .5rem; }
#shown { color: #495057; }
.scroll { overflow: auto; }
.graph { max-height: 85vh; border: 1px solid #dee2e6; border-radius: 4px; }
table { border-collapse: collapse; font-size: 13px; }
caption { text-align: left; color: #495057; padding: .2rem 0; }
th, td { border: 1px solid #dee2e6; padding: .2rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f5; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #f8f9fa; }
tr[hidden] { display: none; }
g.node { cursor: pointer; }
g.node:focus { outline: none; }
g.node:focus rect, g.node[data-sel] rect { stroke-width: 3; }
g.node[data-dim] { opacity: .2; }
g.edge[data-dim] { opacity: .1; }
g.edge[data-hl] path { stroke: #c2255c; stroke-width: 2.2; }
"##;

const JS: &str = r##"(function () {
  "use strict";
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function words(el, name) {
    return (el.getAttribute(name) || "").split(" ").filter(function (w) { return w !== ""; });
  }
  function set(el, name, on) {
    if (on) { el.setAttribute(name, ""); } else { el.removeAttribute(name); }
  }
  var form = document.getElementById("filter");
  var input = document.getElementById("q");
  var shown = document.getElementById("shown");
  var rows = all("table.filterable tbody tr");
  var nodes = all("#graph-svg g.node");
  var edges = all("#graph-svg g.edge");
  var rowText = rows.map(function (r) {
    return Array.prototype.map.call(r.cells, function (c) { return c.textContent; }).join("\n").toLowerCase();
  });
  var nodeText = nodes.map(function (g) {
    var t = g.querySelector("title");
    return t ? t.textContent.toLowerCase() : "";
  });
  function apply(q) {
    var t = q.trim().toLowerCase();
    var sel = t.charAt(0) === "@" ? t.slice(1) : "";
    var live = {}, flows = {}, n = 0;
    rows.forEach(function (r, i) {
      var ids = words(r, "data-ids");
      var ok = t === "" || (sel !== "" ? ids.indexOf(sel) >= 0 : rowText[i].indexOf(t) >= 0);
      r.hidden = !ok;
      if (ok) {
        n += 1;
        ids.forEach(function (id) { live[id] = true; });
        words(r, "data-flows").forEach(function (f) { flows[f] = true; });
      }
    });
    nodes.forEach(function (g, i) {
      var id = g.getAttribute("data-id");
      var own = sel === "" && nodeText[i].indexOf(t) >= 0;
      set(g, "data-dim", t !== "" && !live[id] && !own);
      set(g, "data-sel", sel !== "" && id === sel);
    });
    edges.forEach(function (e) {
      var hit = words(e, "data-flows").some(function (f) { return flows[f] === true; });
      set(e, "data-hl", t !== "" && hit);
      set(e, "data-dim", t !== "" && !hit);
    });
    shown.textContent = n + " of " + rows.length + " rows shown";
  }
  function fromHash() {
    var q = "";
    location.hash.slice(1).split("&").forEach(function (p) {
      if (p.slice(0, 2) === "q=") {
        var v = p.slice(2).replace(/\+/g, " ");
        try { q = decodeURIComponent(v); } catch (e) { q = v; }
      }
    });
    return q;
  }
  function toHash(q) {
    var url = location.href.split("#")[0] + (q === "" ? "" : "#q=" + encodeURIComponent(q));
    try { history.replaceState(null, "", url); } catch (e) { /* the filter still works */ }
  }
  function run(q, write) {
    input.value = q;
    apply(q);
    if (write) { toHash(q); }
  }
  form.hidden = false;
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  input.addEventListener("input", function () { apply(input.value); toHash(input.value); });
  window.addEventListener("hashchange", function () { run(fromHash(), false); });
  document.getElementById("clear").addEventListener("click", function () { run("", true); input.focus(); });
  nodes.forEach(function (g) {
    function pick() {
      var q = "@" + g.getAttribute("data-id");
      run(input.value.trim() === q ? "" : q, true);
    }
    g.addEventListener("click", pick);
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
  });
  run(fromHash(), false);
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::drift::{DriftItem, PackDrift};
    use crate::map::{MapFlow, MapRecipient};

    const HOSTILE: &str = "</script><img src=x onerror=alert(1)>";

    fn loc() -> Location {
        Location {
            file: "src/a.rs".to_string(),
            line: 3,
            column: 1,
            end_line: 3,
            end_column: 9,
        }
    }

    fn hostile_map() -> DataMap {
        DataMap {
            packs: vec![HOSTILE.to_string()],
            data: vec![MapData {
                id: "d1".to_string(),
                label: HOSTILE.to_string(),
                class: "phi".to_string(),
                category: format!("user.{HOSTILE}"),
                subject: Some(HOSTILE.to_string()),
                purposes: vec![HOSTILE.to_string()],
                location: loc(),
            }],
            sinks: vec![MapSink {
                id: "s1".to_string(),
                name: HOSTILE.to_string(),
                function: HOSTILE.to_string(),
                kind: "network".to_string(),
                region: Some(HOSTILE.to_string()),
                country: Some("US".to_string()),
                recipient: Some(HOSTILE.to_string()),
                purpose: Some(HOSTILE.to_string()),
                encrypted: false,
                persistent: false,
                retention_days: None,
                location: loc(),
            }],
            flows: vec![MapFlow {
                data: "d1".to_string(),
                sink: "s1".to_string(),
                via: vec![HOSTILE.to_string(), "b".to_string()],
                consented: vec![HOSTILE.to_string()],
                sanitized: vec![HOSTILE.to_string()],
            }],
            recipients: vec![MapRecipient {
                name: HOSTILE.to_string(),
                countries: vec!["US".to_string()],
                purposes: vec![HOSTILE.to_string()],
                categories: vec![HOSTILE.to_string()],
                data: vec![HOSTILE.to_string()],
                sinks: vec!["s1".to_string()],
            }],
            drift: vec![PackDrift {
                pack: HOSTILE.to_string(),
                statement: HOSTILE.to_string(),
                undisclosed_recipients: vec![DriftItem {
                    value: HOSTILE.to_string(),
                    used_by: vec!["s1".to_string()],
                }],
                unused_recipients: vec![HOSTILE.to_string()],
                undisclosed_regions: Vec::new(),
                unused_regions: Vec::new(),
                undisclosed_purposes: Vec::new(),
                unused_purposes: vec![HOSTILE.to_string()],
            }],
            guarded: vec![crate::map::MapGuarded {
                id: "g1".to_string(),
                function: HOSTILE.to_string(),
                checks: vec![HOSTILE.to_string()],
                bound: true,
                location: loc(),
                calls: vec![crate::map::MapGuardedCall {
                    function: HOSTILE.to_string(),
                    location: loc(),
                    missing: vec![HOSTILE.to_string()],
                    other_value: vec![HOSTILE.to_string()],
                }],
            }],
            erasure: vec![crate::map::MapErasure {
                data_type: HOSTILE.to_string(),
                function: HOSTILE.to_string(),
                location: loc(),
                deletes: false,
                stored_at: Some(loc()),
            }],
        }
    }

    #[test]
    fn every_model_string_is_escaped() {
        let page = html(&hostile_map(), HOSTILE);
        assert!(!page.contains(HOSTILE), "raw hostile label in the page");
        assert!(!page.contains("<img"), "an injected element");
        assert_eq!(
            page.matches("</script>").count(),
            1,
            "only our own script ends"
        );
        assert_eq!(page.matches("<script>").count(), 1);
        assert!(page.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
        // No attribute value is broken out of: every quote in a model string is an entity.
        let quoted = html(
            &DataMap {
                data: vec![MapData {
                    label: "a\"b'c".to_string(),
                    ..hostile_map().data[0].clone()
                }],
                ..DataMap::default()
            },
            "x",
        );
        assert!(quoted.contains("a&quot;b&#39;c") && !quoted.contains("a\"b'c"));
    }

    #[test]
    fn the_page_is_deterministic_and_counts_nodes() {
        let m = hostile_map();
        let page = html(&m, "x");
        assert_eq!(page, html(&m, "x"));
        // 1 data + 1 sink + 2 functions.
        assert_eq!(page.matches("class=\"node\"").count(), 4);
        assert!(page.contains(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        )));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }

    #[test]
    fn long_labels_are_cut_with_the_full_text_in_the_title() {
        let long = "VeryLongTypeName.with_an_extremely_long_field_name_indeed";
        let mut m = hostile_map();
        m.data[0].label = long.to_string();
        let page = html(&m, "x");
        assert!(page.contains(&format!("<title>{long} (d1)")));
        assert!(page.contains(&trunc(long, LABEL_CHARS)));
        assert_eq!(trunc(long, LABEL_CHARS).chars().count(), LABEL_CHARS);
    }

    #[test]
    fn functions_sit_in_columns_by_their_longest_distance_from_data() {
        let mut m = hostile_map();
        m.flows[0].via = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        m.flows.push(MapFlow {
            via: vec!["c".to_string()],
            ..m.flows[0].clone()
        });
        let l = layout(&m);
        let col = |id: &str| l.nodes.iter().find(|n| n.id == id).map(|n| n.col);
        // f1 = a, f2 = b, f3 = c (name order); c is reached directly too, but sits at step 3.
        assert_eq!(
            (col("f1"), col("f2"), col("f3")),
            (Some(1), Some(2), Some(3))
        );
        assert_eq!(col("s1"), Some(4));
        // A cycle does not push the columns further right.
        m.flows.push(MapFlow {
            via: vec!["c".to_string(), "a".to_string()],
            ..m.flows[0].clone()
        });
        let l = layout(&m);
        assert_eq!(l.sink_col, 4);
    }
}

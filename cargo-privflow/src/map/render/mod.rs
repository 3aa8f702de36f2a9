//! The data map's output formats (Markdown, JSON, DOT, Mermaid, fideslang, and a self-contained
//! HTML page: the graph drawn as inline SVG, the tables filterable). Each renderer is a pure
//! function of the [`DataMap`] and returns the whole document, so the same map always gives the
//! same bytes.

mod dot;
mod fides;
mod fides_defaults;
mod html;
mod markdown;
mod mermaid;

use super::{DataMap, MapFlow, MapSink};
use std::collections::BTreeMap;

pub use dot::dot;
pub use fides::fides;
pub use html::html;
pub use markdown::markdown;
pub use mermaid::mermaid;

/// `cargo privflow map --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFormat {
    Markdown,
    Json,
    Dot,
    Mermaid,
    Fides,
    Html,
}

/// Renders `map` in `format`. `name` names the system (the workspace's or package's name).
pub fn render(map: &DataMap, format: MapFormat, name: &str) -> String {
    match format {
        MapFormat::Markdown => markdown(map, name),
        MapFormat::Json => {
            let s = serde_json::to_string_pretty(map).unwrap_or_default();
            let mut s = crate::report::escape_json(&s).into_owned();
            s.push('\n');
            s
        }
        MapFormat::Dot => dot(map, name),
        MapFormat::Mermaid => mermaid(map),
        MapFormat::Fides => fides(map, name),
        MapFormat::Html => html(map, name),
    }
}

/// "region (country)", "country", or "region unknown".
pub(crate) fn place(s: &MapSink) -> String {
    match (&s.region, &s.country) {
        (Some(r), Some(c)) if r != c => format!("{r} ({c})"),
        (Some(r), _) => r.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => "region unknown".to_string(),
    }
}

/// How the data is protected at the sink: by the sink itself, or encrypted on the way.
pub(crate) fn encryption(s: &MapSink, f: Option<&MapFlow>) -> &'static str {
    if s.encrypted {
        "yes (sink)"
    } else if f.is_some_and(|f| f.sanitized.iter().any(|z| z == "encrypt")) {
        "yes (encrypt)"
    } else {
        "no"
    }
}

/// The cluster a sink is drawn in: its recipient (or the product's own systems) and place.
pub(crate) fn cluster_of(s: &MapSink) -> String {
    let who = s.recipient.as_deref().unwrap_or("own systems");
    let place = match &s.country {
        Some(c) => c.clone(),
        None => "region unknown".to_string(),
    };
    format!("{who} · {place}")
}

/// The functions on every flow's way, numbered `f1`.. in name order (for graph node ids).
pub(crate) fn function_ids(map: &DataMap) -> BTreeMap<String, String> {
    let mut names: Vec<&String> = map.flows.iter().flat_map(|f| f.via.iter()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), format!("f{}", i + 1)))
        .collect()
}

/// Sinks grouped by [`cluster_of`], in cluster-name order.
pub(crate) fn clusters(map: &DataMap) -> BTreeMap<String, Vec<&MapSink>> {
    let mut out: BTreeMap<String, Vec<&MapSink>> = BTreeMap::new();
    for s in &map.sinks {
        out.entry(cluster_of(s)).or_default().push(s);
    }
    out
}

//! `cargo privflow map` on an example app, through the real binary: every format is snapshotted,
//! deterministic, consistent with the JSON model, and the DOT renders with Graphviz.

use std::path::{Path, PathBuf};
use std::process::Command;

fn app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/03-cgm-videosprechstunde/Cargo.toml")
}

fn map(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["map", "--format", format, "--manifest-path"])
        .arg(app())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn model() -> serde_json::Value {
    serde_json::from_str(&map("json")).expect("the JSON map parses")
}

#[test]
fn every_format_is_deterministic_and_snapshotted() {
    for format in ["markdown", "json", "dot", "mermaid", "fides"] {
        let first = map(format);
        assert_eq!(first, map(format), "{format}: two runs differ");
        insta::assert_snapshot!(format!("cgm_{format}"), first);
    }
}

#[test]
fn the_model_holds_data_sinks_flows_and_the_lab() {
    let m = model();
    let data = m["data"].as_array().expect("data");
    let sinks = m["sinks"].as_array().expect("sinks");
    let flows = m["flows"].as_array().expect("flows");
    assert!(data.len() >= 10 && sinks.len() >= 10 && flows.len() >= 10);
    // Every flow joins a known data item to a known sink.
    for f in flows {
        assert!(data.iter().any(|d| d["id"] == f["data"]), "{f}");
        assert!(sinks.iter().any(|s| s["id"] == f["sink"]), "{f}");
    }
    // The lab receives data, and the drift names the recipient the statement does not disclose.
    let recipients: Vec<&str> = m["recipients"]
        .as_array()
        .expect("recipients")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        recipients
            .iter()
            .any(|r| r.contains("IMD Labor Greifswald")),
        "{recipients:?}"
    );
    let drift = &m["drift"][0];
    assert_eq!(drift["pack"], "cgm-videosprechstunde");
    assert!(
        !drift["undisclosed_recipients"]
            .as_array()
            .expect("list")
            .is_empty(),
        "the careless CRM export goes to an undisclosed recipient: {drift}"
    );
}

/// The structural rules of the Mermaid flowchart privflow writes: a `flowchart` header, balanced
/// `subgraph`/`end`, legal ids, quoted labels without raw quotes, and every edge between declared
/// nodes. (Not Mermaid's own parser, which needs a browser or Node.)
#[test]
fn the_mermaid_flowchart_is_well_formed() {
    let text = map("mermaid");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut depth = 0i32;
    let mut declared = std::collections::BTreeSet::new();
    let mut edges = Vec::new();
    let legal = |id: &str| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric());
    for line in lines {
        let t = line.trim();
        if t.starts_with("subgraph ") {
            depth += 1;
        } else if t == "end" {
            depth -= 1;
            assert!(depth >= 0, "unbalanced `end`");
        } else if t.starts_with("classDef ") || t.starts_with("class ") {
        } else if let Some((a, rest)) = t.split_once(" -->") {
            let b = rest.rsplit(' ').next().unwrap_or_default();
            assert!(legal(a) && legal(b), "edge ids: {t}");
            edges.push((a.to_string(), b.to_string()));
        } else {
            let id: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(legal(&id), "node line: {t}");
            let label = &t[id.len()..];
            let inner = label.trim_matches(|c| "[]()".contains(c));
            assert!(
                inner.starts_with('"') && inner.ends_with('"'),
                "label not quoted: {t}"
            );
            assert!(!inner[1..inner.len() - 1].contains('"'), "raw quote: {t}");
            declared.insert(id);
        }
    }
    assert_eq!(depth, 0, "unbalanced subgraphs");
    assert!(!edges.is_empty());
    for (a, b) in edges {
        assert!(
            declared.contains(&a) && declared.contains(&b),
            "{a} --> {b}"
        );
    }
}

/// DOT is rendered by Graphviz. `.ci/run` installs it and sets `PRIVFLOW_REQUIRE_GRAPHVIZ=1`, so
/// there a missing `dot` fails the test; elsewhere it says it skipped.
#[test]
fn the_dot_graph_renders_with_graphviz() {
    let text = map("dot");
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            assert!(
                std::env::var_os("PRIVFLOW_REQUIRE_GRAPHVIZ").is_none(),
                "Graphviz `dot` is required but cannot run: {e} (install Debian's graphviz)"
            );
            eprintln!("SKIPPED: Graphviz `dot` not installed ({e})");
            return;
        }
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("dot runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8_lossy(&out.stdout);
    let m = model();
    let fns: std::collections::BTreeSet<&str> = m["flows"]
        .as_array()
        .expect("flows")
        .iter()
        .flat_map(|f| f["via"].as_array().into_iter().flatten())
        .filter_map(|v| v.as_str())
        .collect();
    let expected = m["data"].as_array().map_or(0, Vec::len)
        + m["sinks"].as_array().map_or(0, Vec::len)
        + fns.len();
    assert_eq!(
        svg.matches("class=\"node\"").count(),
        expected,
        "node count"
    );
}

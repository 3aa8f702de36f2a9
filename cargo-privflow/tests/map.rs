//! `cargo privflow map` on an example app, through the real binary: every format is snapshotted,
//! deterministic, consistent with the JSON model, the DOT renders with Graphviz, and the HTML page
//! runs in headless Chromium (no console message, every node drawn, the `#q=` filter applied).

use std::path::{Path, PathBuf};
use std::process::Command;

fn app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/03-cgm-videosprechstunde/Cargo.toml")
}

fn map(format: &str) -> String {
    map_of(&app(), format, &[])
}

/// `cargo privflow map --format FORMAT` of the workspace at `manifest`, with `extra` arguments.
fn map_of(manifest: &Path, format: &str, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["map", "--format", format, "--manifest-path"])
        .arg(manifest)
        .args(extra)
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
    for format in ["markdown", "json", "dot", "mermaid", "fides", "html"] {
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
    assert_eq!(
        svg.matches("class=\"node\"").count(),
        node_count(&model()),
        "node count"
    );
}

/// The graph's node count, from the model: data, sinks, and the distinct functions on the way.
fn node_count(m: &serde_json::Value) -> usize {
    let fns: std::collections::BTreeSet<&str> = m["flows"]
        .as_array()
        .expect("flows")
        .iter()
        .flat_map(|f| f["via"].as_array().into_iter().flatten())
        .filter_map(|v| v.as_str())
        .collect();
    m["data"].as_array().map_or(0, Vec::len) + m["sinks"].as_array().map_or(0, Vec::len) + fns.len()
}

const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">";

#[test]
fn the_html_page_is_self_contained() {
    let page = map("html");
    let head = &page[..page.find("</head>").expect("a head")];
    assert!(head.contains(CSP_META), "the CSP meta tag in <head>");
    // Nothing a browser would fetch from elsewhere.
    for attr in ["src=", "href="] {
        for (i, _) in page.match_indices(attr) {
            let value = page[i + attr.len()..].trim_start_matches(['"', '\'']);
            assert!(
                !["http://", "https://", "//"]
                    .iter()
                    .any(|p| value.starts_with(p)),
                "an external URL: {}",
                &page[i..(i + 80).min(page.len())]
            );
        }
    }
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("<link rel=\"stylesheet\"") && !page.contains("<script src"));
    assert_eq!(page.matches("class=\"node\"").count(), node_count(&model()));
}

/// Runs headless Chromium on `page` (written to a fresh temp dir) at `fragment` and returns the
/// DOM after the scripts ran (stdout) and the log (stderr, where every console message is a line
/// with `:CONSOLE`). `None` when Chromium cannot run, said as SKIPPED; with
/// `PRIVFLOW_REQUIRE_CHROMIUM` set (`.ci/run` sets it) that fails instead. Killed after 60 s.
fn chromium(page: &str, fragment: &str) -> Option<(String, String)> {
    chromium_with(page, fragment, &[])
}

/// [`chromium`] with more command-line flags.
fn chromium_with(page: &str, fragment: &str, flags: &[&str]) -> Option<(String, String)> {
    use std::time::{Duration, Instant};
    let skip = |why: String| {
        assert!(
            std::env::var_os("PRIVFLOW_REQUIRE_CHROMIUM").is_none(),
            "Chromium is required but {why} (install Debian's chromium, or set PRIVFLOW_CHROMIUM)"
        );
        eprintln!("SKIPPED: Chromium {why}");
        None
    };
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("map.html");
    std::fs::write(&file, page).expect("write the page");
    let out = dir.path().join("stdout");
    let err = dir.path().join("stderr");
    let bin = std::env::var_os("PRIVFLOW_CHROMIUM").unwrap_or_else(|| "chromium".into());
    let mut cmd = Command::new(&bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!(
        "--user-data-dir={}",
        dir.path().join("profile").display()
    ))
    .args(["--enable-logging=stderr", "--v=0"])
    .args(flags)
    .arg("--dump-dom")
    .arg(format!("file://{}{fragment}", file.display()))
    .stdin(std::process::Stdio::null())
    .stdout(std::fs::File::create(&out).expect("stdout file"))
    .stderr(std::fs::File::create(&err).expect("stderr file"));
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return skip(format!("cannot run {bin:?}: {e}")),
    };
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < Duration::from_secs(60) => {
                std::thread::sleep(Duration::from_millis(50))
            }
            Ok(None) => {
                // The browser and its helpers, by their process group.
                #[cfg(unix)]
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return skip("timed out after 60 s".to_string());
            }
            Err(e) => return skip(format!("could not be waited for: {e}")),
        }
    };
    let dom = std::fs::read_to_string(&out).unwrap_or_default();
    let log = std::fs::read_to_string(&err).unwrap_or_default();
    if !status.success() || dom.trim().is_empty() {
        let tail: Vec<&str> = log.lines().rev().take(8).collect();
        return skip(format!("exited with {status} and no DOM: {tail:?}"));
    }
    Some((dom, log))
}

fn console_lines(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

/// Text of serialised HTML: tags dropped, the entities Chromium writes decoded.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

struct Row {
    hidden: bool,
    ids: Vec<String>,
    /// The cells' text, one line per cell, lower-cased (as the page's filter reads it).
    text: String,
}

/// The rows of every table body in a dumped DOM.
fn rows(dom: &str) -> Vec<Row> {
    let mut out = Vec::new();
    for body in dom.split("<tbody>").skip(1) {
        let body = &body[..body.find("</tbody>").expect("tbody closed")];
        for tr in body.split("<tr").skip(1) {
            let (attrs, rest) = tr.split_once('>').expect("tr tag");
            let ids = attrs
                .split("data-ids=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let cells: Vec<String> = rest
                .split("<td")
                .skip(1)
                .map(|td| {
                    let inner = td.split_once('>').map_or("", |(_, r)| r);
                    text(inner.split("</td>").next().unwrap_or_default())
                })
                .collect();
            out.push(Row {
                hidden: attrs.split_whitespace().any(|a| a.starts_with("hidden")),
                ids,
                text: cells.join("\n").to_lowercase(),
            });
        }
    }
    out
}

/// The page in Chromium, opened at a `#q=` link: no console message (no error, no blocked
/// fetch), every graph node drawn, and exactly the rows holding the term left visible, as many
/// as the model says.
#[test]
fn the_html_page_runs_in_headless_chromium() {
    let page = map("html");
    let m = model();
    let arr = |k: &str| m[k].as_array().cloned().unwrap_or_default();
    let (data, sinks, flows) = (arr("data"), arr("sinks"), arr("flows"));
    let recipients = arr("recipients");
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();

    // A recipient named in a link (URL-encoded, other case): its flows in the inventory, its
    // sinks, its recipients row, and any drift item naming it.
    let lab = "Cloudflare, Inc.";
    let lab_sinks: Vec<String> = sinks
        .iter()
        .filter(|x| x["recipient"] == lab)
        .map(|x| s(&x["id"]))
        .collect();
    let by_recipient = flows
        .iter()
        .filter(|f| lab_sinks.contains(&s(&f["sink"])))
        .count()
        + lab_sinks.len()
        + 1
        + m["drift"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|d| d["undisclosed_recipients"].as_array().into_iter().flatten())
            .filter(|i| i["value"] == lab)
            .count();
    // A data category: its data's inventory rows (one per flow, or one when it reaches no sink)
    // and the recipients that receive it.
    let cat = "ip_address";
    let by_category = data
        .iter()
        .filter(|d| s(&d["category"]).contains(cat))
        .map(|d| flows.iter().filter(|f| f["data"] == d["id"]).count().max(1))
        .sum::<usize>()
        + recipients
            .iter()
            .filter(|r| {
                r["categories"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|c| s(c).contains(cat))
            })
            .count();

    for (fragment, term, expected) in [
        ("#q=cloudflare%2C%20INC.", "cloudflare, inc.", by_recipient),
        ("#q=ip_address", cat, by_category),
    ] {
        let Some((dom, log)) = chromium(&page, fragment) else {
            return;
        };
        let console = console_lines(&log);
        assert!(console.is_empty(), "console messages: {console:#?}");
        assert_eq!(
            dom.matches("class=\"node\"").count(),
            node_count(&m),
            "node count"
        );
        let rows = rows(&dom);
        for r in &rows {
            assert_eq!(!r.hidden, r.text.contains(term), "{fragment}: {}", r.text);
        }
        let shown = rows.iter().filter(|r| !r.hidden).count();
        assert!(0 < shown && shown < rows.len(), "{fragment}: {shown}");
        assert_eq!(shown, expected, "{fragment}: rows shown");
        let said = format!("{shown} of {} rows shown", rows.len());
        assert!(dom.contains(&said), "{fragment}: no \"{said}\"");
        assert!(dom.contains("data-dim"), "{fragment}: no graph node dimmed");
    }

    // A node picked (as a click does): the rows that involve it, the node marked, its edges lit.
    // The node: the first sink of a recipient that a drift item names, so every kind of row
    // (inventory, sink call, recipient, drift) is involved.
    let drift_items: Vec<&serde_json::Value> = m["drift"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| {
            [
                "undisclosed_recipients",
                "undisclosed_regions",
                "undisclosed_purposes",
            ]
            .into_iter()
            .flat_map(move |k| d[k].as_array().into_iter().flatten())
        })
        .collect();
    let used_by = |i: &serde_json::Value, id: &str| {
        i["used_by"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|u| u == id)
    };
    let picked = sinks
        .iter()
        .map(|x| s(&x["id"]))
        .find(|id| {
            sinks
                .iter()
                .any(|x| s(&x["id"]) == *id && !x["recipient"].is_null())
                && drift_items.iter().any(|i| used_by(i, id))
        })
        .expect("a sink of a recipient the drift names");
    let involved = |list: &[serde_json::Value], key: &str| {
        list.iter()
            .filter(|r| {
                r[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|x| s(x) == picked)
            })
            .count()
    };
    let expected = flows.iter().filter(|f| s(&f["sink"]) == picked).count()
        + 1
        + involved(&recipients, "sinks")
        + drift_items.iter().filter(|i| used_by(i, &picked)).count();
    let Some((dom, log)) = chromium(&page, &format!("#q=%40{picked}")) else {
        return;
    };
    assert!(console_lines(&log).is_empty(), "{:#?}", console_lines(&log));
    let rows = rows(&dom);
    for r in &rows {
        assert_eq!(!r.hidden, r.ids.contains(&picked), "{}", r.text);
    }
    assert_eq!(
        rows.iter().filter(|r| !r.hidden).count(),
        expected,
        "{picked}: its flows, its sink row, its recipient, its drift items"
    );
    assert!(dom.contains("data-sel=\"\""), "the picked node is marked");
    assert!(dom.contains("data-hl=\"\""), "its edges are lit");
}

/// The console detector above detects: an uncaught error and a fetch the CSP blocks both show
/// as `:CONSOLE` lines, so a page that logged anything would fail the test.
#[test]
fn the_console_detector_sees_errors_and_blocked_fetches() {
    let page = format!(
        "<!DOCTYPE html><html><head>{CSP_META}<title>t</title></head><body><img src=\"https://example.invalid/x.png\" alt=\"\"><script>throw new Error(\"privflow-detector\")</script></body></html>"
    );
    let Some((_, log)) = chromium(&page, "") else {
        return;
    };
    let console = console_lines(&log);
    assert!(
        console.iter().any(|l| l.contains("privflow-detector")),
        "the uncaught error is not seen: {log}"
    );
    assert!(
        console
            .iter()
            .any(|l| l.contains("Content Security Policy")),
        "the blocked fetch is not seen: {log}"
    );
}

/// The Mermaid flowchart parses and renders with Mermaid itself (its browser bundle, in headless
/// Chromium): every node is drawn. `.ci/run` installs the bundle from npm and points
/// `PRIVFLOW_MERMAID_JS` at it, with `PRIVFLOW_REQUIRE_MERMAID` set; elsewhere the test says it
/// skipped when the bundle is not there.
#[test]
fn the_mermaid_flowchart_renders_with_mermaid() {
    let bundle = std::env::var_os("PRIVFLOW_MERMAID_JS")
        .map(PathBuf::from)
        .and_then(|p| std::fs::read_to_string(&p).ok());
    let Some(bundle) = bundle else {
        assert!(
            std::env::var_os("PRIVFLOW_REQUIRE_MERMAID").is_none(),
            "Mermaid is required but PRIVFLOW_MERMAID_JS does not name a readable mermaid.min.js"
        );
        eprintln!(
            "SKIPPED: set PRIVFLOW_MERMAID_JS to Mermaid's mermaid.min.js (npm install mermaid)"
        );
        return;
    };
    // Mermaid renders asynchronously: the virtual time budget lets its promises settle before
    // Chromium dumps the DOM.
    let render = |diagram: &str| -> Option<(String, String)> {
        let page = format!(
            "<!doctype html><html><body><pre id=\"result\">pending</pre><div id=\"graph\"></div>\
             <script>{}</script><script>\
             const text = {};\
             mermaid.initialize({{startOnLoad: false}});\
             mermaid.parse(text).then(() => mermaid.render('map', text)).then(r => {{\
               document.getElementById('graph').innerHTML = r.svg;\
               document.getElementById('result').textContent = 'rendered';\
             }}, e => {{ document.getElementById('result').textContent = 'error: ' + e; }});\
             </script></body></html>",
            bundle.replace("</script", "<\\/script"),
            serde_json::to_string(diagram).expect("a JSON string")
        );
        chromium_with(&page, "", &["--virtual-time-budget=20000"])
    };
    let result = |dom: &str| -> String {
        let open = "<pre id=\"result\">";
        let start = dom.find(open).map_or(0, |i| i + open.len());
        dom[start..]
            .split('<')
            .next()
            .unwrap_or_default()
            .to_string()
    };

    let Some((dom, _)) = render(&map("mermaid")) else {
        return;
    };
    assert_eq!(result(&dom), "rendered", "Mermaid rejects the flowchart");
    // Mermaid gives each flowchart node the id `<svg id>-flowchart-<node id>-<n>`.
    let mut nodes: Vec<&str> = dom
        .match_indices("-flowchart-")
        .map(|(i, _)| {
            let rest = &dom[i + "-flowchart-".len()..];
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect();
    nodes.sort();
    nodes.dedup();
    assert_eq!(nodes.len(), node_count(&model()), "nodes drawn: {nodes:?}");

    // And a broken flowchart is rejected, so the check above could fail.
    let Some((dom, _)) = render("flowchart LR\n  a[\"open --> b\n") else {
        return;
    };
    assert!(result(&dom).starts_with("error"), "{}", result(&dom));
}

/// Runs `tests/data/check_fides_manifest.py` on `manifest` with fideslang's Python
/// (`PRIVFLOW_FIDESLANG_PYTHON`, a venv `.ci/run` makes with `fideslang==3.1.4`, which also sets
/// `PRIVFLOW_REQUIRE_FIDESLANG`); `None` (said as SKIPPED) when there is none.
fn fideslang_check(manifest: &str) -> Option<serde_json::Value> {
    let Some(python) = std::env::var_os("PRIVFLOW_FIDESLANG_PYTHON") else {
        assert!(
            std::env::var_os("PRIVFLOW_REQUIRE_FIDESLANG").is_none(),
            "fideslang is required but PRIVFLOW_FIDESLANG_PYTHON is not set"
        );
        eprintln!("SKIPPED: set PRIVFLOW_FIDESLANG_PYTHON to a Python with fideslang installed");
        return None;
    };
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("privflow.yml");
    std::fs::write(&file, manifest).expect("write the manifest");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/check_fides_manifest.py");
    let out = Command::new(python)
        .arg(script)
        .arg(&file)
        .output()
        .expect("fideslang's Python runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "fideslang rejects the manifest: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_str(&text).expect("the checker prints JSON"))
}

/// The fideslang manifest loads as Fides loads it: every system validates with fideslang's
/// models, and every key it references (data uses, categories, subjects, egress systems) is in
/// the default taxonomy or defined in the manifest.
#[test]
fn the_fides_manifest_loads_with_fideslang() {
    let Some(checked) = fideslang_check(&map("fides")) else {
        return;
    };
    assert_eq!(checked["missing"], serde_json::json!([]), "{checked}");
    // The system itself and one per recipient it sends data to.
    let recipients = model()["recipients"].as_array().map_or(0, Vec::len);
    assert_eq!(
        checked["systems"].as_array().map(Vec::len),
        Some(1 + recipients),
        "{checked}"
    );
    assert_eq!(checked["custom"], serde_json::json!([]), "{checked}");

    // Keys outside the default taxonomy are defined, with their parents; without those
    // definitions Fides would miss them.
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"study\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .expect("write Cargo.toml");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir");
    std::fs::write(
        dir.path().join("src/lib.rs"),
        r#"#[privflow::data]
pub struct Sample {
    #[phi(subject = "donor")]
    pub genome: String,
}

#[privflow::sink(kind = "network", region = "DE", recipient = "Biobank Greifswald", purpose = "research.clinical", encrypted = true)]
pub fn share(_s: &str) {}

pub fn donate(s: &Sample) {
    share(&s.genome);
}
"#,
    )
    .expect("write lib.rs");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["map", "--format", "fides", "--manifest-path"])
        .arg(dir.path().join("Cargo.toml"))
        .output()
        .expect("the binary runs");
    let manifest = String::from_utf8(out.stdout).expect("UTF-8");
    let Some(checked) = fideslang_check(&manifest) else {
        return;
    };
    assert_eq!(
        checked["missing"],
        serde_json::json!([]),
        "{checked}\n{manifest}"
    );
    assert_eq!(
        checked["custom"],
        serde_json::json!(["donor", "research", "research.clinical"]),
        "{checked}"
    );
    assert_eq!(
        checked["systems"],
        serde_json::json!(["biobank_greifswald", "study"]),
        "{checked}"
    );
    // Without the definitions, the references are missing: the check above could fail.
    let cut = manifest
        .find("data_use:")
        .zip(manifest.find("system:"))
        .map(|(a, b)| format!("{}{}", &manifest[..a], &manifest[b..]))
        .expect("the manifest defines data uses before its systems");
    let Some(checked) = fideslang_check(&cut) else {
        return;
    };
    let missing = checked["missing"].as_array().expect("missing").clone();
    assert!(
        missing.contains(&serde_json::json!("research.clinical")),
        "{checked}"
    );
}

/// The guarded actions and erasure sections hold what the `privflow/*` rules judge: CloudVisit's
/// `load_visit` is called from five handlers and one lacks its check (`--features compliant`: none
/// does); Visual Systems' careless ticket purge reaches no deletion of `TicketMessage`.
#[test]
fn the_map_shows_guarded_actions_and_erasure() {
    let json = |app: &str, extra: &[&str]| -> serde_json::Value {
        let manifest =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../examples/{app}/Cargo.toml"));
        serde_json::from_str(&map_of(&manifest, "json", extra)).expect("the JSON map parses")
    };
    let m = json("02-cloudvisit-portal", &[]);
    let g = &m["guarded"][0];
    assert_eq!(g["function"], "load_visit", "{g}");
    assert_eq!(g["checks"][0], "hipaa.visit_access", "{g}");
    let calls = g["calls"].as_array().expect("calls");
    assert_eq!(calls.len(), 5, "{g}");
    let unchecked: Vec<&str> = calls
        .iter()
        .filter(|c| c["missing"].as_array().is_some_and(|m| !m.is_empty()))
        .filter_map(|c| c["function"].as_str())
        .collect();
    assert_eq!(unchecked, vec!["get_visit"], "{g}");
    let fixed = json("02-cloudvisit-portal", &["--features", "compliant"]);
    let missing: usize = fixed["guarded"][0]["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .map(|c| c["missing"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(missing, 0, "{}", fixed["guarded"]);

    let m = json("04-visual-systems-support", &[]);
    let purge: Vec<(&str, bool)> = m["erasure"]
        .as_array()
        .expect("erasure")
        .iter()
        .filter(|e| e["function"] == "purge_old_tickets")
        .map(|e| (e["data_type"].as_str().unwrap_or(""), e["deletes"] == true))
        .collect();
    assert_eq!(
        purge,
        vec![("SupportTicket", true), ("TicketMessage", false)],
        "{}",
        m["erasure"]
    );
}
